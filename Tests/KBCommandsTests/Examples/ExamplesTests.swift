import Foundation
import Synchronization
import Testing
import KBCore
import KBTestSupport
@testable import KBCommands

/// Examples are tests: every example in a command's `--help` and every `kb …` line in README.md's code blocks runs
/// as written against a copy of the demo workspace, exits 0 and prints the documented shape: JSON that parses and
/// has the keys the command's help documents (`With --json: {"a","b",…}`), JSON Lines where a command prints them,
/// and text starting as the command's output starts. Every `kb …` in the README's tables and prose names a real
/// command and real options.
@Suite struct ExamplesTests {
    /// Every command and subcommand, as its path (`["article", "draft"]`).
    static let commandPaths: [[String]] = {
        func paths(_ command: any Subcommand.Type, prefix: [String]) -> [[String]] {
            let path = prefix + [command.spec.name]
            return [path] + command.children.flatMap { paths($0, prefix: path) }
        }
        return KB.subcommands.flatMap { paths($0, prefix: []) }
    }()

    /// The README's lines of code blocks that run kb.
    static let readmeCodeLines: [String] = ReadmeExamples.codeLines

    @Test(arguments: commandPaths)
    func helpExamplesRunAsWritten(path: [String]) throws {
        let command = try #require(Self.command(at: path))
        for example in command.spec.examples {
            try Self.check(example: example, source: "kb \(path.joined(separator: " ")) --help")
        }
    }

    @Test func everyCommandOfMineShowsExamples() throws {
        // Other commands' examples are optional, but the ones a newcomer meets first must have some.
        for path in [["init"], ["demo"], ["search"], ["show"], ["suggest"], ["review"], ["automations"], ["gaps"],
                     ["training"], ["render"], ["generate"], ["index"], ["article", "draft"], ["article", "lint"],
                     ["article", "link"]] {
            #expect(Self.command(at: path)?.spec.examples.isEmpty == false, "kb \(path.joined(separator: " ")) --help has no example")
        }
    }

    @Test func readmeHasRunnableExamples() {
        #expect(Self.readmeCodeLines.count >= 10, "README.md's code blocks should show kb at work")
    }

    @Test(arguments: readmeCodeLines)
    func readmeExampleRunsAsWritten(line: String) throws {
        try Self.check(example: line, source: "README.md")
    }

    @Test func readmeSynopsesNameRealCommandsAndOptions() throws {
        let spans = ReadmeExamples.spans
        #expect(spans.count > 20)
        for span in spans {
            if let problem = Self.synopsisProblem(span) { Issue.record("README.md: `\(span)`: \(problem)") }
        }
    }

