import Foundation
import KBCore

/// `--out PATH`: where a command writes its document (`-`: standard output), checked before any work is done.
struct OutputOptions: ParsableArguments {
    @Option(valueName: "PATH", help: "Write to PATH ('-': standard output).") var out: String?

    func validate() throws {
        if out == "" { throw UsageError("--out needs a path, not an empty string") }
    }

    /// True when the output goes to standard output (`-`, or no `--out`).
    var isStandardOutput: Bool { out == nil || out == "-" }

    /// The destination for `--out`, checked already (problems thrown as `wording` says), nil for standard output.
    func checkedDestination(_ context: CommandContext, kind: OutputDestination.Kind, overwrite: Bool, createsFolders: Bool,
                            wording: @escaping @Sendable (OutputProblem) -> any Error) throws -> OutputDestination? {
        guard let out, out != "-" else { return nil }
        let destination = OutputDestination(path: out, relativeTo: context.currentDirectory, kind: kind, overwrite: overwrite,
                                            createsFolders: createsFolders, wording: wording)
        try destination.check()
        return destination
    }
}
