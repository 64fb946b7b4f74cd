import Foundation
import Testing
import KBTestSupport
@testable import KBCommands

@Suite struct PolicyCommandTests {
    static let policy = """
        {"customers": {"Autopartes del Bajío": {"plan": "12x5", "timezone": "America/Mexico_City"},
                       "Constructora Pehuén": {"plan": "12x5", "timezone": "America/Santiago"},
                       "Clínica Dental Castellana": {"plan": "12x5", "timezone": "Europe/Madrid"}}}
        """

    /// A workspace with the database, the three customers and no tickets.
    func workspace() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        #expect(runKB(["init", "."], in: directory.url).code == 0)
        try directory.write("kb/policy.json", Self.policy)
        return directory
    }

    /// The first-response due time (UTC) `kb suggest --json` gives a severity-1 report received at `now`.
    func firstResponseDue(_ customer: String, now: String, in directory: TemporaryDirectory) throws -> String {
        let result = runKB(["suggest", "--json", "--now", now, "--customer", customer, "No carga el login del portal, pantalla en blanco"],
                           in: directory.url)
        #expect(result.code == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let sla = try #require(json["sla"] as? [String: Any])
        #expect(sla["severity"] as? Int == 1)
        return try #require(sla["first_response_due"] as? String)
    }

    /// The issue's examples: Mexico works on 18 September and rests on the 16th; Chile the other way round.
    @Test func mexicoAndChileGetTheirOwnHolidays() throws {
        let directory = try workspace()
        // Tuesday 15 September 2026, 19:50 in Mexico City: the 16th is Independence Day, so Thursday 08:05.
        #expect(try firstResponseDue("Autopartes del Bajío", now: "2026-09-15T19:50:00-06:00", in: directory) == "2026-09-17T14:05:00Z")
        // Thursday 17 September: Friday the 18th is a working day in Mexico.
        #expect(try firstResponseDue("Autopartes del Bajío", now: "2026-09-17T19:50-06:00", in: directory) == "2026-09-18T14:05:00Z")
        // In Santiago the 18th and 19th are Fiestas Patrias: Monday 21 September, 08:05 (-03:00).
        #expect(try firstResponseDue("Constructora Pehuén", now: "2026-09-17T19:50-03:00", in: directory) == "2026-09-21T11:05:00Z")
    }

    @Test func importingARegionalHolidayChangesTheDueTime() throws {
        let directory = try workspace()
        let customer = "Clínica Dental Castellana"
        // Thursday 18 March 2027, 19:50 in Madrid: due Friday 19 March, 08:05 (+01:00).
        #expect(try firstResponseDue(customer, now: "2027-03-18T19:50:00+01:00", in: directory) == "2027-03-19T07:05:00Z")
        try directory.write("san-jose.ics", [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Comunidad de Madrid//Festivos 2027//ES",
            "BEGIN:VEVENT", "UID:san-jose-2027@madrid", "DTSTART;VALUE=DATE:20270319", "DTEND;VALUE=DATE:20270320",
            "SUMMARY:San José", "END:VEVENT", "END:VCALENDAR", "",
        ].joined(separator: "\r\n"))
        let imported = runKB(["policy", "holidays", "import", "san-jose.ics", "--calendar", "ES-MD", "--customer", customer],
                             in: directory.url)
        #expect(imported.code == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("holiday calendar ES-MD (new, extends ES): added 1 day off from san-jose.ics"))
        // The 19th is now a day off for this customer: Monday 22 March, 08:05.
        #expect(try firstResponseDue(customer, now: "2027-03-18T19:50:00+01:00", in: directory) == "2027-03-22T07:05:00Z")
        // Other Spanish customers keep the national calendar; the rest of the policy is intact.
        let policy = try String(contentsOf: directory.url.appendingPathComponent("kb/policy.json"), encoding: .utf8)
        #expect(policy.contains("\"Autopartes del Bajío\"") && policy.contains("\"holiday_calendar\": \"ES-MD\""))
        // Importing again adds nothing and leaves the file as it is.
        let again = runKB(["policy", "holidays", "import", "san-jose.ics", "--calendar", "ES-MD"], in: directory.url)
        #expect(again.stdout.contains("added 0 days off from san-jose.ics; 1 already counted"))
        #expect(try String(contentsOf: directory.url.appendingPathComponent("kb/policy.json"), encoding: .utf8) == policy)
    }

    @Test func aMalformedCalendarNamesItsLineAndChangesNothing() throws {
        let directory = try workspace()
        try directory.write("bad.ics", "BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:Fiesta\nDTSTART:20270502T000000\nEND:VEVENT\nEND:VCALENDAR\n")
        let result = runKB(["policy", "holidays", "import", "bad.ics", "--calendar", "ES-MD"], in: directory.url)
        #expect(result.code == 1)
        #expect(result.stderr == "bad.ics:4: error: DTSTART 20270502T000000 is a date and time; kb imports all-day events (DTSTART;VALUE=DATE:20270502)\n")
        #expect(try String(contentsOf: directory.url.appendingPathComponent("kb/policy.json"), encoding: .utf8) == Self.policy)
        let missing = runKB(["policy", "holidays", "import", "bad.ics"], in: directory.url)
        #expect(missing.code == 64 && missing.stderr.contains("missing expected option '--calendar <NAME>'"))
        let absent = runKB(["policy", "holidays", "import", "none.ics", "--calendar", "CL"], in: directory.url)
        #expect(absent.code == 1 && absent.stderr == "none.ics: error: cannot read the calendar: no such file\n")
    }

    @Test func checkValidatesAndWarnsAboutCalendarsThatRunOut() throws {
        let directory = try workspace()
        let ok = runKB(["policy", "check"], in: directory.url)
        #expect(ok.code == 0)
        #expect(ok.stdout.hasPrefix("kb/policy.json: valid; 0 warnings"))
        let late = runKB(["policy", "check", "--year", "2030", "--strict"], in: directory.url)
        #expect(late.code == 1)
        #expect(late.stdout.contains("warning: holiday calendar MX (12x5: Autopartes del Bajío) has no holidays for 2031"))
        try directory.write("kb/policy.json", #"{"customers": {"A": {"plan": "oro"}}}"#)
        let invalid = runKB(["policy", "check"], in: directory.url)
        #expect(invalid.code == 1)
        #expect(invalid.stderr.hasSuffix("kb/policy.json:1:30: error: $.customers.A.plan: unknown plan \"oro\"; known plans: 12x5, 24x7\n"))
    }

    @Test func listShowsACalendarWithItsSources() throws {
        let directory = try workspace()
        let result = runKB(["policy", "holidays", "list", "CO", "--year", "2026"], in: directory.url)
        #expect(result.code == 0)
        #expect(result.stdout.contains("  2026-07-13 Mon  Día de Nuestra Señora del Rosario de Chiquinquirá (trasladado del 9 de julio)  [moved]  (ley-2578-2026)"))
        #expect(result.stdout.contains("  ley-51-1983: Ley 51 de 1983 (Ley Emiliani)"))
        #expect(!result.stdout.contains("2025-"))
        let unknown = runKB(["policy", "holidays", "list", "BR"], in: directory.url)
        #expect(unknown.code == 64 && unknown.stderr.contains("known: AR, CL, CO, ES, MX, PE, US"))
    }
}
