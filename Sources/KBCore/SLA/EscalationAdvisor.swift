/// Decides which of the manual's escalation rules apply to a ticket now.
///
/// - SLA exceeded: an open first-response or resolution clock at or past `sla_exceeded_percent` of its
///   target → the next level after the ticket's current one, unless the ticket was escalated to a level
///   after the clock fell due. Past `sla_warning_percent` only → an at-risk advice with no target.
/// - Critical service: the ticket's service is critical and its severity is one of `critical_severities`
///   → `critical_level` at once, unless the ticket is already at that level or above.
/// - Vendor needed: a vendor's keyword occurs in the ticket's title, description or event texts (and the
///   ticket's service, when it has one, is among the vendor's services) → `vendor:NAME`, unless already
///   escalated there.
///
/// The current level is the highest of the ticket's `level` and its escalation events' levels, else the first
/// level. Resolved and closed tickets get no advice. Advice comes in rule order, then clock, then vendor name.
public enum EscalationAdvisor {
    public static func advise(ticket: Ticket, sla: TicketSLA, policy: Policy) -> [EscalationAdvice] {
        if ticket.isDone || sla.resolution.state == .stopped { return [] }
        let rules = policy.escalation
        let escalations = ticket.events.filter { $0.kind == .escalation && $0.at.seconds <= sla.measuredAt.seconds }
        let levelIndices = ([ticket.level] + escalations.map(\.to)).compactMap { $0.flatMap(rules.index(ofLevel:)) }
        let current = levelIndices.max() ?? 0
        let nextLevel = current + 1 < rules.levels.count ? rules.levels[current + 1] : nil
        var advice: [EscalationAdvice] = []

        var atRisk: [EscalationAdvice] = []
        for clock in [sla.firstResponse, sla.resolution] where clock.state != .stopped {
            let percent = clock.fractionConsumed * 100
            let use = EscalationAdvice.ClockUse(
                percent: Int(percent.rounded(.down)), targetSeconds: clock.targetSeconds,
                businessDaySeconds: sla.businessDaySeconds, dueText: sla.localClock.text(clock.dueAt), level: rules.levels[current])
            if percent >= Double(rules.exceededPercent) {
                let escalatedSince = escalations.contains { event in
                    event.at.seconds >= clock.dueAt.seconds && event.to.flatMap(rules.index(ofLevel:)) != nil
                }
                if escalatedSince { continue }
                advice.append(EscalationAdvice(rule: .slaExceeded, target: nextLevel, clock: clock.kind, detail: .clock(use)))
            } else if percent >= Double(rules.warningPercent) {
                atRisk.append(EscalationAdvice(rule: .slaAtRisk, target: nil, clock: clock.kind, detail: .clock(use)))
            }
        }
        advice += atRisk

        if let service = ticket.service, policy.isCritical(service: service),
           rules.criticalSeverities.contains(sla.severity),
           let criticalIndex = rules.index(ofLevel: rules.criticalLevel), current < criticalIndex
        {
            advice.append(EscalationAdvice(
                rule: .criticalService, target: rules.levels[criticalIndex],
                detail: .criticalService(service: service, severity: sla.severity)))
        }

        // The ticket's words are folded only when some vendor's rule can still apply to it.
        var matcher: PolicyPhraseMatcher?
        let serviceKey = ticket.service.map(Policy.foldedKey)
        for vendor in rules.vendors {
            if let serviceKey, !vendor.serviceKeys.isEmpty, !vendor.serviceKeys.contains(serviceKey) { continue }
            if escalations.contains(where: { $0.to?.lowercased() == vendor.target.lowercased() }) { continue }
            let words = matcher
                ?? PolicyPhraseMatcher(text: ([ticket.title, ticket.description] + ticket.events.map(\.text)).joined(separator: "\n"))
            matcher = words
            let found = vendor.patterns.compactMap(words.firstMatch(of:))
            guard let first = found.min(by: { $0.wordIndex < $1.wordIndex }) else { continue }
            advice.append(EscalationAdvice(
                rule: .vendorNeeded, target: vendor.target,
                detail: .vendor(name: vendor.name, matchedText: first.text, keyword: first.pattern.source)))
        }
        return advice
    }
}
