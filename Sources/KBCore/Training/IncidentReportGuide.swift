/// The "how to report an incident" chapter: the support manual's severity scale, the channels that take
/// reports, what a report must say (the intake checklist) and what happens next (the manual's ticket flow).
///
/// The wording is kb's own, from the language's catalogue: it carries no ticket or article text, so it is not redacted.
public struct IncidentReportGuide: Sendable, Equatable {
    /// One level of the manual's severity scale (1 Crítica … 5 Solicitudes).
    public struct SeverityLevel: Sendable, Equatable {
        public var level: Int
        /// The manual's name (`Crítica`).
        public var name: String
        /// When the level applies, after the manual.
        public var definition: String
        /// The manual's examples; empty when it gives none.
        public var examples: String

        public init(level: Int, name: String, definition: String, examples: String) {
            self.level = level
            self.name = name
            self.definition = definition
            self.examples = examples
        }
    }

    /// One piece of information a report should carry.
    public struct ChecklistItem: Sendable, Equatable {
        public var label: String
        public var detail: String

        public init(label: String, detail: String) {
            self.label = label
            self.detail = detail
        }
    }

    public var title: String
    public var anchor: String
    public var introduction: String
    /// Where reports are received.
    public var channels: [String]
    public var severities: [SeverityLevel]
    public var checklist: [ChecklistItem]
    /// What support does with the report, in order.
    public var nextSteps: [String]

    public init(title: String, anchor: String, introduction: String, channels: [String], severities: [SeverityLevel],
                checklist: [ChecklistItem], nextSteps: [String]) {
        self.title = title
        self.anchor = anchor
        self.introduction = introduction
        self.channels = channels
        self.severities = severities
        self.checklist = checklist
        self.nextSteps = nextSteps
    }

    /// The chapter title in `language`; its slug is the chapter's anchor unless it collides.
    public static func title(in language: Language) -> String {
        language.catalogue["guide.title"]
    }

    /// The guide in `language`, from the support manual (sections 3, 5 and 6), with the given anchor.
    public static func standard(language: Language, anchor: String) -> IncidentReportGuide {
        let words = language.catalogue
        return IncidentReportGuide(
            title: words["guide.title"], anchor: anchor,
            introduction: words["guide.introduction"],
            channels: ["ticketing", "email", "chat"].map { words["guide.channel." + $0] },
            severities: (1...5).map { level in
                SeverityLevel(level: level, name: Severity.name(level, language: language),
                              definition: words["guide.severity.\(level)"], examples: words["guide.examples.\(level)"])
            },
            checklist: checklist.map { label, detail in
                ChecklistItem(label: words[label], detail: words[detail])
            },
            nextSteps: (1...5).map { words["guide.next.\($0)"] })
    }

    /// What a report should carry, as catalogue keys of each item's label and detail.
    private static let checklist = [
        ("word.customer", "guide.checklist.customer_detail"),
        ("guide.checklist.service", "guide.checklist.service_detail"),
        ("guide.checklist.since", "guide.checklist.since_detail"),
        ("guide.checklist.users", "guide.checklist.users_detail"),
        ("word.description", "guide.checklist.description_detail"),
        ("guide.checklist.evidence", "guide.checklist.evidence_detail"),
        ("guide.checklist.contact", "guide.checklist.contact_detail"),
        ("word.severity", "guide.checklist.severity_detail"),
    ]
}
