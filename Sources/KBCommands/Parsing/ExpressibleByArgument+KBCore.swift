import KBCore

/// Dates and times: a day (`2026-03-01`, midnight UTC) or an ISO 8601 time with its offset; every date option
/// (`--since`, `--until`, `--now`) reads them the same way.
extension Timestamp: ExpressibleByArgument {
    init?(argument: String) {
        guard let stamp = Timestamp(day: argument) ?? Timestamp(iso8601: argument) else { return nil }
        self = stamp
    }

    static var expectation: String { "a date such as 2026-03-01 or a time such as 2026-03-02T09:14:00-03:00" }
    static var valueName: String? { "DATE" }
    var argumentText: String { iso8601 }
}

extension Language: ExpressibleByArgument {}
extension QueryMode: ExpressibleByArgument {}
extension SearchOrder: ExpressibleByArgument {}
extension SearchResultType: ExpressibleByArgument {}
extension ReviewFormat: ExpressibleByArgument {}
extension ReviewAudience: ExpressibleByArgument {}
extension TrainingFormat: ExpressibleByArgument {}

/// Import formats: the ones `TicketSources` registers, so a new format is an accepted `--format` value at once.
extension ImportFormat: ExpressibleByArgument {
    init?(argument: String) {
        guard Self.allCases.contains(Self(rawValue: argument)) else { return nil }
        self.init(rawValue: argument)
    }

    static var expectation: String { "one of " + allCases.map(\.rawValue).joined(separator: ", ") }
    static var allValueStrings: [String]? { allCases.map(\.rawValue) }
    var argumentText: String { rawValue }
}
