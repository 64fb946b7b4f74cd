/// Finds the most frequent customer requests among resolved severity-5 tickets, for the FAQ chapter.
///
/// Requests are grouped by their first tag (agents tag alike requests alike); untagged ones by the set of
/// analyzer terms of their redacted title, ignoring short function words, so "Cambio de contraseña" and
/// "cambio contraseñas" meet. A group's question is its most frequent title and its answer its most frequent
/// resolution (the most recent on a tie). Titles and resolutions are redacted as they are added, before
/// grouping: customer names become one placeholder, so the same request from two customers groups together.
/// Only titles and resolutions are shown; ticket events, internal or not, never reach the FAQ, and neither does a
/// ticket that held a secret anywhere (title, resolution, description or any event).
public struct FAQMiner {
    /// The fields of one ticket the FAQ uses.
    public struct Request: Sendable, Equatable {
        public var id: String
        public var title: String
        public var resolution: String
        public var tags: [String]
        public var service: String?
        /// When support finished with it (seconds since 1970), to prefer recent answers on a tie.
        public var finishedAt: Int64
        /// The rest of the ticket's text (description, events, internal or not), never shown: a secret in it keeps
        /// the whole ticket out of the FAQ.
        public var otherText: String
        /// The articles the ticket links (its `articles` field), never shown: they tell which article answers it.
        public var articles: [String]

        public init(id: String, title: String, resolution: String, tags: [String] = [], service: String? = nil,
                    finishedAt: Int64 = 0, otherText: String = "", articles: [String] = []) {
            self.otherText = otherText
            self.articles = articles
            self.id = id
            self.title = title
            self.resolution = resolution
            self.tags = tags
            self.service = service
            self.finishedAt = finishedAt
        }
    }

    private struct Variant {
        var text: String
        var count: Int
        var latest: Int64
    }

    private struct Group {
        var count = 0
        var tickets: [String] = []
        var articles: [String: Int] = [:]
        var titles: [String: Variant] = [:]
        var resolutions: [String: Variant] = [:]
    }

    /// Function words that say nothing about what was asked, as the analyzer leaves them (stemmed, folded).
    private static let ignoredTerms: Set<String> = [
        "con", "del", "las", "los", "par", "para", "por", "que", "una", "uno", "sus", "mis", "est", "esta",
        "the", "and", "for", "with", "from", "our", "your", "this", "that",
    ]

    private let options: TrainingOptions
    private let redactor: Redactor
    private let analyzer: Analyzer
    private let serviceFilter: Set<String>
    private let tagFilter: Set<String>
    private var groups: [String: Group] = [:]

    /// A miner keeping requests that pass `options`' service and tag filters; titles are analysed in
    /// `analyzerLanguage` (the language tickets are written in: the workspace's).
    public init(options: TrainingOptions, redactor: Redactor, analyzerLanguage: Language) {
        self.options = options
        self.redactor = redactor
        self.analyzer = Analyzer(language: analyzerLanguage)
        self.serviceFilter = Set(options.services.map(TrainingBuilder.filterKey))
        self.tagFilter = Set(options.tags.map(TrainingBuilder.filterKey))
    }

