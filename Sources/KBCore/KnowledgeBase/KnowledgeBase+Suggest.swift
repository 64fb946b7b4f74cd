extension KnowledgeBase {
    /// Intake help for a new ticket: severity with reasons, missing information, SLA due times, solutions,
    /// possible duplicates, escalation and routing.
    public func suggest(_ request: IntakeRequest) throws -> Suggestion {
        let policy = try policy()
        return try Suggester(store: try store(), engine: try searchEngine(), policy: policy).suggest(request)
    }
}
