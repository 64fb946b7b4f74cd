/// Why the database cannot be opened or used.
public enum StoreError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file exists but is not an SQLite database (or is corrupted).
    case notADatabase(path: String)
    /// An SQLite database that kb did not create.
    case foreignDatabase(path: String)
    /// A database written by a newer kb than this one.
    case newerSchema(path: String, found: Int, supported: Int)
    /// SQLite was built without FTS5.
    case missingFTS5
    /// No database yet where one is needed.
    case missing(path: String)
    /// `PRAGMA integrity_check` reported problems.
    case corrupted(path: String, detail: String)

    public var description: String {
        switch self {
        case let .notADatabase(path):
            return "\(path) is not a kb database (not an SQLite file, or corrupted); move it away and run 'kb import' again"
        case let .foreignDatabase(path):
            return "\(path) is an SQLite database that kb did not create; kb will not write to it"
        case let .newerSchema(path, found, supported):
            return "\(path) has schema version \(found), made by a newer kb (this one knows up to \(supported)); upgrade kb"
        case .missingFTS5:
            return "this SQLite library was built without FTS5; install Debian's libsqlite3-dev (3.40 or later)"
        case let .missing(path):
            return "no database at \(path) yet; run 'kb import FILE' or 'kb index' first"
        case let .corrupted(path, detail):
            return "\(path) is corrupted: \(detail)"
        }
    }
}
