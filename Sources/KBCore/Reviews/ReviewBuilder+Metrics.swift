extension ReviewBuilder {
    /// Every metric on the time-sorted timeline; metrics whose events carry a timeline warning are flagged.
    func measure(flagged: Set<Int>) -> ReviewMetrics {
        let targets = policy.targets(forSeverity: ticket.severity)
        let created = ticket.createdAt

        func metric(_ kind: ReviewMetric.Kind, subject: String? = nil, target: Int64?, end: Timestamp?,
                    events: [Int], fields: [String], missing: String) -> ReviewMetric {
            var result = ReviewMetric(kind: kind, subject: subject, label: words.metricLabel(kind, subject: subject),
                                      definition: words.metricDefinition(kind, subject: subject), start: created,
                                      targetSeconds: target, fields: ["created_at"])
            guard let end else {
                result.missing = missing
                return result
            }
            // Same clock as TicketSLA: business time of the plan's calendar minus the pauses.
            let clock = meter.clock(.resolution, target: target ?? 0, start: created, stop: end)
            result.end = end
            result.seconds = max(0, end.seconds - created.seconds)
            result.businessSeconds = clock.elapsedSeconds
            result.dueAt = target == nil ? nil : clock.dueAt
            result.events = events
            result.fields += fields
            result.flagged = !flagged.isDisjoint(with: events)
            return result
        }

        let firstResponse = metric(.timeToFirstResponse, target: targets.firstResponseSeconds,
                                   end: milestones.firstResponse?.at, events: milestones.firstResponse.map { [$0.index] } ?? [],
                                   fields: [], missing: words.missingFirstResponse)
        var seenTargets: Set<String> = []
        var escalations: [ReviewMetric] = []
        for item in milestones.escalations {
            guard let to = item.event.to, seenTargets.insert(to.lowercased()).inserted else { continue }
            escalations.append(metric(.timeToEscalation, subject: to, target: nil, end: item.at, events: [item.index],
                                      fields: [], missing: ""))
        }
        let mitigation = metric(.timeToMitigation, target: nil, end: milestones.mitigation?.at,
                                events: milestones.mitigation.map { [$0.index] } ?? [], fields: [],
                                missing: words.missingMitigation)
        let resolutionEvents = milestones.resolution?.event.map { [$0] } ?? []
        let resolution = metric(.timeToResolution, target: targets.resolutionSeconds, end: milestones.resolution?.at,
                                events: resolutionEvents,
                                fields: milestones.resolution?.fromField == true ? ["resolved_at"] : [],
                                missing: words.missingResolution)

        let waitEnd = milestones.end(now: now)
        let customerIntervals = waits(in: Set(policy.pausingStatuses), until: waitEnd, vendor: false)
        let vendorIntervals = waits(in: Set(policy.vendorStatuses), until: waitEnd, vendor: true)
        func total(_ kind: ReviewMetric.Kind, _ intervals: [ReviewWaitInterval]) -> ReviewMetric {
            let events = intervals.flatMap(\.events)
            return ReviewMetric(kind: kind, label: words.metricLabel(kind), definition: words.metricDefinition(kind),
                                start: intervals.first?.start, end: intervals.last?.end,
                                seconds: intervals.reduce(0) { $0 + $1.seconds },
                                businessSeconds: intervals.reduce(0) { $0 + $1.businessSeconds },
                                events: events, flagged: !flagged.isDisjoint(with: events))
        }

        // Impact starts at the first of detection and creation and ends at mitigation, else resolution.
        let detected = milestones.detection
        let impactStart = detected.map { min($0.at, created) } ?? created
        let detectedFirst = detected.map { $0.at.seconds <= created.seconds } ?? false
        var impactEvents = detectedFirst ? detected.map { [$0.index] } ?? [] : []
        var impactFields = detectedFirst ? [] : ["created_at"]
        let impactEnd: Timestamp?
        if let mitigated = milestones.mitigation {
            impactEnd = mitigated.at
            impactEvents.append(mitigated.index)
        } else if let resolved = milestones.resolution {
            impactEnd = resolved.at
            impactEvents += resolved.event.map { [$0] } ?? []
            if resolved.fromField { impactFields.append("resolved_at") }
        } else {
            impactEnd = nil
        }
        var impact = ReviewMetric(kind: .impactWindow, label: words.metricLabel(.impactWindow),
                                  definition: words.metricDefinition(.impactWindow), start: impactStart, end: impactEnd,
                                  events: impactEvents, fields: impactFields, flagged: !flagged.isDisjoint(with: impactEvents))
        if let impactEnd {
            impact.seconds = max(0, impactEnd.seconds - impactStart.seconds)
        } else {
            impact.missing = words.missingImpactEnd
        }

        return ReviewMetrics(firstResponse: firstResponse, escalations: escalations, mitigation: mitigation,
                             resolution: resolution, customerWait: total(.customerWait, customerIntervals),
                             customerWaitIntervals: customerIntervals, vendorWait: total(.vendorWait, vendorIntervals),
                             vendorWaitIntervals: vendorIntervals, impactWindow: impact)
    }

    /// The intervals spent in `statuses` from creation to `end`; vendor waits name the vendor escalated to last.
    func waits(in statuses: Set<TicketStatus>, until end: Timestamp, vendor: Bool) -> [ReviewWaitInterval] {
        let calendar = terms.calendar, zone = terms.timeZone
        return milestones.intervals(in: statuses, from: ticket.createdAt.seconds, to: max(end.seconds, ticket.createdAt.seconds))
            .map { interval in
                var party: String?
                if vendor {
                    party = milestones.escalations
                        .last { $0.at.seconds <= interval.start && ($0.event.to ?? "").hasPrefix("vendor:") }?.event.to
                }
                func local(_ seconds: Int64) -> Timestamp {
                    Timestamp(seconds: seconds, offsetSeconds: Int32(BusinessCalendar.offset(at: seconds, in: zone)))
                }
                return ReviewWaitInterval(
                    start: local(interval.start), end: local(interval.end),
                    seconds: interval.end - interval.start,
                    businessSeconds: calendar.businessSeconds(from: Timestamp(seconds: interval.start),
                                                              to: Timestamp(seconds: interval.end), in: zone),
                    party: party, events: [interval.startEvent, interval.endEvent].compactMap { $0 })
            }
    }

    /// Customers, services and channels touched during the impact window.
    func impact(window: ReviewMetric) -> ReviewImpact {
        let start = window.start ?? ticket.createdAt
        let own = ticket.customer ?? ""
        let concurrent = history.concurrent.filter { $0.id != ticket.id }
        let others = Set(concurrent.compactMap(\.customer).filter { !$0.isEmpty && $0 != own }).sorted()
        let customers = (own.isEmpty ? [] : [own]) + others
        let services = Set([ticket.service].compactMap { $0 } + concurrent.compactMap(\.service)).sorted()
        let channels = Set([ticket.channel?.rawValue].compactMap { $0 } + concurrent.compactMap(\.channel)).sorted()
        let minutes = window.seconds.map { ($0 + 30) / 60 * Int64(max(customers.count, 1)) }
        return ReviewImpact(start: time(start), end: window.end.map(time), durationSeconds: window.seconds,
                            customers: customers, services: services, channels: channels, concurrentReports: concurrent,
                            customerImpactMinutes: minutes)
    }
}
