extension Review: JSONEncodable {
    /// A review is a document a lead reads: its JSON is indented.
    public static var jsonIsIndented: Bool { true }

    /// The review as JSON: `{"ticket": …, "metrics": …, "warnings": […], "related": […], "actions": […], …}`.
    ///
    /// Each metric has `seconds`, `business_seconds`, `target_seconds` and `met` first; a metric whose events
    /// are missing has `null` values and a `missing` reason. Times are ISO 8601 in the offset they were recorded in.
    public func write(to writer: inout JSONWriter) {
        let about = JSONObject(
            ("language", language.rawValue), ("audience", audience.rawValue), ("generated_at", generatedAt.at.iso8601),
            ("plan", terms.planName), ("calendar", terms.calendar.name), ("time_zone", terms.timeZone.identifier),
            ("business_hours", usesBusinessHours), ("summary", summary))
        let metricsObject = JSONObject(
            (metrics.firstResponse.kind.rawValue, metrics.firstResponse),
            (ReviewMetric.Kind.timeToEscalation.rawValue, metrics.escalations),
            (metrics.mitigation.kind.rawValue, metrics.mitigation), (metrics.resolution.kind.rawValue, metrics.resolution),
            (metrics.customerWait.kind.rawValue, metrics.customerWait.with(intervals: metrics.customerWaitIntervals)),
            (metrics.vendorWait.kind.rawValue, metrics.vendorWait.with(intervals: metrics.vendorWaitIntervals)),
            (metrics.impactWindow.kind.rawValue, metrics.impactWindow),
            ("vendor_wait_seconds", metrics.vendorWait.seconds ?? 0), ("customer_wait_seconds", metrics.customerWait.seconds ?? 0),
            ("customer_impact_minutes", impact.customerImpactMinutes))
        writer.object(
            ("ticket", JSONFragment { ticket.write(to: &$0) }), ("review", about), ("metrics", metricsObject),
            ("warnings", warnings), ("severity_changes", severityChanges), ("impact", impact), ("detection", detection),
            ("escalation", escalation), ("resolution", resolution), ("related", related), ("recurrence", recurrence),
            ("search_terms", searchTerms), ("articles", articles), ("actions", actions), ("proposals", proposals),
            ("training", training), ("evidence", evidence))
    }
}

/// A metric with the wait intervals it adds up (customer and vendor waits).
struct ReviewMetricWithIntervals: JSONEncodable {
    let metric: ReviewMetric
    let intervals: [ReviewWaitInterval]?

    func write(to writer: inout JSONWriter) {
        writer.object(
            ("seconds", metric.seconds), ("business_seconds", metric.businessSeconds), ("target_seconds", metric.targetSeconds),
            ("met", metric.met), metric.missing.map { ("missing", $0) }, metric.subject.map { ("to", $0) },
            ("margin_seconds", metric.marginSeconds), ("start", metric.start?.iso8601), ("end", metric.end?.iso8601),
            ("due_at", metric.dueAt?.iso8601), ("events", metric.events), ("fields", metric.fields),
            ("flagged", metric.flagged), ("definition", metric.definition), intervals.map { ("intervals", $0) })
    }
}

extension ReviewMetric: JSONEncodable {
    public func write(to writer: inout JSONWriter) {
        with(intervals: nil).write(to: &writer)
    }

    /// The metric's JSON with the wait `intervals` it adds up, when given.
    func with(intervals: [ReviewWaitInterval]?) -> ReviewMetricWithIntervals {
        ReviewMetricWithIntervals(metric: self, intervals: intervals)
    }
}

extension ReviewWaitInterval: JSONEncodable {
    public func write(to writer: inout JSONWriter) {
        writer.object(("start", start.iso8601), ("end", end.iso8601), ("seconds", seconds), ("business_seconds", businessSeconds),
                      party.map { ("vendor", $0) }, ("events", events))
    }
}

extension ReviewWarning: JSONEncodable {
    public func write(to writer: inout JSONWriter) {
        writer.object(("code", code.rawValue), ("message", message), ("events", events))
    }
}

extension ReviewSeverityChange: JSONEncodable {
    public func write(to writer: inout JSONWriter) {
        writer.object(("from", from), ("to", to), ("at", time.at.iso8601))
    }
}

