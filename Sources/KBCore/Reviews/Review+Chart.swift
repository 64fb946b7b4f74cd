import Foundation

extension Review {
    /// The incident on a time axis in the customer's local time: phases (detection → response → escalation →
    /// mitigation → resolution) as bars, waits on the customer and on vendors and the impact window shaded,
    /// business hours shaded for plans with business hours, and every timeline event as a numbered marker (the
    /// numbers of the timeline table, which lists them: the chart does not list them again).
    public func timelineChart(width: Double = 960) -> TimelineChart {
        let words = ReviewVocabulary(language: language)
        let catalogue = language.catalogue
        let created = self.created.at
        let limit = generatedAt.at.seconds
        var instants = [created.seconds, impact.start.at.seconds]
        instants += timeline.map(\.time.at.seconds).filter { $0 <= limit }
        instants += [resolved?.at.seconds, closed?.at.seconds, impact.end?.at.seconds].compactMap { $0 }
        let low = instants.min() ?? created.seconds
        let high = max(instants.max() ?? created.seconds, low + 600)
        let padding = max((high - low) / 20, 60)
        let start = Timestamp(seconds: low - padding), end = Timestamp(seconds: high + padding)

        var phases: [TimelineChart.Phase] = []
        func phase(_ key: String, _ from: Timestamp?, _ to: Timestamp?) {
            guard let from, let to, to.seconds >= from.seconds else { return }
            phases.append(TimelineChart.Phase(name: catalogue[key], start: from, end: to))
        }
        let firstResponse = metrics.firstResponse.end
        let mitigated = metrics.mitigation.end
        let resolvedAt = metrics.resolution.end
        phase("review.heading.detection", impact.start.at, created)
        phase("review.chart.response", created, firstResponse)
        // The bar is the metrics table's time to (first) escalation: one value, drawn and tabled alike.
        if let first = firstEscalation {
            phase("event.escalation", first.start ?? created, first.end)
        }
        phase("review.chart.mitigation", firstResponse ?? created, mitigated)
        phase("word.resolution", mitigated ?? firstResponse ?? created, resolvedAt)

        var intervals: [TimelineChart.Interval] = []
        if usesBusinessHours {
            for (open, close) in businessHours(from: start.seconds, to: end.seconds) {
                intervals.append(TimelineChart.Interval(kind: .businessHours, start: Timestamp(seconds: open),
                                                        end: Timestamp(seconds: close),
                                                        label: catalogue("review.chart.business_hours",
                                                                         ["calendar": terms.calendar.name])))
            }
        }
        if let impactEnd = impact.end {
            intervals.append(TimelineChart.Interval(kind: .impact, start: impact.start.at, end: impactEnd.at,
                                                    label: words.metricLabel(.impactWindow)))
        }
        for wait in metrics.customerWaitIntervals {
            intervals.append(TimelineChart.Interval(kind: .waitingOnCustomer, start: wait.start, end: wait.end,
                                                    label: words.metricLabel(.customerWait)))
        }
        for wait in metrics.vendorWaitIntervals {
            intervals.append(TimelineChart.Interval(kind: .waitingOnVendor, start: wait.start, end: wait.end,
                                                    label: words.metricLabel(.vendorWait)))
        }
        let events = timeline.filter { $0.time.at.seconds <= limit }.map { entry in
            let detail = entry.detail.map { " → " + $0 } ?? ""
            let text = entry.text.isEmpty ? "" : ": " + entry.text.replacingNewlines()
            return TimelineChart.Event(at: entry.time.at, label: entry.kindLabel + detail + text,
                                       category: entry.kindLabel)
        }
        let offset = Int(BusinessCalendar.offset(at: created.seconds, in: terms.timeZone))
        return TimelineChart(title: catalogue("review.chart.title", ["ticket": ticket.id]), start: start, end: end,
                             events: events, phases: phases, intervals: intervals, offsetSeconds: offset,
                             eventsLabel: catalogue["word.events"], width: width, listsEvents: false,
                             clusterDescription: catalogue["review.chart.cluster"])
    }

    /// The time-to-escalation metric of the first escalation, as the metrics table shows it; nil without one.
    var firstEscalation: ReviewMetric? {
        metrics.escalations.filter { $0.end != nil }.min { ($0.end?.seconds ?? 0) < ($1.end?.seconds ?? 0) }
    }

    /// The plan calendar's open hours between two instants, as UTC intervals, in the ticket's time zone.
    func businessHours(from start: Int64, to end: Int64) -> [(Int64, Int64)] {
        let calendar = terms.calendar, zone = terms.timeZone
        var result: [(Int64, Int64)] = []
        let firstOffset = BusinessCalendar.offset(at: start, in: zone)
        var day = BusinessCalendar.floorDivide(start + firstOffset, 86_400)
        let lastDay = BusinessCalendar.floorDivide(end + BusinessCalendar.offset(at: end, in: zone), 86_400)
        while day <= lastDay {
            if !calendar.isHoliday(dayNumber: day) {
                for hours in calendar.weeklyHours[BusinessCalendar.Weekday(dayNumber: day).rawValue] {
                    let localOpen = day * 86_400 + hours.startSecond, localClose = day * 86_400 + hours.endSecond
                    let open = localOpen - BusinessCalendar.offset(at: localOpen - firstOffset, in: zone)
                    let close = localClose - BusinessCalendar.offset(at: localClose - firstOffset, in: zone)
                    let low = max(open, start), high = min(close, end)
                    if high > low { result.append((low, high)) }
                }
            }
            day += 1
        }
        return result
    }
}
