extension PeriodSummary {
    /// The summary as JSON.
    public func jsonText(pretty: Bool = true) -> String {
        var writer = JSONWriter(pretty: pretty)
        writer.beginObject()
        writer.member("since", since.iso8601)
        writer.member("until", until.iso8601)
        writer.member("incidents", entries.count)
        writer.key("by_severity")
        writer.beginObject()
        for count in bySeverity { writer.member(count.key, count.count) }
        writer.endObject()
        writer.key("by_service")
        writer.beginObject()
        for count in byService { writer.member(count.key, count.count) }
        writer.endObject()
        writer.key("resolution_times")
        writer.beginArray()
        for times in resolutionTimes {
            writer.beginObject()
            writer.member("severity", times.severity)
            writer.member("incidents", times.incidents)
            writer.member("unmeasured", times.unmeasured)
            writer.member("median_seconds", times.medianSeconds)
            writer.member("p90_seconds", times.p90Seconds)
            writer.member("median_business_seconds", times.medianBusinessSeconds)
            writer.member("p90_business_seconds", times.p90BusinessSeconds)
            writer.endObject()
        }
        writer.endArray()
        writer.key("compliance")
        writer.beginArray()
        for plan in compliance {
            writer.beginObject()
            writer.member("plan", plan.plan)
            writer.member("incidents", plan.incidents)
            writer.member("first_response_met", plan.firstResponseMet)
            writer.member("resolution_met", plan.resolutionMet)
            writer.member("measured", plan.measured)
            writer.member("both_met", plan.bothMet)
            writer.key("percent")
            if let percent = plan.percent { writer.double(percent, decimals: 1) } else { writer.null() }
            writer.endObject()
        }
        writer.endArray()
        writer.key("recurring_causes")
        writer.beginArray()
        for cause in recurringCauses {
            writer.beginObject()
            writer.member("cause", cause.text)
            writer.member("tickets", cause.tickets)
            writer.member("services", cause.services)
            writer.endObject()
        }
        writer.endArray()
        writer.key("reviews")
        writer.beginArray()
        for entry in entries {
            writer.beginObject()
            writer.member("id", entry.id)
            writer.member("severity", entry.severity)
            writer.member("service", entry.service)
            writer.member("file", entry.fileName)
            writer.member("resolution_seconds", entry.resolutionSeconds)
            writer.key("sla_met")
            if let met = entry.slaMet { writer.bool(met) } else { writer.null() }
            writer.member("warnings", entry.warnings)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        return writer.text
    }
}