extension ReviewImpact: JSONEncodable {
    public func write(to writer: inout JSONWriter) {
        writer.object(("start", start.at.iso8601), ("end", end?.at.iso8601), ("duration_seconds", durationSeconds),
                      ("customers", customers), ("services", services), ("channels", channels),
                      ("customer_impact_minutes", customerImpactMinutes), ("concurrent_reports", concurrentReports.map(\.id)))
    }
}

extension ReviewDetection: JSONEncodable {
    public func write(to writer: inout JSONWriter) {
        writer.object(("source", source.rawValue), ("detected_at", detectedAt?.at.iso8601), ("reported_at", reportedAt.at.iso8601),
                      ("gap_seconds", gapSeconds), ("service_monitorable", serviceMonitorable), ("summary", summary),
                      ("events", events))
    }
}

extension ReviewEscalation: JSONEncodable {
    public func write(to writer: inout JSONWriter) {
        writer.object(("levels", levels), ("vendors", vendors), ("steps", steps), ("rules", rules))
    }
}

extension ReviewEscalationStep: JSONEncodable {
    public func write(to writer: inout JSONWriter) {
        writer.object(("to", target), ("at", time.at.iso8601), ("since_creation_seconds", sinceCreationSeconds),
                      ("author", author), ("reason", reason), ("event", event), ("wait_seconds", waitSeconds))
    }
}

extension ReviewRuleCheck: JSONEncodable {
    public func write(to writer: inout JSONWriter) {
        writer.object(("rule", rule.rawValue), ("target", target), ("applied_at", appliedAt?.at.iso8601), ("followed", followed),
                      ("followed_at", followedAt?.at.iso8601), ("delay_seconds", delaySeconds), ("reason", reason),
                      ("outcome", outcome), ("events", events))
    }
}

extension ReviewResolution: JSONEncodable {
    public func write(to writer: inout JSONWriter) {
        writer.object(("kind", kind.rawValue), ("misuse", misuse),
                      ("misuse_signals", misuseSignals), ("summary", summary))
    }
}

extension RelatedIncident: JSONEncodable {
    public func write(to writer: inout JSONWriter) {
        writer.object(("id", id), ("title", title), ("service", service), ("severity", severity), ("customer", customer),
                      ("created_at", createdAt.iso8601), ("resolved_at", resolvedAt?.iso8601),
                      ("similarity", JSONNumber(similarity, decimals: 3)), ("same_service", sameService),
                      ("days_before", daysBefore), ("root_cause", rootCause), ("resolution", resolution),
                      ("other_reports", otherReports), ("same_cause", agreements.map(\.key)))
    }
}

extension ReviewRecurrence: JSONEncodable {
    public func write(to writer: inout JSONWriter) {
        writer.object(("window_days", windowDays), ("count", count), ("tickets", incidents.map(\.id)),
                      ("incidents", incidents))
    }
}

extension ReviewArticleMatch: JSONEncodable {
    public func write(to writer: inout JSONWriter) {
        writer.object(("id", id), ("title", title), ("state", state), ("audience", audience), ("linked", linked),
                      ("reason", reasonKey), ("reason_tickets", reasonTickets), ("reason_words", reasonWords))
    }
}

extension ReviewAction: JSONEncodable {
    public func write(to writer: inout JSONWriter) {
        writer.object(("kind", kind.rawValue), ("title", title), ("reason", reason), ("events", events), ("tickets", tickets),
                      ("customer_facing", isCustomerFacing))
    }
}

extension ReviewProposal: JSONEncodable {
    public func write(to writer: inout JSONWriter) {
        writer.object(("kind", kind.rawValue), ("title", title), ("evidence", evidenceTicketIDs),
                      ("hours_saved_per_month", JSONNumber(hoursSavedPerMonth, decimals: 1)))
    }
}

extension ReviewTraining: JSONEncodable {
    public func write(to writer: inout JSONWriter) {
        writer.object(("suggested", suggested), ("topic", topic), ("reason", reason), ("articles", articles.map(\.id)))
    }
}

extension ReviewEvidenceItem: JSONEncodable {
    public func write(to writer: inout JSONWriter) {
        writer.object(("name", name), ("kind", kind), ("event", event), ("at", time.at.iso8601))
    }
}
