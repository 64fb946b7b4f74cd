extension KnowledgeBase {
    /// The SLA board at the request's instant — open tickets breached, at risk or paused too long (or all), by
    /// time left — and compliance by severity and plan. A filter value that matches nothing is `SLABoardError`.
    public func sla(_ request: SLARequest) throws -> SLAReport {
        let now = request.now ?? self.now
        let since = request.since ?? Timestamp(seconds: (request.until ?? now).seconds - SLARequest.defaultPeriodDays * 86_400)
        return try SLAReport.build(store: try store(), policy: try policy(), now: now, since: since, until: request.until,
                                   filter: request.filter, all: request.all)
    }
}
