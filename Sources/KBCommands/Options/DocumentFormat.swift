/// A format a command can print a document in, one of which is JSON (`--json` is short for `--format json`).
protocol DocumentFormat: ExpressibleByArgument, Equatable {
    static var json: Self { get }
    /// The format when neither `--format` nor `--json` is given.
    static var defaultFormat: Self { get }
}
