extension KnowledgeBase {
    /// Clusters of solved tickets no article covers, the link rate and article reuse.
    public func gaps(_ request: GapsRequest) throws -> KnowledgeGapReport {
        var options = KnowledgeGaps.Options(now: now, since: request.since)
        options.limit = request.limit
        return try KnowledgeGaps(store: try store(), builder: try queryBuilder()).analyze(options)
    }
}
