import Foundation

/// A fresh folder under the system temporary directory, removed when released.
public final class TemporaryDirectory {
    public let url: URL

    public init(prefix: String = "kb-test") throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(prefix)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    public var path: String { url.path }

    /// Writes `text` to a file under the folder (creating intermediate folders) and returns its URL.
    @discardableResult
    public func write(_ relativePath: String, _ text: String) throws -> URL {
        let file = url.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return file
    }

    /// Creates an empty workspace (a folder holding `kb/`).
    public func makeWorkspace() throws {
        try FileManager.default.createDirectory(at: url.appendingPathComponent("kb/articles"), withIntermediateDirectories: true)
    }
}
