import Foundation

extension BusinessCalendar {
    /// Business seconds elapsed from `start` to `end` in a time zone; zero when `end` is not after `start`.
    public func businessSeconds(from start: Timestamp, to end: Timestamp, in timeZone: TimeZone) -> Int64 {
        guard end.seconds > start.seconds else { return 0 }
        if isAlwaysOpen { return end.seconds - start.seconds }
        var total: Int64 = 0
        var cursor = start.seconds
        // Within a stretch of constant UTC offset, local time is a plain shift of UTC time.
        while cursor < end.seconds {
            let offset = BusinessCalendar.offset(at: cursor, in: timeZone)
            let stretchEnd = min(end.seconds, BusinessCalendar.nextOffsetChange(after: cursor, in: timeZone) ?? end.seconds)
            total += localBusinessSeconds(from: cursor + offset, to: stretchEnd + offset)
            cursor = stretchEnd
        }
        return total
    }

    /// The first instant at which `seconds` of business time have elapsed since `start` (the due instant).
    ///
    /// With `seconds <= 0` this is `start` itself. The result carries the zone's offset at that instant,
    /// so its `iso8601` text shows the customer's wall-clock time.
    public func instant(after seconds: Int64, from start: Timestamp, in timeZone: TimeZone) -> Timestamp {
        let result: Int64
        if seconds <= 0 {
            result = start.seconds
        } else if isAlwaysOpen {
            result = start.seconds + seconds
        } else {
            var remaining = seconds
            var cursor = start.seconds
            var found: Int64?
            while found == nil {
                let offset = BusinessCalendar.offset(at: cursor, in: timeZone)
                let stretchEnd = BusinessCalendar.nextOffsetChange(after: cursor, in: timeZone)
                let step = advanceLocal(from: cursor + offset, limit: stretchEnd.map { $0 + offset }, by: remaining)
                if let local = step.instant {
                    found = local - offset
                } else if let stretchEnd {
                    remaining -= step.consumed
                    cursor = stretchEnd
                }
            }
            result = found!
        }
        return Timestamp(seconds: result, offsetSeconds: Int32(BusinessCalendar.offset(at: result, in: timeZone)))
    }

    /// Whether the second starting at `instant` is business time in a time zone.
    public func isBusinessTime(_ instant: Timestamp, in timeZone: TimeZone) -> Bool {
        let local = instant.seconds + BusinessCalendar.offset(at: instant.seconds, in: timeZone)
        return localBusinessSeconds(from: local, to: local + 1) == 1
    }

    // MARK: - Local (offset-free) arithmetic

    /// Business seconds between two local times, counted in seconds since local 1970-01-01T00:00.
    func localBusinessSeconds(from start: Int64, to end: Int64) -> Int64 {
        guard end > start else { return 0 }
        let firstDay = BusinessCalendar.floorDivide(start, 86_400)
        let lastDay = BusinessCalendar.floorDivide(end, 86_400)
        if firstDay == lastDay {
            return daySeconds(firstDay, from: start - firstDay * 86_400, to: end - firstDay * 86_400)
        }
        return daySeconds(firstDay, from: start - firstDay * 86_400, to: 86_400)
            + wholeDaySeconds(from: firstDay + 1, to: lastDay)
            + daySeconds(lastDay, from: 0, to: end - lastDay * 86_400)
    }

    /// Business seconds of one local day between two times of day.
    private func daySeconds(_ day: Int64, from low: Int64, to high: Int64) -> Int64 {
        guard high > low, !isHoliday(dayNumber: day) else { return 0 }
        var total: Int64 = 0
        for hours in weeklyHours[Weekday(dayNumber: day).rawValue] {
            total += max(0, min(high, hours.endSecond) - max(low, hours.startSecond))
        }
        return total
    }

    /// Business seconds of the whole days `first ..< end`: whole weeks at once, then the leftover days,
    /// then the holidays in the range taken back out.
    private func wholeDaySeconds(from first: Int64, to end: Int64) -> Int64 {
        guard end > first else { return 0 }
        let weeks = (end - first) / 7
        var total = weeks * weeklyBusinessSeconds
        var day = first + weeks * 7
        while day < end {
            total += dailySeconds[Weekday(dayNumber: day).rawValue]
            day += 1
        }
        return total - holidaySeconds(from: first, to: end)
    }

    /// Business seconds the holidays in days `first ..< end` would have had.
    private func holidaySeconds(from first: Int64, to end: Int64) -> Int64 {
        var index = firstHolidayIndex(atOrAfter: first)
        var total: Int64 = 0
        while index < holidayDays.count, holidayDays[index] < end {
            total += dailySeconds[Weekday(dayNumber: holidayDays[index]).rawValue]
            index += 1
        }
        return total
    }

    private func firstHolidayIndex(atOrAfter day: Int64) -> Int {
        var low = 0, high = holidayDays.count
        while low < high {
            let middle = (low + high) / 2
            if holidayDays[middle] < day { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Walks local time forward from `start` until `amount` business seconds have passed or `limit` is reached.
    ///
    /// Returns the local instant when reached (`instant`), else how many business seconds lay before `limit`.
    func advanceLocal(from start: Int64, limit: Int64?, by amount: Int64) -> (instant: Int64?, consumed: Int64) {
        var remaining = amount
        var consumed: Int64 = 0
        var day = BusinessCalendar.floorDivide(start, 86_400)
        var cursor = start
        while true {
            let dayStart = day * 86_400
            if let limit, dayStart >= limit { return (nil, consumed) }
            // Skip whole weeks while they cannot contain the answer; holidays only shorten them.
            if cursor == dayStart, remaining > weeklyBusinessSeconds {
                var weeks = (remaining - 1) / weeklyBusinessSeconds
                if let limit { weeks = min(weeks, (limit - dayStart) / (7 * 86_400)) }
                if weeks > 0 {
                    let skipped = weeks * weeklyBusinessSeconds - holidaySeconds(from: day, to: day + weeks * 7)
                    remaining -= skipped
                    consumed += skipped
                    day += weeks * 7
                    cursor = day * 86_400
                    continue
                }
            }
            if !isHoliday(dayNumber: day) {
                for hours in weeklyHours[Weekday(dayNumber: day).rawValue] {
                    let open = max(cursor, dayStart + hours.startSecond)
                    var close = dayStart + hours.endSecond
                    if let limit { close = min(close, limit) }
                    guard close > open else { continue }
                    if close - open >= remaining { return (open + remaining, consumed + remaining) }
                    remaining -= close - open
                    consumed += close - open
                }
            }
            day += 1
            cursor = day * 86_400
        }
    }

    // MARK: - Time zone offsets

    static func offset(at seconds: Int64, in timeZone: TimeZone) -> Int64 {
        Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds))))
    }

    /// The first instant after `seconds` with a different UTC offset, or nil when the offset never changes again.
    static func nextOffsetChange(after seconds: Int64, in timeZone: TimeZone) -> Int64? {
        guard let next = timeZone.nextDaylightSavingTimeTransition(after: Date(timeIntervalSince1970: TimeInterval(seconds)))
        else { return nil }
        let change = Int64(next.timeIntervalSince1970.rounded(.up))
        // A transition at or before the cursor would stall the walk; treat it as no further change.
        return change > seconds ? change : nil
    }

    static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
