extension TicketGenerator {
    /// A recurring problem (or, with `recurring == false`, a one-off request) the demo tickets are drawn from.
    ///
    /// Incidents of one family share service, severity, root cause, resolution and the same manual
    /// steps, each worded differently from ticket to ticket, as people write them.
    public struct Family: Sendable {
        /// Stable identifier (`cert-expirado`); never written into tickets.
        public let id: String
        /// Service slug of the support manual (`portal`, `llamadas`, `webchat`, …).
        public let service: String
        /// The severity the support manual gives this kind of problem.
        public let severity: Int
        /// One-line Spanish description of the problem and its cause.
        public let summary: String
        /// Natural tags the tickets carry (the first two always, the rest sometimes).
        public let tags: [String]
        /// The provider this family is escalated to, when it needs one.
        public var vendor: String? {
            escalations.first { $0.target.hasPrefix("vendor:") }.map { String($0.target.dropFirst(7)) }
        }
        /// False for one-off tickets: their text is drawn once and does not recur.
        public let recurring: Bool
        /// The knowledge base article that documents the family, linked from tickets resolved after `articleSince`.
        public let article: String?

        let weight: Int
        /// Probability that monitoring, not the customer, detects it.
        let detection: Double
        /// Probability that the next ticket is the same outage reported by another customer.
        let burst: Double
        let ask: EvidenceAsk?
        let askProbability: Double
        let agentEvidence: [[Attachment]]
        let escalations: [Escalation]
        /// Minutes a vendor takes to answer.
        let vendorWait: ClosedRange<Int>
        /// Minutes between manual steps.
        let stepMinutes: ClosedRange<Int>
        /// Days waiting for a product fix (escalations to development).
        let fixDays: ClosedRange<Int>?
        /// Severity customers sometimes report before triage corrects it, and how often.
        let reportedSeverity: Int?
        let reportedProbability: Double
        /// Step after which service is restored with a workaround (nil: no separate mitigation).
        let mitigationAfterStep: Int?
        /// Day (`YYYY-MM-DD`) from which resolved tickets link `article`.
        let articleSince: String
        /// `articleSince` as seconds since the epoch, parsed once.
        let articleSinceSeconds: Int64

        let titles: [Template]
        let descriptions: [Template]
        /// Descriptions of tickets opened by a monitoring alert.
        let alarms: [Template]
        let causes: [Template]
        let resolutions: [Template]
        let mitigations: [Template]
        let vendorReplies: [Template]
        /// The manual action sequence: one entry per step, each with its usual wordings.
        let steps: [[Template]]

        init(
            id: String, service: String, severity: Int, weight: Int, summary: String, tags: [String],
            recurring: Bool = true, article: String? = nil, articleSince: String = "2025-01-01",
            detection: Double = 0, burst: Double = 0, ask: EvidenceAsk? = nil, askProbability: Double = 0.5,
            agentEvidence: [[Attachment]] = [], escalations: [Escalation] = [], vendorWait: ClosedRange<Int> = 30...240,
            stepMinutes: ClosedRange<Int> = 5...40, fixDays: ClosedRange<Int>? = nil,
            reportedSeverity: Int? = nil, reportedProbability: Double = 0, mitigationAfterStep: Int? = nil,
            titles: [Template], descriptions: [Template], alarms: [Template] = [], causes: [Template],
            resolutions: [Template], mitigations: [Template] = [], vendorReplies: [Template] = [],
            steps: [[Template]]
        ) {
            self.id = id
            self.service = service
            self.severity = severity
            self.weight = weight
            self.summary = summary
            self.tags = tags
            self.recurring = recurring
            self.article = article
            self.articleSince = articleSince
        self.articleSinceSeconds = Timestamp(day: articleSince)?.seconds ?? Int64.max
            self.detection = detection
            self.burst = burst
            self.ask = ask
            self.askProbability = askProbability
            self.agentEvidence = agentEvidence
            self.escalations = escalations
            self.vendorWait = vendorWait
            self.stepMinutes = stepMinutes
            self.fixDays = fixDays
            self.reportedSeverity = reportedSeverity
            self.reportedProbability = reportedProbability
            self.mitigationAfterStep = mitigationAfterStep
            self.titles = titles
            self.descriptions = descriptions
            self.alarms = alarms
            self.causes = causes
            self.resolutions = resolutions
            self.mitigations = mitigations
            self.vendorReplies = vendorReplies
            self.steps = steps
        }

        /// Every template of the family, for checks on the data tables.
        var allTemplates: [Template] {
            titles + descriptions + alarms + causes + resolutions + mitigations + vendorReplies + steps.flatMap { $0 }
        }
    }

    /// An escalation a family usually needs: to a level (`N2`, `N3`) or a provider (`vendor:cloudsms`).
    struct Escalation: Sendable {
        let target: String
        /// Number of manual steps done before escalating.
        let afterStep: Int
        let probability: Double
        /// For providers: steps done while waiting before the provider answers (defaults to none).
        let stepsWhileWaiting: Int

        init(_ target: String, afterStep: Int, probability: Double, stepsWhileWaiting: Int = 0) {
            self.target = target
            self.afterStep = afterStep
            self.probability = probability
            self.stepsWhileWaiting = stepsWhileWaiting
        }

        var isVendor: Bool { target.hasPrefix("vendor:") }
    }

    /// What support asks the customer to send, the way it is asked again and again.
    enum EvidenceAsk: Int, Sendable, CaseIterable {
        case screenshotAndHAR, callDetails, chatDetails, messageDetails, reportDetails, userDetails
    }
}
