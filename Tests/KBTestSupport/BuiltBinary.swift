import Foundation

/// Runs the built `kb` executable as a separate process, for end-to-end tests.
public enum BuiltBinary {
    /// The `kb` executable next to the test bundle (SwiftPM builds it with the tests).
    public static var kbURL: URL? {
        var candidates: [URL] = []
        if let executable = Bundle.main.executableURL { candidates.append(executable.deletingLastPathComponent()) }
        candidates.append(SharedTestData.packageRoot.appendingPathComponent(".build/debug"))
        for folder in candidates {
            let url = folder.appendingPathComponent("kb")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }

    /// Starts `kb` with `arguments` in `directory`, output discarded.
    public static func start(_ arguments: [String], in directory: URL) throws -> Process {
        guard let url = kbURL else { throw CocoaError(.fileNoSuchFile) }
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Runs `kb` to completion, returning its exit code and outputs (pipes read before waiting).
    public static func run(_ arguments: [String], in directory: URL, environment: [String: String]? = nil) throws -> (code: Int32, stdout: String, stderr: String) {
        guard let url = kbURL else { throw CocoaError(.fileNoSuchFile) }
        return try run(url, arguments, in: directory, environment: environment, input: nil)
    }

    /// Runs `kb` with `input` written into its standard input through a pipe (not a file: kb reads it as it streams).
    public static func run(_ arguments: [String], in directory: URL, input: Data) throws -> (code: Int32, stdout: String, stderr: String) {
        guard let url = kbURL else { throw CocoaError(.fileNoSuchFile) }
        return try run(url, arguments, in: directory, environment: nil, input: input)
    }

    /// Runs `/bin/bash -c script` with the built `kb` as `$KB` (for process substitution, `<(…)`, and pipelines).
    public static func shell(_ script: String, in directory: URL) throws -> (code: Int32, stdout: String, stderr: String) {
        guard let url = kbURL else { throw CocoaError(.fileNoSuchFile) }
        var environment = ProcessInfo.processInfo.environment
        environment["KB"] = url.path
        return try run(URL(fileURLWithPath: "/bin/bash"), ["-c", script], in: directory, environment: environment, input: nil)
    }

    private static func run(_ url: URL, _ arguments: [String], in directory: URL, environment: [String: String]?,
                            input: Data?) throws -> (code: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = directory
        if let environment { process.environment = environment }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let inputPipe = input.map { _ in Pipe() }
        if let inputPipe { process.standardInput = inputPipe }
        try process.run()
        if let input, let inputPipe {
            // Written from its own thread: a pipe holds 64 KB, and kb reads while this writes.
            let writer = inputPipe.fileHandleForWriting
            Thread {
                try? writer.write(contentsOf: input)
                try? writer.close()
            }.start()
        }
        // Read both pipes concurrently so a full pipe never blocks the child.
        let errorData = LockedData()
        let reader = Thread { errorData.set(err.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let outputData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errorData.isSet { usleep(1000) }
        return (process.terminationStatus, String(decoding: outputData, as: UTF8.self), String(decoding: errorData.value, as: UTF8.self))
    }
}

/// Data handed from a reader thread.
final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private var done = false

    func set(_ value: Data) {
        lock.lock()
        data = value
        done = true
        lock.unlock()
    }

    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return done
    }

    var value: Data {
        lock.lock()
        defer { lock.unlock() }
        return data
    }
}
