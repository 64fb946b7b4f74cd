import Foundation

/// The project's external reference data in `../shared/testdata`, when this checkout has it.
public enum SharedTestData {
    /// The package root, found from this file's location.
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static let directory: URL = packageRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/testdata", isDirectory: true)

    public static var isAvailable: Bool {
        FileManager.default.fileExists(atPath: directory.path)
    }

    public static func url(_ relativePath: String) -> URL {
        directory.appendingPathComponent(relativePath)
    }
}
