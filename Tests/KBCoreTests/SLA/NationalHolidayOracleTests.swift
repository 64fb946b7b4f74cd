import Foundation
import Testing
@testable import KBCore

/// Checks kb's 12x5 business time in seven countries against an oracle that knows each country's national
/// holidays from its own rules — Easter computus, the solstice, the laws that move holidays to Mondays, US
/// observed days — plus the days decreed for a single year, typed from the decrees. It never reads kb's holiday
/// files, and it counts business time minute by minute in UTC, asking the zone for each minute's offset.
@Suite struct NationalHolidayOracleTests {
    /// Local day numbers (days since 1970-01-01) by the Fliegel–Van Flandern Julian day formulas, not kb's.
    enum Days {
        static func number(_ year: Int, _ month: Int, _ day: Int) -> Int64 {
            let a = (month - 14) / 12
            let jdn = (1_461 * (year + 4_800 + a)) / 4 + (367 * (month - 2 - 12 * a)) / 12
                - (3 * ((year + 4_900 + a) / 100)) / 4 + day - 32_075
            return Int64(jdn) - 2_440_588
        }

        /// 0 = Sunday … 6 = Saturday; 1970-01-01 was a Thursday.
        static func weekday(_ day: Int64) -> Int { Int(((day + 4) % 7 + 7) % 7) }

        /// The `nth` (1-based) given weekday of a month.
        static func nth(_ nth: Int, _ weekday: Int, of month: Int, _ year: Int) -> Int64 {
            let first = number(year, month, 1)
            return first + Int64((weekday - Days.weekday(first) + 7) % 7 + 7 * (nth - 1))
        }

        static func last(_ weekday: Int, of month: Int, _ year: Int) -> Int64 {
            let end = number(month == 12 ? year + 1 : year, month == 12 ? 1 : month + 1, 1) - 1
            return end - Int64((Days.weekday(end) - weekday + 7) % 7)
        }

        /// Gregorian Easter Sunday (the anonymous algorithm in Meeus, "Astronomical Algorithms", ch. 8).
        static func easter(_ year: Int) -> Int64 {
            let a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4
            let f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30
            let i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451
            return number(year, (h + l - 7 * m + 114) / 31, (h + l - 7 * m + 114) % 31 + 1)
        }

        /// The June solstice (Meeus ch. 27, table 27.C), as a local day in a zone.
        static func juneSolstice(_ year: Int, in zone: TimeZone) -> Int64 {
            let terms: [(Double, Double, Double)] = [
                (485, 324.96, 1_934.136), (203, 337.23, 32_964.467), (199, 342.08, 20.186), (182, 27.85, 445_267.112),
                (156, 73.14, 45_036.886), (136, 171.52, 22_518.443), (77, 222.54, 65_928.934), (74, 296.72, 3_034.906),
                (70, 243.58, 9_037.513), (58, 119.81, 33_718.147), (52, 297.17, 150.678), (50, 21.02, 2_281.226),
                (45, 247.54, 29_929.562), (44, 325.15, 31_555.956), (29, 60.93, 4_443.417), (18, 155.12, 67_555.328),
                (17, 288.79, 4_562.452), (16, 198.04, 62_894.029), (14, 199.76, 31_436.921), (12, 95.39, 14_577.848),
                (12, 287.11, 31_931.756), (12, 320.81, 34_777.259), (9, 227.73, 1_222.114), (8, 15.45, 16_859.074),
            ]
            let y = Double(year - 2_000) / 1_000
            let mean = 2_451_716.56767 + 365_241.62603 * y + 0.00325 * y * y + 0.00888 * y * y * y - 0.00030 * y * y * y * y
            let t = (mean - 2_451_545.0) / 36_525
            let w = (35_999.373 * t - 2.47) * .pi / 180
            let correction = 1 + 0.0334 * cos(w) + 0.0007 * cos(2 * w)
            let sum = terms.reduce(0.0) { $0 + $1.0 * cos(($1.1 + $1.2 * t) * .pi / 180) }
            let julian = mean + 0.00001 * sum / correction
            // Terrestrial time to UTC: ΔT is about 69 seconds in these years.
            let utc = (julian - 2_440_587.5) * 86_400 - 69
            let local = utc + Double(zone.secondsFromGMT(for: Date(timeIntervalSince1970: utc)))
            return Int64((local / 86_400).rounded(.down))
        }
    }

