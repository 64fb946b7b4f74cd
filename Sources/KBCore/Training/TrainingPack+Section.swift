extension TrainingPack {
    /// A chapter of articles about one service.
    public struct Section: Sendable, Equatable {
        /// The service as tickets and articles name it (`portal`); empty for articles that name no service.
        public var service: String
        /// The chapter heading (the service name with a capital, or "General").
        public var title: String
        /// The chapter's `id` in HTML and its link target in the table of contents.
        public var anchor: String
        public var articles: [Article]
        /// Articles that also concern this service but are printed in another chapter.
        public var seeAlso: [Reference]

        public init(service: String, title: String, anchor: String, articles: [Article], seeAlso: [Reference] = []) {
            self.service = service
            self.title = title
            self.anchor = anchor
            self.articles = articles
            self.seeAlso = seeAlso
        }
    }

    /// The customer-safe part of one article: redacted, internal blocks removed.
    public struct Article: Sendable, Equatable {
        public var id: String
        public var title: String
        public var anchor: String
        /// Day of the last update as the article gives it.
        public var updated: String?
        /// The Problema section as Markdown; nil when the article has none outside internal blocks.
        public var problem: String?
        /// The Solución section as Markdown.
        public var solution: String
        /// The Causa section, only when customer-safe (see `TrainingBuilder`).
        public var cause: String?

        public init(id: String, title: String, anchor: String, updated: String?, problem: String?, solution: String,
                    cause: String?) {
            self.id = id
            self.title = title
            self.anchor = anchor
            self.updated = updated
            self.problem = problem
            self.solution = solution
            self.cause = cause
        }
    }

    /// A link to an article printed elsewhere in the document.
    public struct Reference: Sendable, Equatable {
        public var id: String
        public var title: String
        public var anchor: String

        public init(id: String, title: String, anchor: String) {
            self.id = id
            self.title = title
            self.anchor = anchor
        }
    }
}
