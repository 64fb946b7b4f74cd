import Foundation

/// Reads the all-day events of an iCalendar file (RFC 5545) as holidays: the form governments and calendar
/// services publish holiday calendars in.
///
/// Lines are unfolded (a line starting with a space or tab continues the previous one, even in the middle of a
/// UTF-8 sequence); every `VEVENT` directly in a `VCALENDAR` is an event. An event is all-day
/// (`DTSTART;VALUE=DATE:20260502`, or a bare 8-digit date) and may span days (`DTEND`, exclusive, or
/// `DURATION:P2D`); `RRULE` repeats it yearly (`FREQ=YEARLY` with `INTERVAL`, `COUNT`, `UNTIL`, and one
/// `BYMONTH`, `BYMONTHDAY` or `BYDAY` such as `3MO` or `-1MO`); `EXDATE` and `RDATE` remove and add dates;
/// cancelled events are skipped. Anything else kb cannot turn into days off is an error naming its line.
public struct ICalendarReader: Sendable {
    /// What an import found.
    public struct Result: Sendable, Equatable {
        /// One holiday per day off, sorted by date and name.
        public var holidays: [HolidayCalendar.Holiday]
        /// Events read (cancelled ones included).
        public var events: Int
        /// Events skipped because their `STATUS` is `CANCELLED`.
        public var cancelled: Int
    }

    /// Name used in errors and as each holiday's source.
    public let file: String
    /// Yearly rules without `COUNT` or `UNTIL` repeat through this year.
    public let lastYear: Int

    /// Largest file read: a national calendar of many years is a few hundred kilobytes.
    public static let maximumBytes = 8 << 20
    /// Longest event accepted as days off; a longer one is more likely a wrong `DTEND` than a holiday.
    public static let maximumEventDays = 31
    /// Most days one file may add.
    public static let maximumDays = 20_000

    public init(file: String, lastYear: Int) {
        self.file = file
        self.lastYear = lastYear
    }

    /// A property line after unfolding: `NAME;PARAM=VALUE:VALUE`.
    struct Property {
        let line: Int
        let name: String
        let parameters: [String: String]
        let value: String
    }

    /// The holidays of a calendar file's content.
    public func read(_ data: Data) throws(ICalendarError) -> Result {
        guard data.count <= ICalendarReader.maximumBytes else {
            throw .unreadable(file: file, reason: "over \(ICalendarReader.maximumBytes) bytes; a holiday calendar is far smaller")
        }
        var result = Result(holidays: [], events: 0, cancelled: 0)
        var stack: [(name: String, line: Int)] = []
        var event: [Property] = []
        var sawCalendar = false
        var lastLine = 1
        for property in try properties(of: data) {
            lastLine = property.line
            if stack.isEmpty {
                guard property.name == "BEGIN", property.value.uppercased() == "VCALENDAR" else {
                    throw .invalid(file: file, line: property.line,
                                   reason: sawCalendar ? "only a new BEGIN:VCALENDAR may follow END:VCALENDAR"
                                       : "an iCalendar file starts with BEGIN:VCALENDAR, found \(Self.shown(property))")
                }
                sawCalendar = true
            }
            switch property.name {
            case "BEGIN":
                let component = property.value.uppercased()
                guard !component.isEmpty else { throw .invalid(file: file, line: property.line, reason: "BEGIN names no component") }
                if component == "VEVENT", stack.last?.name == "VCALENDAR" { event = [] }
                stack.append((component, property.line))
            case "END":
                let component = property.value.uppercased()
                guard let open = stack.last, open.name == component else {
                    let reason = stack.last.map { "END:\(component) does not close BEGIN:\($0.name) of line \($0.line)" }
                        ?? "END:\(component) closes nothing"
                    throw .invalid(file: file, line: property.line, reason: reason)
                }
                stack.removeLast()
                if component == "VEVENT", stack.last?.name == "VCALENDAR" {
                    result.events += 1
                    try add(event: event, begin: open.line, to: &result)
                }
            default:
                if stack.last?.name == "VEVENT", stack.count == 2 { event.append(property) }
            }
        }
        if let open = stack.last {
            throw .invalid(file: file, line: lastLine, reason: "BEGIN:\(open.name) of line \(open.line) is never closed (END:\(open.name))")
        }
        guard sawCalendar else { throw .invalid(file: file, line: 1, reason: "the file is empty; an iCalendar file starts with BEGIN:VCALENDAR") }
        result.holidays.sort { ($0.date, $0.name) < ($1.date, $1.name) }
        return result
    }

    // MARK: - Lines

    /// The file's properties, lines unfolded, each with the physical line it starts on.
    func properties(of data: Data) throws(ICalendarError) -> [Property] {
        var logical: [(line: Int, bytes: [UInt8])] = []
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var lineNumber = 0
        var start = 0
        while start < bytes.count {
            lineNumber += 1
            var end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            let next = end + 1
            if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            let line = bytes[start..<end]
            start = next
            if let first = line.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") {
                guard !logical.isEmpty else {
                    throw .invalid(file: file, line: lineNumber, reason: "a folded line (starting with a space) comes before any property")
                }
                logical[logical.count - 1].bytes += line.dropFirst()
            } else if !line.isEmpty {
                logical.append((lineNumber, Array(line)))
            }
        }
        var result: [Property] = []
        result.reserveCapacity(logical.count)
        for (line, bytes) in logical {
            guard let text = String(bytes: bytes, encoding: .utf8) else {
                throw .invalid(file: file, line: line, reason: "not UTF-8 text (iCalendar files are UTF-8)")
            }
            result.append(try property(text, line: line))
        }
        return result
    }

    /// Splits `NAME;PARAM=VALUE;PARAM="QUOTED":VALUE`.
    func property(_ text: String, line: Int) throws(ICalendarError) -> Property {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count, scalars[index] != ";", scalars[index] != ":" { index += 1 }
        let name = String(String.UnicodeScalarView(scalars[0..<index])).uppercased()
        let validName = !name.isEmpty && name.unicodeScalars.allSatisfy { $0.isASCII && ($0 == "-" || $0.properties.isAlphabetic || ("0"..."9").contains($0)) }
        guard validName, index < scalars.count else {
            throw .invalid(file: file, line: line, reason: "expected NAME:VALUE (such as DTSTART;VALUE=DATE:20260101), found \"\(text.prefix(60))\"")
        }
        var parameters: [String: String] = [:]
        while scalars[index] == ";" {
            index += 1
            var key = "", value = ""
            while index < scalars.count, scalars[index] != "=" { key.unicodeScalars.append(scalars[index]); index += 1 }
            guard index < scalars.count else {
                throw .invalid(file: file, line: line, reason: "parameter \"\(key)\" of \(name) has no '=' and the line no ':' before its value")
            }
            index += 1
            var quoted = false
            while index < scalars.count {
                let scalar = scalars[index]
                if scalar == "\"" { quoted.toggle() } else if !quoted, scalar == ";" || scalar == ":" { break } else { value.unicodeScalars.append(scalar) }
                index += 1
            }
            guard !quoted, index < scalars.count else {
                throw .invalid(file: file, line: line, reason: quoted ? "a quoted parameter value of \(name) is never closed"
                                   : "\(name) has no ':' before its value")
            }
            parameters[key.uppercased()] = value
        }
        return Property(line: line, name: name, parameters: parameters,
                        value: String(String.UnicodeScalarView(scalars[(index + 1)...])))
    }

    static func shown(_ property: Property) -> String {
        "\(property.name):\(property.value.prefix(40))"
    }
}
