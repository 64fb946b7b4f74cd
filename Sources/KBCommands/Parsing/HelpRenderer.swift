/// Renders help text from a `CommandSpec`, in the layout of swift-argument-parser.
enum HelpRenderer {
    static func usage(_ spec: CommandSpec, path: [String]) -> String {
        var parts = path
        // Global options go before the subcommand: `kb [--root <DIR>] <subcommand>`.
        if path.count == 1, let valueName = CommandSpec.rootOption.valueName {
            parts.append("[\(CommandSpec.rootOption.primaryName) <\(valueName)>]")
        }
        if !spec.subcommands.isEmpty && spec.arguments.isEmpty {
            parts.append("<subcommand>")
        }
        for option in spec.options {
            let name = option.primaryName
            let rendered = option.valueName.map { "\(name) <\($0)>" } ?? name
            if option.isRequired {
                parts.append(rendered)
            } else {
                parts.append(option.isRepeating ? "[\(rendered) ...]" : "[\(rendered)]")
            }
        }
        for argument in spec.arguments {
            var rendered = "<\(argument.name)>"
            if argument.isRepeating { rendered += " ..." }
            parts.append(argument.isOptional ? "[\(rendered)]" : rendered)
        }
        return parts.joined(separator: " ")
    }

    /// The help of `spec`; `globalOptions` replaces the common options for `kb` itself (which adds `--version`).
    static func help(_ spec: CommandSpec, path: [String], globalOptions: [OptionSpec]? = nil) -> String {
        var out = "OVERVIEW: \(spec.abstract)\n"
        if let discussion = spec.discussion { out += "\n" + discussion + "\n" }
        out += "\nUSAGE: \(usage(spec, path: path))\n"
        if !spec.arguments.isEmpty {
            out += "\nARGUMENTS:\n"
            for argument in spec.arguments {
                out += row("<\(argument.name)>" + (argument.isRepeating ? " ..." : ""), argument.help)
            }
        }
        out += "\nOPTIONS:\n"
        for option in spec.options + (globalOptions ?? CommandSpec.commonOptions) {
            var label = option.names.joined(separator: ", ")
            if let valueName = option.valueName { label += " <\(valueName)>" }
            var help = option.help
            if let choices = option.choices { help += " (values: \(choices.joined(separator: ", ")))" }
            if let range = option.range { help += " (values: \(range))" }
            if let defaultValue = option.defaultValue { help += " (default: \(defaultValue))" }
            out += row(label, help)
        }
        if !spec.subcommands.isEmpty {
            out += "\nSUBCOMMANDS:\n"
            for subcommand in spec.subcommands { out += row(subcommand.name, subcommand.abstract) }
            let prefix = ([path.first ?? "kb", "help"] + path.dropFirst()).joined(separator: " ")
            out += "\n  See '\(prefix) <subcommand>' for detailed help.\n"
        }
        if !spec.examples.isEmpty {
            out += "\nEXAMPLES:\n"
            for example in spec.examples { out += "  \(example)\n" }
        }
        return out
    }

    private static func row(_ label: String, _ help: String) -> String {
        let width = 26
        if label.count + 2 >= width {
            return "  \(label)\n" + String(repeating: " ", count: width) + help + "\n"
        }
        return "  " + label + String(repeating: " ", count: width - 2 - label.count) + help + "\n"
    }
}
