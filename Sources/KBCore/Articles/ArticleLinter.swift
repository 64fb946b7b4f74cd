/// Checks article files for what `kb article lint` reports: front matter, KCS sections per state,
/// leftover placeholders, duplicate ids, links to unknown tickets, internal markers, personal data in
/// customer articles and length.
///
/// Sections required per state (missing or empty → error):
/// - `wip`: Problema — a draft must at least say what it is about;
/// - `not_validated`: Problema and Solución — the article is usable; Entorno and Causa may still be
///   unknown, so their absence is only a warning;
/// - `validated`: Problema, Entorno, Solución and Causa — the full KCS structure;
/// - `archived`: none — kept for history, not maintained.
public struct ArticleLinter: Sendable {
    /// Every text lint treats as an unfinished placeholder: what drafts write where the writer still has to fill
    /// in text (`article.placeholder` in each language's catalogue), and `TODO:`.
    public static let placeholderMarkers = Language.allCases.map { $0.catalogue["article.placeholder"] } + ["TODO:"]
    /// About one page of text; longer articles get a warning.
    public static let defaultMaxWords = 600

    /// Detects personal data in customer articles; give it the store's customer and agent names.
    public var redactor: Redactor
    /// Words outside internal blocks above which an article gets a length warning.
    public var maxWords: Int

    public init(redactor: Redactor = Redactor(), maxWords: Int = ArticleLinter.defaultMaxWords) {
        self.redactor = redactor
        self.maxWords = maxWords
    }

    /// Sections an article in `state` must have, with content.
    public static func requiredSections(for state: ArticleState) -> [ArticleSectionKind] {
        switch state {
        case .wip: [.problem]
        case .notValidated: [.problem, .solution]
        case .validated: [.problem, .environment, .solution, .cause]
        case .archived: []
        }
    }

    /// Sections an article in `state` should have; missing ones are warnings.
    public static func recommendedSections(for state: ArticleState) -> [ArticleSectionKind] {
        switch state {
        case .notValidated: [.environment, .cause]
        case .wip, .validated, .archived: []
        }
    }

    /// Lints every file; `knownTickets` says whether a linked ticket id exists in the store.
    ///
    /// Files are checked in path order, so of two files sharing an id the second in that order gets the
    /// error. The result is sorted by path, then line.
    public func lint(files: [ArticleFile], knownTickets: (String) -> Bool) -> [LintDiagnostic] {
        let ordered = files.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        var diagnostics: [LintDiagnostic] = []
        var firstPathByID: [String: String] = [:]
        for file in ordered {
            let result = lintFile(file, knownTickets: knownTickets)
            diagnostics += result.diagnostics
            if let (id, line) = result.id {
                if let first = firstPathByID[id] {
                    diagnostics.append(LintDiagnostic(path: file.path, line: line, severity: .error,
                                                      message: "duplicate id '\(id)' (already used by \(first))"))
                } else {
                    firstPathByID[id] = file.path
                }
            }
        }
        return diagnostics.sorted()
    }

    /// Lints one file on its own (no duplicate-id check, which needs the other files).
    public func lint(file: ArticleFile, knownTickets: (String) -> Bool) -> [LintDiagnostic] {
        lintFile(file, knownTickets: knownTickets).diagnostics.sorted()
    }

    private func lintFile(_ file: ArticleFile, knownTickets: (String) -> Bool)
        -> (diagnostics: [LintDiagnostic], id: (String, Int)?) {
        var report = Report(path: file.path)
        if let error = file.readError {
            report.error(error.line, error.reason)
            return (report.diagnostics, nil)
        }
        guard let text = file.text else { return (report.diagnostics, nil) }
        let document: FrontMatterParser.Document
        do {
            document = try FrontMatterParser.parse(text: text, path: file.path)
        } catch {
            report.error(error.line, error.reason)
            return (report.diagnostics, nil)
        }
        let fields = ArticleFieldCheck(document.frontMatter)
        for problem in fields.problems {
            report.add(problem.line, problem.severity, problem.message)
        }
        let lines = ArticleMarkdown.lines(of: document.body, firstLine: document.bodyStartLine)
        let scan = InternalBlocks.scan(lines)
        for issue in scan.issues { report.error(issue.line, issue.message) }
        // Body-wide problems point at the first body line, or the closing fence when there is no body.
        let bodyLine = lines.isEmpty ? document.frontMatter.closingLine : document.bodyStartLine

        if let state = fields.state {
            let sections = ArticleMarkdown.sections(of: lines)
            // Messages name headings in the language the writer uses.
            let language = fields.language
                ?? sections.lazy.compactMap { ArticleSectionKind.language(ofHeading: $0.heading) }.first ?? .spanish
            checkSections(sections, state: state, language: language, bodyLine: bodyLine, into: &report)
            checkPlaceholders(title: fields.title, titleLine: document.frontMatter["title"]?.line ?? 1,
                              lines: scan.keptLines, state: state, into: &report)
        }
        for ticket in fields.tickets where !ticket.value.isEmpty && !knownTickets(ticket.value) {
            report.error(ticket.line, "linked ticket '\(ticket.value)' not found in the store")
        }
        if fields.audience == .customer {
            checkCustomerContent(fields, frontMatter: document.frontMatter, keptLines: scan.keptLines, bodyLine: bodyLine,
                                 into: &report)
        }
        let words = ArticleMarkdown.wordCount(scan.keptLines)
        if words > maxWords {
            report.warning(bodyLine, "article has \(words) words outside internal blocks (over \(maxWords), about "
                + "a page); split it or move detail into internal notes")
        }
        let id = fields.id.map { ($0, fields.idLine) }
        return (report.diagnostics, id)
    }

