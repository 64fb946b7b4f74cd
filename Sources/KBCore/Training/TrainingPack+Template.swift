import Foundation

extension TrainingPack {
    /// The pack as template data for `format` (keys in snake_case, as `kb render --data` JSON would give them).
    ///
    /// Plain texts (titles, names, questions) come raw, on one line for Markdown, and the template's `{{name}}`
    /// escapes them for its format. The article pieces (`problem`, `solution`, `cause`, `answer`) are Markdown,
    /// which the Markdown template inserts with triple mustaches; for HTML each also comes as `NAME_html`, rendered
    /// by `MarkdownRenderer` (raw HTML dropped, heading ids prefixed by the article's anchor): the only values the
    /// HTML template may insert with triple mustaches, along with `stylesheet`.
    public func templateValue(format: TrainingFormat) -> TemplateValue {
        let text: (String) -> TemplateValue = { .string(format == .markdown ? Markdown.line($0) : $0) }
        var root = TemplateObject()
        root["language"] = .string(language.rawValue)
        root["title"] = text(title)
        root["generated_on"] = text(generatedOn)
        root["article_count"] = .number(Double(articleCount))
        root["section_count"] = .number(Double(sections.count))
        root["scope"] = .object([
            "all": .bool(scope.coversEverything),
            "services": scope.services.isEmpty ? .null : text(scope.services.joined(separator: ", ")),
            "tags": scope.tags.isEmpty ? .null : text(scope.tags.joined(separator: ", ")),
        ])
        root["sections"] = .array(sections.map { section in
            .object([
                "service": text(section.service),
                "title": text(section.title),
                "anchor": .string(section.anchor),
                "articles": .array(section.articles.map { Self.articleValue($0, format: format, text: text) }),
                "see_also": section.seeAlso.isEmpty ? .null : .array(section.seeAlso.map { reference in
                    .object(["id": text(reference.id), "title": text(reference.title), "anchor": .string(reference.anchor)])
                }),
            ])
        })
        root["incident"] = Self.guideValue(incidentGuide, text: text)
        if let faq {
            root["faq"] = .object([
                "title": text(faq.title),
                "anchor": .string(faq.anchor),
                "entries": .array(faq.entries.enumerated().map { index, entry in
                    var object = TemplateObject([
                        ("number", .number(Double(index + 1))),
                        ("question", text(entry.question)),
                        ("answer", .string(entry.answer)),
                        ("count", .number(Double(entry.count))),
                    ])
                    if format == .html {
                        object["answer_html"] = .string(Self.html(entry.answer, prefix: faq.anchor + "-\(index + 1)"))
                    }
                    return .object(object)
                }),
            ])
        } else {
            root["faq"] = .null
        }
        if format == .html {
            root["stylesheet"] = .string(HTMLStylesheet.standard)
        }
        return .object(root)
    }

    /// Renders the pack with the `training.md` or `training.html` template of `templates`.
    public func render(format: TrainingFormat, templates: TemplateSet) throws(TemplateError) -> String {
        try templates.render(format.templateName, context: templateValue(format: format))
    }

    private static func articleValue(_ article: Article, format: TrainingFormat,
                                     text: (String) -> TemplateValue) -> TemplateValue {
        var object = TemplateObject([
            ("id", text(article.id)),
            ("title", text(article.title)),
            ("anchor", .string(article.anchor)),
            ("updated", article.updated.map(text) ?? .null),
            ("problem", TemplateValue(article.problem)),
            ("solution", .string(article.solution)),
            ("cause", TemplateValue(article.cause)),
        ])
        if format == .html {
            object["problem_html"] = TemplateValue(article.problem.map { html($0, prefix: article.anchor + "-problem") })
            object["solution_html"] = .string(html(article.solution, prefix: article.anchor + "-solution"))
            object["cause_html"] = TemplateValue(article.cause.map { html($0, prefix: article.anchor + "-cause") })
        }
        return .object(object)
    }

    private static func guideValue(_ guide: IncidentReportGuide, text: (String) -> TemplateValue) -> TemplateValue {
        .object([
            "title": text(guide.title),
            "anchor": .string(guide.anchor),
            "introduction": text(guide.introduction),
            "channels": text(guide.channels.joined(separator: ", ")),
            "severities": .array(guide.severities.map { level in
                .object([
                    "level": .number(Double(level.level)),
                    "name": text(level.name),
                    "definition": text(level.definition),
                    "examples": level.examples.isEmpty ? .null : text(level.examples),
                ])
            }),
            "checklist": .array(guide.checklist.map { item in
                .object(["label": text(item.label), "detail": text(item.detail)])
            }),
            "next_steps": .array(guide.nextSteps.enumerated().map { index, step in
                .object(["number": .number(Double(index + 1)), "text": text(step)])
            }),
        ])
    }

    private static func html(_ markdown: String, prefix: String) -> String {
        MarkdownRenderer(headingAnchors: true, anchorPrefix: prefix).html(from: markdown)
    }
}
