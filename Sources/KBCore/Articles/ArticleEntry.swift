import Foundation

/// An article file found on disk, before it is read: its path and the stat data that tell whether it changed.
public struct ArticleEntry: Sendable, Equatable {
    /// Path relative to the workspace root, with `/` separators.
    public let path: String
    /// The file's path on disk.
    public let absolutePath: String
    public let size: Int64
    /// Modification time in nanoseconds since 1970.
    public let modifiedNanoseconds: Int64

    /// Reads the file.
    public func read() throws(ArticleError) -> ArticleFile {
        do {
            return try ArticleFile.read(URL(fileURLWithPath: absolutePath), path: path)
        } catch {
            throw .unreadable(path: path, reason: ArticleScanner.describe(error))
        }
    }
}
