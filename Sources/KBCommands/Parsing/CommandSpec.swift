/// A command described as data: the parser reads it and the help text is rendered from it.
public struct CommandSpec: Sendable {
    public var name: String
    /// One sentence ending with a period.
    public var abstract: String
    public var discussion: String?
    public var arguments: [ArgumentSpec]
    public var options: [OptionSpec]
    public var subcommands: [CommandSpec]
    /// Extra usage examples shown under EXAMPLES.
    public var examples: [String]

    public init(name: String, abstract: String, discussion: String? = nil, arguments: [ArgumentSpec] = [],
                options: [OptionSpec] = [], subcommands: [CommandSpec] = [], examples: [String] = []) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.arguments = arguments
        self.options = options
        self.subcommands = subcommands
        self.examples = examples
    }
}

/// A positional argument.
public struct ArgumentSpec: Sendable {
    public var name: String
    public var help: String
    public var isOptional: Bool
    public var isRepeating: Bool

    public init(_ name: String, help: String, optional: Bool = false, repeating: Bool = false) {
        self.name = name
        self.help = help
        self.isOptional = optional
        self.isRepeating = repeating
    }
}

/// An option: a flag (`--json`) or an option taking a value (`--limit N`), possibly repeated.
public struct OptionSpec: Sendable {
    public var names: [String]
    public var valueName: String?
    public var help: String
    public var isRepeating: Bool
    /// Allowed values, checked by the parser and listed in help.
    public var choices: [String]?
    /// The value used when the option is left out, shown in help.
    public var defaultValue: String? = nil
    /// The bounds a value must keep (`1 to 5`), shown in help.
    public var range: String? = nil
    /// The command cannot run without it.
    public var isRequired = false

    public static func flag(_ names: String..., help: String) -> OptionSpec {
        OptionSpec(names: names, valueName: nil, help: help, isRepeating: false, choices: nil)
    }

    public static func value(_ names: String..., valueName: String, help: String, repeating: Bool = false,
                             choices: [String]? = nil) -> OptionSpec {
        OptionSpec(names: names, valueName: valueName, help: help, isRepeating: repeating, choices: choices)
    }

    var primaryName: String { names.first(where: { $0.hasPrefix("--") }) ?? names[0] }
}

extension CommandSpec {
    /// Options every subcommand accepts, and `kb` itself before the subcommand (`kb --root DIR search x`).
    static let commonOptions: [OptionSpec] = [rootOption, .flag("-h", "--help", help: "Show help information.")]

    /// `--root DIR`: the workspace to use.
    static let rootOption = OptionSpec.value("--root", valueName: "DIR",
                                             help: "Use the workspace in DIR instead of searching upwards (also KB_ROOT).")
}
