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
}
