extension ReviewProposal {
    /// The review's view of a mined automation proposal; nil for kinds a severity 1–2 review does not list
    /// (self-service and knowledge-article proposals concern requests and articles, shown elsewhere).
    public init?(_ proposal: AutomationProposal) {
        let kind: Kind
        switch proposal.kind {
        case .runbook: kind = .repeatedAction
        case .problemRecord: kind = .recurringCause
        case .monitoringAlert: kind = .detectionGap
        case .escalationRule: kind = .slowEscalation
        case .intakeField: kind = .repeatedEvidence
        case .staffing: kind = .clusteredBreaches
        case .selfService, .knowledgeArticle: return nil
        }
        self.init(kind: kind, title: proposal.title, evidenceTicketIDs: proposal.evidence,
                  hoursSavedPerMonth: proposal.hoursSavedPerMonth)
    }

    /// Proposals mined from the closed incidents of `window` seconds up to `end`, whose evidence holds `ticketID`.
    public static func mined(store: Store, policy: Policy, ticketID: String, end: Timestamp, window: Int64,
                             now: Timestamp, language: Language) throws -> [ReviewProposal] {
        let options = AutomationOptions(now: now, since: Timestamp(seconds: end.seconds - window),
                                        until: Timestamp(seconds: end.seconds + 1), language: language,
                                        analyzerLanguage: store.tokenizer.language)
        let report = try AutomationMiner(policy: policy, options: options).report(store: store)
        return report.proposals(involving: ticketID).compactMap(ReviewProposal.init)
    }
}
