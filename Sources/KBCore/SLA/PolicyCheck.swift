/// What `kb policy check` finds in a valid policy: holiday calendars in use that run out, customers whose
/// country has none, fixed holidays given to every country, and what the holiday files say is not yet published.
public struct PolicyCheck: Sendable {
    /// One finding.
    public struct Finding: Sendable, Equatable {
        public enum Level: String, Sendable {
            /// Something that makes SLA clocks wrong until fixed.
            case warning
            /// Something to know, such as bridge days a government has not published yet.
            case note
        }

        public var level: Level
        public var message: String
    }

    /// Who uses one holiday calendar through which business calendar.
    struct Use {
        var businessCalendars: Set<String> = []
        var customers: [String] = []
    }

    public let findings: [Finding]
    public var warnings: [Finding] { findings.filter { $0.level == .warning } }
    public var notes: [Finding] { findings.filter { $0.level == .note } }

    /// Checks `policy` for `year` (the current year) and the next.
    ///
    /// In use: the calendars of the plans the policy's customers have, and of the default plan for customers it
    /// does not list (in the default time zone).
    public init(policy: Policy, year: Int) {
        var findings: [Finding] = []
        var uses: [String: Use] = [:]
        var noCountry: [String: [String]] = [:]
        var missing: [String: [String]] = [:]
        let defaultCustomer = "customers not listed (\(policy.defaultTimeZone))"
        var members: [(name: String, terms: CustomerTerms?)] = policy.customers.keys.sorted().map { ($0, policy.customers[$0]) }
        members.append((defaultCustomer, nil))
        var calendarsInUse: Set<String> = []
        for (name, terms) in members {
            let plan = terms?.plan ?? policy.defaultPlan
            guard let calendarName = policy.plans[plan], let calendar = policy.calendars[calendarName] else { continue }
            calendarsInUse.insert(calendarName)
            let zone = terms?.timezone ?? policy.defaultTimeZone
            let applied = policy.applyingHolidays(to: calendar, customer: terms, timeZone: zone)
            if let holidays = applied.holidayCalendar {
                uses[holidays, default: Use()].businessCalendars.insert(calendarName)
                uses[holidays, default: Use()].customers.append(name)
            } else if calendar.holidaySource == .country, let country = applied.country {
                missing[country, default: []].append(name)
            } else if calendar.holidaySource == .country {
                noCountry[zone, default: []].append(name)
            }
        }
        for name in uses.keys.sorted() {
            let use = uses[name]!
            let who = "\(use.businessCalendars.sorted().joined(separator: ", ")): \(PolicyCheck.list(use.customers))"
            let days = policy.holidayDays(ofCalendar: name) ?? []
            let empty = [year, year + 1].filter { wanted in days.allSatisfy { Timestamp.civilFromDays($0).year != wanted } }
            if !empty.isEmpty {
                findings.append(Finding(level: .warning, message: "holiday calendar \(name) (\(who)) has no holidays for "
                    + empty.map(String.init).joined(separator: " or ")
                    + "; add them with 'kb policy holidays import FILE.ics --calendar \(name)'"))
            }
            var visited: Set<String> = []
            var next: String? = name
            while let current = next, visited.insert(current).inserted, let calendar = policy.holidayCalendar(named: current) {
                for pending in calendar.pending where pending.years.contains(year) || pending.years.contains(year + 1) {
                    findings.append(Finding(level: .note, message: "\(current) (\(who)): \(pending.note)"))
                }
                next = calendar.extends
            }
        }
        for country in missing.keys.sorted() {
            findings.append(Finding(level: .warning, message: "no holiday calendar for country \(country) (\(PolicyCheck.list(missing[country]!))): "
                + "their SLA clocks count no public holidays; add one with 'kb policy holidays import FILE.ics --calendar \(country)'"))
        }
        for zone in noCountry.keys.sorted() {
            findings.append(Finding(level: .warning, message: "time zone \(zone) names no country (\(PolicyCheck.list(noCountry[zone]!))): "
                + "their SLA clocks count no public holidays; give each customer a \"country\" in kb/policy.json"))
        }
        for name in calendarsInUse.sorted() {
            let calendar = policy.calendars[name]!
            guard calendar.holidaySource == .country, !calendar.holidays.isEmpty else { continue }
            // Fixed dates that are some country's national holidays usually are a leftover of one-country calendars.
            var best: (country: String, count: Int)?
            for (country, days) in HolidayCalendar.builtInDays.sorted(by: { $0.key < $1.key }) {
                let count = calendar.ownHolidayDays.filter { days.contains($0) }.count
                if count > (best?.count ?? 0) { best = (country, count) }
            }
            var message = "calendar \(name) lists \(calendar.holidays.count) holidays of its own, which every customer gets whatever its country"
            if let best, best.count * 2 >= calendar.holidays.count {
                message += "; \(best.count) of them are \(best.country)'s national holidays, which \(best.country) customers already get"
                    + " from holiday calendar \(best.country): remove them from \"holidays\""
            }
            findings.append(Finding(level: .warning, message: message))
        }
        self.findings = findings
    }

    static func list(_ names: [String]) -> String {
        names.count <= 4 ? names.joined(separator: ", ") : names.prefix(3).joined(separator: ", ") + " and \(names.count - 3) more"
    }
}
