extension Review {
    /// Warnings a customer may see: about the figures they are shown, naming no event of the file.
    static let customerWarningCodes: Set<ReviewWarning.Code> = [
        .missingFirstResponse, .missingResolution, .resolutionBeforeFirstResponse, .closedBeforeResolution,
        .mitigationAfterResolution,
    ]

    /// The customer-facing summary of this review, built from an allow-list.
    ///
    /// Every value is constructed here naming each field it carries (`CustomerReviewFields` lists them, and a test
    /// fails when a type gains a field nobody classified): a field added to `Review` or to a type inside it reaches
    /// customers only once it is named here. What is carried: public events only, with no authors (the actor shows
    /// as support, customer or monitoring), every ticket text through `redactor` (personal data, other customers'
    /// and agents' names), event indices renumbered to the public events kept; customer-facing actions and validated
    /// customer articles. What is not: internal notes, assignee and level, escalation details and vendor names,
    /// related incidents (other customers' data), other affected customers, automation proposals, search terms.
    public func forCustomer(redactor: Redactor) -> Review {
        guard audience == .internal else { return self }
        let mask = VendorNameMask(targets: ticket.events.compactMap(\.to),
                                  neutral: language.catalogue("review.external_vendor"))
        // The vendor is "proveedor externo" everywhere a customer reads, not only in the waits table.
        let clean = { (text: String) in redactor.redact(mask.apply(text)) }
        var renumbered: [Int: Int] = [:]
        for (index, event) in ticket.events.enumerated() where event.visibility == .public {
            renumbered[index] = renumbered.count
        }
        let view = CustomerView(review: self, clean: clean, renumbered: renumbered)
        return Review(
            ticket: view.ticket, language: language, audience: .customer, generatedAt: generatedAt, terms: terms,
            usesBusinessHours: usesBusinessHours, created: created, resolved: resolved, closed: closed,
            severityChanges: severityChanges.map {
                ReviewSeverityChange(from: $0.from, to: $0.to, time: $0.time, event: renumbered[$0.event] ?? -1)
            },
            summary: clean(summary), timeline: view.timeline, metrics: view.metrics, impact: view.impact,
            warnings: warnings.filter { Self.customerWarningCodes.contains($0.code) }.map {
                ReviewWarning(code: $0.code, message: $0.message, events: view.keep($0.events))
            },
            detection: view.detection, escalation: ReviewEscalation(steps: [], levels: [], vendors: [], rules: []),
            resolution: ReviewResolution(
                kind: resolution.kind, text: resolution.text.map(clean), rootCause: resolution.rootCause.map(clean),
                misuse: resolution.misuse,
                misuseSignals: resolution.misuseSignals, summary: clean(resolution.summary)),
            related: [], recurrence: ReviewRecurrence(windowDays: recurrence.windowDays, incidents: []), searchTerms: [],
            articles: view.customerArticles(articles),
            actions: actions.filter(\.isCustomerFacing).map {
                ReviewAction(kind: $0.kind, title: clean($0.title), reason: clean($0.reason),
                             events: view.keep($0.events), tickets: [], isCustomerFacing: true)
            },
            proposals: [],
            training: ReviewTraining(suggested: training.suggested, topic: training.topic, reason: clean(training.reason),
                                     articles: view.customerArticles(training.articles)),
            evidence: evidence.compactMap { item in
                guard item.visibility == .public, let index = renumbered[item.event] else { return nil }
                return ReviewEvidenceItem(name: clean(item.name), kind: item.kind, event: index,
                                          eventKind: item.eventKind, time: item.time, visibility: item.visibility)
            })
    }
}

/// The parts of the customer view with more than one line to them, each built naming every field it carries.
private struct CustomerView {
    let review: Review
    /// The redactor, after the vendor's names are made neutral.
    let clean: (String) -> String
    /// Index of each public event among the public events.
    let renumbered: [Int: Int]

    static func isForCustomers(_ article: ReviewArticleMatch) -> Bool {
        article.audience == "customer" && article.state == "validated"
    }

    /// The validated customer articles of `matches`, their titles redacted like every other text; the incidents
    /// of the same cause that link one are other customers' tickets, so only the kind of reason is carried.
    func customerArticles(_ matches: [ReviewArticleMatch]) -> [ReviewArticleMatch] {
        matches.filter(Self.isForCustomers).map { match in
            var copy = match
            copy.title = clean(match.title)
            if case .sameCause = match.reason { copy.reason = .sameCause([]) }
            return copy
        }
    }

