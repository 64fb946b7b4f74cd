/// Builds a `TrainingPack` from article files and FAQ entries: picks the articles customers may read, keeps
/// their customer-safe sections, redacts every text and lays them out by service with unique anchors.
///
/// An article is included when it parses, has `audience: customer` and `state: validated`, well-formed
/// internal markers, customer-safe content (`Article.isEligibleForCustomers`), is written in the document's
/// language (the workspace language when its front matter gives none), passes the service and tag filters
/// (any listed service, any listed tag; both filters when both are given) and has a Solución section outside
/// internal blocks. Its Problema and Solución come from the body with internal blocks removed.
///
/// **Chapters**: an article goes to the chapter of the service whose folder it is filed in (`kb/articles/portal/…`)
/// when it lists that service, else to its first service; an article filed in a folder that is none of its services
/// (`kb/articles/general/`) or that lists three or more services is about support in general and goes to the
/// General chapter. Its other services' chapters point to it ("see also"). A chapter with no article of its own is
/// left out.
///
/// **FAQ rule**: each frequent request is answered by the validated customer article in the document's language that
/// its tickets link most (their `articles` field, or the article's `tickets`): the question is the article's title
/// (as a question when it starts with an interrogative word), the answer the opening of its Solución (up to its first
/// list, written to the customer) and a link to the article. Requests answered by the same article are one question.
/// A request no such article answers is left out (``Result/faqLeftOut``): support's own notes ("Se reinició el
/// servicio") are not customer text, and in another language they would not be the document's language.
///
/// **Causa rule**: root causes often name internal systems, people or mistakes, so Causa is included only when
/// it is customer-safe as a whole: the article's Causa section is identical with and without internal blocks
/// (no internal block starts, ends or sits inside it) and the redactor finds no personal data in it. Otherwise
/// the section is left out entirely rather than shown redacted.
public struct TrainingBuilder: Sendable {
    /// What `build` produced.
    public struct Result: Sendable, Equatable {
        public var pack: TrainingPack
        /// Articles left out for a reason the writer can fix (invalid front matter, malformed markers, no solution).
        public var warnings: [TrainingWarning]
        /// Customer articles left out because they are written in another language.
        public var otherLanguageCount: Int
        /// Frequent requests no validated customer article in the document's language answers, left out of the FAQ.
        public var faqLeftOut: [TrainingPack.FAQEntry] = []
    }

    /// An article chosen for the material, with what places it and answers FAQ entries with.
    struct Chosen {
        var article: TrainingPack.Article
        /// The services it lists that pass the filter, its chapter's first; empty for a general article.
        var services: [String]
        /// The article's id as written (before redaction) and the tickets its front matter names.
        var id: String
        var tickets: Set<String>
    }

    /// Articles that list this many services or more are about support in general.
    static let generalServiceCount = 3

    public var options: TrainingOptions
    public var redactor: Redactor

    public init(options: TrainingOptions, redactor: Redactor) {
        self.options = options
        self.redactor = redactor
    }

    /// Headings the training templates write themselves, in every language; pack anchors avoid their slugs so a
    /// Markdown renderer numbering repeated headings cannot move a table-of-contents target.
    static let templateHeadings: [String] = Language.allCases.flatMap { language in
        ["training.contents", "article.section.problem", "article.section.solution", "article.section.cause",
         "training.severities", "training.what_to_send", "training.what_happens_next"].map { language.catalogue[$0] }
    }

    /// The document title in `language`.
    public static func title(in language: Language) -> String {
        language.catalogue["training.title"]
    }

    /// The FAQ chapter title in `language`.
    public static func faqTitle(in language: Language) -> String {
        language.catalogue["training.faq_title"]
    }

    /// The chapter title for articles that name no service.
    public static func generalTitle(in language: Language) -> String {
        language.catalogue["training.general"]
    }

