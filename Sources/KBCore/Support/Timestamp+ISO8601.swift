import Foundation

extension Timestamp {
    /// Parses `YYYY-MM-DDTHH:MM[:SS[.fff]](Z|±HH:MM)`; nil when the text is not such a time, has no offset or writes
    /// a leap second (`:60`).
    ///
    /// Hand-written over UTF-8 because import parses millions of these, and because
    /// `ISO8601DateFormatter` rejects either fractional or whole seconds depending on its options.
    public init?(iso8601 text: String) {
        var text = text
        let parsed: Timestamp? = text.withUTF8 { Timestamp.parse($0) }
        guard let parsed else { return nil }
        self = parsed
    }

    /// Whether `text` writes a leap second (`HH:MM:60`), which kb's times (POSIX seconds) do not have: such a time
    /// is refused, and this lets the message say why.
    public static func isLeapSecond(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        func digit(_ index: Int) -> Bool { index < bytes.count && bytes[index] >= 48 && bytes[index] <= 57 }
        let colon = UInt8(ascii: ":")
        for index in bytes.indices where index + 5 < bytes.count && bytes[index] == colon && bytes[index + 3] == colon {
            if digit(index + 1), digit(index + 2), bytes[index + 4] == UInt8(ascii: "6"), bytes[index + 5] == UInt8(ascii: "0"),
               !digit(index + 6) {
                return true
            }
        }
        return false
    }

    /// Parses a calendar date `YYYY-MM-DD` as midnight in the given offset.
    public init?(day text: String, offsetSeconds: Int32 = 0) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = Timestamp.number(bytes, 0, 4), let month = Timestamp.number(bytes, 5, 2),
              let day = Timestamp.number(bytes, 8, 2),
              (1...12).contains(month), day >= 1, day <= Timestamp.daysInMonth(year: year, month: month)
        else { return nil }
        let days = Timestamp.daysFromCivil(year: year, month: month, day: day)
        self.init(seconds: days * 86_400 - Int64(offsetSeconds), offsetSeconds: offsetSeconds)
    }

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        let count = bytes.count
        guard count >= 17 else { return nil }
        func digit(_ index: Int) -> Int? {
            guard index < count else { return nil }
            let byte = bytes[index]
            guard byte >= 48, byte <= 57 else { return nil }
            return Int(byte - 48)
        }
        func number(_ start: Int, _ length: Int) -> Int? {
            var value = 0
            for index in start..<(start + length) {
                guard let d = digit(index) else { return nil }
                value = value * 10 + d
            }
            return value
        }
        guard let year = number(0, 4), bytes[4] == UInt8(ascii: "-"),
              let month = number(5, 2), bytes[7] == UInt8(ascii: "-"),
              let day = number(8, 2), bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
              let hour = number(11, 2), bytes[13] == UInt8(ascii: ":"),
              let minute = number(14, 2)
        else { return nil }
        var index = 16
        var second = 0
        if index < count, bytes[index] == UInt8(ascii: ":") {
            guard let s = number(index + 1, 2) else { return nil }
            second = s
            index += 3
            if index < count, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ",") {
                index += 1
                let start = index
                while index < count, digit(index) != nil { index += 1 }
                guard index > start else { return nil }
            }
        }
        guard index < count else { return nil }
        var offset = 0
        switch bytes[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            index += 1
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
            guard let offsetHours = number(index + 1, 2) else { return nil }
            var next = index + 3
            if next < count, bytes[next] == UInt8(ascii: ":") { next += 1 }
            guard let offsetMinutes = number(next, 2), offsetHours <= 18, offsetMinutes < 60 else { return nil }
            offset = sign * (offsetHours * 3600 + offsetMinutes * 60)
            index = next + 2
        default:
            return nil
        }
        guard index == count,
              (1...12).contains(month), day >= 1, day <= daysInMonth(year: year, month: month),
              hour <= 23, minute <= 59, second <= 59
        else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let local = days * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        return Timestamp(seconds: local - Int64(offset), offsetSeconds: Int32(offset))
    }

    private static func number(_ bytes: [UInt8], _ start: Int, _ length: Int) -> Int? {
        var value = 0
        for byte in bytes[start..<(start + length)] {
            guard byte >= 48, byte <= 57 else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        return value
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return Int64(era * 146_097 + dayOfEra - 719_468)
    }

    /// The civil date of a day count since 1970-01-01.
    static func civilFromDays(_ days: Int64) -> (year: Int, month: Int, day: Int) {
        let z = Int(days) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// ISO 8601 in the original offset, e.g. `2026-03-02T09:14:00-03:00`.
    public var iso8601: String { Timestamp.format(seconds: seconds, offsetSeconds: Int(offsetSeconds)) }

    /// ISO 8601 in UTC, e.g. `2026-03-02T12:14:00Z`.
    public var utcString: String { Timestamp.format(seconds: seconds, offsetSeconds: 0) }

    /// ISO 8601 in another offset.
    public func formatted(offsetSeconds: Int) -> String {
        Timestamp.format(seconds: seconds, offsetSeconds: offsetSeconds)
    }

    static func format(seconds: Int64, offsetSeconds: Int) -> String {
        let local = seconds + Int64(offsetSeconds)
        var days = local / 86_400
        var rest = local % 86_400
        if rest < 0 {
            rest += 86_400
            days -= 1
        }
        let (year, month, day) = civilFromDays(days)
        let hour = Int(rest / 3600), minute = Int(rest % 3600 / 60), second = Int(rest % 60)
        var out = ""
        out.reserveCapacity(25)
        out += pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
        out += "T" + pad(hour, 2) + ":" + pad(minute, 2) + ":" + pad(second, 2)
        if offsetSeconds == 0 {
            out += "Z"
        } else {
            let magnitude = abs(offsetSeconds)
            out += (offsetSeconds < 0 ? "-" : "+") + pad(magnitude / 3600, 2) + ":" + pad(magnitude % 3600 / 60, 2)
        }
        return out
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// The calendar day (`YYYY-MM-DD`) of this instant in an offset.
    public func day(offsetSeconds: Int = 0) -> String {
        String(Timestamp.format(seconds: seconds, offsetSeconds: offsetSeconds).prefix(10))
    }
}
