import Foundation

/// Changes the text of `kb/policy.json` the way a person would: only the entry it must, every other field, its
/// order and its `_` notes kept. The result is checked as a whole policy before anyone writes it.
public enum PolicyFileEditor {
    /// What adding holidays to a holiday calendar did.
    public struct HolidayImport: Sendable {
        /// The holiday calendar written to (`ES-MD`, `CL`).
        public var calendar: String
        /// True when the policy had no entry of that name before.
        public var createdEntry: Bool
        /// The calendar a new entry extends (`ES` for `ES-MD`).
        public var extends: String?
        /// Days off the calendar did not have yet, now added.
        public var added: [HolidayCalendar.Holiday]
        /// Days the calendar already counted (built in, extended or imported before).
        public var alreadyCounted: Int
        /// Customers (their names in the policy) now given this holiday calendar.
        public var assigned: [String]
        /// The new file text.
        public var text: String
        /// The policy the new text reads as.
        public var policy: Policy
    }

    /// Adds holidays to a holiday calendar of the policy file `text` (nil: no file yet, only defaults).
    ///
    /// A new calendar named `XX-REGION` after a known calendar `XX` extends it unless `extends` says otherwise, so a
    /// region's file need only hold its own days. Dates the calendar already counts are left out; a date in its
    /// `except` list is taken off that list. Each of `customers` (policy customer names, matched ignoring case and
    /// accents) gets the calendar as its `holiday_calendar`.
    public static func addingHolidays(_ holidays: [HolidayCalendar.Holiday], toCalendar name: String, extends: String? = nil,
                                      assigningTo customers: [String] = [], in text: String?,
                                      file: String) throws(PolicyError) -> HolidayImport {
        let before = try text.map { text throws(PolicyError) in try Policy(jsonData: Data(text.utf8), file: file) } ?? .default
        try checkName(name, policy: before)
        var root: [(String, JSONValue)] = []
        if let text {
            do {
                guard let members = try JSONParser().parse(text).objectValue else {
                    throw PolicyError.invalid(path: "$", reason: "expected an object")
                }
                root = members
            } catch let error as JSONParser.SyntaxError {
                // `Policy(jsonData:)` above has parsed the same text, so this is only reached if the two disagree.
                let prefix = text.utf8.prefix(error.offset)
                let column = prefix.count - (prefix.lastIndex(of: UInt8(ascii: "\n")).map { prefix.distance(from: prefix.startIndex, to: $0) + 1 } ?? 0) + 1
                throw .malformedJSON(file: file, line: line(ofOffset: error.offset, in: text), column: column, reason: error.reason)
            } catch let error as PolicyError {
                throw error
            } catch {
                throw .malformedJSON(file: file, line: 1, column: 1, reason: "\(error)")
            }
        }
        var calendars = member("holiday_calendars", of: root)?.objectValue ?? []
        var entry = member(name, of: calendars)?.objectValue ?? []
        let createdEntry = member(name, of: calendars) == nil
        var parent = extends
        if createdEntry, parent == nil, HolidayCalendar.builtIn[name] == nil, let dash = name.firstIndex(of: "-"),
           before.holidayCalendarNames.contains(String(name[..<dash])) {
            parent = String(name[..<dash])
        }
        if createdEntry, let parent {
            guard before.holidayCalendarNames.contains(parent) else {
                throw .invalid(path: "--extends", reason: "unknown holiday calendar \"\(parent)\"; known: " + before.holidayCalendarNames.joined(separator: ", "))
            }
            entry.append(("extends", .string(parent)))
        }
        // What the calendar already counts: its resolved days, or for a new entry those of the calendar it extends.
        let counted = Set(before.holidayDays(ofCalendar: name) ?? parent.flatMap { before.holidayDays(ofCalendar: $0) } ?? [])
        var exceptions = member("except", of: entry)?.arrayValue ?? []
        var list = member("holidays", of: entry)?.arrayValue ?? []
        var added: [HolidayCalendar.Holiday] = []
        var alreadyCounted = 0
        var seen: Set<String> = []
        for holiday in holidays where seen.insert(holiday.date).inserted {
            let excepted = exceptions.contains { $0.stringValue == holiday.date }
            if let day = holiday.dayNumber, counted.contains(day), !excepted {
                alreadyCounted += 1
                continue
            }
            exceptions.removeAll { $0.stringValue == holiday.date }
            list.append(json(holiday))
            added.append(holiday)
        }
        list = stableSortedByDate(list)
        set("holidays", .array(list), in: &entry)
        if member("except", of: entry) != nil {
            if exceptions.isEmpty { entry.removeAll { $0.0 == "except" } } else { set("except", .array(exceptions), in: &entry) }
        }
        set(name, .object(entry), in: &calendars)
        if member("holiday_calendars", of: root) == nil, let index = root.firstIndex(where: { $0.0 == "calendars" }) {
            root.insert(("holiday_calendars", .object(calendars)), at: index + 1)
        } else {
            set("holiday_calendars", .object(calendars), in: &root)
        }
        var assigned: [String] = []
        if !customers.isEmpty {
            var customerEntries = member("customers", of: root)?.objectValue ?? []
            for wanted in customers {
                guard let key = before.customerKey(named: wanted) else {
                    throw .invalid(path: "--customer", reason: "no customer \"\(wanted)\" in \(file); customers: "
                        + before.customers.keys.sorted().joined(separator: ", "))
                }
                var terms = member(key, of: customerEntries)?.objectValue ?? []
                set("holiday_calendar", .string(name), in: &terms)
                set(key, .object(terms), in: &customerEntries)
                assigned.append(key)
            }
            set("customers", .object(customerEntries), in: &root)
        }
        let newText = PolicyJSONWriter(JSONValue.object(root)).text
        let after = try Policy(jsonData: Data(newText.utf8), file: file)
        return HolidayImport(calendar: name, createdEntry: createdEntry, extends: createdEntry ? parent : nil, added: added,
                             alreadyCounted: alreadyCounted, assigned: assigned, text: newText, policy: after)
    }