    /// Parses `files` (invalid ones become warnings) and builds the pack; `faq` is nil when there is no ticket store.
    public func build(files: [ArticleFile], faq: [TrainingPack.FAQEntry]?) -> Result {
        var warnings: [TrainingWarning] = []
        var articles: [Article] = []
        for file in files {
            do {
                articles.append(try Article.parse(file: file))
            } catch {
                warnings.append(TrainingWarning(path: error.path, line: error.line, message: error.reason))
            }
        }
        var result = build(articles: articles, faq: faq)
        result.warnings = warnings + result.warnings
        return result
    }

    /// Builds the pack from parsed articles.
    public func build(articles: [Article], faq: [TrainingPack.FAQEntry]?) -> Result {
        var warnings: [TrainingWarning] = []
        var otherLanguage = 0
        var chosen: [Chosen] = []
        let serviceFilter = Set(options.services.map(Self.filterKey))
        let tagFilter = Set(options.tags.map(Self.filterKey))
        for article in articles where article.audience == .customer && article.state == .validated {
            if (article.language ?? options.workspaceLanguage) != options.language {
                otherLanguage += 1
                continue
            }
            let services = article.services.filter { serviceFilter.isEmpty || serviceFilter.contains(Self.filterKey($0)) }
            if !serviceFilter.isEmpty, services.isEmpty { continue }
            if !tagFilter.isEmpty, !article.tags.contains(where: { tagFilter.contains(Self.filterKey($0)) }) { continue }
            if let issue = article.internalBlockIssues.first {
                warnings.append(TrainingWarning(
                    path: article.path, line: issue.line,
                    message: "\(issue.message); article left out of customer material"))
                continue
            }
            guard article.isEligibleForCustomers else {
                warnings.append(TrainingWarning(path: article.path, line: article.bodyStartLine,
                                                message: "no customer-safe content; article left out of customer material"))
                continue
            }
            guard let solution = piece(article.customerSection(.solution)) else {
                warnings.append(TrainingWarning(
                    path: article.path, line: article.section(.solution)?.line ?? article.bodyStartLine,
                    message: "no solution section outside internal blocks; article left out of customer material"))
                continue
            }
            let entry = TrainingPack.Article(
                id: redactor.redact(article.id), title: redactor.redact(article.title), anchor: "",
                updated: article.updated.map(redactor.redact), problem: piece(article.customerSection(.problem)),
                solution: solution, cause: customerSafeCause(article))
            chosen.append(Chosen(article: entry, services: Self.chapterServices(services, path: article.path), id: article.id,
                                 tickets: Set(article.tickets)))
        }
        var pack = layOut(chosen, faq: nil)
        var leftOut: [TrainingPack.FAQEntry] = []
        if let faq {
            let answered = answer(faq, with: chosen, anchors: Dictionary(
                pack.sections.flatMap(\.articles).map { ($0.id, $0.anchor) }, uniquingKeysWith: { first, _ in first }))
            leftOut = answered.leftOut
            pack = layOut(chosen, faq: Array(answered.entries.prefix(options.faqLimit)))
        }
        return Result(pack: pack, warnings: warnings, otherLanguageCount: otherLanguage, faqLeftOut: leftOut)
    }

    /// A section's customer-safe Markdown, redacted; nil when nothing is left.
    private func piece(_ section: ArticleSection?) -> String? {
        guard let section else { return nil }
        let text = redactor.redact(CustomerMarkdown.prepare(section.text, minimumHeadingLevel: 5))
        return text.utf8.contains(where: { !ScanByte.isWhitespace($0) }) ? text : nil
    }

    /// Causa under the rule in the type's documentation, or nil.
    private func customerSafeCause(_ article: Article) -> String? {
        guard let full = article.section(.cause), let safe = article.customerSection(.cause),
              full.line == safe.line, full.lines.map(\.text) == safe.lines.map(\.text),
              redactor.findings(in: full.heading + "\n" + full.text).isEmpty else { return nil }
        return piece(safe)
    }