    func redacted(_ attachment: Attachment) -> Attachment {
        Attachment(name: clean(attachment.name), kind: attachment.kind)
    }

    func keep(_ indices: [Int]) -> [Int] {
        indices.compactMap { renumbered[$0] }
    }

    /// The ticket's public face: no assignee, level, tags or extra fields; texts redacted; public events only.
    var ticket: Ticket {
        let source = review.ticket
        let customerArticles = review.articles.filter(Self.isForCustomers).map(\.id)
        return Ticket(
            id: source.id, title: clean(source.title), description: clean(source.description),
            customer: source.customer, plan: source.plan, timezone: source.timezone, service: source.service,
            severity: source.severity, status: source.status, channel: source.channel,
            createdAt: source.createdAt, resolvedAt: source.resolvedAt, closedAt: source.closedAt,
            resolution: source.resolution.map(clean), rootCause: source.rootCause.map(clean),
            articles: source.articles.filter(customerArticles.contains),
            events: source.events.filter { $0.visibility == .public }.map { event in
                TicketEvent(at: event.at, kind: event.kind, visibility: event.visibility, text: clean(event.text),
                            status: event.status, to: event.to.map { $0.hasPrefix("vendor:") ? "vendor" : $0 },
                            severity: event.severity, attachments: event.attachments.map(redacted))
            })
    }

    var timeline: [ReviewTimelineEntry] {
        review.timeline.compactMap { entry in
            guard entry.visibility == .public, let index = renumbered[entry.index] else { return nil }
            return ReviewTimelineEntry(
                index: index, time: entry.time, kind: entry.kind, kindLabel: entry.kindLabel, author: nil, role: entry.role,
                detail: entry.kind == .escalation ? nil : entry.detail, text: clean(entry.text),
                visibility: entry.visibility, attachments: entry.attachments.map(redacted), warnings: entry.warnings)
        }
    }

    /// The figures stay those of the full timeline; only the events they point at are renumbered.
    var metrics: ReviewMetrics {
        let source = review.metrics
        func metric(_ metric: ReviewMetric) -> ReviewMetric {
            ReviewMetric(kind: metric.kind, subject: metric.subject, label: metric.label, definition: metric.definition,
                         start: metric.start, end: metric.end, seconds: metric.seconds, businessSeconds: metric.businessSeconds,
                         targetSeconds: metric.targetSeconds, dueAt: metric.dueAt, events: keep(metric.events),
                         fields: metric.fields, missing: metric.missing, flagged: metric.flagged)
        }
        func interval(_ interval: ReviewWaitInterval, party: String?) -> ReviewWaitInterval {
            ReviewWaitInterval(start: interval.start, end: interval.end, seconds: interval.seconds,
                               businessSeconds: interval.businessSeconds, party: party, events: keep(interval.events))
        }
        return ReviewMetrics(
            firstResponse: metric(source.firstResponse), escalations: [], mitigation: metric(source.mitigation),
            resolution: metric(source.resolution), customerWait: metric(source.customerWait),
            customerWaitIntervals: source.customerWaitIntervals.map { interval($0, party: $0.party) },
            vendorWait: metric(source.vendorWait),
            vendorWaitIntervals: source.vendorWaitIntervals.map { interval($0, party: nil) },
            impactWindow: metric(source.impactWindow))
    }

    /// The customer's own impact: no other customers, no concurrent reports.
    var impact: ReviewImpact {
        let source = review.impact
        return ReviewImpact(start: source.start, end: source.end, durationSeconds: source.durationSeconds,
                            customers: review.ticket.customer.map { [$0] } ?? [], services: source.services,
                            channels: source.channels, concurrentReports: [],
                            customerImpactMinutes: source.durationSeconds.map { ($0 + 30) / 60 })
    }

    /// How the incident was detected, told from the customer's side; an internal alert's time is not theirs to see.
    var detection: ReviewDetection {
        let source = review.detection
        let events = keep(source.events)
        return ReviewDetection(
            source: source.source, detectedAt: events.isEmpty ? nil : source.detectedAt, reportedAt: source.reportedAt,
            channel: source.channel, gapSeconds: events.isEmpty ? nil : source.gapSeconds,
            serviceMonitorable: source.serviceMonitorable,
            summary: ReviewVocabulary(language: review.language).customerDetectionSummary(
                source: source.source, reported: source.reportedAt, channel: source.channel),
            events: events)
    }
}
