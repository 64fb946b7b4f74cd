/// Why the database cannot be opened or used.
public enum StoreError: Error, DiagnosticConvertible, Sendable, Equatable {
    /// The file exists but is not an SQLite database (or is corrupted).
    case notADatabase(path: String)
    /// A folder where the database file should be.
    case isDirectory(path: String)
    /// An SQLite database that kb did not create.
    case foreignDatabase(path: String)
    /// A database written by a newer kb than this one.
    case newerSchema(path: String, found: Int, supported: Int)
    /// A database of an older schema that must be upgraded where this user may not write.
    case cannotUpgrade(path: String, supported: Int)
    /// SQLite was built without FTS5.
    case missingFTS5
    /// No database yet where one is needed.
    case missing(path: String)
    /// The database cannot be reached (a folder on its path this user may not enter, say).
    case inaccessible(path: String, reason: String)
    /// The database (or its folder) could not be created.
    case cannotCreate(path: String, reason: String)
    /// `PRAGMA integrity_check` reported problems.
    case corrupted(path: String, detail: String)
    /// A bulk write could not use its temporary file of posting lists in `directory` (disk full, say); nothing was written.
    case scratchFile(directory: String, reason: String)
    /// The database belongs to workspace `owner`, which uses the same file, and `workspace` opened it too.
    case sharedDatabase(path: String, workspace: String, owner: String)

    public var diagnostic: Diagnostic {
        switch self {
        case let .notADatabase(path):
            return Diagnostic(.error, "\(path) is not a kb database (not an SQLite file, or corrupted); move it away and run 'kb import' again")
        case let .isDirectory(path):
            return Diagnostic(.error, "\(path) is a folder, where kb keeps its database file; move the folder away, "
                + "then 'kb import' and 'kb index' build the database again")
        case let .foreignDatabase(path):
            return Diagnostic(.error, "\(path) is an SQLite database that kb did not create; kb will not write to it")
        case let .newerSchema(path, found, supported):
            return Diagnostic(.error, "\(path) has schema version \(found), made by a newer kb (this one knows up to \(supported)); upgrade kb")
        case let .cannotUpgrade(path, supported):
            return Diagnostic(.error, "\(path) was made by an older kb and must be upgraded to schema version \(supported), "
                + "which needs write access; run 'kb index' once as a user who may write it")
        case .missingFTS5:
            return Diagnostic(.error, "this SQLite library was built without FTS5; install Debian's libsqlite3-dev (3.40 or later)")
        case let .missing(path):
            return Diagnostic(.error, "no database at \(path) yet; run 'kb import FILE' or 'kb index' first")
        case let .inaccessible(path, reason):
            return Diagnostic(.error, "cannot open \(path): \(reason)")
        case let .cannotCreate(path, reason):
            return Diagnostic(.error, "cannot create \(path): \(reason)")
        case let .corrupted(path, detail):
            return Diagnostic(.error, "\(path) is corrupted: \(detail)")
        case let .scratchFile(directory, reason):
            return Diagnostic(.error, "cannot use a temporary file in \(directory) while writing the posting lists: \(reason); "
                + "nothing was written; make room there (it needs about a fifth of the database's size) and run the command again")
        case let .sharedDatabase(path, workspace, owner):
            return Diagnostic(.error, "\(path) is the database of the workspace \(owner), and \(workspace) uses the same file; "
                + "kb will not mix two workspaces' tickets and articles ('kb index' here would remove the other's articles); "
                + "give this workspace its own .kb/ folder, or set \(Workspace.allowSharedDatabaseVariable)=1 to share it anyway")
        }
    }
}
