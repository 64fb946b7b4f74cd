import Foundation

/// Paths the Render tests read, found from this file's location so they work from any working directory.
enum RenderTestPaths {
    /// `Tests/KBCoreTests/Render`.
    static let renderTestsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    /// The package root (three levels above this folder).
    static let packageRoot = renderTestsDirectory
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Committed golden files.
    static let goldenDirectory = renderTestsDirectory.appendingPathComponent("Golden")

    /// `../shared/testdata/mustache-spec` next to the package; absent in most clones.
    static let mustacheSpecDirectory = packageRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/testdata/mustache-spec")

    static var mustacheSpecIsAvailable: Bool {
        FileManager.default.fileExists(atPath: mustacheSpecDirectory.appendingPathComponent("sections.json").path)
    }
}
