extension Review {
    /// The review as JSON: `{"ticket": …, "metrics": …, "warnings": […], "related": […], "actions": […], …}`.
    ///
    /// Each metric has `seconds`, `business_seconds`, `target_seconds` and `met` first; a metric whose events
    /// are missing has `null` values and a `missing` reason. Times are ISO 8601 in the offset they were recorded in.
    public func jsonText(pretty: Bool = true) -> String {
        var writer = JSONWriter(pretty: pretty)
        writer.beginObject()
        writer.key("ticket")
        ticket.write(to: &writer)

        writer.key("review")
        writer.beginObject()
        writer.member("language", language.rawValue)
        writer.member("audience", audience.rawValue)
        writer.member("generated_at", generatedAt.at.iso8601)
        writer.member("plan", terms.planName)
        writer.member("calendar", terms.calendar.name)
        writer.member("time_zone", terms.timeZone.identifier)
        writer.member("business_hours", usesBusinessHours)
        writer.member("summary", summary)
        writer.endObject()

        writer.key("metrics")
        writer.beginObject()
        writer.key(metrics.firstResponse.kind.rawValue)
        Self.write(metrics.firstResponse, to: &writer)
        writer.key(ReviewMetric.Kind.timeToEscalation.rawValue)
        writer.beginArray()
        for metric in metrics.escalations { Self.write(metric, to: &writer) }
        writer.endArray()
        for metric in [metrics.mitigation, metrics.resolution] {
            writer.key(metric.kind.rawValue)
            Self.write(metric, to: &writer)
        }
        writer.key(metrics.customerWait.kind.rawValue)
        Self.write(metrics.customerWait, intervals: metrics.customerWaitIntervals, to: &writer)
        writer.key(metrics.vendorWait.kind.rawValue)
        Self.write(metrics.vendorWait, intervals: metrics.vendorWaitIntervals, to: &writer)
        writer.key(metrics.impactWindow.kind.rawValue)
        Self.write(metrics.impactWindow, to: &writer)
        writer.member("vendor_wait_seconds", metrics.vendorWait.seconds ?? 0)
        writer.member("customer_wait_seconds", metrics.customerWait.seconds ?? 0)
        writer.member("customer_impact_minutes", impact.customerImpactMinutes)
        writer.endObject()

        writer.key("warnings")
        writer.beginArray()
        for warning in warnings {
            writer.beginObject()
            writer.member("code", warning.code.rawValue)
            writer.member("message", warning.message)
            Self.writeIndices("events", warning.events, to: &writer)
            writer.endObject()
        }
        writer.endArray()

        writeSections(to: &writer)
        writer.endObject()
        return writer.text
    }

