import Foundation
import KBCore

/// What a running command can reach: its output streams, environment, current folder and standard input.
public struct CommandContext {
    public let stdout: OutputStream
    public let stderr: OutputStream
    public let environment: [String: String]
    public let currentDirectory: URL
    /// Reads standard input, when the command needs it.
    public let readStandardInput: () -> Data
    /// The instant commands treat as now (tests fix it through `KB_NOW`).
    public var now: Timestamp {
        if let text = environment["KB_NOW"], let stamp = Timestamp(iso8601: text) { return stamp }
        return Timestamp(date: Date())
    }

    public init(stdout: OutputStream, stderr: OutputStream, environment: [String: String],
                currentDirectory: URL, readStandardInput: @escaping () -> Data) {
        self.stdout = stdout
        self.stderr = stderr
        self.environment = environment
        self.currentDirectory = currentDirectory
        self.readStandardInput = readStandardInput
    }

    /// The workspace named by `--root`, `KB_ROOT`, or found upwards from the current folder.
    public func workspace(_ arguments: ParsedArguments) throws -> Workspace {
        try Workspace.locate(explicit: arguments.value("--root") ?? environment["KB_ROOT"], start: currentDirectory)
    }

    /// A path argument resolved against the current folder.
    public func url(_ path: String) -> URL {
        URL(fileURLWithPath: path, relativeTo: currentDirectory).standardizedFileURL
    }

    /// Shows a transient progress line on a terminal; nothing otherwise.
    public func progress(_ text: String) {
        guard stderr.isTerminal else { return }
        stderr.write(TerminalSanitizer.Styled(.lineStart, text))
        stderr.flush()
    }

    /// Clears the progress line.
    public func endProgress() {
        guard stderr.isTerminal else { return }
        stderr.write(TerminalSanitizer.Styled(.lineStart))
        stderr.flush()
    }
}

/// One `kb` subcommand: its spec and what it does.
protocol Subcommand {
    static var spec: CommandSpec { get }
    /// Runs the command; returns the exit code (0 success, 1 failure).
    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32
    /// Nested subcommands (`kb article draft`), dispatched by their spec name.
    static var children: [any Subcommand.Type] { get }
}

extension Subcommand {
    static var children: [any Subcommand.Type] { [] }
}
