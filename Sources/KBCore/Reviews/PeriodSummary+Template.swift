import Foundation

extension PeriodSummary {
    /// Ticket ids listed per recurring cause; the rest are counted.
    static let causeTicketsShown = 10

    /// The values `review-summary.*` and `review-index.*` templates render. Text values are raw (the renderer
    /// escapes `{{…}}` for the template's format; in Markdown they are on one line), except `*_svg` and
    /// `stylesheet_html`, which are markup this module made.
    public func templateValue(format: ReviewFormat) -> TemplateValue {
        let catalogue = language.catalogue
        func text(_ value: String?) -> TemplateValue {
            guard let value, !value.isEmpty else { return .null }
            return .string(format == .md ? Markdown.line(value) : value)
        }
        func duration(_ seconds: Int64?) -> TemplateValue { seconds.map { .string(ReviewDuration.text($0)) } ?? .null }
        func percent(_ value: Double?) -> TemplateValue {
            value.map { .string(catalogue("word.percent", ["value": JSONWriter.format($0, decimals: 1)])) } ?? .null
        }
        let words = ReviewVocabulary(language: language)
        let lastDay = Timestamp(seconds: max(since.seconds, until.seconds - 1)).day()

        var root = TemplateObject()
        root["language"] = .string(language.rawValue)
        root["since"] = .string(since.day())
        root["until"] = .string(lastDay)
        root["generated"] = .string(generatedAt.utcString)
        root["total"] = .number(Double(entries.count))
        root["has_incidents"] = .bool(!entries.isEmpty)
        root["warning_count"] = .number(Double(warningCount))
        root["by_severity"] = .array(bySeverity.map { count in
            ["severity": text(Int(count.key).map(words.severity) ?? count.key), "count": .number(Double(count.count))]
        })
        root["by_service"] = .array(byService.map { ["service": text($0.key), "count": .number(Double($0.count))] })
        root["resolution_times"] = .array(resolutionTimes.map { times in
            ["severity": text(words.severity(times.severity)), "incidents": .number(Double(times.incidents)),
             "unmeasured": .number(Double(times.unmeasured)), "median": duration(times.medianSeconds),
             "p90": duration(times.p90Seconds), "median_business": duration(times.medianBusinessSeconds),
             "p90_business": duration(times.p90BusinessSeconds)]
        })
        root["compliance"] = .array(compliance.map { plan in
            ["plan": text(plan.plan), "incidents": .number(Double(plan.incidents)),
             "first_response_met": .number(Double(plan.firstResponseMet)),
             "resolution_met": .number(Double(plan.resolutionMet)), "measured": .number(Double(plan.measured)),
             "both_met": .number(Double(plan.bothMet)), "percent": percent(plan.percent)]
        })
        root["causes"] = .array(recurringCauses.map { cause in
            ["text": text(cause.text), "count": .number(Double(cause.tickets.count)),
             "tickets": text(cause.tickets.prefix(Self.causeTicketsShown).joined(separator: ", ")
                + (cause.tickets.count > Self.causeTicketsShown ? ", … (+\(cause.tickets.count - Self.causeTicketsShown))" : "")),
             "services": text(cause.services.joined(separator: ", "))]
        })
        root["entries"] = .array(entries.map { entry in
            let sla: String
            switch entry.slaMet {
            case true?: sla = catalogue["summary.sla_met"]
            case false?: sla = catalogue["summary.sla_breached"]
            case nil: sla = catalogue["word.missing"]
            }
            return [
                "id": text(entry.id), "title": text(entry.title), "severity": .number(Double(entry.severity)),
                "service": text(entry.service), "customer": text(entry.customer), "plan": text(entry.plan),
                "created": .string(entry.created.local), "resolution": duration(entry.resolutionSeconds),
                "sla": .string(sla), "sla_state": .string(entry.slaMet.map { $0 ? "met" : "breached" } ?? "missing"),
                "warnings": .number(Double(entry.warnings)), "recurrences": .number(Double(entry.recurrences)),
                "link": .string(entry.fileName),
            ]
        })
        root["monthly"] = .bool(monthly)
        root["buckets"] = .array(buckets.map { bucket in
            ["label": .string(bucket.label), "s1": .number(Double(bucket.bySeverity[1] ?? 0)),
             "s2": .number(Double(bucket.bySeverity[2] ?? 0)),
             "total": .number(Double(bucket.bySeverity.values.reduce(0, +)))]
        })
        root["has_causes"] = .bool(!recurringCauses.isEmpty)
        if format == .html {
            root["stylesheet_html"] = .string(ReviewRenderer.stylesheet)
            let services = BarChart(title: catalogue["summary.chart.by_service"],
                                    bars: byService.map { BarChart.Bar(category: $0.key, value: Double($0.count)) })
            root["services_svg"] = .string(ReviewRenderer.inlineSVG(services.svg))
            let planBars = compliance.compactMap { plan in plan.percent.map { BarChart.Bar(category: plan.plan, value: $0) } }
            root["compliance_svg"] = planBars.isEmpty ? .null : .string(ReviewRenderer.inlineSVG(BarChart(
                title: catalogue["summary.compliance"], bars: planBars,
                valueUnit: "%").svg))
            let severities = Set(entries.map(\.severity)).sorted()
            if buckets.count >= 2 {
                let title = catalogue[monthly ? "summary.chart.per_month" : "summary.chart.per_week"]
                let line = LineChart(
                    title: title,
                    categories: buckets.map { monthly ? $0.label : String($0.label.dropFirst(5)) },
                    series: severities.map { severity in
                        LineChart.Series(name: catalogue["word.severity"] + " " + String(severity),
                                         values: buckets.map { Double($0.bySeverity[severity] ?? 0) })
                    })
                root["trend_svg"] = .string(ReviewRenderer.inlineSVG(line.svg))
            }
        }
        return .object(root)
    }
}
