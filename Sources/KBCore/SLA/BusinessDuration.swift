/// Business durations written in business days of their calendar where a business day is not 24 hours:
/// 72 business hours under `12x5` are `6 business days` (`6 días hábiles`), not `3d 0h`.
///
/// A business day is the calendar's usual open day (`BusinessCalendar.businessDaySeconds`): 12 hours under
/// `12x5`. Durations shorter than a business day, and every duration of a calendar whose day is 24 hours
/// (`24x7`), keep their hours and minutes.
public enum BusinessDuration {
    /// For the terminal, in English: `6 business days`, `1 business day 2h 05m`, `45m`; `Duration.text` otherwise.
    public static func text(_ seconds: Int64, businessDay: Int64?) -> String {
        guard let (sign, days, rest) = split(seconds, businessDay: businessDay) else { return Duration.text(seconds) }
        return sign + "\(days) business day" + (days == 1 ? "" : "s") + (rest > 0 ? " " + Duration.text(rest) : "")
    }

    /// For documents: `6 días hábiles`, `1 día hábil 2 h 05 min` / `6 business days`; `ReviewDuration.text` otherwise.
    public static func documentText(_ seconds: Int64, businessDay: Int64?, language: Language) -> String {
        guard let (sign, days, rest) = split(seconds, businessDay: businessDay) else { return ReviewDuration.text(seconds) }
        let unit: String
        switch language {
        case .spanish: unit = days == 1 ? "día hábil" : "días hábiles"
        case .english: unit = days == 1 ? "business day" : "business days"
        }
        return sign + "\(days) \(unit)" + (rest > 0 ? " " + ReviewDuration.text(rest) : "")
    }

    /// Sign, whole business days and the rest in seconds; nil when business days do not apply.
    private static func split(_ seconds: Int64, businessDay: Int64?) -> (String, Int64, Int64)? {
        guard let businessDay, businessDay > 0, businessDay < 86_400, abs(seconds) >= businessDay else { return nil }
        let value = abs(seconds)
        return (seconds < 0 ? "-" : "", value / businessDay, value % businessDay)
    }
}
