extension PeriodSummary: JSONEncodable {
    /// A period summary is a document a lead reads: its JSON is indented.
    public static var jsonIsIndented: Bool { true }

    /// The summary as JSON: the period, counts by severity and service, resolution times, compliance per plan,
    /// recurring causes and one entry per review.
    public func write(to writer: inout JSONWriter) {
        writer.object(("since", since.iso8601), ("until", until.iso8601), ("incidents", entries.count),
                      ("by_severity", JSONObject(members: bySeverity.map { ($0.key, $0.count) })),
                      ("by_service", JSONObject(members: byService.map { ($0.key, $0.count) })),
                      ("resolution_times", resolutionTimes), ("compliance", compliance),
                      ("recurring_causes", recurringCauses), ("reviews", entries))
    }
}

extension PeriodSummary.ResolutionTimes: JSONEncodable {
    public func write(to writer: inout JSONWriter) {
        writer.object(("severity", severity), ("incidents", incidents), ("unmeasured", unmeasured),
                      ("median_seconds", medianSeconds), ("p90_seconds", p90Seconds),
                      ("median_business_seconds", medianBusinessSeconds), ("p90_business_seconds", p90BusinessSeconds))
    }
}

extension PeriodSummary.PlanCompliance: JSONEncodable {
    public func write(to writer: inout JSONWriter) {
        writer.object(("plan", plan), ("incidents", incidents), ("first_response_met", firstResponseMet),
                      ("resolution_met", resolutionMet), ("measured", measured), ("both_met", bothMet),
                      ("percent", percent.map { JSONNumber($0, decimals: 1) }))
    }
}

extension PeriodSummary.Cause: JSONEncodable {
    public func write(to writer: inout JSONWriter) {
        writer.object(("cause", text), ("tickets", tickets), ("services", services))
    }
}

extension PeriodSummary.Entry: JSONEncodable {
    public func write(to writer: inout JSONWriter) {
        writer.object(("id", id), ("severity", severity), ("service", service), ("file", fileName),
                      ("resolution_seconds", resolutionSeconds), ("sla_met", slaMet), ("warnings", warnings))
    }
}
