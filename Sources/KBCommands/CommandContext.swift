import Foundation
import KBCore

/// What a running command can reach: its output streams, environment, current folder and standard input.
///
/// Not `Sendable` (it holds the standard-input reader); a command uses it on the thread that runs it. The streams
/// themselves may be written from any thread.
public struct CommandContext {
    public let stdout: OutputStream
    public let stderr: OutputStream
    public let environment: [String: String]
    public let currentDirectory: URL
    /// Reads standard input, when the command needs it.
    public let readStandardInput: () -> Data
    /// True when standard input is the process's own (descriptor 0), which a command may stream; false when a
    /// caller (a test, the demo) hands it over as `readStandardInput`.
    public let standardInputIsTheProcesses: Bool
    /// The workspace folder given with `--root` (before or after the subcommand); nil: `KB_ROOT` or a search upwards.
    public var root: String?

    public init(stdout: OutputStream, stderr: OutputStream, environment: [String: String],
                currentDirectory: URL, readStandardInput: @escaping () -> Data, standardInputIsTheProcesses: Bool = false) {
        self.stdout = stdout
        self.stderr = stderr
        self.environment = environment
        self.currentDirectory = currentDirectory
        self.readStandardInput = readStandardInput
        self.standardInputIsTheProcesses = standardInputIsTheProcesses
    }

    /// The instant commands treat as now: `KB_NOW` when set (tests fix it), else the system clock.
    public var clock: @Sendable () -> Timestamp {
        if let text = environment["KB_NOW"], let stamp = Timestamp(iso8601: text) { return { stamp } }
        return KnowledgeBase.systemClock
    }

    /// The current instant of `clock`.
    public var now: Timestamp { clock() }

    /// The workspace named by `--root`, `KB_ROOT`, or found upwards from the current folder.
    public func workspace() throws -> Workspace {
        try Workspace.locate(explicit: root ?? environment["KB_ROOT"], start: currentDirectory, environment: environment)
    }

    /// The workspace for a command that reads `--root` from its parsed arguments.
    public func workspace(_ arguments: ParsedArguments) throws -> Workspace {
        try Workspace.locate(explicit: arguments.value("--root") ?? root ?? environment["KB_ROOT"], start: currentDirectory,
                             environment: environment)
    }

    /// The knowledge base of the workspace, measuring at `clock` and showing progress on a terminal.
    public func knowledgeBase() throws -> KnowledgeBase {
        let knowledgeBase = KnowledgeBase(workspace: try workspace(), clock: clock)
        knowledgeBase.progress = { [self] text in progress(text) }
        return knowledgeBase
    }

    /// A path argument resolved against the current folder.
    public func url(_ path: String) -> URL {
        URL(fileURLWithPath: path, relativeTo: currentDirectory).standardizedFileURL
    }

    /// A file the command reads, named by `path`: resolved against the current folder, and refused
    /// (`WorkspaceError.outsideWorkspace`, naming it a file of `kind`) when it is inside the workspace as written
    /// but a symbolic link takes it outside.
    public func input(_ path: String, kind: String) throws -> URL {
        let url = url(path)
        try confinement().check(url, displayPath: path, kind: kind)
        return url
    }

    /// A file, or a folder whose files ending in `suffix` kb reads, each checked like `input(_:kind:)`.
    public func inputs(_ path: String, kind: String, suffix: String) throws -> URL {
        let folder = try input(path, kind: kind)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        // One confinement for the folder: finding the workspace and resolving its root is not per-file work.
        let confinement = confinement()
        for name in names.sorted() where name.hasSuffix(suffix) {
            try confinement.check(folder.appendingPathComponent(name), displayPath: path + "/" + name, kind: kind)
        }
        return folder
    }

    /// What a command's input files are kept inside: the workspace, or the current folder where there is none
    /// (`kb render`).
    public func confinement() -> WorkspaceConfinement {
        WorkspaceConfinement(root: (try? workspace())?.root ?? currentDirectory)
    }

    /// Prints `value`'s JSON (KBCore's, the same bytes the HTTP API answers) and a newline.
    public func printJSON(_ value: some JSONEncodable) {
        stdout.line(value.jsonText())
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
