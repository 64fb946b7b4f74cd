import Foundation

/// Turns a `Review` into the values its templates render.
///
/// Text values are raw: the renderer escapes `{{…}}` for the template's format (`TemplateEscaping`). For Markdown
/// a one-line value (`text`) has its line breaks turned into spaces, since it sits in a table cell, heading or
/// list item; a block (`block`) keeps them. Only values whose names end in `_html` or `_svg` (markup this module
/// produced) may be inserted unescaped, with `{{{…}}}`.
struct ReviewTemplateContext {
    let review: Review
    let format: ReviewFormat
    let words: ReviewVocabulary

    init(review: Review, format: ReviewFormat) {
        self.review = review
        self.format = format
        words = ReviewVocabulary(language: review.language, businessDay: review.terms.calendar.businessDaySeconds)
    }

    /// One line of text (on one line in Markdown).
    func text(_ value: String?) -> TemplateValue {
        guard let value, !value.isEmpty else { return .null }
        return .string(format == .md ? Markdown.line(value) : value)
    }

    /// Several lines of text (descriptions, root causes).
    func block(_ value: String?) -> TemplateValue {
        guard let value, !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return .null }
        return .string(value)
    }

    func time(_ time: ReviewTime?) -> TemplateValue {
        guard let time else { return .null }
        return ["local": .string(time.local), "utc": .string(time.utc), "offset": .string(time.offsetName),
                "text": .string(words.time(time)), "iso": .string(time.at.iso8601)]
    }

    func duration(_ seconds: Int64?) -> TemplateValue {
        seconds.map { .string(words.duration($0)) } ?? .null
    }

    /// SLA time, in business days of the plan's calendar where a business day is not 24 hours.
    func businessDuration(_ seconds: Int64?) -> TemplateValue {
        seconds.map { .string(words.businessDuration($0)) } ?? .null
    }

    /// Event numbers (`#3`), then the ticket fields a figure came from, named in the document's words.
    func events(_ indices: [Int], fields: [String] = []) -> TemplateValue {
        let parts = indices.map { "#\($0 + 1)" } + fields.map(words.fieldName)
        return parts.isEmpty ? .null : .string(parts.joined(separator: ", "))
    }

    func list(_ items: [TemplateValue]) -> TemplateValue { .array(items) }

    var value: TemplateValue {
        let ticket = review.ticket
        var root = TemplateObject()
        root["language"] = .string(review.language.rawValue)
        root["is_internal"] = .bool(review.audience == .internal)
        root["is_customer"] = .bool(review.audience == .customer)
        root["id"] = text(ticket.id)
        root["title"] = text(ticket.title)
        root["generated"] = time(review.generatedAt)
        root["customer"] = text(ticket.customer)
        root["plan"] = text(review.terms.planName)
        root["calendar"] = text(review.terms.calendar.name)
        root["time_zone"] = text(review.terms.timeZone.identifier)
        root["uses_business_hours"] = .bool(review.usesBusinessHours)
        root["severity"] = text(words.severity(ticket.severity))
        root["severity_changes"] = list(review.severityChanges.map { change in
            ["from": text(change.from.map(words.severity)), "to": text(words.severity(change.to)),
             "time": time(change.time), "text": text(words.severityChange(from: change.from, to: change.to, at: change.time))]
        })
        root["severity_changes_text"] = text(review.severityChanges.map { change in
            words.severityChange(from: change.from, to: change.to, at: change.time)
        }.joined(separator: "; "))
        root["service"] = text(ticket.service.map(words.service))
        root["channel"] = text(ticket.channel.map(words.channel))
        root["status"] = text(words.status(ticket.status))
        root["owner"] = text([ticket.assignee, ticket.level].compactMap { $0 }.joined(separator: " · "))
        root["created"] = time(review.created)
        root["resolved"] = time(review.resolved)
        root["closed"] = time(review.closed)
        root["summary"] = block(review.summary)
        let glance = ReviewGlance(review: review)
        root["glance"] = [
            "what": text(glance.what), "impact": text(glance.impact), "root_cause": text(glance.rootCause),
            "resolution": text(glance.resolution), "sla": text(glance.sla), "recurrence": text(glance.recurrence),
            "warnings": text(glance.warnings), "next": list(glance.next.map(text)),
        ]
        root["description"] = block(ticket.description)
        root["warnings"] = list(review.warnings.map { warning in
            ["code": .string(warning.code.rawValue), "message": text(warning.message), "events": events(warning.events)]
        })
        root["has_warnings"] = .bool(!review.warnings.isEmpty)
        root["impact"] = impactValue
        root["metrics"] = list(review.metrics.all.map(metricValue))
        root["business_time_note"] = text(words.businessTimeNote(terms: review.terms, usesBusinessHours: review.usesBusinessHours))
        root["customer_waits"] = list(review.metrics.customerWaitIntervals.map(waitValue))
        root["vendor_waits"] = list(review.metrics.vendorWaitIntervals.map(waitValue))
        root["has_customer_waits"] = .bool(!review.metrics.customerWaitIntervals.isEmpty)
        root["has_vendor_waits"] = .bool(!review.metrics.vendorWaitIntervals.isEmpty)
        root["customer_wait_business_total"] = businessDuration(review.metrics.customerWait.businessSeconds)
        root["customer_wait_total"] = duration(review.metrics.customerWait.seconds)
        root["vendor_wait_total"] = duration(review.metrics.vendorWait.seconds)
        root["vendor_wait_business_total"] = businessDuration(review.metrics.vendorWait.businessSeconds)
        root["timeline"] = list(review.timeline.map(entryValue))
        root["detection"] = [
            "source": text(words.detection(review.detection.source)), "summary": text(review.detection.summary),
            "is_customer": .bool(review.detection.source == .customer),
        ]
        root["escalation"] = escalationValue
        root["root_cause"] = block(review.resolution.rootCause)
        root["resolution"] = [
            "kind": text(words.resolutionKind(review.resolution.kind)), "summary": text(review.resolution.summary),
            "text": block(review.resolution.text), "is_workaround": .bool(review.resolution.kind == .workaround),
        ]
        root["related"] = list(review.related.map(relatedValue))
        root["has_related"] = .bool(!review.related.isEmpty)
        root["has_recurrence"] = .bool(review.recurrence.count > 0)
        root["recurrence"] = [
            "count": .number(Double(review.recurrence.count)), "count_text": text(words.times(review.recurrence.count)),
            "window_days": .number(Double(review.recurrence.windowDays)),
            "incidents": list(review.recurrence.incidents.map(relatedValue)),
        ]
        root["search_terms"] = text(review.searchTerms.joined(separator: ", "))
        root["articles"] = list(review.articles.map(articleValue))
        root["has_articles"] = .bool(!review.articles.isEmpty)
        root["actions"] = list(review.actions.map { action in
            ["kind": .string(action.kind.rawValue), "title": text(action.title), "reason": text(action.reason),
             "owner": text(action.owner),
             "events": events(action.events)]
        })
        root["has_actions"] = .bool(!review.actions.isEmpty)
        root["has_proposals"] = .bool(!review.proposals.isEmpty)
        root["proposals"] = list(review.proposals.map { proposal in
            ["kind": text(words.proposalKind(proposal.kind)), "title": text(proposal.title),
             "evidence": text(proposal.evidenceTicketIDs.joined(separator: ", ")),
             "hours": .string(JSONWriter.format(proposal.hoursSavedPerMonth, decimals: 1))]
        })
        root["training"] = [
            "suggested": .bool(review.training.suggested), "topic": text(review.training.topic),
            "reason": text(review.training.reason), "articles": list(review.training.articles.map(articleValue)),
            "has_articles": .bool(!review.training.articles.isEmpty),
        ]
        root["has_evidence"] = .bool(!review.evidence.isEmpty)
        root["evidence"] = list(review.evidence.map { item in
            ["name": text(item.name), "kind": text(item.kind.map(words.attachmentKind)), "event": .string("#\(item.event + 1)"),
             "event_kind": text(words.kind(item.eventKind)), "time": time(item.time),
             "internal": .bool(item.visibility == .internal)]
        })
        if format == .html {
            root["stylesheet_html"] = .string(ReviewRenderer.stylesheet)
            root["timeline_svg"] = .string(ReviewRenderer.inlineSVG(review.timelineChart().svg))
            // The catalogue's words are kb's own text: only the time zone needs escaping.
            root["chart_caption_html"] = .string(review.language.catalogue(
                review.usesBusinessHours ? "review.chart_caption_business_hours" : "review.chart_caption",
                ["time_zone": HTML.escape(review.terms.timeZone.identifier)]))
        }
        return .object(root)
    }

    var impactValue: TemplateValue {
        let impact = review.impact
        return [
            "start": time(impact.start), "end": time(impact.end), "duration": duration(impact.durationSeconds),
            "customers": text(impact.customers.joined(separator: ", ")),
            "customer_count": .number(Double(max(impact.customers.count, 1))),
            "services": text(impact.services.map(words.service).joined(separator: ", ")),
            "channels": text(impact.channels.map { words.channel(named: $0) }.joined(separator: ", ")),
            "minutes": impact.customerImpactMinutes.map { .number(Double($0)) } ?? .null,
            "has_concurrent": .bool(!impact.concurrentReports.isEmpty),
            "concurrent": list(impact.concurrentReports.map { report in
                ["id": text(report.id), "customer": text(report.customer),
                 "channel": text(report.channel.map { words.channel(named: $0) }),
                 "created": time(ReviewTime(report.createdAt, timeZone: review.terms.timeZone))]
            }),
        ]
    }

    func metricValue(_ metric: ReviewMetric) -> TemplateValue {
        let state: String
        if metric.missing != nil {
            state = "missing"
        } else if let met = metric.met {
            state = met ? "met" : "breached"
        } else {
            state = "none"
        }
        return [
            "key": .string(metric.key), "label": text(metric.label), "definition": text(metric.definition),
            "wall": duration(metric.seconds), "business": businessDuration(metric.businessSeconds),
            "target": businessDuration(metric.targetSeconds), "due": time(metric.dueAt.map { ReviewTime($0, timeZone: review.terms.timeZone) }),
            "outcome": metric.marginSeconds.map { text(words.outcome(met: $0 >= 0, margin: $0)) } ?? .null,
            "state": .string(state), "missing": text(metric.missing), "sources": events(metric.events, fields: metric.fields),
            "flagged": .bool(metric.flagged),
        ]
    }

    func waitValue(_ wait: ReviewWaitInterval) -> TemplateValue {
        [
            "start": time(ReviewTime(wait.start, timeZone: review.terms.timeZone)),
            "end": time(ReviewTime(wait.end, timeZone: review.terms.timeZone)),
            "duration": duration(wait.seconds), "business": businessDuration(wait.businessSeconds),
            "party": text(wait.party.map(words.target)), "events": events(wait.events),
        ]
    }

    func entryValue(_ entry: ReviewTimelineEntry) -> TemplateValue {
        [
            "number": .string("\(entry.index + 1)"), "time": time(entry.time), "kind": text(entry.kindLabel),
            "detail": text(entry.detail), "actor": text(entry.author ?? words.role(entry.role)),
            "role": text(words.role(entry.role)), "text": text(entry.text),
            "internal": .bool(entry.visibility == .internal),
            "attachments": text(entry.attachments.map(\.name).joined(separator: ", ")),
            "flagged": .bool(!entry.warnings.isEmpty),
            "warnings": text(entry.warnings.map(words.warningCode).joined(separator: ", ")),
        ]
    }

    var escalationValue: TemplateValue {
        let escalation = review.escalation
        return [
            "levels": text(escalation.levels.joined(separator: " → ")),
            "vendors": text(escalation.vendors.map(words.target).joined(separator: ", ")),
            "has_steps": .bool(!escalation.steps.isEmpty), "has_rules": .bool(!escalation.rules.isEmpty),
            "steps": list(escalation.steps.map { step in
                ["target": text(words.target(step.target)), "time": time(step.time),
                 "since": duration(step.sinceCreationSeconds), "author": text(step.author), "reason": text(step.reason),
                 "event": .string("#\(step.event + 1)"), "wait": duration(step.waitSeconds)]
            }),
            "rules": list(escalation.rules.map { check in
                ["rule": text(words.rule(check.rule)), "reason": text(check.reason), "outcome": text(check.outcome),
                 "followed": .bool(check.followed)]
            }),
        ]
    }

    func relatedValue(_ incident: RelatedIncident) -> TemplateValue {
        [
            "id": text(incident.id), "title": text(incident.title), "service": text(incident.service.map(words.service)),
            "severity": .number(Double(incident.severity)), "customer": text(incident.customer),
            "created": time(ReviewTime(incident.createdAt, timeZone: review.terms.timeZone)),
            "days_before": .number(Double(incident.daysBefore)),
            "similarity": .string(words.percent(Int((incident.similarity * 100).rounded()))),
            "same_service": .bool(incident.sameService), "root_cause": text(incident.rootCause),
            "resolution": text(incident.resolution),
            "other_reports": text(incident.otherReports.isEmpty ? nil : incident.otherReports.joined(separator: ", ")),
            "same_cause": text(incident.agreements.isEmpty ? nil : words.sameCause(incident.agreements)),
        ]
    }

    func articleValue(_ article: ReviewArticleMatch) -> TemplateValue {
        ["id": text(article.id), "title": text(article.title), "state": text(words.articleState(article.state)),
         "audience": text(words.articleAudience(article.audience)), "linked": .bool(article.linked),
         "reason": text(words.articleReason(article.reason))]
    }
}
