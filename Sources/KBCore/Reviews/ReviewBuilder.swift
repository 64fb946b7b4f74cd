import Foundation

/// Assembles a `Review` section by section from one ticket's milestones.
struct ReviewBuilder {
    /// How far back an incident with the same cause counts as the problem recurring.
    static let recurrenceWindowDays = IncidentHistoryFinder.recurrenceWindowDays
    /// A vendor wait of at least this share of the resolution target (and at least 30 minutes) calls for a follow-up.
    static let longVendorWaitShare = 0.25
    /// Related incidents shown; recurrence is found separately, from every ticket of its window.
    static let maximumRelated = 5

    let ticket: Ticket
    let policy: Policy
    let history: IncidentHistory
    let proposals: [ReviewProposal]
    let now: Timestamp
    let words: ReviewVocabulary
    let terms: SLATerms
    let milestones: ReviewMilestones
    let meter: SLAMeter

    init(ticket: Ticket, policy: Policy, history: IncidentHistory, proposals: [ReviewProposal], now: Timestamp,
         language: Language) {
        self.ticket = ticket
        self.policy = policy
        self.history = history
        self.proposals = proposals
        self.now = now
        terms = policy.terms(for: ticket)
        words = ReviewVocabulary(language: language, businessDay: terms.calendar.businessDaySeconds)
        milestones = ReviewMilestones(ticket: ticket, now: now)
        meter = SLAMeter(terms: terms, timeline: TicketStatusTimeline(ticket: ticket, until: now.seconds), now: now,
                         pausing: Set(policy.pausingStatuses), vendor: Set(policy.vendorStatuses))
    }

    func time(_ stamp: Timestamp) -> ReviewTime { ReviewTime(stamp, timeZone: terms.timeZone) }

    func build() -> Review {
        let warnings = TimelineChecker(ticket: ticket, policy: policy, now: now, milestones: milestones, words: words,
                                       timeZone: terms.timeZone).warnings()
        var flagsByEvent: [Int: [ReviewWarning.Code]] = [:]
        for warning in warnings where [.outOfOrder, .futureTimestamp, .beforeCreation].contains(warning.code) {
            for index in warning.events where !(flagsByEvent[index] ?? []).contains(warning.code) {
                flagsByEvent[index, default: []].append(warning.code)
            }
        }
        let metrics = measure(flagged: Set(flagsByEvent.keys))
        let impact = impact(window: metrics.impactWindow)
        let detection = detection()
        let escalation = escalation(metrics: metrics)
        let resolution = resolution()
        let related = Array(history.similar.prefix(Self.maximumRelated))
        let recurrence = ReviewRecurrence(windowDays: Self.recurrenceWindowDays, incidents: history.recurrences)
        let training = training(resolution: resolution)
        let actions = actions(metrics: metrics, detection: detection, escalation: escalation, resolution: resolution,
                              recurrence: recurrence)
        return Review(
            ticket: ticket, language: words.language, audience: .internal, generatedAt: time(now), terms: terms,
            usesBusinessHours: !terms.calendar.isAlwaysOpen, created: time(ticket.createdAt),
            resolved: milestones.resolution.map { time($0.at) }, closed: milestones.closing.map(time),
            severityChanges: severityChanges(),
            summary: words.summary(ticket: ticket, created: time(ticket.createdAt), impact: impact,
                                   mitigated: milestones.mitigation.map { time($0.at) },
                                   resolved: milestones.resolution.map { time($0.at) }, closed: milestones.closing.map(time)),
            timeline: timeline(flags: flagsByEvent), metrics: metrics, impact: impact, warnings: warnings,
            detection: detection, escalation: escalation, resolution: resolution, related: related,
            recurrence: recurrence, searchTerms: history.searchTerms, articles: history.articles, actions: actions,
            proposals: proposals, training: training, evidence: evidence())
    }

    // MARK: - Timeline

    func timeline(flags: [Int: [ReviewWarning.Code]]) -> [ReviewTimelineEntry] {
        milestones.ordered.map { item in
            let event = item.event
            let role: ReviewTimelineEntry.Role
            switch event.kind {
            case .customerUpdate: role = .customer
            case .detected: role = .monitoring
            default: role = .support
            }
            var detail: String?
            switch event.kind {
            case .status: detail = event.status.map(words.status)
            case .escalation: detail = event.to.map(words.target)
            case .severityChange: detail = event.severity.map(words.severity)
            default: detail = nil
            }
            return ReviewTimelineEntry(
                index: item.index, time: time(event.at), kind: event.kind, kindLabel: words.kind(event.kind),
                author: event.author, role: role, detail: detail, text: event.text, visibility: event.visibility,
                attachments: event.attachments, warnings: flags[item.index] ?? [])
        }
    }

    /// Each change with the severity before it: the one the ticket was created with (its `created` event's), then
    /// each earlier change's; nil only when the ticket never recorded one before.
    func severityChanges() -> [ReviewSeverityChange] {
        var previous = ticket.events.first { $0.kind == .created }?.severity
        var changes: [ReviewSeverityChange] = []
        for item in milestones.happened where item.event.kind == .severityChange {
            guard let severity = item.event.severity else { continue }
            changes.append(ReviewSeverityChange(from: previous, to: severity, time: time(item.at), event: item.index))
            previous = severity
        }
        return changes
    }

    func evidence() -> [ReviewEvidenceItem] {
        milestones.ordered.flatMap { item in
            item.event.attachments.map { attachment in
                ReviewEvidenceItem(name: attachment.name, kind: attachment.kind, event: item.index,
                                   eventKind: item.event.kind, time: time(item.at), visibility: item.event.visibility)
            }
        }
    }
}
