/// A command line that did not match its command's spec.
public struct UsageError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public var description: String { message }

    public init(_ message: String) {
        self.message = message
    }
}

/// Arguments parsed against a `CommandSpec`: what typed options (`@Option`, `@Flag`, `@Argument`) decode from.
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

}

/// Parses argument vectors against specs: long and short options, `--name=value`, `--` to end options.
enum ArgumentParser {
    static func parse(_ arguments: [String], spec: CommandSpec) throws -> ParsedArguments {
        try refuseNUL(arguments)
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
            try option(argument, in: arguments, at: &index, options: spec.options + CommandSpec.commonOptions, into: &result)
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

    /// The options before the subcommand (`kb --root DIR search x`): parsed up to the first argument that is not an
    /// option, whose index is returned with them.
    static func parseLeadingOptions(_ arguments: [String], options: [OptionSpec]) throws -> (ParsedArguments, rest: Int) {
        try refuseNUL(arguments)
        var result = ParsedArguments()
        var index = 0
        while index < arguments.count, arguments[index].hasPrefix("-"), arguments[index] != "-" {
            let argument = arguments[index]
            index += 1
            if argument == "--" { break }
            try option(argument, in: arguments, at: &index, options: options, into: &result)
        }
        return (result, index)
    }

    /// A real command line cannot hold NUL; one passed in-process turns paths into others (`--out guia.md\0../../x`
    /// wrote `x`, `--out \0` a file named `%00`), so it is refused before any argument is used.
    private static func refuseNUL(_ arguments: [String]) throws {
        if let bad = arguments.first(where: { $0.utf8.contains(0) }) {
            let shown = bad.replacingOccurrences(of: "\u{0}", with: "\\0")
            throw UsageError("argument '\(shown.prefix(80))' contains a NUL character")
        }
    }

    /// Reads the option `argument` (and its value, inline or the next argument at `index`) into `result`.
    private static func option(_ argument: String, in arguments: [String], at index: inout Int, options: [OptionSpec],
                               into result: inout ParsedArguments) throws {
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
        guard let valueName = option.valueName else {
            guard inlineValue == nil else { throw UsageError("\(key) takes no value") }
            result.flags.insert(key)
            return
        }
        let value: String
        if let inlineValue {
            value = inlineValue
        } else {
            guard index < arguments.count else { throw UsageError("missing value for '\(key) <\(valueName)>'") }
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
}
