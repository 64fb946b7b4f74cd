extension TicketGenerator {
    /// The customers' time zones, with their UTC offset rules written out.
    ///
    /// Offsets are computed here rather than with `TimeZone` so the output does not depend on
    /// the tz database of the machine (an old one still has daylight saving time in Mexico City).
    public enum Zone: Int, Sendable, CaseIterable {
        case santiago, bogota, mexicoCity, lima, buenosAires, madrid

        /// The IANA identifier written in the tickets' `timezone` field.
        public var identifier: String {
            switch self {
            case .santiago: "America/Santiago"
            case .bogota: "America/Bogota"
            case .mexicoCity: "America/Mexico_City"
            case .lima: "America/Lima"
            case .buenosAires: "America/Argentina/Buenos_Aires"
            case .madrid: "Europe/Madrid"
            }
        }

        /// UTC offset in seconds at an instant (seconds since the epoch).
        public func offset(at seconds: Int64) -> Int32 {
            switch self {
            case .bogota, .lima: return -5 * 3600
            case .mexicoCity: return -6 * 3600
            case .buenosAires: return -3 * 3600
            case .santiago:
                // Chile: summer time (UTC-3) from the first Sunday on or after 2 September (04:00 UTC)
                // to the first Sunday on or after 2 April (03:00 UTC); UTC-4 in between.
                let year = Zone.year(of: seconds)
                let summerEnds = Zone.firstSunday(year: year, month: 4, onOrAfter: 2) * 86_400 + 3 * 3600
                let summerStarts = Zone.firstSunday(year: year, month: 9, onOrAfter: 2) * 86_400 + 4 * 3600
                return seconds >= summerEnds && seconds < summerStarts ? -4 * 3600 : -3 * 3600
            case .madrid:
                // European Union: summer time from the last Sunday of March to the last Sunday of October, 01:00 UTC.
                let year = Zone.year(of: seconds)
                let summerStarts = Zone.lastSunday(year: year, month: 3) * 86_400 + 3600
                let summerEnds = Zone.lastSunday(year: year, month: 10) * 86_400 + 3600
                return seconds >= summerStarts && seconds < summerEnds ? 2 * 3600 : 3600
            }
        }

        private static func year(of seconds: Int64) -> Int {
            Timestamp.civilFromDays(floorDiv(seconds, 86_400)).year
        }

        private static func firstSunday(year: Int, month: Int, onOrAfter day: Int) -> Int64 {
            let days = Timestamp.daysFromCivil(year: year, month: month, day: day)
            return days + Int64((7 - TicketGenerator.weekday(days)) % 7)
        }

        private static func lastSunday(year: Int, month: Int) -> Int64 {
            let days = Timestamp.daysFromCivil(year: year, month: month,
                                               day: Timestamp.daysInMonth(year: year, month: month))
            return days - Int64(TicketGenerator.weekday(days))
        }
    }

    /// 0 = Sunday … 6 = Saturday, for a day count since 1970-01-01 (a Thursday).
    static func weekday(_ days: Int64) -> Int {
        Int(((days + 4) % 7 + 7) % 7)
    }

    static func floorDiv(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return value % divisor < 0 ? quotient - 1 : quotient
    }

    /// The first instant at or after `seconds` inside the 12x5 calendar (Monday–Friday 08:00–20:00 local).
    static func nextBusinessTime(after seconds: Int64, in zone: Zone) -> Int64 {
        let offset = Int64(zone.offset(at: seconds))
        let local = seconds + offset
        var day = floorDiv(local, 86_400)
        let secondOfDay = local - day * 86_400
        let weekday = weekday(day)
        if weekday >= 1, weekday <= 5 {
            if secondOfDay >= 8 * 3600, secondOfDay < 20 * 3600 { return seconds }
            if secondOfDay < 8 * 3600 { return localToUTC(day * 86_400 + 8 * 3600, in: zone) }
        }
        repeat { day += 1 } while !(1...5).contains(TicketGenerator.weekday(day))
        return localToUTC(day * 86_400 + 8 * 3600, in: zone)
    }

    static func isBusinessTime(_ seconds: Int64, in zone: Zone) -> Bool {
        nextBusinessTime(after: seconds, in: zone) == seconds
    }

    static func localToUTC(_ local: Int64, in zone: Zone) -> Int64 {
        let guess = local - Int64(zone.offset(at: local))
        return local - Int64(zone.offset(at: guess))
    }

    /// First possible creation instant: 2025-01-01 00:00 in Mexico City, the westernmost customer zone.
    static let windowStart: Int64 = 1_735_711_200
    /// Last possible creation instant: 2026-10-31 22:00 UTC (still 31 October in every customer zone).
    static let windowEnd: Int64 = 1_793_484_000

    /// Cumulative creation weight of each hour of the window: working hours in the region weigh
    /// far more than nights and weekends, and volume grows slowly as customers are added.
    static let hourWeights: [Int] = {
        // Local hours of a reference UTC-4 clock, close to most customers' working day.
        let weekdayWeights = [3, 2, 2, 2, 2, 4, 8, 22, 70, 110, 120, 115, 80, 75, 105, 110, 100, 85, 60, 35, 20, 12, 8, 5]
        let weekendWeights = [3, 2, 2, 2, 2, 2, 4, 6, 10, 14, 16, 16, 14, 12, 12, 12, 11, 10, 9, 8, 7, 6, 5, 4]
        let hours = Int((windowEnd - windowStart) / 3600)
        var cumulative = [Int]()
        cumulative.reserveCapacity(hours)
        var total = 0
        for hour in 0..<hours {
            let local = windowStart + Int64(hour) * 3600 - 4 * 3600
            let day = floorDiv(local, 86_400)
            let hourOfDay = Int((local - day * 86_400) / 3600)
            let weekday = weekday(day)
            let base = (1...5).contains(weekday) ? weekdayWeights[hourOfDay] : weekendWeights[hourOfDay]
            total += base * (100 + 45 * hour / hours)
            cumulative.append(total)
        }
        return cumulative
    }()

    /// The creation instant of ticket `index` of `count`: the n-th quantile of the hourly weights, so ticket
    /// ids grow with time and any ticket's time is known without generating the ones before it.
    static func creationTime(index: Int, count: Int, jitter: Double) -> Int64 {
        let weights = hourWeights
        let total = Double(weights[weights.count - 1])
        let target = (Double(index) + jitter) / Double(max(count, 1)) * total
        var low = 0, high = weights.count - 1
        while low < high {
            let middle = (low + high) / 2
            if Double(weights[middle]) > target { high = middle } else { low = middle + 1 }
        }
        let before = low == 0 ? 0.0 : Double(weights[low - 1])
        let width = Double(weights[low]) - before
        let fraction = width > 0 ? min(max((target - before) / width, 0), 0.999) : 0
        return windowStart + Int64(low) * 3600 + Int64(fraction * 3600)
    }
}