    /// A holiday calendar name kb can write: not a business calendar's, not ignored like `_notes`, no blanks.
    static func checkName(_ name: String, policy: Policy) throws(PolicyError) {
        let allowed = !name.isEmpty && !name.hasPrefix("_") && name.utf8.allSatisfy { byte in
            (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
        }
        guard allowed else {
            throw .invalid(path: "--calendar", reason: "\"\(name)\" is not a holiday calendar name; use letters, digits and '-', such as ES-MD")
        }
        if policy.calendars[name] != nil, !policy.holidayCalendarNames.contains(name) {
            throw .invalid(path: "--calendar", reason: "\(name) is a business calendar (hours); name a holiday calendar instead: "
                + policy.holidayCalendarNames.joined(separator: ", ") + ", or a new one such as ES-MD")
        }
    }

    static func json(_ holiday: HolidayCalendar.Holiday) -> JSONValue {
        var members: [(String, JSONValue)] = [("date", .string(holiday.date))]
        if !holiday.name.isEmpty { members.append(("name", .string(holiday.name))) }
        if holiday.kind != .holiday { members.append(("kind", .string(holiday.kind.rawValue))) }
        if let source = holiday.source { members.append(("source", .string(source))) }
        return .object(members)
    }

    /// Holidays in date order; entries without a readable date keep their place at the end (the policy reader
    /// reports them).
    static func stableSortedByDate(_ items: [JSONValue]) -> [JSONValue] {
        func date(_ item: JSONValue) -> String { item.stringValue ?? item["date"]?.stringValue ?? "~" }
        return items.enumerated().sorted { (date($0.element), $0.offset) < (date($1.element), $1.offset) }.map(\.element)
    }

    static func member(_ key: String, of members: [(String, JSONValue)]) -> JSONValue? {
        members.last { $0.0 == key }?.1
    }

    static func set(_ key: String, _ value: JSONValue, in members: inout [(String, JSONValue)]) {
        if let index = members.lastIndex(where: { $0.0 == key }) { members[index].1 = value } else { members.append((key, value)) }
    }

    /// The 1-based line of a byte offset.
    static func line(ofOffset offset: Int, in text: String) -> Int {
        1 + text.utf8.prefix(offset).reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    }
}
