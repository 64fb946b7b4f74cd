import Foundation
import Testing
@testable import KBCore

@Suite struct HolidayPolicyTests {
    private func parse(_ json: String) throws -> Policy {
        try Policy(jsonData: Data(json.utf8), file: "test.json")
    }

    private func ticket(customer: String, zone: String? = nil) -> Ticket {
        Ticket(id: "T-1", title: "x", customer: customer, timezone: zone, severity: 3, status: .new,
               createdAt: Timestamp(iso8601: "2026-09-15T12:00:00Z")!)
    }

    @Test func aCustomersCountryPicksItsHolidaysFromItsFieldOrItsZone() throws {
        let policy = try parse("""
            {"customers": {"Autopartes del Bajío": {"timezone": "America/Mexico_City"},
                           "Oficina Miami": {"timezone": "America/New_York", "country": "CO"},
                           "Sin país": {"timezone": "UTC"}}}
            """)
        let mexico = policy.terms(for: ticket(customer: "autopartes del bajio"))
        #expect(mexico.country == "MX" && mexico.holidayCalendar == "MX")
        #expect(mexico.calendar.isHoliday("2026-09-16") && !mexico.calendar.isHoliday("2026-09-18"))
        let colombia = policy.terms(for: ticket(customer: "Oficina Miami"))
        #expect(colombia.holidayCalendar == "CO" && colombia.calendar.isHoliday("2026-07-20"))
        let nowhere = policy.terms(for: ticket(customer: "Sin país"))
        #expect(nowhere.holidayCalendar == nil && nowhere.calendar.countedHolidays.isEmpty)
        #expect(nowhere.warnings == ["time zone UTC names no country, so calendar 12x5 counts no public holidays; give the customer a \"country\" in kb/policy.json"])
        // 24x7 takes no public holidays.
        let allDay = Policy.default.terms(for: Ticket(id: "T", title: "x", plan: "24x7", timezone: "America/Lima", severity: 1,
                                                      status: .new, createdAt: Timestamp(seconds: 0)))
        #expect(allDay.holidayCalendar == nil && allDay.calendar.isAlwaysOpen && allDay.warnings.isEmpty)
    }

    @Test func regionalCalendarsExtendTheirCountryAndExceptRemovesDays() throws {
        let policy = try parse("""
            {"holiday_calendars": {"ES-MD": {"extends": "ES", "holidays": [{"date": "2027-05-03", "name": "Dos de Mayo (trasladado)"}]},
                                   "AR": {"except": ["2026-07-10"], "holidays": ["2031-01-01"]}},
             "customers": {"Clínica Dental Castellana": {"timezone": "Europe/Madrid", "holiday_calendar": "ES-MD"}}}
            """)
        let madrid = policy.terms(for: ticket(customer: "Clínica Dental Castellana"))
        #expect(madrid.holidayCalendar == "ES-MD" && madrid.country == "ES")
        #expect(madrid.calendar.isHoliday("2027-05-03") && madrid.calendar.isHoliday("2027-10-12"))
        let argentina = try #require(policy.holidayDays(ofCalendar: "AR"))
        #expect(!argentina.contains(BusinessCalendar.dayNumber(of: "2026-07-10")!))
        #expect(argentina.contains(BusinessCalendar.dayNumber(of: "2031-01-01")!))
        #expect(policy.listedHolidays(ofCalendar: "ES-MD").contains { $0.holiday.date == "2027-12-08" && $0.calendar.name == "ES" })
        let again = try parse(policy.jsonText)
        #expect(again == policy)
    }

