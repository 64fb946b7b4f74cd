/// A date-time pattern for CSV columns, such as `dd/MM/yyyy HH:mm` or `M/d/yyyy h:mm a`.
///
/// Tokens: `yyyy` year, `yy` year 2000–2099, `M`/`MM` month, `d`/`dd` day, `H`/`HH` hour 0–23,
/// `h`/`hh` hour 1–12 with `a` (AM/PM, also `a.m.`/`p.m.`), `mm` minute, `ss` second (an optional
/// `.fff` fraction is accepted and dropped), `XXX`/`XX`/`X`/`Z` a UTC offset (`Z`, `±HH:MM`,
/// `±HHMM`, `±HH`). `M`, `d`, `H`, `h` accept one or two digits whatever their width. Text in
/// single quotes is literal; a space matches one or more spaces; any other character matches itself.
/// Without a pattern, ISO 8601 is read: `YYYY-MM-DD[(T| )HH:MM[:SS[.fff]]][offset]`.
public struct CSVTimeFormat: Sendable, Equatable {
    enum Token: Sendable, Equatable {
        case year4, year2, month, day, hour24, hour12, minute, second, meridiem, offset
        case literal(UInt8)
        case spaces
    }

    /// The result of reading a time: local wall-clock seconds (as if UTC) and the offset when the text has one.
    public struct Reading: Sendable, Equatable {
        /// Wall-clock time as seconds since 1970-01-01T00:00 (as if it were UTC).
        public var localSeconds: Int64
        /// The UTC offset written in the text, nil when it has none.
        public var offsetSeconds: Int?
    }

    /// The pattern as written in the mapping (`iso8601` for the default).
    public let pattern: String
    let tokens: [Token]

    /// The ISO 8601 forms, with or without offset and time.
    public static let iso8601 = CSVTimeFormat(trusted: "iso8601", tokens: [])

    private init(trusted pattern: String, tokens: [Token]) {
        self.pattern = pattern
        self.tokens = tokens
    }

    /// Compiles a pattern, explaining what is wrong with a bad one.
    public init(pattern: String) throws(CSVTimeFormatError) {
        var tokens: [Token] = []
        let bytes = Array(pattern.utf8)
        var index = 0
        var sawYear = false, sawMonth = false, sawDay = false, sawHour12 = false, sawMeridiem = false
        while index < bytes.count {
            let byte = bytes[index]
            var run = 1
            while index + run < bytes.count, bytes[index + run] == byte { run += 1 }
            switch byte {
            case UInt8(ascii: "y"):
                guard run == 4 || run == 2 else { throw .init(reason: "use 'yyyy' or 'yy' for the year") }
                tokens.append(run == 4 ? .year4 : .year2)
                sawYear = true
            case UInt8(ascii: "M"):
                guard run <= 2 else { throw .init(reason: "month names ('MMM') are not supported; use 'MM'") }
                tokens.append(.month)
                sawMonth = true
            case UInt8(ascii: "d"):
                guard run <= 2 else { throw .init(reason: "use 'dd' or 'd' for the day") }
                tokens.append(.day)
                sawDay = true
            case UInt8(ascii: "H"):
                guard run <= 2 else { throw .init(reason: "use 'HH' or 'H' for the hour") }
                tokens.append(.hour24)
            case UInt8(ascii: "h"):
                guard run <= 2 else { throw .init(reason: "use 'hh' or 'h' for the hour") }
                tokens.append(.hour12)
                sawHour12 = true
            case UInt8(ascii: "m"):
                guard run == 2 else { throw .init(reason: "use 'mm' for minutes") }
                tokens.append(.minute)
            case UInt8(ascii: "s"):
                guard run == 2 else { throw .init(reason: "use 'ss' for seconds") }
                tokens.append(.second)
            case UInt8(ascii: "S"):
                throw .init(reason: "fractions of a second need no token: 'ss' accepts '05.123'")
            case UInt8(ascii: "a"):
                guard run == 1 else { throw .init(reason: "use a single 'a' for AM/PM") }
                tokens.append(.meridiem)
                sawMeridiem = true
            case UInt8(ascii: "X"), UInt8(ascii: "Z"):
                tokens.append(.offset)
            case UInt8(ascii: "'"):
                guard let close = bytes[(index + 1)...].firstIndex(of: UInt8(ascii: "'")) else {
                    throw .init(reason: "unterminated quoted text")
                }
                tokens.append(contentsOf: bytes[(index + 1)..<close].map { Token.literal($0) })
                run = close - index + 1
            case UInt8(ascii: " "):
                tokens.append(.spaces)
            default:
                if (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) {
                    throw .init(reason: "unknown pattern letter '\(Character(Unicode.Scalar(byte)))'; quote literal text as 'text'")
                }
                for _ in 0..<run { tokens.append(.literal(byte)) }
            }
            index += run
        }
        guard sawYear, sawMonth, sawDay else { throw .init(reason: "a pattern needs a year, a month and a day") }
        guard sawHour12 == sawMeridiem else { throw .init(reason: "'h' (1–12) and 'a' (AM/PM) go together; use 'H' for 0–23") }
        self.init(trusted: pattern, tokens: tokens)
    }

    /// Reads `text`, nil when it does not match.
    public func read(_ text: String) -> Reading? {
        var copy = text
        return copy.withUTF8 { bytes in
            tokens.isEmpty ? Self.readISO(bytes) : read(bytes)
        }
    }

