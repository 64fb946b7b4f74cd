extension KnowledgeBase {
    /// Open tickets at risk or breached at the request's instant, and compliance by severity and plan.
    public func sla(_ request: SLARequest) throws -> SLAReport {
        let now = request.now ?? self.now
        let since = request.since ?? Timestamp(seconds: (request.until ?? now).seconds - SLARequest.defaultPeriodDays * 86_400)
        return try SLAReport.build(store: try store(), policy: try policy(), now: now, since: since, until: request.until)
    }
}
