extension SLAClock {
    /// `{"state":…,"target_seconds":N,…,"due_at":"…Z","due_at_local":"…-06:00",…}`: times in UTC, with the due
    /// time also in `clock`'s zone.
    public func write(to writer: inout JSONWriter, clock: LocalClock) {
        writer.beginObject()
        writer.member("state", state.rawValue)
        writer.member("target_seconds", targetSeconds)
        writer.member("elapsed_seconds", elapsedSeconds)
        writer.member("paused_seconds", pausedSeconds)
        writer.member("vendor_wait_seconds", vendorWaitSeconds)
        writer.member("started_at", startedAt.utcString)
        writer.member("stopped_at", stoppedAt?.utcString)
        writer.member("due_at", dueAt.utcString)
        writer.member("due_at_local", clock.iso8601(dueAt))
        writer.member("paused_since", pausedSince?.utcString)
        writer.member("paused_by", pausedBy?.rawValue)
        writer.member("remaining_seconds", remainingSeconds)
        writer.member("consumed", fractionConsumed, decimals: 3)
        writer.member("breached", breached)
        writer.member("breached_by_seconds", breachedBySeconds)
        writer.endObject()
    }

    /// One line for the terminal: what the clock measures, its target, how much is used, when it is due and
    /// whether it is met, breached, running or paused (since when, by what status).
    public func textLine(clock: LocalClock, businessDay: Int64?) -> String {
        func duration(_ seconds: Int64) -> String { BusinessDuration.text(seconds, businessDay: businessDay) }
        var line = kind.rawValue.replacingOccurrences(of: "_", with: " ") + ": "
        if state == .paused {
            line += "PAUSED" + (pausedSince.map { " since " + clock.text($0) } ?? "") + (pausedBy.map { " by status \($0.rawValue)" } ?? "") + "; "
        }
        line += "target " + duration(targetSeconds) + ", elapsed " + duration(elapsedSeconds)
        if pausedSeconds > 0 { line += " (paused " + duration(pausedSeconds) + " in all)" }
        if breached {
            line += ", due " + clock.text(dueAt) + ", BREACHED by " + duration(breachedBySeconds)
        } else if state == .stopped {
            line += ", due " + clock.text(dueAt) + ", met"
        } else if state == .paused {
            // The due time moves on while the clock is paused, so only what is left means anything.
            line += ", " + duration(remainingSeconds) + " left when it resumes"
        } else {
            line += ", due " + clock.text(dueAt) + ", " + duration(remainingSeconds) + " left"
        }
        return line
    }
}

extension TicketSLA {
    /// The `"sla"` object of `kb show --json`: UTC times, due times also in `clock`'s zone (default: the customer's).
    public func write(to writer: inout JSONWriter, clock: LocalClock? = nil) {
        let clock = clock ?? localClock
        writer.beginObject()
        writer.member("plan", planName)
        writer.member("calendar", calendarName)
        writer.member("holidays", holidayCalendar)
        writer.member("timezone", timeZoneIdentifier)
        writer.member("measured_at", measuredAt.utcString)
        writer.key("first_response")
        firstResponse.write(to: &writer, clock: clock)
        if let update {
            writer.key("update")
            update.write(to: &writer, clock: clock)
        }
        writer.key("resolution")
        resolution.write(to: &writer, clock: clock)
        writer.member("warnings", warnings)
        writer.endObject()
    }

    /// Lines for `kb show`, times in `clock`'s zone (default: the customer's).
    public func textLines(clock: LocalClock? = nil) -> [String] {
        let clock = clock ?? localClock
        let holidays = holidayCalendar.map { ", holidays \($0)" } ?? ""
        var lines = ["SLA (plan \(planName), calendar \(calendarName)\(holidays), \(timeZoneIdentifier), measured at \(clock.text(measuredAt))):"]
        for slaClock in clocks { lines.append("  " + slaClock.textLine(clock: clock, businessDay: businessDaySeconds)) }
        for warning in warnings { lines.append("  warning: " + warning) }
        return lines
    }
}

/// Human durations for terminal output: `1h 05m`, `3d 2h`, `45s`.
public enum Duration {
    public static func text(_ seconds: Int64) -> String {
        let sign = seconds < 0 ? "-" : ""
        let value = abs(seconds)
        let days = value / 86_400, hours = value % 86_400 / 3_600, minutes = value % 3_600 / 60
        if days > 0 { return sign + "\(days)d \(hours)h" }
        if hours > 0 { return sign + "\(hours)h " + (minutes < 10 ? "0" : "") + "\(minutes)m" }
        if minutes > 0 { return sign + "\(minutes)m" }
        return sign + "\(value)s"
    }
}
