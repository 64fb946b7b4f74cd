/// Durations as the policy file writes them: `15m`, `4h`, `90s`, `1h30m`, `2d`, or a JSON integer of seconds.
///
/// Units must appear in the order d, h, m, s, each at most once. `d` is 24 hours of the plan's
/// business time (not a business day), so the writer never emits it: `120h` stays `120h`.
enum PolicyDuration {
    static let expectation = "expected a duration such as \"15m\", \"4h\" or \"2d\""

    /// Seconds of a duration text, or nil when it is not one.
    static func seconds(of text: String) -> Int64? {
        let unitOrder: [UInt8] = [UInt8(ascii: "d"), UInt8(ascii: "h"), UInt8(ascii: "m"), UInt8(ascii: "s")]
        let unitSeconds: [Int64] = [86_400, 3_600, 60, 1]
        var total: Int64 = 0
        var number: Int64 = 0
        var digits = 0
        var nextUnit = 0
        var sawUnit = false
        for byte in text.utf8 {
            if byte >= 48, byte <= 57 {
                guard digits < 9 else { return nil }
                number = number * 10 + Int64(byte - 48)
                digits += 1
                continue
            }
            guard digits > 0, let unit = unitOrder[nextUnit...].firstIndex(of: byte) else { return nil }
            total += number * unitSeconds[unit]
            nextUnit = unit + 1
            number = 0
            digits = 0
            sawUnit = true
        }
        // A trailing bare number ("15") or an empty string is ambiguous; integers go through JSON numbers.
        guard sawUnit, digits == 0 else { return nil }
        return total
    }

    /// The canonical text of a duration: hours, minutes and seconds, largest first (`1h30m`, `120h`, `45s`).
    static func text(of seconds: Int64) -> String {
        if seconds == 0 { return "0s" }
        let hours = seconds / 3_600, minutes = seconds % 3_600 / 60, rest = seconds % 60
        var out = ""
        if hours > 0 { out += "\(hours)h" }
        if minutes > 0 { out += "\(minutes)m" }
        if rest > 0 { out += "\(rest)s" }
        return out
    }
}