    private func read(_ bytes: UnsafeBufferPointer<UInt8>) -> Reading? {
        var cursor = Cursor(bytes: bytes)
        var year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0
        var meridiem: Int?
        var offset: Int?
        for token in tokens {
            switch token {
            case .year4: guard let value = cursor.digits(4, 4) else { return nil }; year = value
            case .year2: guard let value = cursor.digits(2, 2) else { return nil }; year = 2000 + value
            case .month: guard let value = cursor.digits(1, 2) else { return nil }; month = value
            case .day: guard let value = cursor.digits(1, 2) else { return nil }; day = value
            case .hour24, .hour12: guard let value = cursor.digits(1, 2) else { return nil }; hour = value
            case .minute: guard let value = cursor.digits(2, 2) else { return nil }; minute = value
            case .second:
                guard let value = cursor.digits(2, 2) else { return nil }
                second = value
                cursor.skipFraction()
            case .meridiem: guard let value = cursor.meridiem() else { return nil }; meridiem = value
            case .offset: guard let value = cursor.offset() else { return nil }; offset = value
            case .literal(let byte): guard cursor.take(byte) else { return nil }
            case .spaces: guard cursor.spaces() else { return nil }
            }
        }
        guard cursor.atEnd else { return nil }
        if let meridiem {
            guard (1...12).contains(hour) else { return nil }
            hour = hour % 12 + meridiem
        }
        return Self.reading(year: year, month: month, day: day, hour: hour, minute: minute, second: second, offset: offset)
    }

    private static func readISO(_ bytes: UnsafeBufferPointer<UInt8>) -> Reading? {
        var cursor = Cursor(bytes: bytes)
        guard let year = cursor.digits(4, 4), cursor.take(UInt8(ascii: "-")), let month = cursor.digits(2, 2),
              cursor.take(UInt8(ascii: "-")), let day = cursor.digits(2, 2) else { return nil }
        var hour = 0, minute = 0, second = 0
        var offset: Int?
        if !cursor.atEnd {
            guard cursor.take(UInt8(ascii: "T")) || cursor.take(UInt8(ascii: " ")),
                  let h = cursor.digits(2, 2), cursor.take(UInt8(ascii: ":")), let m = cursor.digits(2, 2) else { return nil }
            hour = h
            minute = m
            if cursor.take(UInt8(ascii: ":")) {
                guard let s = cursor.digits(2, 2) else { return nil }
                second = s
                cursor.skipFraction()
            }
            if !cursor.atEnd {
                _ = cursor.spaces()
                guard let value = cursor.offset() else { return nil }
                offset = value
            }
        }
        guard cursor.atEnd else { return nil }
        return reading(year: year, month: month, day: day, hour: hour, minute: minute, second: second, offset: offset)
    }

    private static func reading(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, offset: Int?) -> Reading? {
        guard (1...12).contains(month), day >= 1, day <= Timestamp.daysInMonth(year: year, month: month),
              hour <= 23, minute <= 59, second <= 59 else { return nil }
        let days = Timestamp.daysFromCivil(year: year, month: month, day: day)
        return Reading(localSeconds: days * 86_400 + Int64(hour * 3600 + minute * 60 + second), offsetSeconds: offset)
    }

    private struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        var atEnd: Bool { index == bytes.count }

        mutating func take(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        mutating func digits(_ minimum: Int, _ maximum: Int) -> Int? {
            var value = 0
            var count = 0
            while count < maximum, index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                value = value * 10 + Int(bytes[index] - 0x30)
                index += 1
                count += 1
            }
            return count >= minimum ? value : nil
        }

        mutating func skipFraction() {
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ","),
                  bytes[index + 1] >= 0x30, bytes[index + 1] <= 0x39 else { return }
            index += 1
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
        }

        mutating func spaces() -> Bool {
            let start = index
            while index < bytes.count, bytes[index] == 0x20 { index += 1 }
            return index > start
        }

        /// `AM`/`PM` in any case, with optional dots (`a.m.`): 0 for AM, 12 for PM.
        mutating func meridiem() -> Int? {
            guard index < bytes.count else { return nil }
            let value: Int
            switch bytes[index] | 0x20 {
            case UInt8(ascii: "a"): value = 0
            case UInt8(ascii: "p"): value = 12
            default: return nil
            }
            index += 1
            _ = take(UInt8(ascii: "."))
            _ = take(UInt8(ascii: " "))
            guard index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "m") else { return nil }
            index += 1
            _ = take(UInt8(ascii: "."))
            return value
        }

        mutating func offset() -> Int? {
            guard index < bytes.count else { return nil }
            let byte = bytes[index]
            if byte == UInt8(ascii: "Z") || byte == UInt8(ascii: "z") {
                index += 1
                return 0
            }
            guard byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") else { return nil }
            index += 1
            guard let hours = digits(2, 2), hours <= 18 else { return nil }
            var minutes = 0
            if take(UInt8(ascii: ":")) {
                guard let value = digits(2, 2) else { return nil }
                minutes = value
            } else if let value = digits(2, 2) {
                minutes = value
            }
            guard minutes < 60 else { return nil }
            return (byte == UInt8(ascii: "-") ? -1 : 1) * (hours * 3600 + minutes * 60)
        }
    }
}
