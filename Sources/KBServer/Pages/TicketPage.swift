import KBCore

/// `GET /tickets/{id}`: a ticket's fields, its timeline in the customer's time, and its SLA clocks (first response,
/// update, resolution) with due times, time left and how much is consumed.
enum TicketPage {
    @Sendable static func page(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        try Page.answer(request, context) { page in
            try request.query.checkKnown(Page.commonParameters.union(["now"]))
            let shown = try ShowHandlers.shownTicket(request.pathParameter("id"), now: try request.query.timestamp("now") ?? context.now,
                                                     context: context)
            let words = page.words
            let ticket = shown.ticket
            let sla = shown.sla
            let clock = LocalClock(identifier: sla.timeZoneIdentifier) ?? LocalClock(identifier: "UTC")!
            var data = TicketPage.fields(ticket, words: words, language: page.language)
            data["created_text"] = .string(clock.text(ticket.createdAt))
            data["events"] = .array(ticket.events.map { event in
                .object(["at_text": .string(clock.text(event.at)), "kind": .string(words["event.\(event.kind.rawValue)"]),
                         "author": .string(event.author ?? ""), "internal": .bool(event.visibility == .internal),
                         "text": .string(event.text), "to": .string(event.to ?? ""),
                         "status": .string(event.status.map { words["status.\($0.rawValue)"] } ?? "")])
            })
            data["sla_basis"] = .string(words("intake.sla_basis", ["plan": sla.planName, "calendar": sla.calendarName,
                                                                  "timezone": sla.timeZoneIdentifier]))
            data["measured_text"] = .string(clock.text(sla.measuredAt))
            data["clocks"] = .array([sla.firstResponse, sla.update, sla.resolution].compactMap { $0 }.map { sla.clockValue($0, clock: clock, words: words) })
            data["warnings"] = .array(sla.warnings.map { .string($0) })
            if ticket.isDone, ticket.severity <= 2 {
                data["review_href"] = .string(page.link("/revisiones/" + PercentEncoding.encodePathSegment(ticket.id)))
            }
            return try page.render("ticket", title: ticket.id + " · " + ticket.title, data: data)
        }
    }

    /// The ticket's own fields with names in the page's language.
    static func fields(_ ticket: Ticket, words: Catalogue, language: Language) -> TemplateObject {
        TemplateObject([
            ("id", .string(ticket.id)), ("title", .string(ticket.title)), ("description", .string(ticket.description)),
            ("customer", .string(ticket.customer ?? "")), ("plan", .string(ticket.plan ?? "")),
            ("service", .string(ticket.service ?? "")), ("severity", .number(Double(ticket.severity))),
            ("severity_name", .string(Severity.name(ticket.severity, language: language))),
            ("severity_class", .string("sev\(ticket.severity)")),
            ("status", .string(words["status.\(ticket.status.rawValue)"])), ("assignee", .string(ticket.assignee ?? "")),
            ("resolution", .string(ticket.resolution ?? "")), ("root_cause", .string(ticket.rootCause ?? "")),
        ])
    }
}

extension TicketSLA {
    /// One clock as the ticket page shows it.
    func clockValue(_ slaClock: SLAClock, clock: LocalClock, words: Catalogue) -> TemplateValue {
        func duration(_ seconds: Int64) -> String {
            BusinessDuration.documentText(seconds, businessDay: businessDaySeconds, language: words.language)
        }
        let left = slaClock.breached
            ? words("page.clock.breached_by", ["duration": duration(slaClock.breachedBySeconds)])
            : duration(slaClock.remainingSeconds)
        let percent = Int((slaClock.fractionConsumed * 100).rounded())
        return .object([
            "name": .string(words["page.clock.\(slaClock.kind.rawValue)"]),
            "state": .string(words["page.clock_state.\(slaClock.state.rawValue)"]),
            "target": .string(duration(slaClock.targetSeconds)),
            "due_text": .string(clock.text(slaClock.dueAt)), "left": .string(left),
            "percent": .number(Double(percent)), "bar": .number(Double(min(percent, 100))),
            "breached": .bool(slaClock.breached), "at_risk": .bool(!slaClock.breached && slaClock.fractionConsumed >= SLAReport.riskThreshold),
        ])
    }
}