    /// The services an article's chapters come from, its own chapter's first: see "Chapters" in the type's
    /// documentation. Empty for a general article.
    static func chapterServices(_ services: [String], path: String) -> [String] {
        let components = path.split(separator: "/").map(String.init)
        let folder = components.lastIndex(of: "articles").flatMap { $0 + 2 < components.count ? components[$0 + 1] : nil }
        if let folder {
            if let own = services.firstIndex(where: { filterKey($0) == filterKey(folder) }) {
                return [services[own]] + services.enumerated().filter { $0.offset != own }.map(\.element)
            }
            return []
        }
        return services.count >= generalServiceCount ? [] : services
    }

    /// The FAQ under the "FAQ rule" of the type's documentation: entries answered by an article, most asked first,
    /// and those left out.
    func answer(_ entries: [TrainingPack.FAQEntry], with chosen: [Chosen],
                anchors: [String: String]) -> (entries: [TrainingPack.FAQEntry], leftOut: [TrainingPack.FAQEntry]) {
        var byArticle: [Int: TrainingPack.FAQEntry] = [:]
        var leftOut: [TrainingPack.FAQEntry] = []
        for entry in entries {
            let tickets = Set(entry.tickets)
            var best: (index: Int, score: Int)?
            for (index, candidate) in chosen.enumerated() {
                let score = (entry.linkedArticles[candidate.id] ?? 0) + candidate.tickets.intersection(tickets).count
                if score > 0, score > best?.score ?? 0 { best = (index, score) }
            }
            guard let best, let anchor = anchors[chosen[best.index].article.id] else {
                leftOut.append(entry)
                continue
            }
            if var existing = byArticle[best.index] {
                existing.count += entry.count
                existing.tickets += entry.tickets
                byArticle[best.index] = existing
            } else {
                let article = chosen[best.index].article
                byArticle[best.index] = TrainingPack.FAQEntry(
                    question: Self.question(article.title, language: options.language),
                    answer: Self.opening(of: article.solution) + "\n\n" + options.language.catalogue(
                        "training.faq_more", ["link": "[\(Markdown.escape(article.title))](#\(anchor))"]),
                    count: entry.count, tickets: entry.tickets)
            }
        }
        let answered = byArticle.values.sorted {
            if $0.count != $1.count { return $0.count > $1.count }
            return $0.question.utf8.lexicographicallyPrecedes($1.question.utf8)
        }
        return (answered, leftOut)
    }

    /// Words that open a question, folded.
    static let interrogatives: Set<String> = ["como", "donde", "que", "cuando", "cual", "cuales", "quien", "por", "cuanto",
                                              "how", "where", "what", "when", "which", "who", "why", "can"]

    /// An article title as an FAQ question: "¿Cómo cambiar o restablecer su contraseña?" when it opens with an
    /// interrogative word, else the title as it is.
    static func question(_ title: String, language: Language) -> String {
        let first = title.split(whereSeparator: { !$0.isLetter }).first.map { AccentFolding.fold(String($0)) } ?? ""
        guard interrogatives.contains(first), !title.hasSuffix("?") else { return title }
        return (language == .spanish && !title.hasPrefix("¿") ? "¿" : "") + title + "?"
    }

