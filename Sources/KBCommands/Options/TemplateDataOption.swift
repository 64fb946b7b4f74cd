import KBCore

/// `--template-data`: print the JSON a document's template is rendered from instead of the document, to preview a
/// customised template with `kb render TEMPLATE --data FILE`. The data goes to standard output; nothing is written.
struct TemplateDataOption: ParsableArguments {
    @Flag(help: "Print the JSON the document's template is rendered from (for 'kb render --data') instead of the document.")
    var templateData: Bool

    /// Refuses the options a document takes that template data has no use for (`--json`, `--out`).
    func refuse(_ conflicts: [(given: Bool, option: String)]) throws {
        guard templateData, let conflict = conflicts.first(where: \.given) else { return }
        throw UsageError("--template-data prints the template's data on standard output; leave out \(conflict.option)")
    }

    /// Prints `data` indented, as `kb render --data` reads it.
    func print(_ data: TemplateValue, to context: CommandContext) {
        context.stdout.line(data.jsonText())
    }
}
