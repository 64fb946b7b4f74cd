import Foundation

/// Measures SLA clocks of one ticket: business time under its terms, minus the time spent in pausing statuses.
struct SLAMeter {
    let terms: SLATerms
    let timeline: TicketStatusTimeline
    let now: Timestamp
    let pausing: Set<TicketStatus>
    let vendor: Set<TicketStatus>

    func clock(_ kind: SLAClock.Kind, target: Int64, start: Timestamp, stop: Timestamp?) -> SLAClock {
        let calendar = terms.calendar, zone = terms.timeZone
        let horizon = max(start.seconds, stop?.seconds ?? now.seconds)
        func business(_ from: Int64, _ to: Int64) -> Int64 {
            calendar.businessSeconds(from: Timestamp(seconds: from), to: Timestamp(seconds: to), in: zone)
        }
        let pauses = timeline.intervals(in: pausing, from: start.seconds, to: horizon)
        let paused = pauses.reduce(Int64(0)) { $0 + business($1.start, $1.end) }
        let elapsed = business(start.seconds, horizon) - paused
        let vendorWait = timeline.intervals(in: vendor, from: start.seconds, to: horizon)
            .reduce(Int64(0)) { $0 + business($1.start, $1.end) }

        // The due instant: spend the target over the unpaused stretches so far, then carry on from the horizon.
        var remaining = target
        var due: Timestamp?
        var cursor = start.seconds
        for stretch in pauses + [(start: horizon, end: horizon)] {
            let available = business(cursor, stretch.start)
            if available >= remaining {
                due = calendar.instant(after: remaining, from: Timestamp(seconds: cursor), in: zone)
                break
            }
            remaining -= available
            cursor = stretch.end
        }
        let dueAt = due ?? calendar.instant(after: remaining, from: Timestamp(seconds: horizon), in: zone)

        let state: SLAClock.State
        let current = timeline.status(at: now.seconds)
        var pausedSince: Timestamp?
        if stop != nil {
            state = .stopped
        } else if pausing.contains(current) {
            state = .paused
            pausedSince = timeline.start(ofRunIn: pausing, at: now.seconds).map { Timestamp(seconds: $0) }
        } else {
            state = .running
        }
        return SLAClock(kind: kind, state: state, targetSeconds: target, elapsedSeconds: elapsed,
                        pausedSeconds: paused, vendorWaitSeconds: vendorWait, startedAt: start,
                        stoppedAt: stop, dueAt: dueAt, pausedSince: pausedSince, pausedBy: state == .paused ? current : nil)
    }
}
