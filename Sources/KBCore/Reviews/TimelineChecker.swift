import Foundation

/// Checks a ticket's timeline before a review measures it: order as stored, times in the future or before
/// creation, missing milestones, escalations without a reason. Each problem becomes a `ReviewWarning`.
struct TimelineChecker {
    /// At most this many out-of-order pairs are listed one by one; the rest are counted in one warning.
    static let maximumOrderWarnings = 20

    let ticket: Ticket
    let policy: Policy
    let now: Timestamp
    let milestones: ReviewMilestones
    let words: ReviewVocabulary
    let timeZone: TimeZone

    func time(_ stamp: Timestamp) -> ReviewTime { ReviewTime(stamp, timeZone: timeZone) }

    func reference(_ index: Int) -> String {
        let event = ticket.events[index]
        return words.eventRef(index, event.kind, time(event.at))
    }

    func warnings() -> [ReviewWarning] {
        var found: [ReviewWarning] = []
        let events = ticket.events
        let nowTime = time(now)
        let created = time(ticket.createdAt)
        if events.isEmpty { found.append(ReviewWarning(code: .noTimeline, message: words.noTimeline)) }

        // The stored order, exactly as imported: an event listed after one that happened later.
        var inversions = 0
        for index in events.indices.dropFirst() where events[index].at.seconds < events[index - 1].at.seconds {
            inversions += 1
            guard inversions <= Self.maximumOrderWarnings else { continue }
            found.append(ReviewWarning(code: .outOfOrder,
                                       message: words.outOfOrder(later: reference(index), earlier: reference(index - 1)),
                                       events: [index - 1, index]))
        }
        if inversions > Self.maximumOrderWarnings {
            found.append(ReviewWarning(code: .outOfOrder,
                                       message: words.outOfOrder(later: "(+\(inversions - Self.maximumOrderWarnings))",
                                                                 earlier: "…")))
        }

        for (index, event) in events.enumerated() {
            if event.at.seconds > now.seconds {
                found.append(ReviewWarning(code: .futureTimestamp,
                                           message: words.futureEvent(reference(index), now: nowTime), events: [index]))
            } else if event.at.seconds < ticket.createdAt.seconds, event.kind != .detected {
                // Monitoring may see a failure before anyone opens a ticket; anything else should not predate it.
                found.append(ReviewWarning(code: .beforeCreation,
                                           message: words.eventBeforeCreation(reference(index), created: created),
                                           events: [index]))
            }
        }
        let fields: [(String, Timestamp?)] = [
            ("created_at", ticket.createdAt), ("resolved_at", ticket.resolvedAt), ("closed_at", ticket.closedAt),
        ]
        for (name, value) in fields {
            guard let value else { continue }
            if value.seconds > now.seconds {
                found.append(ReviewWarning(code: .futureTimestamp, message: words.futureField(name, time(value), now: nowTime)))
            } else if value.seconds < ticket.createdAt.seconds {
                found.append(ReviewWarning(code: .beforeCreation,
                                           message: words.fieldBeforeCreation(name, time(value), created: created)))
            }
        }

        let isDone = ticket.status == .closed || ticket.status == .resolved
        if milestones.firstResponse == nil {
            found.append(ReviewWarning(code: .missingFirstResponse, message: words.noFirstResponse))
        }
        if milestones.resolution == nil, isDone {
            found.append(ReviewWarning(code: .missingResolution, message: words.noResolution))
        }
        if ticket.status == .closed, milestones.closing == nil, ticket.closedAt == nil {
            found.append(ReviewWarning(code: .missingClosingTime, message: words.noClosingTime))
        }
        if let resolution = milestones.resolution {
            if let first = milestones.firstResponse, resolution.at.seconds < first.at.seconds {
                found.append(ReviewWarning(
                    code: .resolutionBeforeFirstResponse,
                    message: words.resolutionBeforeFirstResponse(resolution: time(resolution.at), firstResponse: time(first.at)),
                    events: [first.index] + (resolution.event.map { [$0] } ?? [])))
            }
            if let closing = milestones.closing, closing.seconds < resolution.at.seconds {
                found.append(ReviewWarning(code: .closedBeforeResolution,
                                           message: words.closedBeforeResolution(closed: time(closing), resolution: time(resolution.at))))
            }
            if let mitigation = milestones.mitigation, mitigation.at.seconds > resolution.at.seconds {
                found.append(ReviewWarning(
                    code: .mitigationAfterResolution,
                    message: words.mitigationAfterResolution(mitigation: time(mitigation.at), resolution: time(resolution.at)),
                    events: [mitigation.index]))
            }
            if resolution.fromField, resolution.event == nil,
               let event = milestones.happened.first(where: { $0.event.kind == .resolved }),
               abs(event.at.seconds - resolution.at.seconds) > 300 {
                found.append(ReviewWarning(code: .resolvedAtMismatch,
                                           message: words.resolvedAtMismatch(field: time(resolution.at), event: reference(event.index)),
                                           events: [event.index]))
            }
        }

        let levels = policy.escalation.levels
        var vendorEscalated = false
        let vendorStatuses = Set(policy.vendorStatuses)
        for item in milestones.ordered {
            let event = item.event
            if event.kind == .escalation, let to = event.to {
                if event.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    found.append(ReviewWarning(code: .escalationWithoutReason,
                                               message: words.escalationWithoutReason(reference(item.index), to: to),
                                               events: [item.index]))
                }
                if to.hasPrefix("vendor:") {
                    vendorEscalated = true
                } else if policy.escalation.index(ofLevel: to) == nil {
                    found.append(ReviewWarning(code: .unknownEscalationTarget,
                                               message: words.unknownEscalationTarget(reference(item.index), to: to, levels: levels),
                                               events: [item.index]))
                }
            }
            if event.kind == .status, let status = event.status, vendorStatuses.contains(status), !vendorEscalated {
                found.append(ReviewWarning(code: .vendorWaitWithoutEscalation,
                                           message: words.vendorWaitWithoutEscalation(reference(item.index)),
                                           events: [item.index]))
            }
        }

        for detail in policy.terms(for: ticket).warnings {
            found.append(ReviewWarning(code: .policyFallback, message: words.policyFallback(detail)))
        }
        if let problem = Review.eligibilityProblem(of: ticket) {
            switch problem {
            case .notClosed:
                found.append(ReviewWarning(code: .forcedReview,
                                           message: words.forcedReview(status: ticket.status,
                                                                       severity: (1...2).contains(ticket.severity) ? nil : ticket.severity)))
            default:
                found.append(ReviewWarning(code: .forcedReview, message: words.forcedReview(status: nil, severity: ticket.severity)))
            }
        }
        return found
    }
}
