import KBCore

extension SLARequest {
    /// The parameters `GET /api/sla` and the SLA board page take, named as the CLI's options.
    static let parameterNames: Set<String> = ["customer", "severity", "service", "assignee", "plan", "all", "since", "until", "now"]

    /// The request `kb sla` would build from the same options: `customer`, `severity`, `service`, `assignee` and
    /// `plan` (repeatable), `all`, `since`, `until` and `now`. `now` defaults to `now`.
    init(query: QueryParameters, now: Timestamp) throws(Problem) {
        let measured = try query.timestamp("now")
        let since = try query.timestamp("since")
        let until = try query.timestamp("until")
        let end = until ?? measured ?? now
        if let since, since.seconds >= end.seconds {
            throw Problem.invalidField("since", until == nil ? "problem.since_not_before_now" : "problem.since_not_before_until",
                                       ["since": since.utcString, "until": end.utcString])
        }
        var values: [SLABoardFilter.Field: [String]] = [:]
        for field in SLABoardFilter.Field.allCases { values[field] = query.texts(field.rawValue) }
        self.init(now: measured ?? now, since: since, until: until, filter: SLABoardFilter(values: values), all: try query.flag("all"))
    }
}