    @Test(arguments: [
        (#"{"customers": {"A": {"country": "mx"}}}"#, "$.customers.A.country",
         "expected a two-letter ISO 3166 country code such as \"MX\", found \"mx\""),
        (#"{"customers": {"A": {"holiday_calendar": "ES-XX"}}}"#, "$.customers.A.holiday_calendar",
         "unknown holiday calendar \"ES-XX\"; known: AR, CL, CO, ES, MX, PE, US"),
        (#"{"calendars": {"12x5": {"holiday_calendar": "XX"}}}"#, "$.calendars.12x5.holiday_calendar",
         "unknown holiday calendar \"XX\"; expected \"country\", \"none\" or one of: AR, CL, CO, ES, MX, PE, US"),
        (#"{"holiday_calendars": {"A": {"extends": "B", "holidays": []}, "B": {"extends": "A", "holidays": []}}}"#,
         "$.holiday_calendars.B.extends", "holiday calendars extend each other in a cycle: A → B → A"),
        (#"{"holiday_calendars": {"A": {"holidays": ["2027-02-30"]}}}"#, "$.holiday_calendars.A.holidays[0]",
         "expected a date YYYY-MM-DD, found \"2027-02-30\""),
        (#"{"holiday_calendars": {"A": {"holidays": [{"date": "2027-01-01", "kind": "bridge"}]}}}"#,
         "$.holiday_calendars.A.holidays[0].kind",
         "unknown kind \"bridge\"; expected one of: holiday, moved, observed, non_working, election"),
        (#"{"pause_limits": {"1": "0m"}}"#, "$.pause_limits.1", "a duration must be longer than zero"),
    ])
    func badHolidayFieldsNameTheirPath(json: String, path: String, reason: String) {
        do {
            _ = try parse(json)
            Issue.record("expected an error for \(json)")
        } catch let PolicyError.invalid(errorPath, errorReason, location) {
            #expect(errorPath == path)
            #expect(errorReason == reason)
            #expect(location?.path == "test.json" && location?.line == 1, "\(String(describing: location))")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func importingKeepsTheRestOfTheFileAndIsIdempotent() throws {
        let original = """
            {
              "_nota": "revisar cada enero",
              "default_timezone": "America/Bogota",
              "customers": {"Clínica Dental Castellana": {"plan": "12x5", "timezone": "Europe/Madrid"}},
              "calendars": {"12x5": {"holidays": []}}
            }
            """
        let holidays = [HolidayCalendar.Holiday(date: "2027-05-03", name: "Dos de Mayo", source: "madrid.ics"),
                        HolidayCalendar.Holiday(date: "2027-01-01", name: "Año Nuevo", source: "madrid.ics")]
        let first = try PolicyFileEditor.addingHolidays(holidays, toCalendar: "ES-MD", assigningTo: ["clinica dental castellana"],
                                                        in: original, file: "kb/policy.json")
        #expect(first.createdEntry && first.extends == "ES")
        #expect(first.added.map(\.date) == ["2027-05-03"] && first.alreadyCounted == 1)
        #expect(first.assigned == ["Clínica Dental Castellana"])
        #expect(first.text.contains("\"_nota\": \"revisar cada enero\""))
        let keys = try #require(try JSONParser().parse(first.text).objectValue).map(\.0)
        #expect(keys == ["_nota", "default_timezone", "customers", "calendars", "holiday_calendars"])
        #expect(first.text.contains(#"{"date": "2027-05-03", "name": "Dos de Mayo", "source": "madrid.ics"}"#))
        #expect(first.policy.customers["Clínica Dental Castellana"] == CustomerTerms(plan: "12x5", timezone: "Europe/Madrid", holidayCalendar: "ES-MD"))
        #expect(first.policy.defaultTimeZone == "America/Bogota")
        let second = try PolicyFileEditor.addingHolidays(holidays, toCalendar: "ES-MD", in: first.text, file: "kb/policy.json")
        #expect(second.added.isEmpty && second.alreadyCounted == 2 && second.text == first.text)
    }

    @Test func importRefusesBusinessCalendarsBadNamesAndUnknownCustomers() {
        let holidays = [HolidayCalendar.Holiday(date: "2027-05-03", name: "x")]
        #expect(throws: PolicyError.invalid(path: "--calendar", reason: "12x5 is a business calendar (hours); name a holiday calendar instead: AR, CL, CO, ES, MX, PE, US, or a new one such as ES-MD")) {
            try PolicyFileEditor.addingHolidays(holidays, toCalendar: "12x5", in: nil, file: "kb/policy.json")
        }
        #expect(throws: PolicyError.invalid(path: "--calendar", reason: "\"_x\" is not a holiday calendar name; use letters, digits and '-', such as ES-MD")) {
            try PolicyFileEditor.addingHolidays(holidays, toCalendar: "_x", in: nil, file: "kb/policy.json")
        }
        #expect(throws: PolicyError.invalid(path: "--customer", reason: "no customer \"Nadie\" in kb/policy.json; customers: ")) {
            try PolicyFileEditor.addingHolidays(holidays, toCalendar: "ES-MD", assigningTo: ["Nadie"], in: nil, file: "kb/policy.json")
        }
        do {
            _ = try PolicyFileEditor.addingHolidays(holidays, toCalendar: "ES-MD", in: "{\n  \"a\": ,\n}", file: "kb/policy.json")
            Issue.record("a malformed policy was edited")
        } catch {
            guard case let .malformedJSON(file, line, _, _) = error else { Issue.record("\(error)"); return }
            #expect(file == "kb/policy.json" && line == 2)
        }
    }

    @Test func checkWarnsAboutCalendarsThatRunOutAndCountriesWithout() throws {
        let policy = try parse("""
            {"customers": {"Casa Brasil": {"timezone": "America/Sao_Paulo", "country": "BR"},
                           "Sin país": {"timezone": "UTC"},
                           "Bodegas Mendoza Sur": {"timezone": "America/Argentina/Buenos_Aires"}},
             "holiday_calendars": {"XX": {"holidays": ["2026-01-01"]}},
             "calendars": {"12x5": {"holidays": ["2026-09-18", "2026-09-19", "2026-12-24"]}}}
            """)
        let messages = PolicyCheck(policy: policy, year: 2_030).findings.map { "\($0.level.rawValue): \($0.message)" }
        #expect(messages.contains("warning: holiday calendar AR (12x5: Bodegas Mendoza Sur) has no holidays for 2031; add them with 'kb policy holidays import FILE.ics --calendar AR'"))
        #expect(messages.contains("warning: no holiday calendar for country BR (Casa Brasil): their SLA clocks count no public holidays; add one with 'kb policy holidays import FILE.ics --calendar BR'"))
        #expect(messages.contains("warning: time zone UTC names no country (Sin país): their SLA clocks count no public holidays; give each customer a \"country\" in kb/policy.json"))
        #expect(messages.contains("warning: calendar 12x5 lists 3 holidays of its own, which every customer gets whatever its country; 2 of them are CL's national holidays, which CL customers already get from holiday calendar CL: remove them from \"holidays\""))
        #expect(messages.contains { $0.hasPrefix("note: AR (12x5: Bodegas Mendoza Sur): Días no laborables con fines turísticos") })
        #expect(PolicyCheck(policy: .default, year: 2_026).warnings.isEmpty)
    }
}
