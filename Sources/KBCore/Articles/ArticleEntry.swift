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
    /// Where the file really is, when it is a symbolic link out of the workspace: such a file is never read.
    public var outsideTarget: String?

    /// Reads the file; one reached through a link out of the workspace is refused (its `readError` says so).
    public func read() throws(ArticleError) -> ArticleFile {
        if let outsideTarget { return ArticleFile(path: path, refusal: .outsideWorkspace(path: path, target: outsideTarget)) }
        do {
            return try ArticleFile.read(URL(fileURLWithPath: absolutePath), path: path)
        } catch {
            throw .unreadable(path: path, reason: ArticleScanner.describe(error))
        }
    }
}
