extension Policy {
    /// The shipped `kb/policy.json`, exactly as `kb init` writes it.
    public static let defaultJSON: String = Policy.default.jsonText

    /// The policy as pretty, deterministic JSON that `Policy(jsonData:)` reads back to an equal policy.
    ///
    /// Fields come in a fixed order, maps in sorted key order, durations in canonical form (`1h30m`).
    public var jsonText: String { jsonTree.text }

    var jsonTree: PolicyJSONWriter {
        typealias Node = PolicyJSONWriter
        func strings(_ values: [String]) -> Node { .array(values.map { .string($0) }) }
        func sortedMap<Value>(_ map: [String: Value], _ encode: (Value) -> Node) -> Node {
            .object(map.keys.sorted().map { ($0, encode(map[$0]!)) })
        }
        func severityMap<Value>(_ map: [Int: Value], _ encode: (Value) -> Node) -> Node {
            .object(map.keys.sorted().map { (String($0), encode(map[$0]!)) })
        }
        let calendarsNode = sortedMap(calendars) { calendar -> Node in
            let days: [(String, Node)] = BusinessCalendar.Weekday.allCases.compactMap { day in
                let hours = calendar.hours(on: day)
                if hours.isEmpty { return nil }
                return (day.key, hours.count == 1 ? .string(hours[0].text) : strings(hours.map(\.text)))
            }
            return .object([("hours", .object(days)), ("holiday_calendar", .string(calendar.holidaySource.text)),
                            ("holidays", strings(calendar.holidays))])
        }
        let holidayCalendarsNode = sortedMap(holidayCalendars) { calendar -> Node in
            var members: [(String, Node)] = []
            if let title = calendar.title { members.append(("title", .string(title))) }
            if let country = calendar.country { members.append(("country", .string(country))) }
            if let parent = calendar.extends { members.append(("extends", .string(parent))) }
            if !calendar.timeZones.isEmpty { members.append(("time_zones", strings(calendar.timeZones))) }
            if !calendar.sources.isEmpty { members.append(("sources", sortedMap(calendar.sources) { .string($0) })) }
            if !calendar.notes.isEmpty { members.append(("notes", strings(calendar.notes))) }
            members.append(("holidays", .array(calendar.holidays.map(Policy.holidayNode))))
            if !calendar.excluded.isEmpty { members.append(("except", strings(calendar.excluded))) }
            return .object(members)
        }
        let customersNode = sortedMap(customers) { terms -> Node in
            var members: [(String, Node)] = []
            if let plan = terms.plan { members.append(("plan", .string(plan))) }
            if let zone = terms.timezone { members.append(("timezone", .string(zone))) }
            if let country = terms.country { members.append(("country", .string(country))) }
            if let holidays = terms.holidayCalendar { members.append(("holiday_calendar", .string(holidays))) }
            return .object(members)
        }
        let targetsNode = severityMap(targets) { target -> Node in
            .object([
                ("first_response", .string(PolicyDuration.text(of: target.firstResponseSeconds))),
                ("update", .string(PolicyDuration.text(of: target.updateSeconds))),
                ("resolution", .string(PolicyDuration.text(of: target.resolutionSeconds))),
            ])
        }
        let vendorsNode: Node = .object(escalation.vendors.map { vendor in
            (vendor.name, .object([("services", strings(vendor.services)), ("keywords", strings(vendor.keywords))]))
        })
        let escalationNode: Node = .object([
            ("levels", strings(escalation.levels)),
            ("sla_warning_percent", .integer(Int64(escalation.warningPercent))),
            ("sla_exceeded_percent", .integer(Int64(escalation.exceededPercent))),
            ("critical_services", strings(escalation.criticalServices)),
            ("critical_severities", .array(escalation.criticalSeverities.map { .integer(Int64($0)) })),
            ("critical_level", .string(escalation.criticalLevel)),
            ("vendors", vendorsNode),
        ])
        let keywordsNode = severityMap(severityKeywords) { keywords -> Node in
            .object([("phrases", strings(keywords.phrases)), ("with_failure", strings(keywords.withFailure))])
        }
        let routingNode = sortedMap(routing) { route -> Node in
            var members: [(String, Node)] = [("team", .string(route.team))]
            if let level = route.level { members.append(("level", .string(level))) }
            return .object(members)
        }
        let zendeskNode: Node = .object([
            ("priorities", sortedMap(zendesk.priorities) { .integer(Int64($0)) }),
            ("statuses", sortedMap(zendesk.statuses) { .string($0.rawValue) }),
        ])
        let members: [String: Node] = [
            "language": .string(language.rawValue),
            "default_timezone": .string(defaultTimeZone),
            "default_plan": .string(defaultPlan),
            "calendars": calendarsNode,
            "holiday_calendars": holidayCalendarsNode,
            "plans": sortedMap(plans) { .string($0) },
            "customers": customersNode,
            "targets": targetsNode,
            "pause_limits": severityMap(pauseLimits) { .string(PolicyDuration.text(of: $0)) },
            "pausing_statuses": strings(pausingStatuses.map(\.rawValue)),
            "vendor_statuses": strings(vendorStatuses.map(\.rawValue)),
            "escalation": escalationNode,
            "severity_keywords": keywordsNode,
            "failure_words": strings(failureWords),
            "routing": routingNode,
            "zendesk": zendeskNode,
        ]
        return .object(Policy.fieldNames.map { ($0, members[$0]!) })
    }

    /// A holiday as the policy file writes it: a bare date when it has nothing else, else an object.
    static func holidayNode(_ holiday: HolidayCalendar.Holiday) -> PolicyJSONWriter {
        if holiday.name.isEmpty, holiday.kind == .holiday, holiday.source == nil { return .string(holiday.date) }
        var members: [(String, PolicyJSONWriter)] = [("date", .string(holiday.date))]
        if !holiday.name.isEmpty { members.append(("name", .string(holiday.name))) }
        if holiday.kind != .holiday { members.append(("kind", .string(holiday.kind.rawValue))) }
        if let source = holiday.source { members.append(("source", .string(source))) }
        return .object(members)
    }
}
