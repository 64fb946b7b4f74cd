import Foundation

/// Debian's headless Chromium, driven from the command line: the DOM a page has after loading, and screenshots.
/// Tests that need it skip, saying so, when it is not installed.
struct HeadlessChromium {
    let executable: URL

    /// The browser, or nil when none is installed.
    static let installed: HeadlessChromium? = {
        for path in ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/lib/chromium/chromium"]
        where FileManager.default.isExecutableFile(atPath: path) {
            return HeadlessChromium(executable: URL(fileURLWithPath: path))
        }
        return nil
    }()

    /// The serialised DOM of `url` after it loaded (scripts run, up to a budget of virtual time), in a window
    /// `width` pixels wide. `language` is the browser's Accept-Language.
    func dom(_ url: String, width: Int = 1280, language: String = "es") throws -> String {
        try run(["--dump-dom", "--virtual-time-budget=3000", "--window-size=\(width),1600", "--lang=\(language)", "--accept-lang=\(language)", url])
    }

    /// Saves a PNG of `url` at `width` × `height` to `path`.
    func screenshot(_ url: String, to path: String, width: Int, height: Int = 1600, language: String = "es") throws {
        _ = try run(["--screenshot=\(path)", "--hide-scrollbars", "--window-size=\(width),\(height)", "--lang=\(language)", "--accept-lang=\(language)", url])
    }

    private func run(_ arguments: [String]) throws -> String {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("kb-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = Process()
        process.executableURL = executable
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                             "--user-data-dir=\(profile.path)"] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Read to the end before waiting: a full pipe would block the browser.
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BrowserError.failed(process.terminationStatus, arguments) }
        return String(decoding: data, as: UTF8.self)
    }

    enum BrowserError: Error {
        case failed(Int32, [String])
    }
}
