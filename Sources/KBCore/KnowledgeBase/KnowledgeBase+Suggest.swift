extension KnowledgeBase {
    /// Intake help for a new ticket: severity with reasons, missing information, SLA due times, solutions,
    /// possible duplicates, escalation and routing.
    public func suggest(_ request: IntakeRequest) throws -> Suggestion {
        let shared = try shared()
        let store = try store()
        // The shared analyzer is in the policy's language; a store made in another one (a workspace whose policy changed
        // language since) analyses with its own.
        let analyzer = shared.analyzer.language == store.tokenizer.language ? shared.analyzer : Analyzer(language: store.tokenizer.language)
        let engine = try searchEngine()
        let suggester = Suggester(store: store, engine: engine, policy: shared.policy, classifier: shared.severityClassifier,
                                  analyzer: analyzer)
        suggester.ignoredTerms = ignoredTerms(engine.builder)
        return try suggester.suggest(request)
    }
}
