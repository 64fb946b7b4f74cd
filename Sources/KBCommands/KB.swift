import Foundation
import KBCore

/// The kb command line, callable in-process so tests drive it without spawning a binary.
public enum KB {
    public static let version = "0.1.0"

    /// Exit codes.
    public static let success: Int32 = 0
    public static let failure: Int32 = 1
    public static let usage: Int32 = 64

    /// Every subcommand; a new command is one file and one line here.
    static var subcommands: [any Subcommand.Type] {
        [
            ArticleCommand.self,
            AutomationsCommand.self,
            DemoCommand.self,
            GapsCommand.self,
            GenerateCommand.self,
            ImportCommand.self,
            IndexCommand.self,
            InitCommand.self,
            PolicyCommand.self,
            RenderCommand.self,
            ReviewCommand.self,
            SearchCommand.self,
            ServeCommand.self,
            ShowCommand.self,
            SLACommand.self,
            SuggestCommand.self,
            TrainingCommand.self,
        ]
    }

    static var rootSpec: CommandSpec {
        CommandSpec(
            name: "kb",
            abstract: "A knowledge base and post-incident review tool for technical support teams.",
            discussion: "kb indexes resolved tickets and Markdown articles in one SQLite file and helps agents, writers, leads and trainers work from them.",
            subcommands: subcommands.map { $0.spec } + [helpSpec])
    }

    static let helpSpec = CommandSpec(
        name: "help", abstract: "Show help for a subcommand.",
        arguments: [ArgumentSpec("subcommand", help: "The subcommand to describe.", optional: true, repeating: true)])

    /// Options `kb` takes before the subcommand: the common ones and `--version`.
    static let globalOptions = CommandSpec.commonOptions + [.flag("--version", help: "Show the version.")]

    /// Runs kb with `arguments` (without the program name) and returns the exit code.
    public static func run(arguments: [String], stdout: OutputStream, stderr: OutputStream,
                           environment: [String: String] = ProcessInfo.processInfo.environment,
                           currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
                           standardInput: (() -> Data)? = nil) -> Int32 {
        // nil: the process's own standard input, which `kb import -` streams instead of reading it whole first.
        var context = CommandContext(stdout: stdout, stderr: stderr, environment: environment, currentDirectory: currentDirectory,
                                     readStandardInput: standardInput ?? { FileHandle.standardInput.readDataToEndOfFile() },
                                     standardInputIsTheProcesses: standardInput == nil)
        defer {
            stdout.flush()
            stderr.flush()
        }
        let global: ParsedArguments
        let rest: Int
        do {
            (global, rest) = try ArgumentParser.parseLeadingOptions(arguments, options: globalOptions)
        } catch {
            return usageFailure(error, spec: rootSpec, path: ["kb"], context)
        }
        if global.flag("--version") {
            stdout.line("kb \(version)")
            return success
        }
        context.root = global.value("--root")
        guard rest < arguments.count, !global.flag("--help") else {
            stdout.write(HelpRenderer.help(rootSpec, path: ["kb"], globalOptions: globalOptions))
            return success
        }
        let name = arguments[rest]
        let remaining = Array(arguments[(rest + 1)...])
        if name == "help" { return help(remaining, context) }
        guard let command = subcommands.first(where: { $0.spec.name == name }) else {
            stderr.line("error: unknown subcommand '\(name)'")
            stderr.line("Usage: \(HelpRenderer.usage(rootSpec, path: ["kb"]))")
            stderr.line("See 'kb --help'.")
            return usage
        }
        return run(command, path: ["kb", name], arguments: remaining, context)
    }

    private static func run(_ command: any Subcommand.Type, path: [String], arguments: [String],
                            _ context: CommandContext) -> Int32 {
        if let name = arguments.first, let child = command.children.first(where: { $0.spec.name == name }) {
            return run(child, path: path + [name], arguments: Array(arguments.dropFirst()), context)
        }
        let spec = command.spec
        var context = context
        let parsed: ParsedArguments
        do {
            parsed = try parse(arguments, spec: spec, context: &context)
        } catch {
            return usageFailure(error, spec: spec, path: path, context)
        }
        if parsed.flag("--help") {
            context.stdout.write(HelpRenderer.help(spec, path: path))
            return success
        }
        do {
            return try command.run(parsed, context)
        } catch let error as UsageError {
            return usageFailure(error, spec: spec, path: path, context)
        } catch let error as any UsageProblem where error.isUsageProblem {
            return usageFailure(error, spec: spec, path: path, context)
        } catch {
            report(error, context)
            return failure
        }
    }

    /// The subcommand's arguments, with a `--root` given before the subcommand merged in (once only).
    private static func parse(_ arguments: [String], spec: CommandSpec, context: inout CommandContext) throws -> ParsedArguments {
        var parsed = try ArgumentParser.parse(arguments, spec: spec)
        if let root = context.root {
            guard parsed.values["--root"] == nil else { throw UsageError("--root given more than once") }
            parsed.values["--root"] = [root]
        }
        context.root = parsed.value("--root")
        if context.root == "" { throw UsageError("--root needs a folder, not an empty string") }
        return parsed
    }

    static func usageFailure(_ error: Error, spec: CommandSpec, path: [String], _ context: CommandContext) -> Int32 {
        context.stderr.line(Diagnostic(error).formatted)
        context.stderr.line("Usage: \(HelpRenderer.usage(spec, path: path))")
        context.stderr.line("  See '\(path.joined(separator: " ")) --help'.")
        return usage
    }

    /// Prints an error as its diagnostic: `path:line: error: message`, or `error: message` when it has no place.
    static func report(_ error: Error, _ context: CommandContext) {
        context.stderr.line(Diagnostic(error).formatted)
    }

    private static func help(_ names: [String], _ context: CommandContext) -> Int32 {
        guard let name = names.first else {
            context.stdout.write(HelpRenderer.help(rootSpec, path: ["kb"], globalOptions: globalOptions))
            return success
        }
        var command: (any Subcommand.Type)? = subcommands.first(where: { $0.spec.name == name })
        var path = ["kb", name]
        for nested in names.dropFirst() {
            command = command?.children.first(where: { $0.spec.name == nested })
            path.append(nested)
        }
        let spec = command?.spec
        guard let spec else {
            context.stderr.line("error: unknown subcommand '\(names.joined(separator: " "))'")
            context.stderr.line("  See 'kb --help'.")
            return usage
        }
        context.stdout.write(HelpRenderer.help(spec, path: path))
        return success
    }
}
