import KBCore

/// `--since DATE` and `--until DATE`: the period of ticket creation a command looks at, the start before the end.
struct PeriodOptions: ParsableArguments {
    @Option(help: "Only tickets created (articles: updated) on or after DATE; default: from the first.")
    var since: Timestamp?
    @Option(help: "Only tickets created (articles: updated) before DATE; default: to the last.")
    var until: Timestamp?

    func validate() throws {
        if let since, let until, since.seconds >= until.seconds {
            throw UsageError("--since \(since.day()) must be before --until \(until.day())")
        }
    }
}
