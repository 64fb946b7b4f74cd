import KBCore

/// `GET /` and `GET /buscar`: the search form with every filter of `kb search`, and the ranked results with their
/// snippets' matched words highlighted. The form submits by GET, so a search is a link that can be shared.
enum SearchPage {
    @Sendable static func page(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        try Page.answer(request, context) { page in
            try request.query.checkKnown(SearchRequest.parameterNames.union(Page.commonParameters))
            let words = page.words
            var data = TemplateObject()
            let query = request.query
            data["q"] = .string(query.text("q") ?? "")
            // No mode chosen: the sort's own (any word by relevance, every word by date), so changing only the sort
            // changes how words combine as it does in the CLI and the API.
            data["modes"] = options([("", words["page.search.mode_default"])] + QueryMode.allCases.map { ($0.rawValue, words["page.search.mode_\($0.rawValue)"]) },
                                    selected: query.text("mode") ?? "")
            data["sorts"] = options(SearchOrder.allCases.map { ($0.rawValue, words["page.search.sort_\($0.rawValue)"]) },
                                    selected: query.text("sort") ?? SearchOrder.relevance.rawValue)
            data["types"] = options([("", words["page.search.type_both"]), ("ticket", words["page.search.type_ticket"]),
                                     ("article", words["page.search.type_article"])], selected: query.text("type") ?? "")
            data["severities"] = options([("", words["page.search.any"])] + (1...5).map { (String($0), "\($0) · \(Severity.name($0, language: page.language))") },
                                         selected: query.text("severity") ?? "")
            for name in ["service", "customer", "status", "since", "until"] { data[name] = .string(query.text(name) ?? "") }
            data["include_archived"] = .bool(try query.flag("include_archived"))
            guard query.text("q") != nil else {
                return try page.render("search", title: words["page.search.title"], data: data)
            }
            let response = try context.knowledgeBase().search(SearchRequest(query: query))
            data["searched"] = .bool(true)
            data["by_date"] = .bool(response.order == .recent)
            data["summary"] = .string(words("page.search.results", ["count": String(response.results.count), "query": response.query]))
            data["results"] = .array(TemplateValue(encoding: response).members["results"]?.items.map { item in
                var result = item.members
                let id = result["id"]?.interpolationText ?? ""
                let isTicket = result["type"]?.interpolationText == "ticket"
                result["is_ticket"] = .bool(isTicket)
                result["status_name"] = .string(page.statusName(result["status"]?.interpolationText ?? "", ofTicket: isTicket))
                result["href"] = .string(page.resultHref(id: id, isTicket: isTicket))
                result["parts"] = HighlightedSnippet.parts(result["snippet"]?.interpolationText ?? "")
                // The day a ticket was created (UTC) or an article updated: what the list is sorted by.
                result["date"] = .string(result["created_at"].map { String($0.interpolationText.prefix(10)) } ?? result["updated"]?.interpolationText ?? "")
                return .object(result)
            } ?? [])
            return try page.render("search", title: response.query + " · " + words["page.search.title"], data: data)
        }
    }

    /// `<option>`s: value, label and whether it is the one selected.
    static func options(_ choices: [(String, String)], selected: String) -> TemplateValue {
        .array(choices.map { value, label in
            .object(["value": .string(value), "label": .string(label), "selected": .bool(value == selected)])
        })
    }
}
