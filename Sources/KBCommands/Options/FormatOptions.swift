import KBCore

/// `--format FORMAT` and `--json` (the same as `--format json`); giving both with different formats is an error.
struct FormatOptions<Format: DocumentFormat>: ParsableArguments {
    @Option(help: "Output format (default: \(Format.defaultFormat.argumentText)).") var format: Format?
    @Flag(help: "Print JSON (the same as --format json).") var json: Bool

    /// The format asked for.
    var resolved: Format { json ? .json : format ?? .defaultFormat }

    func validate() throws {
        if json, let format, format != .json { throw UsageError("--json conflicts with --format \(format.argumentText)") }
    }
}

extension ReviewFormat: DocumentFormat {
    static var defaultFormat: ReviewFormat { .md }
}
