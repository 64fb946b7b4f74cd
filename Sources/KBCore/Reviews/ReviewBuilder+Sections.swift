extension ReviewBuilder {
    /// Words in a root cause that put it on the customer's own use or configuration.
    static let misusePhrases = [
        "uso incorrecto", "mal uso", "uso indebido", "error de usuario", "error del usuario", "errores de usuario",
        "configuración del cliente", "configuracion del cliente", "configuración incorrecta del cliente",
        "configuración errónea del cliente", "error de configuración del cliente", "error humano del cliente",
        "desconocimiento del usuario", "desconocimiento del cliente", "user error", "misuse", "misused",
        "incorrect use", "customer configuration", "customer misconfiguration", "customer's configuration",
        "customer error",
    ]

    /// The phrases of `patterns` found in `text`, in text order, as written there.
    static func matches(of patterns: [String], in text: String?) -> [String] {
        guard let text, !text.isEmpty else { return [] }
        let matcher = PolicyPhraseMatcher(text: text)
        var found = patterns.compactMap(PolicyPhraseMatcher.Pattern.init).compactMap(matcher.firstMatch(of:))
        found.sort(by: PolicyPhraseMatcher.Match.textOrder)
        var seen: Set<Int> = []
        return found.filter { seen.insert($0.wordIndex).inserted }.map(\.text)
    }

    func detection() -> ReviewDetection {
        let detected = milestones.detection
        let viaChannel = ticket.channel == .monitoreo
        let source: ReviewDetection.Source =
            viaChannel || (detected.map { $0.at.seconds <= ticket.createdAt.seconds } ?? false) ? .monitoring : .customer
        let monitorable = ticket.service.map(policy.isCritical(service:)) ?? false
        let detectedTime = detected.map { time($0.at) }
        return ReviewDetection(
            source: source, detectedAt: detectedTime, reportedAt: time(ticket.createdAt), channel: ticket.channel,
            gapSeconds: detected.map { abs(ticket.createdAt.seconds - $0.at.seconds) }, serviceMonitorable: monitorable,
            summary: words.detectionSummary(source: source, viaMonitoringChannel: viaChannel, detected: detectedTime,
                                            reported: time(ticket.createdAt), channel: ticket.channel,
                                            service: ticket.service, monitorable: monitorable),
            events: detected.map { [$0.index] } ?? [])
    }

    func escalation(metrics: ReviewMetrics) -> ReviewEscalation {
        let rules = policy.escalation
        var waitByVendor: [String: Int64] = [:]
        for interval in metrics.vendorWaitIntervals {
            if let party = interval.party { waitByVendor[party.lowercased(), default: 0] += interval.seconds }
        }
        let steps = milestones.escalations.map { item in
            let to = item.event.to ?? ""
            let isVendor = to.hasPrefix("vendor:")
            return ReviewEscalationStep(
                target: to, isVendor: isVendor, time: time(item.at),
                sinceCreationSeconds: max(0, item.at.seconds - ticket.createdAt.seconds), author: item.event.author,
                reason: item.event.text, event: item.index, waitSeconds: isVendor ? waitByVendor[to.lowercased()] ?? 0 : nil)
        }
        let firstLevel = ticket.service.flatMap { policy.route(forService: $0)?.level } ?? rules.levels.first ?? "N1"
        var levels = [firstLevel]
        var vendors: [String] = []
        for step in steps {
            if step.isVendor {
                if !vendors.contains(step.target) { vendors.append(step.target) }
            } else if !levels.contains(where: { $0.lowercased() == step.target.lowercased() }) {
                levels.append(step.target)
            }
        }
        return ReviewEscalation(steps: steps, levels: levels, vendors: vendors, rules: ruleChecks(metrics: metrics))
    }

    /// The manual's escalation rules that applied, as `EscalationAdvisor` sees the incident when it opened,
    /// plus SLA exceeded for each breached target; each with whether and when the team escalated.
    func ruleChecks(metrics: ReviewMetrics) -> [ReviewRuleCheck] {
        let rules = policy.escalation
        // The advisor judges open tickets: show it this one as it stood at creation, before any escalation.
        var opening = ticket
        opening.status = .inProgress
        opening.resolvedAt = nil
        opening.closedAt = nil
        opening.level = nil
        opening.events = ticket.events.filter { event in
            switch event.kind {
            case .escalation, .resolved, .closed: return false
            case .status: return event.status != .resolved && event.status != .closed
            default: return true
            }
        }
        let openedAt = Timestamp(seconds: ticket.createdAt.seconds + 1)
        let advice = EscalationAdvisor.advise(ticket: opening, sla: TicketSLA(ticket: opening, policy: policy, now: openedAt),
                                              policy: policy)
        let levelEscalations = milestones.escalations.filter { !($0.event.to ?? "").hasPrefix("vendor:") }
        let currentLevel = ticket.level.flatMap(rules.index(ofLevel:))
        var checks: [ReviewRuleCheck] = []

        for item in advice {
            switch item.rule {
            case .criticalService:
                guard let target = item.target, let wanted = rules.index(ofLevel: target) else { continue }
                let done = levelEscalations.first { ($0.event.to.flatMap(rules.index(ofLevel:)) ?? -1) >= wanted }
                let reason = words.criticalServiceReason(service: ticket.service ?? "", severity: ticket.severity, level: target)
                if let done {
                    let delay = max(0, done.at.seconds - ticket.createdAt.seconds)
                    checks.append(ReviewRuleCheck(
                        rule: .criticalService, target: target, appliedAt: time(ticket.createdAt), followed: true,
                        followedAt: time(done.at), delaySeconds: delay, reason: reason,
                        outcome: words.ruleFollowed(target: done.event.to ?? target, at: time(done.at), delay: delay, afterDue: false),
                        events: [done.index]))
                } else {
                    // Routed straight to the level (the ticket's level field) without an escalation event.
                    let routed = (currentLevel ?? -1) >= wanted
                    checks.append(ReviewRuleCheck(
                        rule: .criticalService, target: target, appliedAt: time(ticket.createdAt), followed: routed,
                        followedAt: nil, delaySeconds: nil, reason: reason,
                        outcome: routed ? words.ruleFollowedWithoutTime(level: ticket.level ?? target) : words.ruleNotFollowed(target: target),
                        events: []))
                }
            case .vendorNeeded:
                guard let target = item.target else { continue }
                let vendorName = ReviewVocabulary.vendorName(target)
                let keywords = rules.vendors.first { $0.target.lowercased() == target.lowercased() }?.keywords ?? []
                let text = ([ticket.title, ticket.description] + ticket.events.map(\.text)).joined(separator: "\n")
                let match = Self.matches(of: keywords, in: text).first
                let done = milestones.escalations.first { ($0.event.to ?? "").lowercased() == target.lowercased() }
                let reason = words.vendorReason(vendor: vendorName, match: match)
                let delay = done.map { max(0, $0.at.seconds - ticket.createdAt.seconds) }
                checks.append(ReviewRuleCheck(
                    rule: .vendorNeeded, target: target, appliedAt: time(ticket.createdAt), followed: done != nil,
                    followedAt: done.map { time($0.at) }, delaySeconds: delay, reason: reason,
                    outcome: done.map { words.ruleFollowed(target: target, at: time($0.at), delay: delay ?? 0, afterDue: false) }
                        ?? words.ruleNotFollowed(target: target),
                    events: done.map { [$0.index] } ?? []))
            case .slaExceeded, .slaAtRisk:
                continue
            }
        }

        for metric in [metrics.firstResponse, metrics.resolution] {
            guard let elapsed = metric.businessSeconds, let target = metric.targetSeconds, target > 0,
                  elapsed * 100 >= target * Int64(rules.exceededPercent), elapsed > 0, let due = metric.dueAt
            else { continue }
            let reached = levelEscalations.filter { $0.at.seconds < due.seconds }
                .compactMap { $0.event.to.flatMap(rules.index(ofLevel:)) }
            let first = ticket.service.flatMap { policy.route(forService: $0)?.level }.flatMap(rules.index(ofLevel:)) ?? 0
            let current = max(first, reached.max() ?? first)
            let next = current + 1 < rules.levels.count ? rules.levels[current + 1] : nil
            let done = levelEscalations.first { $0.at.seconds >= due.seconds }
            let reason = words.slaExceededReason(metric: metric.label, target: target, due: time(due))
            let delay = done.map { max(0, $0.at.seconds - due.seconds) }
            checks.append(ReviewRuleCheck(
                rule: .slaExceeded, target: next, appliedAt: time(due), followed: done != nil,
                followedAt: done.map { time($0.at) }, delaySeconds: delay, reason: reason,
                outcome: done.map { words.ruleFollowed(target: $0.event.to ?? "", at: time($0.at), delay: delay ?? 0, afterDue: true) }
                    ?? words.ruleNotFollowed(target: next),
                events: metric.events + (done.map { [$0.index] } ?? [])))
        }
        return checks
    }

    /// Fix or workaround, from the ticket's milestones, never from its wording: a mitigation before the resolution
    /// is a workaround then a fix; a mitigation with no resolution recorded is a workaround; a resolution alone is
    /// a fix; nothing recorded is unknown.
    func resolution() -> ReviewResolution {
        let text = ticket.resolution.flatMap { $0.isEmpty ? nil : $0 }
        let misuse = Self.matches(of: Self.misusePhrases, in: ticket.rootCause)
        let kind: ReviewResolution.Kind
        switch (milestones.mitigation, milestones.resolution) {
        case let (mitigation?, resolution?) where mitigation.at.seconds < resolution.at.seconds:
            kind = .fixAfterWorkaround
        case (_?, nil):
            kind = .workaround
        default:
            kind = text == nil ? .unknown : .fix
        }
        return ReviewResolution(
            kind: kind, text: text, rootCause: ticket.rootCause.flatMap { $0.isEmpty ? nil : $0 },
            misuse: !misuse.isEmpty, misuseSignals: misuse,
            summary: words.resolutionSummary(kind: kind, mitigated: milestones.mitigation.map { time($0.at) },
                                             resolved: milestones.resolution.map { time($0.at) }))
    }

    func training(resolution: ReviewResolution) -> ReviewTraining {
        guard resolution.misuse else {
            return ReviewTraining(suggested: false, topic: nil, reason: words.trainingNotSuggested, articles: [])
        }
        let material = history.articles.filter { $0.audience == "customer" && $0.state == "validated" }
        return ReviewTraining(suggested: true, topic: ticket.service,
                              reason: words.trainingSuggested(service: ticket.service, signals: resolution.misuseSignals),
                              articles: material)
    }

    func actions(metrics: ReviewMetrics, detection: ReviewDetection, escalation: ReviewEscalation,
                 resolution: ReviewResolution, recurrence: ReviewRecurrence) -> [ReviewAction] {
        var actions: [ReviewAction] = []
        func add(_ kind: ReviewAction.Kind, _ text: (String, String), events: [Int] = [], tickets: [String] = [],
                 customerFacing: Bool = false) {
            // The ticket's owner follows up what is about the ticket itself; team-wide work has no owner yet.
            let owner = [.vendorFollowUp, .article, .linkArticle].contains(kind) ? ticket.assignee : nil
            actions.append(ReviewAction(kind: kind, title: text.0, reason: text.1, events: events, tickets: tickets,
                                        isCustomerFacing: customerFacing, owner: owner.flatMap { $0.isEmpty ? nil : $0 }))
        }
        if detection.source == .customer, detection.serviceMonitorable, let service = ticket.service {
            add(.monitoring, words.monitoringAction(service: service), events: detection.events)
        }
        let linked = history.articles.filter(\.linked)
        if ticket.articles.isEmpty && linked.isEmpty {
            if let best = history.articles.first(where: { $0.state != "archived" }) {
                add(.linkArticle, words.linkArticleAction(ticketID: ticket.id, article: best))
            } else {
                add(.article, words.articleAction(ticketID: ticket.id))
            }
        }
        let resolutionTarget = policy.targets(forSeverity: ticket.severity).resolutionSeconds
        let longWait = max(1_800, Int64(Double(resolutionTarget) * Self.longVendorWaitShare))
        var followedUp: Set<String> = []
        for step in escalation.steps where step.isVendor {
            guard let wait = step.waitSeconds, wait >= longWait, followedUp.insert(step.target.lowercased()).inserted
            else { continue }
            let events = metrics.vendorWaitIntervals.filter { $0.party?.lowercased() == step.target.lowercased() }.flatMap(\.events)
            add(.vendorFollowUp, words.vendorFollowUpAction(vendor: step.target, wait: wait, target: resolutionTarget),
                events: [step.event] + events)
        }
        if resolution.misuse {
            add(.customerTraining, words.trainingAction(customer: ticket.customer, service: ticket.service,
                                                        signals: resolution.misuseSignals), customerFacing: true)
        }
        if resolution.kind == .workaround {
            add(.permanentFix, words.permanentFixAction, customerFacing: true)
        }
        for metric in [metrics.firstResponse, metrics.resolution] {
            guard let margin = metric.marginSeconds, margin < 0, let target = metric.targetSeconds else { continue }
            add(.slaReview, words.slaReviewAction(metric: metric.label, breachedBy: -margin, target: target), events: metric.events)
        }
        let tolerance = policy.targets(forSeverity: ticket.severity).firstResponseSeconds
        for check in escalation.rules {
            let late = check.rule == .criticalService && (check.delaySeconds ?? 0) > tolerance
            guard !check.followed || late else { continue }
            let outcome = late ? words.lateEscalation(outcome: check.outcome, tolerance: tolerance) : check.outcome
            add(.escalationRule, words.escalationRuleAction(rule: check.rule, outcome: outcome), events: check.events)
        }
        if recurrence.count > 0 {
            let ids = recurrence.incidents.map(\.id)
            add(.recurringProblem, words.recurringAction(count: recurrence.count, days: recurrence.windowDays, ids: Array(ids.prefix(10))),
                tickets: ids)
        }
        return actions
    }
}
