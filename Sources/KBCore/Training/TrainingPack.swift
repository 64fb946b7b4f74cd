/// Customer training material ready to render: plain values, already filtered and redacted, so templates
/// only lay it out and rendering never touches the database.
///
/// Built by `TrainingBuilder`; every text in it went through the `Redactor`, except the fixed wording of
/// the report-an-incident chapter, which kb writes itself from the support manual.
public struct TrainingPack: Sendable, Equatable {
    /// What the material covers: the filters it was built with (empty lists mean everything).
    public struct Scope: Sendable, Equatable {
        public var services: [String]
        public var tags: [String]

        public init(services: [String] = [], tags: [String] = []) {
            self.services = services
            self.tags = tags
        }

        /// True when no filter narrowed the material.
        public var coversEverything: Bool { services.isEmpty && tags.isEmpty }
    }

    /// The language of the document (labels, chapter texts and placeholders).
    public var language: Language
    /// The document title, on the cover.
    public var title: String
    /// The day the material was generated, `YYYY-MM-DD`.
    public var generatedOn: String
    public var scope: Scope
    /// One chapter per service, sorted by service name; articles without a service come last.
    public var sections: [Section]
    /// How to report an incident: the manual's severity scale and what to send.
    public var incidentGuide: IncidentReportGuide
    /// The most frequent requests; nil when the FAQ was omitted (no ticket store) or found nothing.
    public var faq: FAQChapter?

    public init(language: Language, title: String, generatedOn: String, scope: Scope, sections: [Section],
                incidentGuide: IncidentReportGuide, faq: FAQChapter?) {
        self.language = language
        self.title = title
        self.generatedOn = generatedOn
        self.scope = scope
        self.sections = sections
        self.incidentGuide = incidentGuide
        self.faq = faq
    }

    /// Number of articles in the material (each counted once, however many services list it).
    public var articleCount: Int {
        sections.reduce(0) { $0 + $1.articles.count }
    }
}