    /// `kb init x && cd x && kb demo` through the built binary, in a folder that is no workspace.
    @Test func demoRunsInAFreshWorkspaceThroughTheBinary() throws {
        guard BuiltBinary.kbURL != nil else {
            print("skipped: the kb executable is not built (swift build)")
            return
        }
        let directory = try TemporaryDirectory()
        let initialized = try BuiltBinary.run(["init", "x"], in: directory.url, environment: [:])
        #expect(initialized.code == 0, "\(initialized.stderr)")
        let demo = try BuiltBinary.run(["demo"], in: directory.url.appendingPathComponent("x"), environment: [:])
        #expect(demo.code == 0, "\(demo.stderr)")
        #expect(demo.stderr.isEmpty, "\(demo.stderr)")
        for expected in ["generated: 600 tickets, the output of 'kb generate --tickets 600 --seed 42'",
                         "wrote 38 of the 38 demo articles", "wrote the defaults plus the plans and time zones of the 40 demo customers",
                         "== Import", "added 38,", "compliance severity 1 (last 90 days): 54.5% of 11",
                         "== Post-incident review", "# Revisión post-incidente T-0000593", "== A period's reviews",
                         "== Article link (reuse)", "== Knowledge gaps", "== Customer training guide",
                         "the same ", "bytes as 'kb review T-0000593'", "== Server"] {
            #expect(demo.stdout.contains(expected), "kb demo printed no '\(expected)'")
        }
        #expect(!demo.stdout.contains("(exit "), "a step of the demo failed:\n\(demo.stdout)")
        let again = try BuiltBinary.run(["demo"], in: directory.url.appendingPathComponent("x"), environment: [:])
        #expect(again.code == 0 && again.stdout.contains("the 38 demo articles are present")
                && again.stdout.contains("compliance severity 1 (last 90 days): 54.5% of 11"), "\(again.stdout)")
    }

    // MARK: - Running an example

    static func command(at path: [String]) -> (any Subcommand.Type)? {
        var command = KB.subcommands.first { $0.spec.name == path.first }
        for name in path.dropFirst() { command = command?.children.first { $0.spec.name == name } }
        return command
    }

    /// Example lines already checked in this process: a line shown in two places (`kb init demo && cd demo &&
    /// kb demo` is in two helps and the README) runs once.
    static let checked = Mutex<Set<String>>([])

    /// Runs `example` in a copy of the demo workspace and checks each kb run in it.
    static func check(example: String, source: String) throws {
        guard checked.withLock({ $0.insert(example).inserted }) else { return }
        let directory = try DemoWorkspace.copy()
        let words = try ExampleShell.flatWords(example)
        try ExampleFixtures.prepare(words, in: directory.url)
        if let path = commandPath(Array(words.dropFirst())), path == ["serve"] {
            // A server runs until it is stopped: its examples are parsed and validated, not run.
            let arguments = Array(words.dropFirst(2))
            let parsed = try ArgumentParser.parse(arguments, spec: ServeCommand.spec)
            let command = ServeCommand()
            var positionals = parsed.positionals[...]
            try command.decode(parsed, positionals: &positionals)
            try command.validate()
            return
        }
        var shell = ExampleShell(directory: directory.url, environment: DemoWorkspace.environment)
        try shell.run(example)
        #expect(!shell.runs.isEmpty, "\(source): '\(example)' ran no kb command")
        for run in shell.runs {
            let label = "\(source): '\(example)' (kb \(run.arguments.joined(separator: " ")))"
            #expect(run.code == 0, "\(label) exited \(run.code): \(run.stderr)")
            guard run.code == 0 else { continue }
            if let problem = shapeProblem(run) { Issue.record("\(label): \(problem)") }
        }
    }

    /// The subcommand path of a kb argument list, after the options before it; nil for `kb --version` and the like.
    static func commandPath(_ arguments: [String]) -> [String]? {
        var index = 0
        while index < arguments.count, arguments[index].hasPrefix("-") {
            index += arguments[index] == "--root" ? 2 : 1
        }
        guard index < arguments.count, var command = KB.subcommands.first(where: { $0.spec.name == arguments[index] }) else {
            return index < arguments.count && arguments[index] == "help" ? ["help"] : nil
        }
        var path = [arguments[index]]
        for name in arguments.dropFirst(index + 1) {
            guard let child = command.children.first(where: { $0.spec.name == name }) else { break }
            command = child
            path.append(name)
        }
        return path
    }

    // MARK: - Output shapes

    /// What is wrong with a run's output for its command, or nil.
    static func shapeProblem(_ run: ExampleShell.Run) -> String? {
        let arguments = run.arguments
        let output = run.output
        if arguments.contains("--help") || arguments.first == "help" {
            return output.hasPrefix("OVERVIEW: ") ? nil : "help does not start with OVERVIEW:"
        }
        if arguments == ["--version"] { return output.hasPrefix("kb ") ? nil : "no version line" }
        guard let path = commandPath(arguments), let command = command(at: path) else { return "no such command" }
        if path == ["generate"] || arguments.contains("--queries") {
            let keys = path == ["generate"] ? ["id", "title", "events"] : ["qid", "results"]
            return jsonLinesProblem(output, keys: keys)
        }
        let format = value(after: "--format", in: arguments)
        if arguments.contains("--template-data") {
            return jsonProblem(output, shape: "{}")
        }
        if arguments.contains("--json") || format == "json" {
            return jsonProblem(output, shape: documentedShape(command.spec.discussion ?? ""))
        }
        return textProblem(output, run: run, path: path, format: format)
    }

    /// Standard output of a text-printing command starts as its output always does.
    static func textProblem(_ output: String, run: ExampleShell.Run, path: [String], format: String?) -> String? {
        let out = value(after: "--out", in: run.arguments)
        let writesFile = out != nil && out != "-"
        let document = format == "html" ? "<!DOCTYPE html>" : "# "
        let starts: [String]
        switch path.joined(separator: " ") {
        case "init": starts = ["created a kb workspace in "]
        case "index": starts = ["added "]
        case "search": starts = ["1. ["]
        case "show": starts = ["T-", "KB-"]
        case "suggest": starts = ["Suggested severity: "]
        case "review", "training": starts = [writesFile ? "wrote " : document]
        case "automations": starts = [document]
        case "article": starts = ["OVERVIEW: "]
        case "article draft": starts = ["wrote kb/articles/", "wrote nothing: "]
        case "article link": starts = ["linked ", "T-"]
        case "article lint":
            return run.stderr.hasPrefix("linted ") ? nil : "no 'linted N articles' summary on stderr"
        case "gaps": starts = ["Knowledge gaps since "]
        case "render":
            let template = run.arguments.first { $0.hasSuffix(".mustache") } ?? ""
            starts = [template.hasSuffix(".html.mustache") ? "<!DOCTYPE html>" : template.hasSuffix("article.md.mustache") ? "---\n" : "# "]
        case "demo": starts = ["\n== Demo data"]
        default:
            // Other commands: some output, whatever its first line.
            return output.isEmpty ? "printed nothing" : nil
        }
        guard starts.contains(where: output.hasPrefix) else {
            return "output starts with '\(output.prefix(60))', expected one of \(starts)"
        }
        return nil
    }

    /// The JSON shape a help text documents after `--json:` (or `--format json:`): `{"a","b":…}` lists an object's
    /// keys, `[{…}…]` an array of such objects; "{}" when it documents none.
    static func documentedShape(_ help: String) -> String {
        guard let marker = help.range(of: "json:"), let start = help[marker.upperBound...].firstIndex(where: { $0 == "{" || $0 == "[" })
        else { return "{}" }
        var depth = 0
        var end = start
        for index in help[start...].indices {
            let character = help[index]
            if character == "{" || character == "[" { depth += 1 }
            if character == "}" || character == "]" { depth -= 1 }
            if depth == 0 {
                end = index
                break
            }
        }
        return String(help[start...end])
    }

    /// The quoted keys at the first level of the object `shape` documents, or of the first object in the array it
    /// documents (`{"a","b":{"c"},"d":"x"}` gives a, b, d: a quoted string after `:` is a value).
    static func documentedKeys(_ shape: String) -> [String] {
        var keys: [String] = []
        var depth = 0
        var previous: Character = " "
        let level = shape.hasPrefix("[") ? 2 : 1
        var index = shape.startIndex
        while index < shape.endIndex {
            let character = shape[index]
            if character == "{" || character == "[" { depth += 1 }
            if character == "}" || character == "]" {
                depth -= 1
                if depth < level { break }
            }
            if character == "\"", let close = shape[shape.index(after: index)...].firstIndex(of: "\"") {
                let key = String(shape[shape.index(after: index)..<close])
                if depth == level, previous != ":", !keys.contains(key) { keys.append(key) }
                previous = "\""
                index = shape.index(after: close)
                continue
            }
            if !character.isWhitespace { previous = character }
            index = shape.index(after: index)
        }
        return keys
    }

    static func jsonProblem(_ output: String, shape: String) -> String? {
        guard let value = try? JSONSerialization.jsonObject(with: Data(output.utf8)) else { return "output is not JSON: \(output.prefix(80))" }
        let keys = documentedKeys(shape)
        if shape.hasPrefix("[") {
            guard let array = value as? [Any] else { return "expected a JSON array" }
            guard let first = array.first as? [String: Any] else { return keys.isEmpty ? nil : "expected objects in the array" }
            let missing = keys.filter { first[$0] == nil }
            return missing.isEmpty ? nil : "no documented key \(missing) in \(first.keys.sorted())"
        }
        guard let object = value as? [String: Any] else { return "expected a JSON object" }
        let missing = keys.filter { object[$0] == nil }
        return missing.isEmpty ? nil : "no documented key \(missing) in \(object.keys.sorted())"
    }

    static func jsonLinesProblem(_ output: String, keys: [String]) -> String? {
        let lines = output.split(separator: "\n")
        guard !lines.isEmpty else { return "no JSON lines" }
        for line in lines {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                return "a line is not a JSON object: \(line.prefix(80))"
            }
            let missing = keys.filter { object[$0] == nil }
            if !missing.isEmpty { return "a line has no \(missing)" }
        }
        return nil
    }

    static func value(after option: String, in arguments: [String]) -> String? {
        guard let index = arguments.firstIndex(of: option), index + 1 < arguments.count else { return nil }
        return arguments[index + 1]
    }

    // MARK: - Synopses

    /// What is wrong with a `kb …` synopsis or mention: an unknown command, or an option its command lacks.
    static func synopsisProblem(_ span: String) -> String? {
        var words = span.split(separator: " ").map(String.init).dropFirst()
        var options = KB.globalOptions
        while let word = words.first, word.hasPrefix("-") {
            words.removeFirst()
            guard options.contains(where: { $0.names.contains(word) }) else { return "kb has no option \(word) before the subcommand" }
            if word == "--root" { words = words.dropFirst() }
        }
        guard let name = words.first, name.first?.isLowercase == true else { return nil }
        if name == "help" {
            let named = words.dropFirst().filter { $0.first?.isLowercase == true }
            return named.isEmpty || commandPath(Array(named)) != nil ? nil : "kb help names no command"
        }
        guard var command = KB.subcommands.first(where: { $0.spec.name == name }) else { return "no command '\(name)'" }
        words.removeFirst()
        while let next = words.first, let child = command.children.first(where: { $0.spec.name == next }) {
            command = child
            words.removeFirst()
        }
        options = command.spec.options + CommandSpec.commonOptions
        for word in words {
            guard let range = word.range(of: #"--[a-z][a-z-]*"#, options: .regularExpression) else { continue }
            let option = String(word[range])
            if !options.contains(where: { $0.names.contains(option) }) {
                return "kb \(command.spec.name) has no option \(option)"
            }
        }
        return nil
    }
}

/// The `kb …` examples in README.md.
enum ReadmeExamples {
    static let text: String = (try? String(contentsOf: SharedTestData.packageRoot.appendingPathComponent("README.md"),
                                           encoding: .utf8)) ?? ""

    /// Lines of fenced code blocks that start with `kb `.
    static var codeLines: [String] {
        var lines: [String] = []
        var inBlock = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                inBlock.toggle()
                continue
            }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if inBlock, trimmed.hasPrefix("kb ") { lines.append(trimmed) }
        }
        return lines
    }

    /// Every inline code span outside code blocks that starts with `kb` (tables and prose), `\|` read as `|`.
    static var spans: [String] {
        var spans: [String] = []
        var inBlock = false
        for line in text.split(separator: "\n") {
            if line.hasPrefix("```") {
                inBlock.toggle()
                continue
            }
            guard !inBlock else { continue }
            let parts = line.replacingOccurrences(of: "\\|", with: "|").split(separator: "`", omittingEmptySubsequences: false)
            for (index, part) in parts.enumerated() where index % 2 == 1 && (part == "kb" || part.hasPrefix("kb ")) {
                spans.append(String(part))
            }
        }
        return spans
    }
}
