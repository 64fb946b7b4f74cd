import KBCore

/// `GET /nuevo-ticket` and `POST /nuevo-ticket`: paste a new ticket's title and description (and, when known, the
/// customer and service) and get `kb suggest`'s advice: severity with reasons, SLA due times in the customer's
/// time, missing information and the message to the customer, solutions, possible duplicates, escalation hints.
/// The form carries a CSRF token.
enum IntakePage {
    static let fieldNames = ["title", "description", "customer", "service", "plan"]

    @Sendable static func form(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        try Page.answer(request, context) { page in
            try request.query.checkKnown(Page.commonParameters)
            return try render(page, form: QueryParameters(), suggestion: nil, problem: nil)
        }
    }

    @Sendable static func submit(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        try Page.answer(request, context) { page in
            try request.query.checkKnown(Page.commonParameters)
            let form = try request.formParameters()
            try context.environment.csrf.verify(request, form: form)
            var members: [(String, JSONValue)] = []
            for name in fieldNames { if let text = form.text(name) { members.append((name, .string(text))) } }
            do {
                let intake = try IntakeRequest(json: .object(members), now: context.now)
                return try render(page, form: form, suggestion: try context.knowledgeBase().suggest(intake), problem: nil)
            } catch let problem as Problem where problem.status == 422 {
                return try render(page, form: form, suggestion: nil, problem: problem)
            }
        }
    }

    private static func render(_ page: Page, form: QueryParameters, suggestion: Suggestion?, problem: Problem?) throws -> HTTPResponse {
        var data = TemplateObject()
        for name in fieldNames { data[name] = .string(form.text(name) ?? "") }
        data["action"] = .string(page.link("/nuevo-ticket"))
        if let problem {
            data["problem"] = .string(problem.detail)
        }
        if let suggestion {
            var advice = suggestion.templateValue(language: page.language).members
            advice["severity_class"] = .string("sev\(suggestion.severity.suggested)")
            advice["solutions"] = .array((advice["solutions"]?.items ?? []).map { item in
                var solution = item.members
                let id = solution["id"]?.interpolationText ?? ""
                let isTicket = solution["type"]?.interpolationText == "ticket"
                solution["status_text"] = .string(page.statusName(solution["status"]?.interpolationText ?? "", ofTicket: isTicket))
                solution["href"] = .string(page.resultHref(id: id, isTicket: isTicket))
                return .object(solution)
            })
            data["suggestion"] = .object(advice)
        }
        return try page.render("intake", title: page.words["page.intake.title"], data: data, status: problem?.status ?? 200)
    }
}
