import Foundation

extension HolidayCalendar {
    /// The national holiday calendars compiled into kb, by name: `AR`, `CL`, `CO`, `ES`, `MX`, `PE`, `US`.
    ///
    /// Read once from `BuiltInHolidayData` (the files of `Sources/KBCore/SLA/Holidays/`); a test reads every
    /// file, so a malformed one never ships.
    public static let builtIn: [String: HolidayCalendar] = {
        var calendars: [String: HolidayCalendar] = [:]
        for (name, text) in BuiltInHolidayData.files {
            do {
                calendars[name] = try HolidayCalendar(dataFile: Data(text.utf8), file: "Sources/KBCore/SLA/Holidays/\(name).json")
            } catch {
                preconditionFailure("built-in holiday calendar \(name): \(error)")
            }
        }
        return calendars
    }()

    /// Sorted day numbers of each built-in calendar's holidays.
    static let builtInDays: [String: [Int64]] = builtIn.mapValues(\.ownDays)

    /// The country of an IANA time zone among the built-in calendars' zones (`America/Mexico_City` → `MX`).
    public static func builtInCountry(forTimeZone identifier: String) -> String? {
        builtInZoneCountries[identifier]
    }

    private static let builtInZoneCountries: [String: String] = {
        var countries: [String: String] = [:]
        for calendar in builtIn.values {
            for zone in calendar.timeZones { countries[zone] = calendar.country ?? calendar.name }
        }
        return countries
    }()
}
