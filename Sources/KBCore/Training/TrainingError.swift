/// Why customer material could not be written.
public enum TrainingError: Error, Equatable, Sendable, DiagnosticConvertible {
    /// The output file exists and overwriting was not asked for.
    case outputExists(path: String)
    /// The folder that should hold the output file does not exist.
    case outputFolderMissing(path: String, folder: String)
    /// The output path names a folder.
    case outputIsFolder(path: String)
    /// The file could not be written.
    case unwritable(path: String, reason: String)

    /// The path the error is about.
    public var path: String {
        switch self {
        case .outputExists(let path), .outputFolderMissing(let path, _), .outputIsFolder(let path),
             .unwritable(let path, _): path
        }
    }

    /// `PATH: error: reason`, lower-case.
    public var diagnostic: Diagnostic { Diagnostic(.error, reason, at: .init(path: path)) }

    private var reason: String {
        switch self {
        case .outputExists:
            "file already exists; pass --force to overwrite it"
        case .outputFolderMissing(_, let folder):
            "folder \(folder) does not exist; create it first"
        case .outputIsFolder:
            "is a folder; give a file name"
        case .unwritable(_, let reason):
            "cannot write file: \(reason)"
        }
    }
}
