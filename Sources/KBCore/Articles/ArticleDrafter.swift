/// Turns a solved ticket into a KCS article draft through the `article.md` template.
///
/// - **Problema**: the customer's own words — the ticket title and description, then what the customer
///   added before the ticket was resolved (`customer_update` events), quoted.
/// - **Entorno**: the ticket's service, plan and channel.
/// - **Solución**: the resolution, then numbered steps from the actions taken (`DraftSteps`: logged actions,
///   public or internal, vendor escalations and what public comments say was done, never courtesy), imperative,
///   once each, in the order done.
/// - **Causa**: the root cause.
/// - Internal events (notes, internal actions) go into an `<!-- internal -->` block after Causa.
///
/// Everything taken from the ticket goes through the redactor (emails, phones, IPs, secrets and the
/// customer and agent names the store knows) and is escaped for Markdown by the template renderer: it cannot
/// open a heading, a list, a code fence or an internal block. Where the ticket has nothing to say, the draft holds the
/// placeholder lint knows (`(completar)`, `(to complete)`). The front matter is written so that it
/// parses back to exactly these values, and the rendered draft is parsed before it is returned.
public struct ArticleDrafter: Sendable {
    /// The template name (`templates/article.md.mustache`).
    public static let templateName = "article.md"

    public var language: Language
    public var templates: TemplateSet
    public var redactor: Redactor

    public init(language: Language, templates: TemplateSet, names: PersonNames = PersonNames()) {
        self.language = language
        self.templates = templates
        self.redactor = names.redactor(language: language)
    }

    /// Drafts article `id` from `ticket`, dated `date` (its UTC day). Refuses a ticket that is not
    /// resolved or closed unless `allowOpen`.
    public func draft(from ticket: Ticket, id: String, date: Timestamp, allowOpen: Bool = false) throws -> ArticleDraft {
        guard ticket.isDone || allowOpen else {
            throw ArticleDraftError.ticketNotResolved(id: ticket.id, status: ticket.status.rawValue)
        }
        let title = articleTitle(for: ticket)
        let path = ArticleDrafter.relativePath(title: title, ticket: ticket)
        let data = context(for: ticket, id: id, title: title, date: date)
        let text = try templates.render(ArticleDrafter.templateName, context: data)
        let article: Article
        do {
            article = try Article.parse(text: text, path: path)
        } catch {
            throw ArticleDraftError.invalidTemplate(name: ArticleDrafter.templateName, reason: "\(error)")
        }
        guard article.id == id, article.title == title, article.tickets == [ticket.id] else {
            throw ArticleDraftError.invalidTemplate(name: ArticleDrafter.templateName,
                                                    reason: "the front matter does not carry the draft's id, title and ticket")
        }
        return ArticleDraft(id: id, ticketID: ticket.id, title: title, language: language, path: path, text: text,
                            templateData: data)
    }

    /// `kb/articles/SERVICE/SLUG.md`, or `kb/articles/SLUG.md` when the ticket has no service; both
    /// parts are slugs (the title's, else the ticket id's), so the path stays inside `kb/articles`.
    public static func relativePath(title: String, ticket: Ticket) -> String {
        var path = ArticleScanner.articlesFolder + "/"
        if let service = ticket.service, !service.isEmpty {
            path += Slug.make(service, fallback: "general") + "/"
        }
        return path + Slug.make(title, fallback: ticket.id) + ".md"
    }

    /// The ticket title, redacted, on one line; the ticket id when nothing is left.
    func articleTitle(for ticket: Ticket) -> String {
        let title = TextLines.singleLine(redactor.redact(ticket.title))
        return title.isEmpty ? ticket.id : title
    }

