import KBCore

/// `--json`: print the result as KBCore's JSON, the same bytes the HTTP API answers.
struct JSONOption: ParsableArguments {
    @Flag(help: "Print the result as JSON.") var json: Bool

    /// Prints `result` as JSON with `--json`, else `text`.
    func print(_ result: some JSONEncodable, or text: @autoclosure () -> String, to context: CommandContext) {
        if json {
            context.printJSON(result)
        } else {
            context.stdout.write(text())
        }
    }

    /// Prints `result` as JSON with `--json`, else `text`, styled by kb.
    func print(_ result: some JSONEncodable, or text: @autoclosure () -> TerminalSanitizer.Styled, to context: CommandContext) {
        if json {
            context.printJSON(result)
        } else {
            context.stdout.write(text())
        }
    }
}
