/// The sentences and labels a review builds from data, in the review's language.
///
/// Headings and fixed text live in the templates; the words of both come from the language's `Catalogue`. This
/// type decides which sentence fits the data and fills it in, so the model carries finished text and templates
/// stay plain.
struct ReviewVocabulary: Sendable {
    let language: Language
    private let words: Catalogue
    /// The plan calendar's business day, when it is not 24 hours: SLA durations are written in business days.
    var businessDay: Int64? = nil

    init(language: Language, businessDay: Int64? = nil) {
        self.language = language
        self.businessDay = businessDay
        words = language.catalogue
    }

    /// `2026-03-02 09:14 UTC-03:00`: local time with its offset.
    func time(_ time: ReviewTime) -> String { time.local + " " + time.offsetName }

    func duration(_ seconds: Int64) -> String { ReviewDuration.text(seconds) }

    /// An SLA (business-time) duration: `6 días hábiles` / `6 business days` where a business day is not 24 h.
    func businessDuration(_ seconds: Int64) -> String {
        BusinessDuration.documentText(seconds, businessDay: businessDay, language: language)
    }

    func quoted(_ text: String) -> String { words("word.quoted", ["text": text]) }

    func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return words("word.list_and", ["items": items.dropLast().joined(separator: ", "), "last": items.last!])
    }

    /// `1 vez`, `3 veces`, `al menos 300 veces` / `1 time`, `3 times`, `at least 300 times`.
    func times(_ count: Int) -> String {
        words(count == 1 ? "word.times_one" : "word.times_other", ["count": String(count)])
    }

    func percent(_ value: Int) -> String { words("word.percent", ["value": String(value)]) }

    // MARK: - Labels

    func kind(_ kind: EventKind) -> String { words["event." + kind.rawValue] }

    func status(_ status: TicketStatus) -> String { words["status." + status.rawValue] }

    /// A channel in the document's language: `telefono` is "teléfono", "phone" in English.
    func channel(_ channel: Channel) -> String { words["review.channel." + channel.rawValue] }

    /// A channel as stored (`telefono`) in the document's language; a name kb does not know stays as written.
    func channel(named name: String) -> String { Channel(rawValue: name).map(channel) ?? name }

    /// An attachment's kind (`screenshot`) in the document's language ("captura de pantalla"); a kind kb does not
    /// know stays as the ticket wrote it.
    func attachmentKind(_ kind: String) -> String {
        let key = "review.attachment_kind." + kind.lowercased()
        return words.contains(key) ? words[key] : kind
    }

    /// A ticket field (`resolved_at`) as the document's words name it ("hora de resolución").
    func fieldName(_ field: String) -> String {
        words.contains("review.field." + field) ? words["review.field." + field] : field
    }

    /// A service by its display name in the document's language (`contrasenas` is "Contraseñas", "Passwords" in
    /// English); a service kb does not know stays as stored.
    func service(_ service: String) -> String {
        let key = "service_name." + AccentFolding.fold(service).lowercased()
        return words.contains(key) ? words[key] : service
    }

    /// A timeline warning code as a short phrase ("evento desordenado"), for the flag on an event.
    func warningCode(_ code: ReviewWarning.Code) -> String {
        let key = "review.warning_code." + code.rawValue
        return words.contains(key) ? words[key] : words["review.warning_code.other"]
    }

    func role(_ role: ReviewTimelineEntry.Role) -> String {
        switch role {
        case .support: words["word.support"]
        case .customer: words["word.customer"]
        case .monitoring: words["word.monitoring"]
        }
    }

    func severity(_ severity: Int) -> String { "\(severity) (\(Severity.name(severity, language: language)))" }

    func detection(_ source: ReviewDetection.Source) -> String {
        switch source {
        case .monitoring: words["word.monitoring"]
        case .customer: words["word.customer"]
        }
    }

    func resolutionKind(_ kind: ReviewResolution.Kind) -> String { words["review.resolution_kind." + kind.rawValue] }

    func rule(_ rule: EscalationAdvice.Rule) -> String { words["rule." + rule.rawValue] }

    func proposalKind(_ kind: ReviewProposal.Kind) -> String { words["review.proposal_kind." + kind.rawValue] }

    /// A level as is; a vendor by the name its slug spells (`vendor:telco-andina` is "proveedor Telco Andina"), as
    /// root causes and resolutions write it, so an internal document names it one way throughout.
    func target(_ target: String) -> String { Self.target(target, in: words) }

    /// `target(_:)` in the words of any catalogue, for documents that do not build a whole vocabulary.
    static func target(_ target: String, in words: Catalogue) -> String {
        guard target.hasPrefix("vendor:") else { return target }
        return words("review.vendor_target", ["vendor": vendorName(target)])
    }

    /// "Telco Andina" for `vendor:telco-andina`.
    static func vendorName(_ target: String) -> String {
        target.dropFirst("vendor:".count).split { $0 == "-" || $0 == "_" }
            .map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }

    // MARK: - Metrics

    func metricLabel(_ kind: ReviewMetric.Kind, subject: String? = nil) -> String {
        words("metric." + kind.rawValue, ["target": target(subject ?? "")])
    }

    func metricDefinition(_ kind: ReviewMetric.Kind, subject: String? = nil) -> String {
        words("metric.definition." + kind.rawValue, ["target": target(subject ?? "")])
    }

    func businessTimeNote(terms: SLATerms, usesBusinessHours: Bool) -> String {
        guard usesBusinessHours else {
            return words("review.continuous_time_note", ["calendar": terms.calendar.name, "plan": terms.planName])
        }
        let holidays = terms.holidayCalendar.map { words("review.holidays_excluded", ["calendar": $0]) }
            ?? words["review.no_holidays"]
        let day = businessDay.map { words("review.business_day_length", ["duration": ReviewDuration.text($0)]) } ?? ""
        return words("review.business_time_note", [
            "calendar": terms.calendar.name, "plan": terms.planName, "time_zone": terms.timeZone.identifier,
            "holidays": holidays, "business_day": day,
        ])
    }

    var missingFirstResponse: String { words["review.missing_first_response"] }

    var missingMitigation: String { words["review.missing_mitigation"] }

    var missingResolution: String { words["review.missing_resolution"] }

    var missingImpactEnd: String { words["review.missing_impact_end"] }

    func outcome(met: Bool, margin: Int64) -> String {
        met ? words("review.outcome_met", ["margin": businessDuration(margin)])
            : words("review.outcome_breached", ["excess": businessDuration(-margin)])
    }

    // MARK: - Warnings

    func eventRef(_ index: Int, _ kind: EventKind, _ time: ReviewTime) -> String {
        "#\(index + 1) (\(self.kind(kind)), \(self.time(time)))"
    }

    func outOfOrder(later: String, earlier: String) -> String {
        words("warning.out_of_order", ["later": later, "earlier": earlier])
    }

    func futureEvent(_ event: String, now: ReviewTime) -> String {
        words("warning.future_event", ["event": event, "now": time(now)])
    }

    func futureField(_ field: String, _ value: ReviewTime, now: ReviewTime) -> String {
        words("warning.future_field", ["field": fieldName(field), "value": time(value), "now": time(now)])
    }

    func eventBeforeCreation(_ event: String, created: ReviewTime) -> String {
        words("warning.event_before_creation", ["event": event, "created": time(created)])
    }

    func fieldBeforeCreation(_ field: String, _ value: ReviewTime, created: ReviewTime) -> String {
        words("warning.field_before_creation", ["field": fieldName(field), "value": time(value), "created": time(created)])
    }

    func resolutionBeforeFirstResponse(resolution: ReviewTime, firstResponse: ReviewTime) -> String {
        words("warning.resolution_before_first_response",
              ["resolution": time(resolution), "first_response": time(firstResponse)])
    }

    var noFirstResponse: String { words["warning.no_first_response"] }

    var noResolution: String { words["warning.no_resolution"] }

    var noClosingTime: String { words["warning.no_closing_time"] }

    func closedBeforeResolution(closed: ReviewTime, resolution: ReviewTime) -> String {
        words("warning.closed_before_resolution", ["closed": time(closed), "resolution": time(resolution)])
    }

    func mitigationAfterResolution(mitigation: ReviewTime, resolution: ReviewTime) -> String {
        words("warning.mitigation_after_resolution", ["mitigation": time(mitigation), "resolution": time(resolution)])
    }

    func resolvedAtMismatch(field: ReviewTime, event: String) -> String {
        words("warning.resolved_at_mismatch", ["field": time(field), "event": event])
    }

    func escalationWithoutReason(_ event: String, to: String) -> String {
        words("warning.escalation_without_reason", ["event": event, "target": target(to)])
    }

    func unknownEscalationTarget(_ event: String, to: String, levels: [String]) -> String {
        words("warning.unknown_escalation_target",
              ["event": event, "target": quoted(to), "levels": levels.joined(separator: ", ")])
    }

    func vendorWaitWithoutEscalation(_ event: String) -> String {
        words("warning.vendor_wait_without_escalation", ["event": event])
    }

    var noTimeline: String { words["warning.no_timeline"] }

    func policyFallback(_ detail: String) -> String { words("warning.policy_fallback", ["detail": detail]) }

    func forcedReview(status: TicketStatus?, severity: Int?) -> String {
        var reasons: [String] = []
        if let status { reasons.append(words("warning.forced_status", ["status": self.status(status)])) }
        if let severity { reasons.append(words("warning.forced_severity", ["severity": String(severity)])) }
        return words("warning.forced_review", ["reasons": list(reasons)])
    }

    // MARK: - Sections

    /// ` por teléfono` / ` by phone`, or nothing without a channel.
    private func via(_ channel: Channel?) -> String {
        channel.map { words("review.via_channel", ["channel": self.channel($0)]) } ?? ""
    }

    func summary(ticket: Ticket, created: ReviewTime, impact: ReviewImpact, mitigated: ReviewTime?,
                 resolved: ReviewTime?, closed: ReviewTime?) -> String {
        var sentences: [String] = []
        sentences.append(words("review.summary.reported", [
            "who": ticket.customer ?? words["word.the_customer"], "title": quoted(ticket.title),
            "via": via(ticket.channel), "time": time(created),
        ]))
        if let duration = impact.durationSeconds {
            let service = ticket.service.map { words("review.summary.affected_service", ["service": self.service($0)]) }
                ?? words["review.summary.affected_no_service"]
            sentences.append(words("review.summary.affected", [
                "severity": severity(ticket.severity), "service": service, "duration": self.duration(duration),
            ]))
        } else {
            sentences.append(words("review.summary.incident", ["severity": severity(ticket.severity)]))
        }
        var milestones: [String] = []
        if let mitigated { milestones.append(words("review.summary.mitigated", ["time": time(mitigated)])) }
        if let resolved { milestones.append(words("review.summary.resolved", ["time": time(resolved)])) }
        if let closed { milestones.append(words("review.summary.closed", ["time": time(closed)])) }
        if !milestones.isEmpty {
            let text = list(milestones)
            sentences.append(text.prefix(1).uppercased() + text.dropFirst() + ".")
        }
        return sentences.joined(separator: " ")
    }

    func detectionSummary(source: ReviewDetection.Source, viaMonitoringChannel: Bool, detected: ReviewTime?,
                          reported: ReviewTime, channel: Channel?, service: String?, monitorable: Bool) -> String {
        var text: String
        switch (source, detected) {
        case (.monitoring, let detected?) where detected.at.seconds < reported.at.seconds:
            text = words("review.detection.monitoring_first",
                         ["detected": time(detected), "lead": duration(reported.at.seconds - detected.at.seconds)])
        case (.monitoring, _) where viaMonitoringChannel:
            text = words("review.detection.monitoring_channel", ["time": time(reported)])
        case (.monitoring, _):
            text = words("review.detection.monitoring_at_opening", ["time": time(reported)])
        case (.customer, let detected?):
            text = words("review.detection.customer_then_monitoring", [
                "via": via(channel), "time": time(reported), "lag": duration(detected.at.seconds - reported.at.seconds),
            ])
        case (.customer, nil):
            text = words("review.detection.customer_only", ["via": via(channel), "time": time(reported)])
        }
        if source == .customer, monitorable, let service {
            text += words("review.detection.gap", ["service": self.service(service)])
        }
        return text
    }

    /// Detection as told to the customer: who noticed and when, without internal monitoring details.
    func customerDetectionSummary(source: ReviewDetection.Source, reported: ReviewTime, channel: Channel?) -> String {
        switch source {
        case .monitoring: words("review.detection.customer_view_monitoring", ["time": time(reported)])
        case .customer: words("review.detection.customer_view_customer", ["via": via(channel), "time": time(reported)])
        }
    }

    func criticalServiceReason(service: String, severity: Int, level: String) -> String {
        words("review.escalation.critical_service", ["service": self.service(service), "severity": String(severity), "level": level])
    }

    func vendorReason(vendor: String, match: String?) -> String {
        let mention = match.map { words("review.escalation.vendor_mention", ["match": quoted($0)]) } ?? ""
        return words("review.escalation.vendor_needed", ["vendor": vendor, "mention": mention])
    }

    func slaExceededReason(metric: String, target: Int64, due: ReviewTime?) -> String {
        let dueText = due.map { words("review.escalation.sla_due", ["due": time($0)]) } ?? ""
        return words("review.escalation.sla_exceeded", ["metric": metric, "target": businessDuration(target), "due": dueText])
    }

    func ruleFollowed(target: String, at: ReviewTime, delay: Int64, afterDue: Bool) -> String {
        words(afterDue ? "review.escalation.followed_after_due" : "review.escalation.followed",
              ["target": self.target(target), "time": time(at), "delay": duration(delay)])
    }

    func ruleFollowedWithoutTime(level: String) -> String {
        words("review.escalation.followed_without_time", ["level": level])
    }

    func ruleNotFollowed(target: String?) -> String {
        guard let target else { return words["review.escalation.last_level"] }
        return words("review.escalation.not_followed", ["target": self.target(target)])
    }

    func resolutionSummary(kind: ReviewResolution.Kind, mitigated: ReviewTime?, resolved: ReviewTime?) -> String {
        switch kind {
        case .unknown:
            return words["review.resolution.unknown"]
        case .fix:
            return resolved.map { words("review.resolution.fix", ["resolved": time($0)]) } ?? words["review.resolution.fix_undated"]
        case .workaround:
            return mitigated.map { words("review.resolution.workaround", ["mitigated": time($0)]) }
                ?? words["review.resolution.unknown"]
        case .fixAfterWorkaround:
            guard let mitigated, let resolved else { return words["review.resolution.unknown"] }
            return words("review.resolution.fix_after_workaround", ["mitigated": time(mitigated), "resolved": time(resolved)])
        }
    }

    // MARK: - Actions and training

    func monitoringAction(service: String) -> (String, String) {
        (words("review.action.monitoring", ["service": self.service(service)]), words["review.action.monitoring_reason"])
    }

    func articleAction(ticketID: String) -> (String, String) {
        (words("review.action.article", ["ticket": ticketID]), words("review.action.article_reason", ["ticket": ticketID]))
    }

    func linkArticleAction(ticketID: String, article: ReviewArticleMatch) -> (String, String) {
        (words("review.action.link_article", ["article": article.id]),
         words("review.action.link_article_reason",
               ["title": quoted(article.title), "ticket": ticketID, "article": article.id]))
    }

    func vendorFollowUpAction(vendor: String, wait: Int64, target: Int64) -> (String, String) {
        let share = target > 0 ? Int((Double(wait) / Double(target) * 100).rounded()) : 0
        return (words("review.action.vendor_follow_up", ["vendor": self.target(vendor)]),
                words("review.action.vendor_follow_up_reason",
                      ["wait": duration(wait), "percent": percent(share), "target": duration(target)]))
    }

    /// ` en el uso de portal` / ` on portal`, or nothing without a service.
    private func topic(_ service: String?) -> String {
        service.map { words("review.action.training_topic", ["service": self.service($0)]) } ?? ""
    }

    func trainingAction(customer: String?, service: String?, signals: [String]) -> (String, String) {
        (words("review.action.training", [
            "who": customer ?? words["review.action.training_who"], "topic": topic(service),
        ]), words("review.action.training_reason", ["signals": list(signals.map(quoted))]))
    }

    var permanentFixAction: (String, String) {
        (words["review.action.permanent_fix"], words["review.action.permanent_fix_reason"])
    }

    func slaReviewAction(metric: String, breachedBy: Int64, target: Int64) -> (String, String) {
        (words("review.action.sla_review", ["metric": metric]),
         words("review.action.sla_review_reason", ["target": duration(target), "excess": duration(breachedBy)]))
    }

    func escalationRuleAction(rule: EscalationAdvice.Rule, outcome: String) -> (String, String) {
        (words("review.action.escalation_rule", ["rule": self.rule(rule).lowercased()]), outcome)
    }

    func lateEscalation(outcome: String, tolerance: Int64) -> String {
        outcome + words("review.action.late_escalation", ["tolerance": duration(tolerance)])
    }

    /// A severity change with both values ("3 (Medio) → 2 (Alto impacto)"); when the ticket never recorded the
    /// severity before the change, the severity it was set to, never a question mark.
    func severityChange(from: Int?, to: Int, at: ReviewTime) -> String {
        guard let from else { return words("review.severity_set", ["to": severity(to), "time": time(at)]) }
        return words("review.severity_changed", ["from": severity(from), "to": severity(to), "time": time(at)])
    }

    /// An article's state in the document's language: `validated` is "validado".
    func articleState(_ state: String) -> String {
        ["wip", "not_validated", "validated", "archived"].contains(state) ? words["article.state." + state] : state
    }

    /// An article's audience in the document's language: `internal` is "interno".
    func articleAudience(_ audience: String) -> String {
        ["internal", "customer"].contains(audience) ? words["article.audience." + audience] : audience
    }

    /// Why the review lists an article.
    func articleReason(_ reason: ReviewArticleMatch.Reason) -> String {
        switch reason {
        case .linked: return words["review.article_reason.linked"]
        case .sameCause(let tickets):
            return words("review.article_reason.same_cause", ["tickets": tickets.joined(separator: ", ")])
        case .sharedWords(let shared):
            return words("review.article_reason.shared_words", ["words": shared.joined(separator: ", ")])
        }
    }

    /// Why a past incident had the same cause: "misma causa raíz, mismo proveedor (vendor:x)".
    func sameCause(_ agreements: [CauseSignature.Agreement]) -> String {
        agreements.map { agreement in
            switch agreement {
            case .causeText: return words["review.same_cause_text"]
            case .vendor(let target): return words("review.same_cause_vendor", ["vendor": Self.vendorName(target)])
            case .article(let id): return words("review.same_cause_article", ["id": id])
            }
        }.joined(separator: ", ")
    }

    func recurringAction(count: Int, days: Int, ids: [String]) -> (String, String) {
        let shown = ids.joined(separator: ", ") + (count > ids.count ? ", …" : "")
        return (words["review.action.recurring"],
                words("review.action.recurring_reason",
                      ["times": times(count), "days": String(days), "tickets": shown]))
    }

    func trainingSuggested(service: String?, signals: [String]) -> String {
        words("review.training_suggested", ["topic": topic(service), "signals": list(signals.map(quoted))])
    }

    var trainingNotSuggested: String { words["review.training_not_suggested"] }
}
