/// A command line that did not match its command's spec.
public struct UsageError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public var description: String { message }

    public init(_ message: String) {
        self.message = message
    }
}

/// Arguments parsed against a `CommandSpec`.
public struct ParsedArguments: Sendable {
    public var flags: Set<String> = []
    public var values: [String: [String]] = [:]
    public var positionals: [String] = []

    /// True when the flag (by its long name, e.g. `--json`) was given.
    public func flag(_ name: String) -> Bool { flags.contains(name) }

    /// The last value given for an option.
    public func value(_ name: String) -> String? { values[name]?.last }

    /// Every value given for a repeatable option.
    public func all(_ name: String) -> [String] { values[name] ?? [] }

    /// An integer option, with a usage error naming it when it is not a number in range.
    public func int(_ name: String, default fallback: Int, range: ClosedRange<Int> = 0...Int.max) throws -> Int {
        guard let text = value(name) else { return fallback }
        guard let number = Int(text), range.contains(number) else {
            throw UsageError("\(name) needs a whole number in \(range.lowerBound)...\(range.upperBound == Int.max ? "" : String(range.upperBound)), not '\(text)'")
        }
        return number
    }
}

/// Parses argument vectors against specs: long and short options, `--name=value`, `--` to end options.
enum ArgumentParser {
    static func parse(_ arguments: [String], spec: CommandSpec) throws -> ParsedArguments {
        // A real command line cannot hold NUL; one passed in-process turns paths into others (`--out guia.md\0../../x`
        // wrote `x`, `--out \0` a file named `%00`), so it is refused before any argument is used.
        if let bad = arguments.first(where: { $0.utf8.contains(0) }) {
            let shown = bad.replacingOccurrences(of: "\u{0}", with: "\\0")
            throw UsageError("argument '\(shown.prefix(80))' contains a NUL character")
        }
        let options = spec.options + CommandSpec.commonOptions
        var result = ParsedArguments()
        var index = 0
        var onlyPositionals = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyPositionals || !argument.hasPrefix("-") || argument == "-" {
                result.positionals.append(argument)
                continue
            }
            if argument == "--" {
                onlyPositionals = true
                continue
            }
            var name = argument
            var inlineValue: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            guard let option = options.first(where: { $0.names.contains(name) }) else {
                throw UsageError("unknown option '\(name)'")
            }
            let key = option.primaryName
            if option.valueName == nil {
                guard inlineValue == nil else { throw UsageError("\(key) takes no value") }
                result.flags.insert(key)
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else {
                guard index < arguments.count else { throw UsageError("missing value for '\(key) <\(option.valueName!)>'") }
                value = arguments[index]
                index += 1
            }
            if let choices = option.choices, !choices.contains(value) {
                throw UsageError("'\(value)' is not a valid value for \(key); choose one of: \(choices.joined(separator: ", "))")
            }
            if !option.isRepeating, result.values[key] != nil {
                throw UsageError("\(key) given more than once")
            }
            result.values[key, default: []].append(value)
        }
        if result.flags.contains("--help") { return result }
        let required = spec.arguments.filter { !$0.isOptional }
        if result.positionals.count < required.count {
            let missing = required[result.positionals.count]
            throw UsageError("missing expected argument '<\(missing.name)>'")
        }
        let acceptsMany = spec.arguments.last?.isRepeating ?? false
        if !acceptsMany, result.positionals.count > spec.arguments.count {
            throw UsageError("unexpected argument '\(result.positionals[spec.arguments.count])'")
        }
        return result
    }
}
