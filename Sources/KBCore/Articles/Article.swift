/// A knowledge-base article: front matter fields, its Markdown body, KCS sections and internal blocks,
/// all with the line numbers of the file they came from.
public struct Article: Sendable, Equatable {
    /// `KB-NNNN`.
    public var id: String
    public var title: String
    public var state: ArticleState
    public var audience: ArticleAudience
    public var services: [String]
    public var tags: [String]
    /// Ids of the tickets the article was written from or solved.
    public var tickets: [String]
    /// Day of the last update, `YYYY-MM-DD` as written (lint checks the format).
    public var updated: String?
    /// Nil when the front matter does not say (the workspace language applies).
    public var language: Language?
    /// Path relative to the workspace root, with `/` separators.
    public var path: String
    /// The Markdown after the front matter, as written, internal blocks included.
    public var body: String
    /// 1-based line number of the body's first line in the file.
    public var bodyStartLine: Int
    /// The parsed front matter, kept for line numbers and keys kb does not know.
    public var frontMatter: FrontMatter
    /// The body's lines, numbered as in the file.
    public var lines: [ArticleLine]
    /// `## ` sections of the whole body (internal blocks included).
    public var sections: [ArticleSection]
    /// Outermost internal blocks.
    public var internalBlocks: [InternalBlocks.Block]
    /// Malformed internal markers; an article with any should not reach customers.
    public var internalBlockIssues: [InternalBlocks.Issue]
    /// Body lines outside internal blocks, numbered as in the file.
    public var customerSafeLines: [ArticleLine]
    /// `## ` sections of the body without internal blocks.
    public var customerSections: [ArticleSection]

    /// Parses an article file's text; `path` is workspace-relative and names the file in errors.
    ///
    /// Throws `invalidFrontMatter` for malformed front matter, a missing or empty id, title, state or
    /// audience, a state, audience or language outside the allowed values, or a list where one value is
    /// expected. Other problems (id and date formats, sections, unknown keys) are lint's business.
    public static func parse(text: String, path: String) throws(ArticleError) -> Article {
        let document = try FrontMatterParser.parse(text: text, path: path)
        let fields = ArticleFieldCheck(document.frontMatter)
        if let problem = fields.problems.first(where: \.blocksParsing) {
            throw .invalidFrontMatter(path: path, line: problem.line, reason: problem.message)
        }
        guard let id = fields.id, let title = fields.title, let state = fields.state, let audience = fields.audience
        else {
            // Unreachable: a missing required value always records a blocking problem above.
            throw .invalidFrontMatter(path: path, line: 1, reason: "missing required front matter")
        }
        let lines = ArticleMarkdown.lines(of: document.body, firstLine: document.bodyStartLine)
        let scan = InternalBlocks.scan(lines)
        return Article(
            id: id, title: title, state: state, audience: audience,
            services: fields.services.map(\.value), tags: fields.tags.map(\.value),
            tickets: fields.tickets.map(\.value), updated: fields.updated, language: fields.language,
            path: path, body: document.body, bodyStartLine: document.bodyStartLine,
            frontMatter: document.frontMatter, lines: lines, sections: ArticleMarkdown.sections(of: lines),
            internalBlocks: scan.blocks, internalBlockIssues: scan.issues, customerSafeLines: scan.keptLines,
            customerSections: ArticleMarkdown.sections(of: scan.keptLines))
    }

    /// Parses a scanned file, rejecting files over `ArticleFile.maximumBytes` and bytes that are not UTF-8.
    public static func parse(file: ArticleFile) throws(ArticleError) -> Article {
        if let error = file.readError { throw error }
        guard let text = file.text else { throw .invalidEncoding(path: file.path) }
        return try parse(text: text, path: file.path)
    }

    /// The body without internal blocks: what may be shown to customers (before redaction).
    public var customerSafeBody: String {
        customerSafeLines.map(\.text).joined(separator: "\n")
    }

    /// Front matter keys the article format does not define, in file order.
    public var unknownKeys: [String] {
        frontMatter.entries.map(\.key).filter { !ArticleFieldCheck.knownKeys.contains($0) }
    }

    /// The first section of `kind` in the whole body.
    public func section(_ kind: ArticleSectionKind) -> ArticleSection? {
        sections.first { $0.kind == kind }
    }

    /// The first section of `kind` outside internal blocks.
    public func customerSection(_ kind: ArticleSectionKind) -> ArticleSection? {
        customerSections.first { $0.kind == kind }
    }

    /// True when something other than headings, blank lines and comments is left once internal blocks go.
    public var hasCustomerSafeContent: Bool {
        customerSafeLines.contains {
            ArticleMarkdown.isContentLine($0.text) && !ArticleMarkdown.isHeading($0.text)
        }
    }

    /// True when the article may feed customer material: customer audience, validated, well-formed
    /// internal markers and some customer-safe content. Personal data is the redactor's job.
    public var isEligibleForCustomers: Bool {
        audience == .customer && state == .validated && internalBlockIssues.isEmpty && hasCustomerSafeContent
    }
}
