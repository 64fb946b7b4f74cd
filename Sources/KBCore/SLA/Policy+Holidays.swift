extension Policy {
    /// Every holiday calendar's days, built-in calendars with the policy's additions and the policy's own
    /// calendars, `extends` followed and `except` dates removed; sorted day numbers by calendar name.
    static func resolveHolidayDays(_ entries: [String: HolidayCalendar]) -> [String: [Int64]] {
        var resolved: [String: [Int64]] = [:]
        func days(_ name: String, visiting: Set<String>) -> [Int64] {
            if let done = resolved[name] { return done }
            let entry = entries[name]
            var set = Set(HolidayCalendar.builtInDays[name] ?? [])
            // A cycle is refused when the policy is read; here it only stops the walk.
            if let parent = entry?.extends, !visiting.contains(parent) {
                set.formUnion(days(parent, visiting: visiting.union([name])))
            }
            set.formUnion(entry?.ownDays ?? [])
            for date in entry?.excluded ?? [] {
                if let day = BusinessCalendar.dayNumber(of: date) { set.remove(day) }
            }
            let sorted = set.sorted()
            resolved[name] = sorted
            return sorted
        }
        for name in Set(HolidayCalendar.builtIn.keys).union(entries.keys).sorted() { _ = days(name, visiting: []) }
        return resolved
    }

    /// Names of every holiday calendar: the built-in ones and the policy's, sorted.
    public var holidayCalendarNames: [String] { resolvedHolidayDays.keys.sorted() }

    /// Sorted day numbers of a holiday calendar's days off; nil for an unknown name.
    func holidayDays(ofCalendar name: String) -> [Int64]? { resolvedHolidayDays[name] }

    /// A holiday calendar as the policy sees it: the built-in one of that name with the policy's entry merged in.
    /// Its `holidays` are its own (not those of the calendar it extends).
    public func holidayCalendar(named name: String) -> HolidayCalendar? {
        let base = HolidayCalendar.builtIn[name]
        let entry = holidayCalendars[name]
        guard base != nil || entry != nil else { return nil }
        var merged = base ?? HolidayCalendar(name: name)
        if let entry {
            merged.title = entry.title ?? merged.title
            merged.country = entry.country ?? merged.country
            merged.extends = entry.extends ?? merged.extends
            merged.timeZones += entry.timeZones.filter { !merged.timeZones.contains($0) }
            merged.sources.merge(entry.sources) { _, new in new }
            merged.notes += entry.notes
            merged.holidays += entry.holidays
            merged.excluded += entry.excluded
        }
        return merged
    }

    /// Every day off of a holiday calendar, its `extends` chain included and `except` dates left out, by date;
    /// each with the calendar that lists it.
    public func listedHolidays(ofCalendar name: String) -> [(calendar: HolidayCalendar, holiday: HolidayCalendar.Holiday)] {
        var rows: [(calendar: HolidayCalendar, holiday: HolidayCalendar.Holiday)] = []
        var visited: Set<String> = []
        var excluded: Set<String> = []
        var next: String? = name
        while let current = next, !visited.contains(current), let calendar = holidayCalendar(named: current) {
            visited.insert(current)
            excluded.formUnion(holidayCalendars[current]?.excluded ?? [])
            rows += calendar.holidays.map { (calendar, $0) }
            next = calendar.extends
        }
        return rows.filter { !excluded.contains($0.holiday.date) }
            .sorted { ($0.holiday.date, $0.holiday.name) < ($1.holiday.date, $1.holiday.name) }
    }

    /// The country of an IANA time zone: the policy's holiday calendars' `time_zones` first, then the built-in ones.
    public func country(forTimeZone identifier: String) -> String? {
        for name in holidayCalendars.keys.sorted() {
            let calendar = holidayCalendars[name]!
            if calendar.timeZones.contains(identifier) { return calendar.country ?? name }
        }
        return HolidayCalendar.builtInCountry(forTimeZone: identifier)
    }

    /// A business calendar with the holidays it takes for a customer: its own dates plus, per its
    /// `holiday_calendar`, the named calendar's or those of the customer's country.
    ///
    /// The country is the customer's `country` in the policy, else the one its time zone names; a customer's
    /// `holiday_calendar` (a region such as `ES-MD`) replaces its country's. `warnings` says what could not be found.
    public func applyingHolidays(to calendar: BusinessCalendar, customer: CustomerTerms?, timeZone: String)
        -> (calendar: BusinessCalendar, country: String?, holidayCalendar: String?, warnings: [String])
    {
        let country = customer?.country ?? country(forTimeZone: timeZone)
        let name: String?
        switch calendar.holidaySource {
        case .none: name = nil
        case let .named(chosen): name = chosen
        case .country: name = customer?.holidayCalendar ?? country
        }
        guard let name else {
            if calendar.holidaySource == .country {
                return (calendar, nil, nil, ["time zone \(timeZone) names no country, so calendar \(calendar.name) counts no public holidays; give the customer a \"country\" in kb/policy.json"])
            }
            return (calendar, country, nil, [])
        }
        guard let days = holidayDays(ofCalendar: name) else {
            return (calendar, country, nil, ["no holiday calendar \(name), so calendar \(calendar.name) counts no public holidays; add it with 'kb policy holidays import FILE.ics --calendar \(name)'"])
        }
        return (calendar.applying(holidayCalendar: name, days: days), country, name, [])
    }
}

extension Policy {
    /// The customers whose SLA clocks count a holiday calendar's days, by name; the policy's default terms
    /// (customers it does not list) appear as `*`.
    public func customers(usingHolidayCalendar name: String) -> [String] {
        var members: [(String, CustomerTerms?)] = customers.keys.sorted().map { ($0, customers[$0]) }
        members.append(("*", nil))
        return members.compactMap { member, terms in
            guard let calendar = plans[terms?.plan ?? defaultPlan].flatMap({ calendars[$0] }) else { return nil }
            let applied = applyingHolidays(to: calendar, customer: terms, timeZone: terms?.timezone ?? defaultTimeZone)
            return applied.holidayCalendar == name ? member : nil
        }
    }
}
