import KBCore

/// `GET /sla`: the SLA board as `kb sla` shows it (breached, at risk, paused first, least time left first), each
/// ticket's due time in the customer's clock and the escalation the manual calls for, with the CLI's filters as
/// a form, and compliance by severity.
enum SLAPage {
    @Sendable static func page(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        try Page.answer(request, context) { page in
            try request.query.checkKnown(SLARequest.parameterNames.union(Page.commonParameters))
            let report = try SLAHandlers.report(request, context)
            let words = page.words
            var data = TemplateObject()
            for field in SLABoardFilter.Field.allCases { data[field.rawValue] = .string(request.query.text(field.rawValue) ?? "") }
            data["all"] = .bool(report.showsAll)
            let counts = Dictionary(grouping: report.attention, by: \.state).mapValues(\.count)
            data["summary"] = .string(words("page.sla.summary", ["breached": String(counts["breached"] ?? 0),
                                                                "at_risk": String(counts["at_risk"] ?? 0),
                                                                "paused": String(counts["paused"] ?? 0)]))
            data["tickets"] = .array(report.attention.map { entry in
                let sla = entry.sla
                let clock = LocalClock(identifier: sla.timeZoneIdentifier) ?? LocalClock(identifier: "UTC")!
                var row = TicketPage.fields(entry.ticket, words: words, language: page.language)
                row["href"] = .string(page.link("/tickets/" + PercentEncoding.encodePathSegment(entry.ticket.id)))
                row["state"] = .string(entry.state)
                row["state_name"] = .string(words["page.sla_state.\(entry.state)"])
                row["clock"] = sla.clockValue(entry.clock, clock: clock, words: words)
                row["escalation"] = .array(entry.advice.map { advice in .string((advice.target.map { "→ \($0): " } ?? "") + advice.text(language: page.language)) })
                return .object(row)
            })
            data["compliance"] = .array(report.bySeverity.map { group in
                .object(["group": .string(group.group), "tickets": .number(Double(group.tickets)),
                         "rate": .string(String(Int((group.rate * 100).rounded())) + " %")])
            })
            return try page.render("sla", title: words["page.sla.title"], data: data)
        }
    }
}