    private func checkSections(_ sections: [ArticleSection], state: ArticleState, language: Language,
                               bodyLine: Int, into report: inout Report) {
        guard state != .archived else { return }
        var firstByKind: [ArticleSectionKind: ArticleSection] = [:]
        for section in sections {
            guard let kind = section.kind else { continue }
            if let first = firstByKind[kind] {
                report.warning(section.line, "second '\(section.heading)' section (first on line \(first.line))")
            } else {
                firstByKind[kind] = section
            }
        }
        let required = ArticleLinter.requiredSections(for: state)
        let recommended = ArticleLinter.recommendedSections(for: state)
        for kind in ArticleSectionKind.allCases {
            let heading = kind.heading(in: language)
            guard let section = firstByKind[kind] else {
                if required.contains(kind) {
                    report.error(bodyLine, "missing section '## \(heading)' (required in \(state.rawValue) articles)")
                } else if recommended.contains(kind) {
                    report.warning(bodyLine, "missing section '## \(heading)' (expected before validation)")
                }
                continue
            }
            guard !section.hasContent else { continue }
            if required.contains(kind) {
                report.error(section.line, "section '\(section.heading)' is empty (required in \(state.rawValue) articles)")
            } else if state != .wip {
                report.warning(section.line, "section '\(section.heading)' is empty")
            }
        }
    }

    private func checkPlaceholders(title: String?, titleLine: Int, lines: [ArticleLine], state: ArticleState,
                                   into report: inout Report) {
        guard state == .validated || state == .notValidated else { return }
        var candidates = lines
        if let title { candidates.insert(ArticleLine(number: titleLine, text: title), at: 0) }
        for line in candidates {
            guard let marker = ArticleLinter.placeholderMarkers.first(where: { line.text.contains($0) }) else { continue }
            let message = "placeholder '\(marker)' left in a \(state.rawValue) article"
            if state == .validated { report.error(line.number, message) } else { report.warning(line.number, message) }
        }
    }

    /// Customer articles: something must be left outside internal blocks, and nothing customer material would
    /// redact may be in what is left — the title, the front matter values the material shows (id, updated,
    /// services), the visible body, and the body's sections as they are prepared for customers (tags and comments
    /// stripped), checked with the redactor the material uses, so lint and redaction never disagree.
    private func checkCustomerContent(_ fields: ArticleFieldCheck, frontMatter: FrontMatter, keptLines: [ArticleLine],
                                      bodyLine: Int, into report: inout Report) {
        let hasContent = keptLines.contains {
            ArticleMarkdown.isContentLine($0.text) && !ArticleMarkdown.isHeading($0.text)
        }
        if !hasContent {
            report.error(bodyLine, "customer article has no content outside internal blocks")
        }
        var reported: Set<String> = []
        func check(_ lines: [ArticleLine], where place: String) {
            let joined = lines.map(\.text).joined(separator: "\n")
            for finding in redactor.findings(in: joined) {
                reported.insert(Self.findingKey(finding, in: joined))
                report.error(lines[finding.line - 1].number,
                             "\(finding.kind.label) in customer-visible \(place) (column \(finding.column)); "
                                 + "remove it or move it into an internal block")
            }
        }
        var located: [(String, ArticleLine)] = []
        if let title = fields.title { located.append(("title", ArticleLine(number: frontMatter["title"]?.line ?? 1, text: title))) }
        if let id = fields.id { located.append(("id", ArticleLine(number: fields.idLine, text: id))) }
        if let updated = fields.updated {
            located.append(("'updated'", ArticleLine(number: frontMatter["updated"]?.line ?? 1, text: updated)))
        }
        for service in fields.services { located.append(("service", ArticleLine(number: service.line, text: service.value))) }
        for (place, line) in located { check([line], where: place) }
        check(keptLines, where: "text")
        for section in ArticleMarkdown.sections(of: keptLines) {
            let prepared = CustomerMarkdown.prepare(section.text, minimumHeadingLevel: 5)
            for finding in redactor.findings(in: prepared) where reported.insert(Self.findingKey(finding, in: prepared)).inserted {
                report.error(section.line, "\(finding.kind.label) in customer-visible text of section '\(section.heading)' "
                    + "once its markup is removed; remove it or move it into an internal block")
            }
        }
    }

    /// What a finding covers, as a reader sees it: the same data found twice is reported once.
    private static func findingKey(_ finding: RedactionFinding, in text: String) -> String {
        "\(finding.kind.rawValue):" + NormalizedText(String(text[finding.range(in: text)])).string
    }

    /// Diagnostics of one file.
    private struct Report {
        let path: String
        var diagnostics: [LintDiagnostic] = []

        init(path: String) {
            self.path = path
        }

        mutating func add(_ line: Int, _ severity: LintDiagnostic.Severity, _ message: String) {
            diagnostics.append(LintDiagnostic(path: path, line: line, severity: severity, message: message))
        }

        mutating func error(_ line: Int, _ message: String) { add(line, .error, message) }
        mutating func warning(_ line: Int, _ message: String) { add(line, .warning, message) }
    }
}