    /// Counts one resolved request; requests outside the filters or without a resolution are ignored.
    public mutating func add(_ request: Request) {
        if !serviceFilter.isEmpty {
            guard let service = request.service, serviceFilter.contains(TrainingBuilder.filterKey(service)) else { return }
        }
        if !tagFilter.isEmpty {
            guard request.tags.contains(where: { tagFilter.contains(TrainingBuilder.filterKey($0)) }) else { return }
        }
        // A ticket that held a secret (a password, PIN, token, key) gives nothing, not even redacted: the rest of
        // its text was written around the secret ("entrar con la clave temporal y cambiarla").
        let prepared = CustomerMarkdown.prepare(request.resolution, minimumHeadingLevel: 5)
        let title = Self.singleLine(request.title)
        guard ![request.title, request.resolution, prepared, title, request.otherText].contains(where: redactor.containsSecret) else {
            return
        }
        let answer = redactor.redact(prepared)
        let question = redactor.redact(title)
        guard answer.utf8.contains(where: { !ScanByte.isWhitespace($0) }),
              question.utf8.contains(where: { !ScanByte.isWhitespace($0) }) else { return }
        let key = groupKey(tags: request.tags, question: question)
        var group = groups[key] ?? Group()
        group.count += 1
        group.tickets.append(request.id)
        for article in Set(request.articles) where !article.isEmpty { group.articles[article, default: 0] += 1 }
        Self.count(question, key: AccentFolding.fold(question), at: request.finishedAt, in: &group.titles)
        Self.count(answer, key: Self.normalized(answer), at: request.finishedAt, in: &group.resolutions)
        groups[key] = group
    }

    /// The FAQ: groups asked at least `faqMinimumCount` times, most frequent first (ties by question), at most
    /// `faqLimit` of them.
    /// With `limited` false every frequent group is given, so a caller that drops some can still fill `faqLimit`.
    public func entries(limited: Bool = true) -> [TrainingPack.FAQEntry] {
        guard options.faqLimit > 0 else { return [] }
        let entries = groups.values.filter { $0.count >= max(1, options.faqMinimumCount) }.compactMap { group in
            Self.representative(group.titles).map { question in
                TrainingPack.FAQEntry(question: question, answer: Self.representative(group.resolutions) ?? "",
                                      count: group.count, tickets: group.tickets, linkedArticles: group.articles)
            }
        }
        return Array(entries.sorted {
            if $0.count != $1.count { return $0.count > $1.count }
            if $0.question != $1.question { return $0.question.utf8.lexicographicallyPrecedes($1.question.utf8) }
            return $0.answer.utf8.lexicographicallyPrecedes($1.answer.utf8)
        }.prefix(limited ? options.faqLimit : Int.max))
    }

    private func groupKey(tags: [String], question: String) -> String {
        if let tag = tags.lazy.map(TrainingBuilder.filterKey).first(where: { !$0.isEmpty }) { return "tag:" + tag }
        let terms = Set(analyzer.terms(question).filter { $0.utf8.count >= 3 && !Self.ignoredTerms.contains($0) && !Analyzer.isClockTime($0) })
        if terms.isEmpty { return "title:" + AccentFolding.fold(question) }
        return "terms:" + terms.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.joined(separator: " ")
    }

    private static func count(_ text: String, key: String, at time: Int64, in variants: inout [String: Variant]) {
        if var variant = variants[key] {
            variant.count += 1
            if time >= variant.latest {
                variant.latest = time
                variant.text = text
            }
            variants[key] = variant
        } else {
            variants[key] = Variant(text: text, count: 1, latest: time)
        }
    }

    /// The most frequent variant; on a tie the most recent, then the shortest, then the first in byte order.
    private static func representative(_ variants: [String: Variant]) -> String? {
        variants.values.min {
            if $0.count != $1.count { return $0.count > $1.count }
            if $0.latest != $1.latest { return $0.latest > $1.latest }
            if $0.text.utf8.count != $1.text.utf8.count { return $0.text.utf8.count < $1.text.utf8.count }
            return $0.text.utf8.lexicographicallyPrecedes($1.text.utf8)
        }?.text
    }

    /// Folded text with whitespace runs collapsed, so answers differing only in case or spacing count as one.
    private static func normalized(_ text: String) -> String {
        AccentFolding.fold(text).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private static func singleLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ").trimmingSpaces()
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs (no Foundation needed).
    fileprivate func trimmingSpaces() -> String {
        let bytes = Array(utf8)
        var start = 0
        var end = bytes.count
        while start < end, ScanByte.isWhitespace(bytes[start]) { start += 1 }
        while end > start, ScanByte.isWhitespace(bytes[end - 1]) { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
