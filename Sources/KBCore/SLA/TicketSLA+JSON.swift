extension SLAClock {
    /// `{"target_seconds":N,"elapsed_seconds":N,"paused_seconds":N,"due_at":"…","breached":bool,…}`.
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("state", state.rawValue)
        writer.member("target_seconds", targetSeconds)
        writer.member("elapsed_seconds", elapsedSeconds)
        writer.member("paused_seconds", pausedSeconds)
        writer.member("vendor_wait_seconds", vendorWaitSeconds)
        writer.member("started_at", startedAt.utcString)
        writer.member("stopped_at", stoppedAt?.utcString)
        writer.member("due_at", dueAt.utcString)
        writer.member("remaining_seconds", remainingSeconds)
        writer.member("consumed", fractionConsumed, decimals: 3)
        writer.member("breached", breached)
        writer.member("breached_by_seconds", breachedBySeconds)
        writer.endObject()
    }
}

extension TicketSLA {
    /// The `"sla"` object of `kb show --json`.
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("plan", planName)
        writer.member("calendar", calendarName)
        writer.member("timezone", timeZoneIdentifier)
        writer.member("measured_at", measuredAt.utcString)
        writer.key("first_response")
        firstResponse.write(to: &writer)
        if let update {
            writer.key("update")
            update.write(to: &writer)
        }
        writer.key("resolution")
        resolution.write(to: &writer)
        writer.member("warnings", warnings)
        writer.endObject()
    }

    /// Lines for `kb show`.
    public var textLines: [String] {
        var lines = ["SLA (plan \(planName), calendar \(calendarName), \(timeZoneIdentifier), measured at \(measuredAt.utcString)):"]
        for clock in clocks {
            var line = "  " + clock.kind.rawValue.replacingOccurrences(of: "_", with: " ")
            line += ": target " + Duration.text(clock.targetSeconds) + ", elapsed " + Duration.text(clock.elapsedSeconds)
            if clock.pausedSeconds > 0 { line += " (paused " + Duration.text(clock.pausedSeconds) + ")" }
            line += ", due " + clock.dueAt.utcString
            if clock.breached {
                line += ", BREACHED by " + Duration.text(clock.breachedBySeconds)
            } else if clock.state == .stopped {
                line += ", met"
            } else {
                line += ", " + Duration.text(clock.remainingSeconds) + " left"
            }
            lines.append(line)
        }
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