    /// The values the template renders, redacted and shaped into lines (the renderer escapes them for Markdown);
    /// the front matter's come quoted for YAML, to be inserted as they are.
    func context(for ticket: Ticket, id: String, title: String, date: Timestamp) -> TemplateValue {
        let ticket = ticket.sortedTimeline()
        let services = ticket.service.map { TextLines.trimmed($0).isEmpty ? [] : [$0] } ?? []
        var tags: [String] = []
        for tag in ticket.tags where !TextLines.trimmed(tag).isEmpty && !tags.contains(tag) { tags.append(tag) }

        // The customer's words stop at the resolution: later updates are thanks and confirmations.
        let resolvedAt = ticket.resolvedAt ?? ticket.events.first { $0.kind == .resolved }?.at
        let updates = ticket.events.filter { event in
            event.kind == .customerUpdate && event.visibility == .public && !TextLines.trimmed(event.text).isEmpty
                && (resolvedAt.map { event.at <= $0 } ?? true)
        }.map { TextLines.singleLine(redactor.redact($0.text)) }
        var quote = [TextLines.singleLine(redactor.redact(ticket.title))]
        let description = TextLines.lines(redactor.redact(ticket.description))
        if !description.isEmpty { quote += [""] + description }

        var environment: [TemplateValue] = []
        func addEnvironment(_ label: String, _ value: String?) {
            guard let value, !TextLines.trimmed(value).isEmpty else { return }
            environment.append(["label": .string(label), "value": .string(TextLines.singleLine(redactor.redact(value)))])
        }
        let words = language.catalogue
        addEnvironment(words["word.service"], ticket.service)
        addEnvironment(words["word.plan"], ticket.plan)
        addEnvironment(words["word.channel"], ticket.channel?.rawValue)

        let resolutionLines = ticket.resolution.map { TextLines.lines(redactor.redact($0)) } ?? []
        let resolution = resolutionLines.joined(separator: "\n")
        // Steps are read in the language the ticket is written in, whatever the draft's.
        let textLanguage = ticket.language.flatMap(Language.init(tag:)) ?? language
        let steps: [TemplateValue] = DraftSteps(language: textLanguage, redactor: redactor).steps(of: ticket).enumerated().map {
            ["number": .number(Double($0.offset + 1)), "text": .string($0.element)]
        }
        let cause = ticket.rootCause.map { TextLines.lines(redactor.redact($0)) } ?? []

        var notes: [TemplateValue] = []
        for event in ticket.events where event.visibility == .internal {
            let text = TextLines.singleLine(redactor.redact(event.text))
            guard !text.isEmpty else { continue }
            notes.append([
                "at": .string(event.at.formatted(offsetSeconds: ticket.displayOffset)),
                "kind": .string(event.kind.rawValue),
                "text": .string(text),
            ])
        }

        return [
            "id": .string(id),
            "title": .string(title),
            "yaml": [
                "id": .string(FrontMatterWriter.scalar(id)),
                "title": .string(FrontMatterWriter.scalar(title)),
                "state": .string(ArticleState.wip.rawValue),
                "audience": .string(ArticleAudience.internal.rawValue),
                "services": .string(FrontMatterWriter.flowList(services)),
                "tags": .string(FrontMatterWriter.flowList(tags)),
                "tickets": .string(FrontMatterWriter.flowList([ticket.id])),
                "updated": .string(date.day()),
                "language": .string(language.rawValue),
            ],
            "ticket": [
                "id": .string(TextLines.singleLine(ticket.id)),
                "severity": .number(Double(ticket.severity)),
                "severity_name": .string(Severity.name(ticket.severity, language: language)),
                "status": .string(ticket.status.rawValue),
            ],
            "problem": [
                // Empty for a blank line, which the template quotes as a bare `>` (no trailing space).
                "quote": .array(quote.map { ["text": .string($0)] }),
                "updates": .array(updates.map { .string($0) }),
                "has_updates": .bool(!updates.isEmpty),
            ],
            "environment": .array(environment),
            "has_environment": .bool(!environment.isEmpty),
            "solution": [
                // Line by line, so the line breaks stay soft: one paragraph, as the writer will edit it.
                "resolution": .array(resolutionLines.map { .string($0) }),
                "steps": .array(steps),
                "has_steps": .bool(!steps.isEmpty),
                "has_content": .bool(!resolution.isEmpty || !steps.isEmpty),
            ],
            "cause": .array(cause.map { .string($0) }),
            "internal_notes": .array(notes),
            "has_internal_notes": .bool(!notes.isEmpty),
        ]
    }
}