    /// One country: the zones its customers may be in and its days off in a year.
    struct Country: Sendable, CustomStringConvertible {
        let code: String
        let zones: [String]
        var description: String { code }

        func holidays(_ year: Int) -> [Int64] {
            let day = Days.number, easter = Days.easter(year)
            let (sunday, monday, tuesday, wednesday, thursday, friday, saturday) = (0, 1, 2, 3, 4, 5, 6)
            func nextMonday(_ date: Int64) -> Int64 { date + Int64((8 - Days.weekday(date)) % 7) }
            switch code {
            case "CL":
                // Ley 19.668: Tuesday–Thursday to that week's Monday, Friday to the next Monday.
                func mondayRule(_ date: Int64) -> Int64 {
                    let weekday = Days.weekday(date)
                    if (tuesday...thursday).contains(weekday) { return date - Int64(weekday - monday) }
                    return weekday == friday ? date + 3 : date
                }
                var days = [day(year, 1, 1), easter - 2, easter - 1, day(year, 5, 1), day(year, 5, 21),
                            Days.juneSolstice(year, in: TimeZone(identifier: "America/Santiago")!),
                            mondayRule(day(year, 6, 29)), day(year, 7, 16), day(year, 8, 15), day(year, 9, 18),
                            day(year, 9, 19), mondayRule(day(year, 10, 12)), day(year, 11, 1), day(year, 12, 8),
                            day(year, 12, 25)]
                if Days.weekday(day(year, 1, 2)) == monday { days.append(day(year, 1, 2)) }
                if [monday, friday].contains(Days.weekday(day(year, 9, 17))) { days.append(day(year, 9, 17)) }
                if Days.weekday(day(year, 9, 20)) == friday { days.append(day(year, 9, 20)) }
                let churches = day(year, 10, 31)
                switch Days.weekday(churches) {
                case tuesday: days.append(churches - 4)
                case wednesday: days.append(churches + 2)
                default: days.append(churches)
                }
                // Election days of 2025 (Sundays), holidays by Ley 18.700.
                if year == 2025 { days += [day(2025, 6, 29), day(2025, 11, 16), day(2025, 12, 14)] }
                return days
            case "MX":
                var days = [day(year, 1, 1), Days.nth(1, monday, of: 2, year), Days.nth(3, monday, of: 3, year),
                            day(year, 5, 1), day(year, 9, 16), Days.nth(3, monday, of: 11, year), day(year, 12, 25)]
                if (year - 2_024) % 6 == 0 { days.append(day(year, 10, 1)) }
                if year > 2_024, (year - 2_024) % 3 == 0 { days.append(Days.nth(1, sunday, of: 6, year)) }
                return days
            case "PE":
                return [day(year, 1, 1), easter - 3, easter - 2, day(year, 5, 1), day(year, 6, 7), day(year, 6, 29),
                        day(year, 7, 23), day(year, 7, 28), day(year, 7, 29), day(year, 8, 6), day(year, 8, 30),
                        day(year, 10, 8), day(year, 11, 1), day(year, 12, 8), day(year, 12, 9), day(year, 12, 25)]
            case "CO":
                // Ley 51 de 1983: the movable ones go to the next Monday; Ley 2578 de 2026 adds 9 July.
                var days = [day(year, 1, 1), nextMonday(day(year, 1, 6)), nextMonday(day(year, 3, 19)), easter - 3,
                            easter - 2, day(year, 5, 1), easter + 43, easter + 64, easter + 71,
                            nextMonday(day(year, 6, 29)), day(year, 7, 20), day(year, 8, 7), nextMonday(day(year, 8, 15)),
                            nextMonday(day(year, 10, 12)), nextMonday(day(year, 11, 1)), nextMonday(day(year, 11, 11)),
                            day(year, 12, 8), day(year, 12, 25)]
                if year >= 2_026 { days.append(nextMonday(day(year, 7, 9))) }
                return days
            case "AR":
                // Ley 27.399: trasladables on Tuesday or Wednesday go to the Monday before, on Thursday or Friday
                // to the Monday after (17 June on a Friday stays).
                func moved(_ date: Int64, fridayStays: Bool = false) -> Int64 {
                    let weekday = Days.weekday(date)
                    if weekday == tuesday || weekday == wednesday { return date - Int64(weekday - monday) }
                    if weekday == thursday || (weekday == friday && !fridayStays) { return date + Int64(8 - weekday) }
                    return date
                }
                var days = [day(year, 1, 1), easter - 48, easter - 47, day(year, 3, 24), day(year, 4, 2), easter - 3,
                            easter - 2, day(year, 5, 1), day(year, 5, 25), moved(day(year, 6, 17), fridayStays: true),
                            day(year, 6, 20), day(year, 7, 9), moved(day(year, 8, 17)), moved(day(year, 11, 20)),
                            day(year, 12, 8), day(year, 12, 25)]
                // Decreto 614/2025 and Resolución 139/2025 moved Sunday 12 October 2025 to Friday the 10th.
                days.append(year == 2_025 ? day(2025, 10, 10) : moved(day(year, 10, 12)))
                // Tourist bridge days: Decreto 1027/2024 (2025) and Resolución 164/2025 (2026).
                if year == 2_025 { days += [day(2025, 5, 2), day(2025, 8, 15), day(2025, 11, 21)] }
                if year == 2_026 { days += [day(2026, 3, 23), day(2026, 7, 10), day(2026, 12, 7)] }
                return days
            case "ES":
                return [day(year, 1, 1), day(year, 1, 6), easter - 2, day(year, 5, 1), day(year, 8, 15),
                        day(year, 10, 12), day(year, 11, 1), day(year, 12, 6), day(year, 12, 8), day(year, 12, 25)]
            case "US":
                // 5 U.S.C. 6103: a Saturday holiday is observed the Friday before, a Sunday one the Monday after.
                var days: [Int64] = []
                for date in [day(year, 1, 1), day(year, 6, 19), day(year, 7, 4), day(year, 11, 11), day(year, 12, 25)] {
                    days.append(date)
                    if Days.weekday(date) == saturday { days.append(date - 1) }
                    if Days.weekday(date) == sunday { days.append(date + 1) }
                }
                return days + [Days.nth(3, monday, of: 1, year), Days.nth(3, monday, of: 2, year),
                               Days.last(monday, of: 5, year), Days.nth(1, monday, of: 9, year),
                               Days.nth(2, monday, of: 10, year), Days.nth(4, thursday, of: 11, year)]
            default:
                return []
            }
        }
    }

