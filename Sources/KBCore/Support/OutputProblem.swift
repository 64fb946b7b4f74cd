/// Why an output destination (`--out`) cannot take a document; each domain words it in its own error
/// (`ReviewError`, `TrainingError`).
public enum OutputProblem: Error, Equatable, Sendable {
    /// Files that exist and may not be overwritten; nothing was written.
    case exists(paths: [String])
    /// The path names a folder where a file is wanted.
    case isFolder(path: String)
    /// The folder that should hold the file does not exist (for destinations that do not create folders).
    case folderMissing(path: String, folder: String)
    /// The path cannot be written: a name or path over the file system's limits, a file where a folder is needed,
    /// or the system's own refusal; `reason` says which, lower-case.
    case unwritable(path: String, reason: String)
}
