/// Why an article file could not be read or parsed.
public enum ArticleError: Error, Equatable, Sendable, DiagnosticConvertible {
    /// The front matter is malformed or a required field is missing or invalid, at `line` of the file.
    case invalidFrontMatter(path: String, line: Int, reason: String)
    /// The file is not valid UTF-8.
    case invalidEncoding(path: String)
    /// The file or folder could not be read.
    case unreadable(path: String, reason: String)
    /// The file is over the size kb reads for an article (`ArticleFile.maximumBytes`).
    case tooLarge(path: String, bytes: Int, limit: Int)
    /// The file (or the articles folder) is a symbolic link resolving to `target`, outside the workspace.
    case outsideWorkspace(path: String, target: String)

    /// The workspace-relative path of the file concerned.
    public var path: String {
        switch self {
        case .invalidFrontMatter(let path, _, _), .invalidEncoding(let path), .unreadable(let path, _),
             .tooLarge(let path, _, _), .outsideWorkspace(let path, _): path
        }
    }

    /// The 1-based line the error points at (1 when it concerns the whole file).
    public var line: Int {
        switch self {
        case .invalidFrontMatter(_, let line, _): line
        case .invalidEncoding, .unreadable, .tooLarge, .outsideWorkspace: 1
        }
    }

    /// The message without location, lower-case.
    public var reason: String {
        switch self {
        case .invalidFrontMatter(_, _, let reason): reason
        case .invalidEncoding: "file is not valid UTF-8"
        case .unreadable(_, let reason): "cannot read file: \(reason)"
        case .tooLarge(_, let bytes, let limit):
            "file of \(bytes) bytes is over the limit of \(limit) bytes for an article; split it or move logs and images out"
        case .outsideWorkspace(_, let target): WorkspaceConfinement.reason(kind: "articles", target: target)
        }
    }

    /// `PATH:LINE: error: reason`, the compiler-style form editors can jump to.
    public var diagnostic: Diagnostic { Diagnostic(.error, reason, at: Diagnostic.Location(path: path, line: line)) }
}
