import Foundation
import KBCommands

/// Runs a documented example line as a shell would, with `kb` run in-process: enough of the shell for the
/// examples kb documents — quotes, `cmd && cmd`, `cd DIR`, `echo TEXT | kb …`, `kb … > FILE`, `<(kb …)`, `# comment`.
/// Anything else is refused, so an example needing more fails until this learns it.
struct ExampleShell {
    /// One `kb` invocation of an example and what it did.
    struct Run {
        let arguments: [String]
        let code: Int32
        let stdout: String
        let stderr: String
        /// The file standard output went to (`> FILE`), relative to the folder the command ran in.
        let redirect: URL?

        /// Standard output, or the redirected file's text.
        var output: String {
            guard let redirect else { return stdout }
            return (try? String(contentsOf: redirect, encoding: .utf8)) ?? ""
        }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    var directory: URL
    let environment: [String: String]
    private(set) var runs: [Run] = []
    private var substitutions = 0

    init(directory: URL, environment: [String: String]) {
        self.directory = directory
        self.environment = environment
    }

    /// Runs every command of `line`, stopping after the first failing `&&` part.
    mutating func run(_ line: String) throws {
        for command in try Self.split(try Self.tokens(line), on: "&&") {
            let pipeline = try Self.split(command, on: "|")
            guard pipeline.count <= 2 else { throw Failure(description: "more than one pipe in '\(line)'") }
            var input = ""
            if pipeline.count == 2 {
                guard pipeline[0].first == .word("echo") else { throw Failure(description: "only 'echo … |' can feed kb: '\(line)'") }
                input = try words(pipeline[0].dropFirst()).joined(separator: " ") + "\n"
            }
            let code = try execute(pipeline.last ?? [], input: input)
            if code != 0 { return }
        }
    }

    /// A token of the line: a word (quotes removed), an operator, or a `<(…)` substitution.
    enum Token: Equatable {
        case word(String)
        case op(String)
        case substitution([Token])
    }

    private mutating func execute(_ tokens: [Token], input: String) throws -> Int32 {
        var tokens = tokens
        var redirect: URL?
        if let index = tokens.firstIndex(of: .op(">")) {
            guard index + 2 == tokens.count, case .word(let path) = tokens[index + 1] else {
                throw Failure(description: "'>' must be followed by one file at the end")
            }
            redirect = URL(fileURLWithPath: path, relativeTo: directory).standardizedFileURL
            tokens.removeSubrange(index...)
        }
        let arguments = try words(tokens[...])
        guard let program = arguments.first else { throw Failure(description: "empty command") }
        switch program {
        case "cd":
            guard arguments.count == 2 else { throw Failure(description: "cd takes one folder") }
            directory = URL(fileURLWithPath: arguments[1], isDirectory: true, relativeTo: directory).standardizedFileURL
            return 0
        case "kb":
            let run = kb(Array(arguments.dropFirst()), input: input, redirect: redirect)
            if let redirect { try Data(run.stdout.utf8).write(to: redirect) }
            runs.append(run)
            return run.code
        default:
            throw Failure(description: "examples run kb, cd and echo only, not '\(program)'")
        }
    }

    private func kb(_ arguments: [String], input: String, redirect: URL?) -> Run {
        let out = OutputStream()
        let err = OutputStream()
        let code = KB.run(arguments: arguments, stdout: out, stderr: err, environment: environment,
                          currentDirectory: directory, standardInput: { Data(input.utf8) })
        return Run(arguments: arguments, code: code, stdout: out.captured, stderr: err.captured, redirect: redirect)
    }

    /// The words of `tokens`, each `<(kb …)` run and replaced by the file holding its output.
    private mutating func words(_ tokens: ArraySlice<Token>) throws -> [String] {
        try tokens.map { token in
            switch token {
            case .word(let word): return word
            case .op(let op): throw Failure(description: "unexpected '\(op)'")
            case .substitution(let inner):
                let arguments = try words(inner[...])
                guard arguments.first == "kb" else { throw Failure(description: "only kb runs inside <(…)") }
                let run = kb(Array(arguments.dropFirst()), input: "", redirect: nil)
                runs.append(run)
                substitutions += 1
                let file = directory.appendingPathComponent(".example-substitution-\(substitutions)")
                try Data(run.stdout.utf8).write(to: file)
                return file.path
            }
        }
    }

    private static func split(_ tokens: [Token], on op: String) throws -> [[Token]] {
        let parts = tokens.split(separator: .op(op), omittingEmptySubsequences: false).map(Array.init)
        guard parts.allSatisfy({ !$0.isEmpty }) else { throw Failure(description: "'\(op)' without a command on each side") }
        return parts
    }

    /// The words of `line` in order, operators as written and each `<(…)` as one placeholder word: what the
    /// fixtures look at before the line runs.
    static func flatWords(_ line: String) throws -> [String] {
        try tokens(line).map { token in
            switch token {
            case .word(let word): word
            case .op(let op): op
            case .substitution: "<(…)"
            }
        }
    }

    /// Splits a line into tokens: blanks separate words; '…' is literal, "…" takes \" and \\; `#` after a blank
    /// starts a comment.
    static func tokens(_ line: String) throws -> [Token] {
        var characters = Array(line)[...]
        let tokens = try tokens(&characters, closing: nil)
        return tokens
    }

    private static func tokens(_ characters: inout ArraySlice<Character>, closing: Character?) throws -> [Token] {
        var tokens: [Token] = []
        var word = ""
        var inWord = false
        func endWord() {
            if inWord { tokens.append(.word(word)) }
            word = ""
            inWord = false
        }
        while let character = characters.popFirst() {
            switch character {
            case " ", "\t":
                endWord()
            case "#" where !inWord:
                characters.removeAll()
            case "'":
                inWord = true
                while let next = characters.popFirst(), next != "'" { word.append(next) }
            case "\"":
                inWord = true
                while let next = characters.popFirst(), next != "\"" {
                    if next == "\\", let escaped = characters.first, escaped == "\"" || escaped == "\\" {
                        word.append(escaped)
                        characters.removeFirst()
                    } else {
                        word.append(next)
                    }
                }
            case "&" where characters.first == "&":
                characters.removeFirst()
                endWord()
                tokens.append(.op("&&"))
            case "|", ">":
                endWord()
                tokens.append(.op(String(character)))
            case "<" where characters.first == "(":
                characters.removeFirst()
                endWord()
                tokens.append(.substitution(try Self.tokens(&characters, closing: ")")))
            case ")" where closing == ")":
                endWord()
                return tokens
            default:
                inWord = true
                word.append(character)
            }
        }
        if closing != nil { throw Failure(description: "unclosed '<('") }
        endWord()
        return tokens
    }
}