    private func writeSections(to writer: inout JSONWriter) {
        writer.key("severity_changes")
        writer.beginArray()
        for change in severityChanges {
            writer.beginObject()
            writer.member("from", change.from)
            writer.member("to", change.to)
            writer.member("at", change.time.at.iso8601)
            writer.endObject()
        }
        writer.endArray()

        writer.key("impact")
        writer.beginObject()
        writer.member("start", impact.start.at.iso8601)
        writer.member("end", impact.end?.at.iso8601)
        writer.member("duration_seconds", impact.durationSeconds)
        writer.member("customers", impact.customers)
        writer.member("services", impact.services)
        writer.member("channels", impact.channels)
        writer.member("customer_impact_minutes", impact.customerImpactMinutes)
        writer.member("concurrent_reports", impact.concurrentReports.map(\.id))
        writer.endObject()

        writer.key("detection")
        writer.beginObject()
        writer.member("source", detection.source.rawValue)
        writer.member("detected_at", detection.detectedAt?.at.iso8601)
        writer.member("reported_at", detection.reportedAt.at.iso8601)
        writer.member("gap_seconds", detection.gapSeconds)
        writer.member("service_monitorable", detection.serviceMonitorable)
        writer.member("summary", detection.summary)
        Self.writeIndices("events", detection.events, to: &writer)
        writer.endObject()

        writer.key("escalation")
        writer.beginObject()
        writer.member("levels", escalation.levels)
        writer.member("vendors", escalation.vendors)
        writer.key("steps")
        writer.beginArray()
        for step in escalation.steps {
            writer.beginObject()
            writer.member("to", step.target)
            writer.member("at", step.time.at.iso8601)
            writer.member("since_creation_seconds", step.sinceCreationSeconds)
            writer.member("author", step.author)
            writer.member("reason", step.reason)
            writer.member("event", step.event)
            writer.member("wait_seconds", step.waitSeconds)
            writer.endObject()
        }
        writer.endArray()
        writer.key("rules")
        writer.beginArray()
        for rule in escalation.rules {
            writer.beginObject()
            writer.member("rule", rule.rule.rawValue)
            writer.member("target", rule.target)
            writer.member("applied_at", rule.appliedAt?.at.iso8601)
            writer.member("followed", rule.followed)
            writer.member("followed_at", rule.followedAt?.at.iso8601)
            writer.member("delay_seconds", rule.delaySeconds)
            writer.member("reason", rule.reason)
            writer.member("outcome", rule.outcome)
            Self.writeIndices("events", rule.events, to: &writer)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()

        writer.key("resolution")
        writer.beginObject()
        writer.member("kind", resolution.kind.rawValue)
        writer.member("workaround_signals", resolution.workaroundSignals)
        writer.member("misuse", resolution.misuse)
        writer.member("misuse_signals", resolution.misuseSignals)
        writer.member("summary", resolution.summary)
        writer.endObject()

        writer.key("related")
        writer.beginArray()
        for incident in related {
            writer.beginObject()
            writer.member("id", incident.id)
            writer.member("title", incident.title)
            writer.member("service", incident.service)
            writer.member("severity", incident.severity)
            writer.member("customer", incident.customer)
            writer.member("created_at", incident.createdAt.iso8601)
            writer.member("resolved_at", incident.resolvedAt?.iso8601)
            writer.member("similarity", incident.similarity, decimals: 3)
            writer.member("same_service", incident.sameService)
            writer.member("days_before", incident.daysBefore)
            writer.member("root_cause", incident.rootCause)
            writer.member("resolution", incident.resolution)
            writer.endObject()
        }
        writer.endArray()
        writer.key("recurrence")
        writer.beginObject()
        writer.member("window_days", recurrence.windowDays)
        writer.member("count", recurrence.count)
        writer.member("count_is_lower_bound", recurrence.isLowerBound)
        writer.member("tickets", recurrence.incidents.map(\.id))
        writer.endObject()
        writer.member("search_terms", searchTerms)

        writer.key("articles")
        writer.beginArray()
        for article in articles {
            writer.beginObject()
            writer.member("id", article.id)
            writer.member("title", article.title)
            writer.member("state", article.state)
            writer.member("audience", article.audience)
            writer.member("linked", article.linked)
            writer.endObject()
        }
        writer.endArray()

        writer.key("actions")
        writer.beginArray()
        for action in actions {
            writer.beginObject()
            writer.member("kind", action.kind.rawValue)
            writer.member("title", action.title)
            writer.member("reason", action.reason)
            Self.writeIndices("events", action.events, to: &writer)
            writer.member("tickets", action.tickets)
            writer.member("customer_facing", action.isCustomerFacing)
            writer.endObject()
        }
        writer.endArray()

        writer.key("proposals")
        writer.beginArray()
        for proposal in proposals {
            writer.beginObject()
            writer.member("kind", proposal.kind.rawValue)
            writer.member("title", proposal.title)
            writer.member("evidence", proposal.evidenceTicketIDs)
            writer.member("hours_saved_per_month", proposal.hoursSavedPerMonth, decimals: 1)
            writer.endObject()
        }
        writer.endArray()

        writer.key("training")
        writer.beginObject()
        writer.member("suggested", training.suggested)
        writer.member("topic", training.topic)
        writer.member("reason", training.reason)
        writer.member("articles", training.articles.map(\.id))
        writer.endObject()

        writer.key("evidence")
        writer.beginArray()
        for item in evidence {
            writer.beginObject()
            writer.member("name", item.name)
            writer.member("kind", item.kind)
            writer.member("event", item.event)
            writer.member("at", item.time.at.iso8601)
            writer.endObject()
        }
        writer.endArray()
    }

    static func write(_ metric: ReviewMetric, intervals: [ReviewWaitInterval]? = nil, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("seconds", metric.seconds)
        writer.member("business_seconds", metric.businessSeconds)
        writer.member("target_seconds", metric.targetSeconds)
        writer.key("met")
        if let met = metric.met { writer.bool(met) } else { writer.null() }
        if let missing = metric.missing { writer.member("missing", missing) }
        if let subject = metric.subject { writer.member("to", subject) }
        writer.member("margin_seconds", metric.marginSeconds)
        writer.member("start", metric.start?.iso8601)
        writer.member("end", metric.end?.iso8601)
        writer.member("due_at", metric.dueAt?.iso8601)
        writeIndices("events", metric.events, to: &writer)
        writer.member("fields", metric.fields)
        writer.member("flagged", metric.flagged)
        writer.member("definition", metric.definition)
        if let intervals {
            writer.key("intervals")
            writer.beginArray()
            for interval in intervals {
                writer.beginObject()
                writer.member("start", interval.start.iso8601)
                writer.member("end", interval.end.iso8601)
                writer.member("seconds", interval.seconds)
                writer.member("business_seconds", interval.businessSeconds)
                if let party = interval.party { writer.member("vendor", party) }
                writeIndices("events", interval.events, to: &writer)
                writer.endObject()
            }
            writer.endArray()
        }
        writer.endObject()
    }

    static func writeIndices(_ name: String, _ indices: [Int], to writer: inout JSONWriter) {
        writer.key(name)
        writer.beginArray()
        for index in indices { writer.int(index) }
        writer.endArray()
    }
}
