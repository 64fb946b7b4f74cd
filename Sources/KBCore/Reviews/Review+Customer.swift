extension Review {
    /// Warnings a customer may see: about the figures they are shown, naming no event of the file.
    static let customerWarningCodes: Set<ReviewWarning.Code> = [
        .missingFirstResponse, .missingResolution, .resolutionBeforeFirstResponse, .closedBeforeResolution,
        .mitigationAfterResolution,
    ]

    /// The customer-facing summary of this review.
    ///
    /// Keeps public events only, with no authors (the actor shows as support, customer or monitoring); drops
    /// internal notes, assignee and level, escalation details and vendor names, related incidents (other
    /// customers' data), other affected customers, internal actions, automation proposals and internal
    /// articles; and passes every remaining ticket text through `redactor` (personal data, other customers'
    /// and agents' names). Event indices are renumbered to the public events kept.
    public func forCustomer(redactor: Redactor) -> Review {
        guard audience == .internal else { return self }
        let mask = VendorNameMask(targets: ticket.events.compactMap(\.to),
                                  neutral: language.catalogue("review.external_vendor"))
        // The vendor is "proveedor externo" everywhere a customer reads, not only in the waits table.
        func clean(_ text: String) -> String { redactor.redact(mask.apply(text)) }
        var renumbered: [Int: Int] = [:]
        var publicEvents: [TicketEvent] = []
        for (index, event) in ticket.events.enumerated() where event.visibility == .public {
            renumbered[index] = publicEvents.count
            var copy = event
            copy.author = nil
            copy.text = clean(event.text)
            copy.to = event.to.map { $0.hasPrefix("vendor:") ? "vendor" : $0 }
            publicEvents.append(copy)
        }
        func keep(_ indices: [Int]) -> [Int] { indices.compactMap { renumbered[$0] } }
        func redactOptional(_ text: String?) -> String? { text.map(clean) }

        var view = self
        view.audience = .customer
        let customerArticles = articles.filter { $0.audience == "customer" && $0.state == "validated" }
        var publicTicket = ticket
        publicTicket.title = clean(ticket.title)
        publicTicket.description = clean(ticket.description)
        publicTicket.resolution = redactOptional(ticket.resolution)
        publicTicket.rootCause = redactOptional(ticket.rootCause)
        publicTicket.assignee = nil
        publicTicket.level = nil
        publicTicket.tags = []
        publicTicket.extra = [:]
        publicTicket.articles = ticket.articles.filter { id in customerArticles.contains { $0.id == id } }
        publicTicket.events = publicEvents
        view.ticket = publicTicket
        view.summary = clean(summary)

        view.timeline = timeline.compactMap { entry in
            guard entry.visibility == .public, let index = renumbered[entry.index] else { return nil }
            var copy = entry
            copy.index = index
            copy.author = nil
            copy.text = clean(entry.text)
            if entry.kind == .escalation { copy.detail = nil }
            copy.attachments = entry.attachments.map { Attachment(name: clean($0.name), kind: $0.kind) }
            return copy
        }
        view.severityChanges = severityChanges.map { change in
            var copy = change
            copy.event = renumbered[change.event] ?? -1
            return copy
        }

        var metrics = self.metrics
        func scrub(_ metric: ReviewMetric) -> ReviewMetric {
            var copy = metric
            copy.events = keep(metric.events)
            return copy
        }
        metrics.firstResponse = scrub(metrics.firstResponse)
        metrics.escalations = []
        metrics.mitigation = scrub(metrics.mitigation)
        metrics.resolution = scrub(metrics.resolution)
        metrics.customerWait = scrub(metrics.customerWait)
        metrics.vendorWait = scrub(metrics.vendorWait)
        metrics.impactWindow = scrub(metrics.impactWindow)
        metrics.customerWaitIntervals = metrics.customerWaitIntervals.map { interval in
            var copy = interval
            copy.events = keep(interval.events)
            return copy
        }
        metrics.vendorWaitIntervals = metrics.vendorWaitIntervals.map { interval in
            var copy = interval
            copy.events = keep(interval.events)
            copy.party = nil
            return copy
        }
        view.metrics = metrics

        view.impact.customers = ticket.customer.map { [$0] } ?? []
        view.impact.concurrentReports = []
        view.impact.customerImpactMinutes = impact.durationSeconds.map { ($0 + 30) / 60 }
        view.warnings = warnings.compactMap { warning in
            guard Self.customerWarningCodes.contains(warning.code) else { return nil }
            var copy = warning
            copy.events = keep(warning.events)
            return copy
        }
        view.detection.events = keep(detection.events)
        view.detection.summary = ReviewVocabulary(language: language).customerDetectionSummary(
            source: detection.source, reported: detection.reportedAt, channel: detection.channel)
        if view.detection.events.isEmpty {
            // The detected event was an internal note (or there was none): its time is not the customer's to see.
            view.detection.detectedAt = nil
            view.detection.gapSeconds = nil
        }
        view.escalation = ReviewEscalation(steps: [], levels: [], vendors: [], rules: [])
        view.resolution.text = redactOptional(resolution.text)
        view.resolution.rootCause = redactOptional(resolution.rootCause)
        view.resolution.summary = clean(resolution.summary)
        view.related = []
        view.recurrence = ReviewRecurrence(windowDays: recurrence.windowDays, incidents: [])
        view.searchTerms = []
        view.articles = customerArticles
        view.actions = actions.filter(\.isCustomerFacing).map { action in
            var copy = action
            copy.title = clean(action.title)
            copy.reason = clean(action.reason)
            copy.events = keep(action.events)
            copy.tickets = []
            copy.owner = nil
            return copy
        }
        view.proposals = []
        view.training.reason = clean(training.reason)
        view.training.articles = training.articles.filter { $0.audience == "customer" && $0.state == "validated" }
        view.evidence = evidence.compactMap { item in
            guard item.visibility == .public, let index = renumbered[item.event] else { return nil }
            var copy = item
            copy.event = index
            copy.name = clean(item.name)
            return copy
        }
        return view
    }
}
