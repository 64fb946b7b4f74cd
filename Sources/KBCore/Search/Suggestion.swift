import Foundation

/// What `kb suggest` tells an agent about a new ticket.
public struct Suggestion: Sendable {
    /// The suggested severity and why.
    public struct SeverityAdvice: Sendable {
        public let suggested: Int
        public let reasons: [SeverityReason]
    }

    /// A piece of information the ticket lacks, with the question to ask.
    public struct MissingItem: Sendable, Equatable {
        public let field: String
        public let question: String

        /// The question in `language` (the catalogue's `intake.missing.FIELD`).
        public func question(language: Language) -> String {
            let key = "intake.missing." + field
            return language.catalogue.contains(key) ? language.catalogue[key] : question
        }
    }

    /// Due times for the customer's plan.
    public struct SLADue: Sendable {
        public let plan: String
        public let calendar: String
        public let timeZone: String
        public let severity: Int
        public let firstResponseTarget: Int64
        public let firstResponseDue: Timestamp
        public let resolutionTarget: Int64
        public let resolutionDue: Timestamp
        /// The holiday calendar the plan's calendar took for the customer (`MX`), if any.
        public var holidays: String? = nil
        /// The calendar's business day, for writing targets in business days (12 hours under `12x5`).
        public var businessDaySeconds: Int64? = nil

        /// The customer's wall clock.
        public var localClock: LocalClock {
            LocalClock(identifier: timeZone) ?? LocalClock(timeZone: TimeZone(secondsFromGMT: 0)!, name: "UTC")
        }
    }

    /// A past ticket or article that may solve this one.
    public struct Solution: Sendable {
        public let type: SearchResultType
        public let id: String
        public let title: String
        public let status: String
        public let score: Double
        /// Query words the solution shares, as the agent wrote them.
        public let why: [String]
        public let resolution: String
        /// Where to read more: `kb show ID` or the article's path.
        public let reference: String
    }

    /// An open ticket that may describe the same problem.
    public struct Duplicate: Sendable {
        public let id: String
        public let title: String
        public let customer: String?
        public let createdAt: Timestamp
        public let status: String
        public let why: [String]
    }

    /// How similar tickets were escalated, and what the policy's rules say.
    public struct Escalation: Sendable {
        /// Levels and vendors similar tickets were escalated to, most frequent first, with counts.
        public let targets: [(target: String, count: Int)]
        public let similarTickets: Int
        /// The manual's escalation rules that apply to the new ticket.
        public let rules: [EscalationAdvice]
    }

    public struct Routing: Sendable {
        public let service: String?
        public let team: String?
        public let level: String?
        public let reason: RoutingReason
    }

    public let severity: SeverityAdvice
    public let missing: [MissingItem]
    /// A ready-to-send message asking the customer for what is missing (Spanish by default).
    public let customerRequest: String?
    public let sla: SLADue
    public let solutions: [Solution]
    public let duplicates: [Duplicate]
    /// Several customers reporting the same problem within the window.
    public let probableMajorIncident: Bool
    public let escalation: Escalation
    public let routing: Routing
    /// The language of `customerRequest`: the policy's, the customer's.
    public var customerLanguage: Language = .spanish
}
