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

    /// One frequent request (a group of resolved severity-5 tickets) with its usual answer, redacted.
    public struct FAQEntry: Sendable, Equatable {
        /// A representative ticket title.
        public var question: String
        /// A representative resolution, as Markdown.
        public var answer: String
        /// How many resolved tickets asked it.
        public var count: Int

        public init(question: String, answer: String, count: Int) {
            self.question = question
            self.answer = answer
            self.count = count
        }
    }
}