    static let countries = [
        Country(code: "CL", zones: ["America/Santiago", "America/Punta_Arenas"]),
        Country(code: "MX", zones: ["America/Mexico_City", "America/Cancun", "America/Monterrey", "America/Tijuana"]),
        Country(code: "PE", zones: ["America/Lima"]),
        Country(code: "CO", zones: ["America/Bogota"]),
        Country(code: "AR", zones: ["America/Argentina/Buenos_Aires", "America/Argentina/Mendoza"]),
        Country(code: "ES", zones: ["Europe/Madrid", "Atlantic/Canary"]),
        Country(code: "US", zones: ["America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles",
                                    "America/Phoenix", "Pacific/Honolulu"]),
    ]
    /// 220 intervals per country: 1,540 in all.
    static let intervalsPerCountry = 220
    static let rangeStart = Days.number(2025, 1, 1) * 86_400
    static let rangeEnd = Days.number(2028, 1, 1) * 86_400

    /// Minute by minute: open when the local date is a weekday that is not a holiday and the time is 08:00–20:00.
    struct Oracle {
        let holidays: Set<Int64>
        let zone: TimeZone

        func isOpen(minute: Int64) -> Bool {
            let (day, minuteOfDay) = BusinessCalendarOracleTests.local(minute: minute, in: zone)
            let weekday = Days.weekday(day)
            guard weekday != 0, weekday != 6, !holidays.contains(day) else { return false }
            return minuteOfDay >= 8 * 60 && minuteOfDay < 20 * 60
        }

        func businessSeconds(from start: Int64, to end: Int64) -> Int64 {
            BusinessCalendarOracleTests.openSeconds(from: start, to: end, isOpen: isOpen(minute:))
        }
    }

    /// kb's terms for a customer in a zone, through the policy as `kb` reads it.
    static func terms(zone: String) -> SLATerms {
        var policy = Policy.default
        policy.customers["Cliente"] = CustomerTerms(plan: "12x5", timezone: zone)
        let ticket = Ticket(id: "T-1", title: "x", customer: "Cliente", severity: 3, status: .new,
                            createdAt: Timestamp(seconds: rangeStart))
        return policy.terms(for: ticket)
    }

