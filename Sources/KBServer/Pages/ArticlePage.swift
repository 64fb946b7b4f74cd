import KBCore

/// `GET /articulos/{id}`: an indexed article, its front matter as facts and its body rendered from Markdown (raw HTML
/// in the file is shown as text, never as markup).
enum ArticlePage {
    @Sendable static func page(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        try Page.answer(request, context) { page in
            try request.query.checkKnown(Page.commonParameters)
            let shown = try ShowHandlers.shownArticle(request.pathParameter("id"), context: context)
            let article = shown.article
            var data = TemplateObject()
            data["id"] = .string(article.id)
            data["title"] = .string(article.title)
            data["state"] = .string(article.state)
            data["audience"] = .string(article.audience)
            data["services"] = .string(article.services.joined(separator: ", "))
            data["tickets"] = .array(article.tickets.map { id in
                .object(["id": .string(id), "href": .string(page.link("/tickets/" + PercentEncoding.encodePathSegment(id)))])
            })
            data["body"] = .string(MarkdownRenderer(headingAnchors: false).html(from: Self.body(of: shown.text ?? "")))
            return try page.render("article", title: article.id + " · " + article.title, data: data)
        }
    }

    /// The Markdown after the front matter (`---` … `---` at the top), or all of it when there is none.
    static func body(of text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first?.trimmingCharacters(in: .whitespaces) == "---",
              let end = lines.dropFirst().firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "---" }) else { return text }
        return lines[(end + 1)...].joined(separator: "\n")
    }
}
