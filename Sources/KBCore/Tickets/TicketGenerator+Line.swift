extension TicketGenerator {
    /// Writes one ticket as a JSON object, its timeline cut at `snapshot`.
    func writeTicket(
        index: Int, family: Family, customer: Customer, channel: Channel, created: Int64, writesTimezone: Bool,
        title: Template, description: Template, signature: Template?, cause: Template?, resolution: Template,
        tags: [String], articleLinked: Bool, events: [PlannedEvent], context: inout Context,
        customerDeaccents: Bool, writer w: inout Writer
    ) {
        let cutoff = TicketGenerator.snapshot.seconds
        var included = 0
        var resolvedAt: Int64?
        var closedAt: Int64?
        for event in events {
            guard event.at <= cutoff else { break }
            included += 1
            switch event.kind {
            case .resolved: resolvedAt = event.at
            case .reopened: resolvedAt = nil
            case .closed: closedAt = event.at
            default: break
            }
        }
        let last = events[included - 1]
        let status = last.statusAfter
        let done = status == .resolved || status == .closed
        let zone = customer.zone

        w.raw("{\"id\":\"T-")
        w.padded(index + 1, width: 7)
        w.raw("\",\"title\":")
        w.template(title, context, deaccent: customerDeaccents)
        w.raw(",\"description\":")
        w.openString()
        w.templateBody(description, context, deaccent: customerDeaccents)
        if let signature { w.templateBody(signature, context, deaccent: customerDeaccents) }
        w.closeString()
        w.raw(",\"customer\":")
        w.string(customer.name)
        w.raw(",\"plan\":")
        w.string(customer.plan)
        if writesTimezone {
            w.raw(",\"timezone\":")
            w.string(zone.identifier)
        }
        w.raw(",\"service\":")
        w.string(family.service)
        w.raw(",\"severity\":")
        w.int(family.severity)
        w.raw(",\"status\":")
        w.string(status.rawValue)
        w.raw(",\"channel\":")
        w.string(channel.rawValue)
        if last.assigneeAfter >= 0 {
            let agent = TicketGenerator.agents[last.assigneeAfter]
            w.raw(",\"assignee\":")
            w.string(agent.name)
            w.raw(",\"level\":")
            w.string(agent.level)
        }
        w.raw(",\"created_at\":")
        w.time(created, offset: zone.offset(at: created))
        if done, let resolvedAt {
            w.raw(",\"resolved_at\":")
            w.time(resolvedAt, offset: zone.offset(at: resolvedAt))
        }
        if status == .closed, let closedAt {
            w.raw(",\"closed_at\":")
            w.time(closedAt, offset: zone.offset(at: closedAt))
        }
        if done {
            w.raw(",\"resolution\":")
            w.template(resolution, context)
            if let cause {
                w.raw(",\"root_cause\":")
                w.template(cause, context)
            }
        }
        w.raw(",\"tags\":[")
        for (position, tag) in tags.enumerated() {
            if position > 0 { w.raw(",") }
            w.string(tag)
        }
        w.raw("],\"articles\":[")
        if done, articleLinked, let article = family.article { w.string(article) }
        w.raw("],\"events\":[")
        for position in 0..<included {
            let event = events[position]
            if position > 0 { w.raw(",") }
            w.raw("{\"at\":")
            w.time(event.at, offset: zone.offset(at: event.at))
            w.raw(",\"kind\":")
            w.string(event.kind.rawValue)
            w.raw(",\"author\":")
            switch event.author {
            case .agent(let agent): w.string(TicketGenerator.agents[agent].name)
            case .contact: w.string(context.contact.name)
            case .monitoring: w.raw("\"monitoreo\"")
            case .system: w.raw("\"sistema\"")
            }
            w.raw(",\"visibility\":")
            w.string(event.visibility.rawValue)
            w.raw(",\"text\":")
            context.agent = event.agent
            w.template(event.text, context, deaccent: event.deaccent)
            if let status = event.status {
                w.raw(",\"status\":")
                w.string(status.rawValue)
            }
            if let target = event.target {
                w.raw(",\"to\":")
                w.string(target)
            }
            if event.severity > 0 {
                w.raw(",\"severity\":")
                w.int(event.severity)
            }
            if !event.attachments.isEmpty {
                w.raw(",\"attachments\":[")
                for (number, attachment) in event.attachments.enumerated() {
                    if number > 0 { w.raw(",") }
                    w.raw("{\"name\":")
                    w.string(attachment.name)
                    if let kind = attachment.kind {
                        w.raw(",\"kind\":")
                        w.string(kind)
                    }
                    w.raw("}")
                }
                w.raw("]")
            }
            w.raw("}")
        }
        w.raw("]}")
    }
}