    @Test(arguments: countries)
    func businessSecondsAgreeWithTheOracle(country: Country) throws {
        var random = BusinessCalendarOracleTests.SeededGenerator(state: UInt64(country.code.utf8.reduce(17) { $0 &* 131 &+ UInt64($1) }))
        let holidays = Set((2_024...2_029).flatMap(country.holidays))
        let nearby = holidays.filter { $0 * 86_400 >= Self.rangeStart && $0 * 86_400 < Self.rangeEnd }.sorted()
        for round in 0..<Self.intervalsPerCountry {
            let zoneName = country.zones.randomElement(using: &random)!
            let zone = try #require(TimeZone(identifier: zoneName))
            let terms = Self.terms(zone: zoneName)
            #expect(terms.country == country.code, "\(zoneName) names \(terms.country ?? "no country")")
            // Half the intervals start within four days of a holiday, where the rules matter.
            var start = Bool.random(using: &random)
                ? nearby.randomElement(using: &random)! * 86_400 + Int64.random(in: -4 * 86_400...86_400, using: &random)
                : Int64.random(in: Self.rangeStart...(Self.rangeEnd - 16 * 86_400), using: &random)
            start = max(Self.rangeStart, start)
            let end = min(Self.rangeEnd, start + BusinessCalendarOracleTests.length(&random))
            let oracle = Oracle(holidays: holidays, zone: zone)
            let expected = oracle.businessSeconds(from: start, to: end)
            let actual = terms.calendar.businessSeconds(from: Timestamp(seconds: start), to: Timestamp(seconds: end), in: zone)
            #expect(actual == expected, "round \(round): \(country.code) \(zoneName) \(start)..<\(end)")
        }
    }

    @Test(arguments: countries)
    func dueInstantsAgreeWithTheOracle(country: Country) throws {
        var random = BusinessCalendarOracleTests.SeededGenerator(state: UInt64(country.code.utf8.reduce(29) { $0 &* 257 &+ UInt64($1) }))
        let holidays = Set((2_024...2_029).flatMap(country.holidays))
        for round in 0..<60 {
            let zoneName = country.zones.randomElement(using: &random)!
            let zone = try #require(TimeZone(identifier: zoneName))
            let calendar = Self.terms(zone: zoneName).calendar
            let start = Int64.random(in: Self.rangeStart...(Self.rangeEnd - 30 * 86_400), using: &random)
            let amount = Int64.random(in: 1...(72 * 3_600), using: &random)
            let due = calendar.instant(after: amount, from: Timestamp(seconds: start), in: zone)
            let oracle = Oracle(holidays: holidays, zone: zone)
            #expect(oracle.businessSeconds(from: start, to: due.seconds) == amount, "round \(round): \(zoneName) \(start) + \(amount)")
            #expect(oracle.businessSeconds(from: due.seconds - 1, to: due.seconds) == 1, "round \(round): ends outside business time")
        }
    }

    /// The oracle's own rules give the dates everyone knows, so a wrong rule cannot pass unnoticed.
    @Test func theOracleKnowsTheFamousDates() {
        func has(_ code: String, _ year: Int, _ month: Int, _ day: Int) -> Bool {
            Self.countries.first { $0.code == code }!.holidays(year).contains(Days.number(year, month, day))
        }
        #expect(Days.easter(2026) == Days.number(2026, 4, 5))
        #expect(Days.easter(2027) == Days.number(2027, 3, 28))
        #expect(has("CL", 2025, 6, 20) && has("CL", 2026, 6, 21))   // solstice days of Ley 21.357
        #expect(has("CL", 2027, 9, 17) && has("CL", 2027, 6, 28))   // Friday before a Saturday 18th; 29 June moved
        #expect(has("MX", 2026, 9, 16) && has("MX", 2026, 11, 16) && !has("MX", 2026, 9, 18))
        #expect(has("CO", 2026, 1, 12) && has("CO", 2026, 7, 13) && has("CO", 2026, 5, 18))
        #expect(has("AR", 2025, 6, 16) && has("AR", 2025, 11, 24) && has("AR", 2025, 10, 10))
        // New Year's Day 2028 is a Saturday: observed on Friday 31 December 2027; Independence Day 2026 on Friday the 3rd.
        #expect(Self.countries.last!.holidays(2028).contains(Days.number(2027, 12, 31)))
        #expect(has("US", 2026, 7, 3) && has("US", 2026, 11, 26))
        #expect(has("ES", 2026, 4, 3) && !has("ES", 2026, 4, 2))
        #expect(has("PE", 2026, 4, 2) && has("PE", 2026, 7, 23))
    }
}
