import Foundation

extension Policy {
    /// The terms of a ticket.
    ///
    /// Time zone: the ticket's own, else its customer's in the policy, else `defaultTimeZone`.
    /// Plan: the ticket's own, else its customer's, else `defaultPlan`. A name the policy does not know
    /// falls back to the next source and leaves a warning. The plan's calendar takes the public holidays of
    /// the customer's country (`applyingHolidays(to:customer:timeZone:)`).
    public func terms(for ticket: Ticket) -> SLATerms {
        var warnings: [String] = []
        let customerTerms = ticket.customer.flatMap { customer(named: $0) }

        var zone: TimeZone?
        var zoneName = "UTC"
        for candidate in [ticket.timezone, customerTerms?.timezone, defaultTimeZone].compactMap({ $0 }) {
            if let found = TimeZone(identifier: candidate) {
                zone = found
                zoneName = candidate
                break
            }
            warnings.append("unknown time zone \"\(candidate)\"")
        }

        var planName = defaultPlan
        for candidate in [ticket.plan, customerTerms?.plan].compactMap({ $0 }) {
            if plans[candidate] != nil {
                planName = candidate
                break
            }
            warnings.append("unknown plan \"\(candidate)\"")
        }
        if plans[planName] == nil { warnings.append("unknown plan \"\(planName)\"") }
        if warnings.isEmpty == false {
            warnings.append("using plan \(planName) and time zone \(zone?.identifier ?? "UTC")")
        }
        let timeZone = zone ?? TimeZone(secondsFromGMT: 0)!
        let applied = applyingHolidays(to: plans[planName].flatMap { calendars[$0] } ?? .twelveFive,
                                       customer: customerTerms, timeZone: zoneName)
        return SLATerms(planName: planName, calendar: applied.calendar, timeZone: timeZone,
                        warnings: warnings + applied.warnings, country: applied.country,
                        holidayCalendar: applied.holidayCalendar)
    }

    /// A customer's terms; exact name first, then ignoring case and accents.
    public func customer(named name: String) -> CustomerTerms? {
        customerKey(named: name).flatMap { customers[$0] }
    }

    /// The name a customer has in `customers`; exact name first, then ignoring case and accents.
    public func customerKey(named name: String) -> String? {
        if customers[name] != nil { return name }
        let key = Policy.foldedKey(name)
        return customers.keys.sorted().first { Policy.foldedKey($0) == key }
    }

    /// The route of a service; exact name first, then ignoring case and accents.
    public func route(forService service: String) -> ServiceRoute? {
        if let route = routing[service] { return route }
        let key = Policy.foldedKey(service)
        for candidate in routing.keys.sorted() where Policy.foldedKey(candidate) == key {
            return routing[candidate]
        }
        return nil
    }

    /// The targets of a severity; severities outside 1–5 are clamped to the scale.
    public func targets(forSeverity severity: Int) -> SeverityTargets {
        targets[min(5, max(1, severity))] ?? Policy.default.targets[3]!
    }

    /// Whether a service is one of the escalation rules' critical services (ignoring case and accents).
    public func isCritical(service: String) -> Bool {
        let key = Policy.foldedKey(service)
        return escalation.criticalServices.contains { Policy.foldedKey($0) == key }
    }

    /// Names compared the way people type them: case, accents and punctuation ignored.
    static func foldedKey(_ name: String) -> [[UInt8]] {
        PolicyPhraseMatcher.words(of: name, keepingStars: false).map(\.folded)
    }
}
