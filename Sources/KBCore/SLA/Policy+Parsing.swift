import Foundation

extension Policy {
    /// Top-level fields of the policy file, in the order the writer emits them.
    static let fieldNames = [
        "language", "default_timezone", "default_plan", "calendars", "holiday_calendars", "plans", "customers", "targets",
        "pause_limits", "pausing_statuses", "vendor_statuses", "escalation", "severity_keywords", "failure_words", "routing", "zendesk",
    ]

    /// Reads a policy file; fields it leaves out keep their defaults.
    public static func load(path: String) throws(PolicyError) -> Policy {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? "the file cannot be read" : "no such file"
            throw .unreadable(file: path, reason: reason)
        }
        return try Policy(jsonData: data, file: path)
    }

    /// Parses policy JSON on top of `Policy.default`; `file` names the source in syntax errors.
    ///
    /// Objects of fixed fields (a target, `escalation`, a calendar) merge field by field with the default;
    /// maps keyed by names (calendars, plans, customers, routing, vendors, Zendesk maps) merge entry by entry;
    /// lists replace the default list.
    public init(jsonData: Data, file: String = "kb/policy.json") throws(PolicyError) {
        var bytes = [UInt8](jsonData)
        // A UTF-8 byte order mark, as some Windows editors write, is not part of the JSON.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let result: Result<Policy, PolicyError> = bytes.withUnsafeBufferPointer { text in
            do throws(PolicyError) {
                let root = try PolicyJSONReader.parse(text, file: file)
                do throws(PolicyError) {
                    return .success(try Policy(root))
                } catch {
                    // Every complaint names its JSON path; the document says where that path's value is written.
                    let offsets = root.offsets()
                    return .failure(error.located { path in
                        var current: String? = path
                        while let candidate = current, offsets[candidate] == nil { current = PolicyJSONReader.parentPath(candidate) }
                        return Diagnostic.Location(path: file, offset: current.flatMap { offsets[$0] } ?? 0, in: text)
                    })
                }
            } catch {
                return .failure(error)
            }
        }
        self = try result.get()
    }

    /// The policy a parsed document describes, on top of `Policy.default`.
    private init(_ root: PolicyJSONReader) throws(PolicyError) {
        var policy = Policy.default
        let fields = try root.fields(allowed: Policy.fieldNames)
        if let reader = fields["language"] {
            let text = try reader.string()
            guard let language = Language(rawValue: text) else { throw reader.failure("expected \"es\" or \"en\"") }
            policy.language = language
        }
        if let reader = fields["default_timezone"] {
            policy.defaultTimeZone = try Policy.timeZoneIdentifier(reader)
        }
        if let reader = fields["default_plan"] { policy.defaultPlan = try reader.name() }
        if let reader = fields["calendars"] { try policy.readCalendars(reader) }
        if let reader = fields["holiday_calendars"] {
            for (name, entry) in try reader.entries() {
                policy.holidayCalendars[name] = try HolidayCalendar(policyEntry: entry, name: name)
            }
        }
        if let reader = fields["plans"] {
            for (plan, entry) in try reader.entries() { policy.plans[plan] = try entry.name() }
        }
        if let reader = fields["customers"] { try policy.readCustomers(reader) }
        if let reader = fields["targets"] { try policy.readTargets(reader) }
        if let reader = fields["pause_limits"] {
            for (key, entry) in try reader.entries() {
                guard let severity = PolicyJSONReader.severity(ofKey: key) else {
                    throw entry.failure("expected a severity from 1 to 5 as key")
                }
                policy.pauseLimits[severity] = try entry.duration()
            }
        }
        if let reader = fields["pausing_statuses"] { policy.pausingStatuses = try Policy.statuses(reader) }
        if let reader = fields["vendor_statuses"] { policy.vendorStatuses = try Policy.statuses(reader) }
        if let reader = fields["escalation"] { try policy.readEscalation(reader) }
        if let reader = fields["severity_keywords"] { try policy.readSeverityKeywords(reader) }
        if let reader = fields["failure_words"] { policy.failureWords = try Policy.phrases(reader) }
        if let reader = fields["routing"] { try policy.readRouting(reader) }
        if let reader = fields["zendesk"] { try policy.readZendesk(reader) }
        try policy.validateReferences()
        self = policy
    }

    // MARK: - Sections

    private mutating func readCalendars(_ reader: PolicyJSONReader) throws(PolicyError) {
        for (name, entry) in try reader.entries() {
            let base = calendars[name]
            let fields = try entry.fields(allowed: ["hours", "holidays", "holiday_calendar"])
            var week: [BusinessCalendar.Weekday: [BusinessCalendar.Hours]] = [:]
            if let hours = fields["hours"] {
                week = try Policy.week(hours)
            } else if let base {
                for day in BusinessCalendar.Weekday.allCases { week[day] = base.hours(on: day) }
            } else {
                throw entry.failure("a new calendar needs \"hours\"")
            }
            var holidays = base?.holidays ?? []
            if let list = fields["holidays"] {
                holidays = []
                for item in try list.array() {
                    let date = try item.string()
                    guard BusinessCalendar.dayNumber(of: date) != nil else {
                        throw item.failure("expected a date YYYY-MM-DD, found \"\(date)\"")
                    }
                    holidays.append(date)
                }
            }
            // A new calendar takes its customers' national holidays unless it says otherwise.
            var source = base?.holidaySource ?? .country
            if let value = fields["holiday_calendar"] { source = BusinessCalendar.HolidaySource(text: try value.name()) }
            calendars[name] = try BusinessCalendar(name: name, hours: week, holidays: holidays, holidaySource: source)
        }
    }

    private static func week(_ reader: PolicyJSONReader) throws(PolicyError)
        -> [BusinessCalendar.Weekday: [BusinessCalendar.Hours]]
    {
        let fields = try reader.fields(allowed: BusinessCalendar.Weekday.allCases.map(\.key))
        var week: [BusinessCalendar.Weekday: [BusinessCalendar.Hours]] = [:]
        for day in BusinessCalendar.Weekday.allCases {
            guard let value = fields[day.key] else { continue }
            let items = value.isArray ? try value.array() : [value]
            var hours: [BusinessCalendar.Hours] = []
            for item in items {
                let text = try item.string()
                guard let parsed = BusinessCalendar.Hours(text: text) else {
                    throw item.failure("expected hours such as \"08:00-20:00\", found \"\(text)\"")
                }
                hours.append(parsed)
            }
            week[day] = hours
        }
        return week
    }

    private mutating func readCustomers(_ reader: PolicyJSONReader) throws(PolicyError) {
        for (name, entry) in try reader.entries() {
            var terms = customers[name] ?? CustomerTerms()
            let fields = try entry.fields(allowed: ["plan", "timezone", "country", "holiday_calendar"])
            if let plan = fields["plan"] { terms.plan = try plan.name() }
            if let zone = fields["timezone"] { terms.timezone = try Policy.timeZoneIdentifier(zone) }
            if let country = fields["country"] { terms.country = try HolidayCalendar.countryCode(country) }
            if let calendar = fields["holiday_calendar"] { terms.holidayCalendar = try calendar.name() }
            customers[name] = terms
        }
    }

    private mutating func readTargets(_ reader: PolicyJSONReader) throws(PolicyError) {
        for (key, entry) in try reader.entries() {
            guard let severity = PolicyJSONReader.severity(ofKey: key), var target = targets[severity] else {
                throw entry.failure("expected a severity from 1 to 5 as key")
            }
            let fields = try entry.fields(allowed: ["first_response", "update", "resolution"])
            if let value = fields["first_response"] { target.firstResponseSeconds = try value.duration() }
            if let value = fields["update"] { target.updateSeconds = try value.duration() }
            if let value = fields["resolution"] { target.resolutionSeconds = try value.duration() }
            targets[severity] = target
        }
    }

    private mutating func readEscalation(_ reader: PolicyJSONReader) throws(PolicyError) {
        let fields = try reader.fields(allowed: [
            "levels", "sla_warning_percent", "sla_exceeded_percent", "critical_services", "critical_severities",
            "critical_level", "vendors",
        ])
        var rules = escalation
        if let value = fields["levels"] {
            let levels = try value.strings()
            guard !levels.isEmpty else { throw value.failure("expected at least one level") }
            guard Set(levels.map { $0.lowercased() }).count == levels.count else {
                throw value.failure("levels must be distinct")
            }
            rules.levels = levels
        }
        if let value = fields["sla_warning_percent"] { rules.warningPercent = try value.integer(in: 1...1_000) }
        if let value = fields["sla_exceeded_percent"] { rules.exceededPercent = try value.integer(in: 1...1_000) }
        if rules.warningPercent >= rules.exceededPercent {
            let place = fields["sla_warning_percent"] ?? fields["sla_exceeded_percent"] ?? reader
            throw place.failure("sla_warning_percent (\(rules.warningPercent)) must be below sla_exceeded_percent (\(rules.exceededPercent))")
        }
        if let value = fields["critical_services"] { rules.criticalServices = try value.strings() }
        if let value = fields["critical_severities"] {
            var severities: Set<Int> = []
            for item in try value.array() { severities.insert(try item.integer(in: 1...5)) }
            rules.criticalSeverities = severities.sorted()
        }
        if let value = fields["critical_level"] { rules.criticalLevel = try value.name() }
        if let value = fields["vendors"] {
            var vendors = Dictionary(uniqueKeysWithValues: rules.vendors.map { ($0.name, $0) })
            for (name, entry) in try value.entries() {
                let vendorFields = try entry.fields(allowed: ["services", "keywords"])
                var vendor = vendors[name] ?? VendorRule(name: name, keywords: [])
                if let services = vendorFields["services"] { vendor.services = try services.strings() }
                if let keywords = vendorFields["keywords"] { vendor.keywords = try Policy.phrases(keywords) }
                guard !vendor.keywords.isEmpty else { throw entry.failure("a vendor needs at least one keyword") }
                vendors[name] = vendor
            }
            rules.vendors = vendors.values.sorted { $0.name < $1.name }
        }
        escalation = rules
    }

    private mutating func readSeverityKeywords(_ reader: PolicyJSONReader) throws(PolicyError) {
        for (key, entry) in try reader.entries() {
            guard let severity = PolicyJSONReader.severity(ofKey: key), var keywords = severityKeywords[severity] else {
                throw entry.failure("expected a severity from 1 to 5 as key")
            }
            let fields = try entry.fields(allowed: ["phrases", "with_failure"])
            if let value = fields["phrases"] { keywords.phrases = try Policy.phrases(value) }
            if let value = fields["with_failure"] { keywords.withFailure = try Policy.phrases(value) }
            severityKeywords[severity] = keywords
        }
    }

    private mutating func readRouting(_ reader: PolicyJSONReader) throws(PolicyError) {
        for (service, entry) in try reader.entries() {
            let fields = try entry.fields(allowed: ["team", "level"])
            var route = routing[service]
            if let team = fields["team"] {
                let name = try team.name()
                if route == nil { route = ServiceRoute(team: name) } else { route?.team = name }
            }
            guard var resolved = route else { throw entry.failure("a new route needs a \"team\"") }
            if let level = fields["level"] { resolved.level = try level.name() }
            routing[service] = resolved
        }
    }

    private mutating func readZendesk(_ reader: PolicyJSONReader) throws(PolicyError) {
        let fields = try reader.fields(allowed: ["priorities", "statuses"])
        if let value = fields["priorities"] {
            for (priority, entry) in try value.entries() {
                zendesk.priorities[priority.lowercased()] = try entry.integer(in: 1...5)
            }
        }
        if let value = fields["statuses"] {
            for (status, entry) in try value.entries() {
                zendesk.statuses[status.lowercased()] = try Policy.status(entry)
            }
        }
    }

    // MARK: - Values

    private static func timeZoneIdentifier(_ reader: PolicyJSONReader) throws(PolicyError) -> String {
        let identifier = try reader.name()
        guard TimeZone(identifier: identifier) != nil else {
            throw reader.failure("unknown time zone \"\(identifier)\"; expected an IANA name such as \"America/Santiago\"")
        }
        return identifier
    }

    private static func status(_ reader: PolicyJSONReader) throws(PolicyError) -> TicketStatus {
        let text = try reader.string()
        guard let status = TicketStatus(rawValue: text) else {
            let known = TicketStatus.allCases.map(\.rawValue).joined(separator: ", ")
            throw reader.failure("unknown status \"\(text)\"; expected one of: \(known)")
        }
        return status
    }

    private static func statuses(_ reader: PolicyJSONReader) throws(PolicyError) -> [TicketStatus] {
        var chosen: Set<TicketStatus> = []
        for item in try reader.array() { chosen.insert(try status(item)) }
        return TicketStatus.allCases.filter(chosen.contains)
    }

    private static func phrases(_ reader: PolicyJSONReader) throws(PolicyError) -> [String] {
        var result: [String] = []
        for item in try reader.array() {
            let text = try item.string()
            guard PolicyPhraseMatcher.Pattern(text) != nil else {
                throw item.failure("expected a phrase of letters or digits, with `*` only at the end of a word")
            }
            result.append(text)
        }
        return result
    }

    // MARK: - Cross references

    private func validateReferences() throws(PolicyError) {
        for (plan, calendar) in plans.sorted(by: { $0.key < $1.key }) where calendars[calendar] == nil {
            throw .invalid(path: PolicyJSONReader.memberPath("$.plans", plan),
                           reason: "unknown calendar \"\(calendar)\"; known calendars: \(Policy.list(calendars.keys))")
        }
        guard plans[defaultPlan] != nil else {
            throw .invalid(path: "$.default_plan",
                           reason: "unknown plan \"\(defaultPlan)\"; known plans: \(Policy.list(plans.keys))")
        }
        for (name, terms) in customers.sorted(by: { $0.key < $1.key }) {
            if let plan = terms.plan, plans[plan] == nil {
                throw .invalid(path: PolicyJSONReader.memberPath("$.customers", name) + ".plan",
                               reason: "unknown plan \"\(plan)\"; known plans: \(Policy.list(plans.keys))")
            }
        }
        try validateHolidayReferences()
        let levels = escalation.levels.joined(separator: ", ")
        guard escalation.index(ofLevel: escalation.criticalLevel) != nil else {
            throw .invalid(path: "$.escalation.critical_level",
                           reason: "unknown level \"\(escalation.criticalLevel)\"; levels: \(levels)")
        }
        for (service, route) in routing.sorted(by: { $0.key < $1.key }) {
            if let level = route.level, escalation.index(ofLevel: level) == nil {
                throw .invalid(path: PolicyJSONReader.memberPath("$.routing", service) + ".level",
                               reason: "unknown level \"\(level)\"; levels: \(levels)")
            }
        }
    }

    /// Holiday calendars named by business calendars, customers and `extends` exist, and `extends` has no cycle.
    private func validateHolidayReferences() throws(PolicyError) {
        let known = Set(holidayCalendarNames)
        let knownList = holidayCalendarNames.joined(separator: ", ")
        for (name, calendar) in calendars.sorted(by: { $0.key < $1.key }) {
            if case let .named(holidays) = calendar.holidaySource, !known.contains(holidays) {
                throw .invalid(path: PolicyJSONReader.memberPath("$.calendars", name) + ".holiday_calendar",
                               reason: "unknown holiday calendar \"\(holidays)\"; expected \"country\", \"none\" or one of: \(knownList)")
            }
        }
        for (name, terms) in customers.sorted(by: { $0.key < $1.key }) {
            if let holidays = terms.holidayCalendar, !known.contains(holidays) {
                throw .invalid(path: PolicyJSONReader.memberPath("$.customers", name) + ".holiday_calendar",
                               reason: "unknown holiday calendar \"\(holidays)\"; known: \(knownList)")
            }
        }
        for name in holidayCalendars.keys.sorted() {
            var chain = [name]
            var next = holidayCalendars[name]?.extends
            while let parent = next {
                let path = PolicyJSONReader.memberPath("$.holiday_calendars", chain.last!) + ".extends"
                guard known.contains(parent) else {
                    throw .invalid(path: path, reason: "unknown holiday calendar \"\(parent)\"; known: \(knownList)")
                }
                guard !chain.contains(parent) else {
                    throw .invalid(path: path, reason: "holiday calendars extend each other in a cycle: " + (chain + [parent]).joined(separator: " → "))
                }
                chain.append(parent)
                next = holidayCalendars[parent]?.extends
            }
        }
    }

    private static func list(_ names: Dictionary<String, some Any>.Keys) -> String {
        names.sorted().joined(separator: ", ")
    }
}
