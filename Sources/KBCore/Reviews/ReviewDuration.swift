/// Durations as reviews print them: `45 s`, `14 min 30 s`, `2 h 05 min`, `3 d 04 h 10 min`.
///
/// Seconds show under an hour, where they can decide whether a 15- or 30-minute target was met.
public enum ReviewDuration {
    /// The duration of `seconds` (negative durations get a leading `-`).
    public static func text(_ seconds: Int64) -> String {
        let sign = seconds < 0 ? "-" : ""
        let total = abs(seconds)
        if total < 60 { return sign + "\(total) s" }
        let minutes = total / 60, rest = total % 60
        if minutes < 60 { return sign + (rest == 0 ? "\(minutes) min" : "\(minutes) min " + pad(rest) + " s") }
        let rounded = (total + 30) / 60
        let hours = rounded / 60, restMinutes = rounded % 60
        if hours < 24 { return sign + "\(hours) h " + pad(restMinutes) + " min" }
        return sign + "\(hours / 24) d " + pad(hours % 24) + " h " + pad(restMinutes) + " min"
    }

    private static func pad(_ value: Int64) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
