extension TrainingPack {
    /// The frequently-asked-questions chapter.
    public struct FAQChapter: Sendable, Equatable {
        public var title: String
        public var anchor: String
        /// Most frequent first.
        public var entries: [FAQEntry]

        public init(title: String, anchor: String, entries: [FAQEntry]) {
            self.title = title
            self.anchor = anchor
            self.entries = entries
        }
    }

    /// One frequent request (a group of resolved severity-5 tickets) with its answer, redacted.
    ///
    /// As mined (``FAQMiner``) the question is a representative ticket title and the answer support's note; in the
    /// guide (``TrainingBuilder``) both come from the validated customer article that answers the request: its
    /// title as the question and the opening of its Solución, written to the customer, with a link to it.
    public struct FAQEntry: Sendable, Equatable {
        /// The question, as the guide shows it.
        public var question: String
        /// The answer, as Markdown.
        public var answer: String
        /// How many resolved tickets asked it.
        public var count: Int
        /// Ids of the tickets that asked it (never shown): they tie the request to the article written from them.
        public var tickets: [String]
        /// Article id → how many of those tickets link it in their `articles` field (never shown).
        public var linkedArticles: [String: Int]

        public init(question: String, answer: String, count: Int, tickets: [String] = [], linkedArticles: [String: Int] = [:]) {
            self.question = question
            self.answer = answer
            self.count = count
            self.tickets = tickets
            self.linkedArticles = linkedArticles
        }
    }
}