    /// The opening of a Solución: its blocks (separated by blank lines) up to and including the first list, at most
    /// three, so the FAQ answers in a few lines and links the rest.
    static func opening(of solution: String) -> String {
        var blocks: [String] = []
        var current: [Substring] = []
        for line in solution.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy(\.isWhitespace) {
                if !current.isEmpty { blocks.append(current.joined(separator: "\n")) }
                current = []
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { blocks.append(current.joined(separator: "\n")) }
        var opening: [String] = []
        for block in blocks.prefix(3) {
            opening.append(block)
            let holdsList = block.split(separator: "\n").contains { line in
                let text = line.drop(while: { $0 == " " })
                return text.hasPrefix("- ") || text.hasPrefix("* ") || text.hasPrefix("+ ")
                    || (text.first?.isNumber == true && text.drop(while: \.isNumber).hasPrefix(". "))
            }
            if holdsList { break }
        }
        return opening.joined(separator: "\n\n")
    }

    private func layOut(_ chosen: [Chosen], faq: [TrainingPack.FAQEntry]?) -> TrainingPack {
        // The first service the article lists (that passes the filter) holds it; the others point to it.
        var byService: [String: [TrainingPack.Article]] = [:]
        var references: [String: [(id: String, title: String)]] = [:]
        var displayName: [String: String] = [:]
        for item in chosen {
            let (article, services) = (item.article, item.services)
            let keys = services.map(Self.filterKey)
            let primary = keys.first ?? ""
            byService[primary, default: []].append(article)
            if let name = services.first { displayName[primary] = displayName[primary] ?? name }
            for (key, name) in zip(keys, services).dropFirst() where key != primary {
                displayName[key] = displayName[key] ?? name
                if !(references[key]?.contains { $0.id == article.id } ?? false) {
                    references[key, default: []].append((article.id, article.title))
                }
            }
        }
        // A chapter holds articles of its own; links to articles printed elsewhere go only where there are some.
        let keys = Set(byService.keys).sorted { lhs, rhs in
            if lhs.isEmpty != rhs.isEmpty { return !lhs.isEmpty }
            return lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
        }
        var anchors = AnchorAllocator(reserved: [Self.title(in: options.language)] + Self.templateHeadings)
        var sections: [TrainingPack.Section] = []
        var articleAnchors: [String: String] = [:]
        for key in keys {
            let words = options.language.catalogue
            let title = key.isEmpty ? Self.generalTitle(in: options.language)
                : words.contains("service_name.\(key)") ? words["service_name.\(key)"]
                : redactor.redact(Self.capitalized(displayName[key] ?? key))
            var section = TrainingPack.Section(service: key.isEmpty ? "" : redactor.redact(displayName[key] ?? key),
                                               title: title, anchor: anchors.allocate(for: title), articles: [])
            let articles = (byService[key] ?? []).sorted {
                if $0.id != $1.id { return $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
                return $0.title.utf8.lexicographicallyPrecedes($1.title.utf8)
            }
            for var article in articles {
                article.anchor = anchors.allocate(for: article.title)
                articleAnchors[article.id] = articleAnchors[article.id] ?? article.anchor
                section.articles.append(article)
            }
            sections.append(section)
        }
        for index in sections.indices {
            let key = keys[index]
            sections[index].seeAlso = (references[key] ?? []).compactMap { reference in
                articleAnchors[reference.id].map { TrainingPack.Reference(id: reference.id, title: reference.title, anchor: $0) }
            }.sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
        }
        let incidentTitle = IncidentReportGuide.title(in: options.language)
        let guide = IncidentReportGuide.standard(language: options.language, anchor: anchors.allocate(for: incidentTitle))
        var faqChapter: TrainingPack.FAQChapter?
        if let faq, !faq.isEmpty {
            let title = Self.faqTitle(in: options.language)
            faqChapter = TrainingPack.FAQChapter(title: title, anchor: anchors.allocate(for: title), entries: faq)
        }
        return TrainingPack(
            language: options.language, title: Self.title(in: options.language), generatedOn: options.generatedOn,
            scope: TrainingPack.Scope(services: options.services.map(redactor.redact), tags: options.tags.map(redactor.redact)),
            sections: sections, incidentGuide: guide, faq: faqChapter)
    }

    /// How filters and service names are compared: lower-cased, accents removed, surrounding spaces dropped.
    static func filterKey(_ text: String) -> String {
        FilterVocabulary.key(text)
    }

    private static func capitalized(_ name: String) -> String {
        guard let first = name.first else { return name }
        return first.uppercased() + name.dropFirst()
    }
}
