import Foundation
import Testing
import KBTestSupport
@testable import KBCore

@Suite struct HolidayCalendarDataTests {
    static let folder = SharedTestData.packageRoot.appendingPathComponent("Sources/KBCore/SLA/Holidays")
    static let countries = ["AR", "CL", "CO", "ES", "MX", "PE", "US"]

    /// The compiled-in data must be exactly the files (run scripts/embed-holidays).
    @Test func compiledInDataMatchesTheFiles() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
            .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
        #expect(names == BuiltInHolidayData.files.keys.sorted(), "run scripts/embed-holidays")
        for name in names {
            let text = try String(contentsOf: Self.folder.appendingPathComponent(name + ".json"), encoding: .utf8)
            #expect(BuiltInHolidayData.files[name] == text, "\(name).json differs from its built-in copy; run scripts/embed-holidays")
        }
    }

    @Test(arguments: countries)
    func eachCountryCoversTwentyTwentyFiveToTwentyThirtyWithItsSources(code: String) throws {
        let calendar = try #require(HolidayCalendar.builtIn[code])
        #expect(calendar.name == code && calendar.country == code)
        #expect(calendar.years == 2_025...2_030)
        let dates = calendar.holidays.map(\.date)
        #expect(dates == dates.sorted(), "\(code): holidays in date order")
        for year in 2_025...2_030 {
            let count = dates.filter { $0.hasPrefix(String(year)) }.count
            // Mexico has the fewest rest days (seven to nine); every other country has ten or more.
            #expect(count >= (code == "MX" ? 7 : 10), "\(code) \(year): \(count) holidays")
        }
        for holiday in calendar.holidays {
            #expect(!holiday.name.isEmpty)
            #expect(calendar.citation(of: holiday).map { !$0.isEmpty } == true, "\(code) \(holiday.date): no source")
        }
    }

    /// Every zone the system's `zone.tab` gives a country is one of its calendar's zones, so a customer's zone
    /// always finds its country.
    @Test func everyZoneOfTheSevenCountriesNamesItsCountry() throws {
        let url = URL(fileURLWithPath: "/usr/share/zoneinfo/zone.tab")
        guard let table = try? String(contentsOf: url, encoding: .utf8) else {
            print("skipped: /usr/share/zoneinfo/zone.tab is not on this machine")
            return
        }
        var checked = 0
        for line in table.split(separator: "\n") where !line.hasPrefix("#") {
            let columns = line.split(separator: "\t")
            guard columns.count >= 3, Self.countries.contains(String(columns[0])) else { continue }
            #expect(HolidayCalendar.builtInCountry(forTimeZone: String(columns[2])) == String(columns[0]), "\(columns[2])")
            checked += 1
        }
        #expect(checked > 50)
    }

    @Test func aBadDataFileNamesTheEntryAndTheReason() {
        let file = #"{"calendar": "XX", "sources": {"a": "Ley 1"}, "years": [2025, 2025], "holidays": [{"date": "2025-01-01", "name": "Año Nuevo", "source": "b"}]}"#
        #expect(throws: PolicyError.invalid(path: "$.holidays[0]", reason: "\"source\" must be one of the keys of \"sources\": a")) {
            try HolidayCalendar(dataFile: Data(file.utf8), file: "XX.json")
        }
        let outside = #"{"calendar": "XX", "sources": {"a": "Ley 1"}, "years": [2025, 2025], "holidays": [{"date": "2026-01-01", "name": "x", "source": "a"}]}"#
        #expect(throws: PolicyError.invalid(path: "$.holidays[0]", reason: "2026-01-01 is outside the years 2025–2025")) {
            try HolidayCalendar(dataFile: Data(outside.utf8), file: "XX.json")
        }
    }
}
