import Foundation
import Testing
@testable import KBCore

@Suite struct PolicyTests {
    /// The package root, found from this file's path so the test runs from any working directory.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private func parse(_ json: String) throws -> Policy {
        try Policy(jsonData: Data(json.utf8), file: "test.json")
    }

    /// The demo workspace's policy: the defaults plus the demo customers' plans and time zones.
    static var demoPolicy: Policy { DemoData.policy }

    /// `KB_UPDATE_GOLDEN=1` rewrites kb/policy.json from `demoPolicy`.
    @Test func shippedFileIsTheDefaultsWithTheDemoCustomers() throws {
        let url = PolicyTests.packageRoot.appendingPathComponent("kb/policy.json")
        if ProcessInfo.processInfo.environment["KB_UPDATE_GOLDEN"] == "1" {
            try Data(Self.demoPolicy.jsonText.utf8).write(to: url)
        }
        let shipped = try String(contentsOf: url, encoding: .utf8)
        #expect(shipped == Self.demoPolicy.jsonText)
        #expect(try Policy.load(path: url.path) == Self.demoPolicy)
    }

    @Test func defaultJSONRoundTrips() throws {
        let parsed = try parse(Policy.defaultJSON)
        #expect(parsed == Policy.default)
        #expect(parsed.jsonText == Policy.defaultJSON)
    }

    @Test func defaultJSONIsValidJSONWithEveryField() throws {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(Policy.defaultJSON.utf8)) as? [String: Any])
        #expect(object.keys.sorted() == Policy.fieldNames.sorted())
        #expect(Policy.defaultJSON.hasSuffix("}\n"))
    }

    @Test func emptyObjectIsTheDefault() throws {
        #expect(try parse("{}") == Policy.default)
    }

    @Test func defaultsMatchTheBrief() {
        let policy = Policy.default
        #expect(policy.language == .spanish)
        #expect(policy.defaultTimeZone == "America/Santiago")
        #expect(policy.targets[1] == SeverityTargets(firstResponseSeconds: 900, updateSeconds: 1_800, resolutionSeconds: 14_400))
        #expect(policy.pausingStatuses == [.waitingCustomer])
        #expect(policy.vendorStatuses == [.waitingVendor])
        #expect(policy.plans == ["12x5": "12x5", "24x7": "24x7"])
        #expect(policy.calendars["12x5"]?.hours(on: .monday).map(\.text) == ["08:00-20:00"])
        #expect(policy.calendars["12x5"]?.hours(on: .saturday) == [])
        #expect(policy.calendars["24x7"]?.isAlwaysOpen == true)
        #expect(policy.zendesk.severity(forPriority: "Urgent") == 1)
        #expect(policy.zendesk.severity(forPriority: "low") == 4)
        #expect(policy.zendesk.status(forStatus: "pending") == .waitingCustomer)
        #expect(policy.zendesk.status(forStatus: "hold") == .waitingVendor)
        #expect(policy.zendesk.status(forStatus: "open") == .inProgress)
        #expect(policy.escalation.warningPercent == 75)
        #expect(policy.escalation.exceededPercent == 100)
        for severity in 1...5 {
            let targets = policy.targets[severity]
            #expect(targets.map { $0.firstResponseSeconds < $0.updateSeconds && $0.updateSeconds < $0.resolutionSeconds } == true)
        }
    }

    @Test func partialFileKeepsTheOtherDefaults() throws {
        let policy = try parse("""
            {"language": "en", "targets": {"1": {"first_response": "10m"}},
             "calendars": {"12x5": {"holidays": ["2027-01-01"]}}}
            """)
        var expected = Policy.default
        expected.language = .english
        expected.targets[1]?.firstResponseSeconds = 600
        expected.calendars["12x5"] = try BusinessCalendar(
            name: "12x5", hours: [.monday: [BusinessCalendar.Hours(text: "08:00-20:00")!],
                                  .tuesday: [BusinessCalendar.Hours(text: "08:00-20:00")!],
                                  .wednesday: [BusinessCalendar.Hours(text: "08:00-20:00")!],
                                  .thursday: [BusinessCalendar.Hours(text: "08:00-20:00")!],
                                  .friday: [BusinessCalendar.Hours(text: "08:00-20:00")!]],
            holidays: ["2027-01-01"], holidaySource: .country)
        #expect(policy == expected)
    }

    @Test func customPolicyRoundTrips() throws {
        let policy = try parse("""
            {
              "_note": "keys starting with an underscore are ignored",
              "calendars": {"8x5": {"hours": {"mon": "09:00-17:00", "tue": ["09:00-13:00", "14:00-18:00"]},
                                    "holidays": ["2026-05-01", "2026-01-01", "2026-05-01"]}},
              "plans": {"basico": "8x5"},
              "default_plan": "basico",
              "customers": {"Banco Sur": {"plan": "24x7", "timezone": "America/Bogota"}, "Acme": {"timezone": "Europe/Madrid"}},
              "targets": {"3": {"resolution": 5400, "update": "1h30m"}},
              "escalation": {"levels": ["L1", "L2"], "critical_level": "L2", "sla_warning_percent": 80,
                             "vendors": {"acme-cloud": {"keywords": ["nube acme"]}}},
              "routing": {"portal": {"team": "web", "level": "L1"}, "contrasenas": {"team": "x", "level": "L1"},
                          "documentacion": {"team": "api", "level": "L2"}, "estadisticas": {"team": "d", "level": "L1"}, "mensajeria": {"team": "m", "level": "L1"},
                          "reportes": {"team": "d", "level": "L1"}, "llamadas": {"team": "v", "level": "L1"},
                          "webchat": {"team": "w", "level": "L1"}, "nuevo": {"team": "n"}},
              "zendesk": {"priorities": {"Urgent": 2}, "statuses": {"hold": "waiting_customer"}},
              "pausing_statuses": ["waiting_vendor", "waiting_customer", "waiting_customer"],
              "failure_words": ["roto"]
            }
            """)
        let calendar = try #require(policy.calendars["8x5"])
        #expect(calendar.hours(on: .tuesday).map(\.text) == ["09:00-13:00", "14:00-18:00"])
        #expect(calendar.holidays == ["2026-01-01", "2026-05-01"])
        #expect(calendar.weeklyBusinessSeconds == 8 * 3_600 * 2)
        #expect(policy.customers["Banco Sur"] == CustomerTerms(plan: "24x7", timezone: "America/Bogota"))
        #expect(policy.targets[3] == SeverityTargets(firstResponseSeconds: 7_200, updateSeconds: 5_400, resolutionSeconds: 5_400))
        #expect(policy.escalation.vendors.map(\.name) == ["acme-cloud", "certificadora", "cloudsms", "correo-seguro", "mensajeria-latam", "nubehost", "telco-andina"])
        #expect(policy.zendesk.priorities["urgent"] == 2)
        #expect(policy.zendesk.statuses["hold"] == .waitingCustomer)
        #expect(policy.pausingStatuses == [.waitingCustomer, .waitingVendor])
        #expect(policy.routing["webchat"] == ServiceRoute(team: "w", level: "L1"))
        #expect(policy.routing["nuevo"] == ServiceRoute(team: "n", level: nil))
        let again = try parse(policy.jsonText)
        #expect(again == policy)
        #expect(again.jsonText == policy.jsonText)
    }

    @Test(arguments: [
        ("15m", Int64(900)), ("4h", 14_400), ("90s", 90), ("1h30m", 5_400), ("2d", 172_800), ("1d2h3m4s", 93_784),
    ])
    func durationTexts(text: String, seconds: Int64) throws {
        let policy = try parse(#"{"targets": {"2": {"update": "\#(text)"}}}"#)
        #expect(policy.targets[2]?.updateSeconds == seconds)
    }

    @Test func canonicalDurationText() {
        #expect(PolicyDuration.text(of: 5_400) == "1h30m")
        #expect(PolicyDuration.text(of: 432_000) == "120h")
        #expect(PolicyDuration.text(of: 3_725) == "1h2m5s")
        #expect(PolicyDuration.text(of: 45) == "45s")
    }

    @Test(arguments: ["\"15\"", "\"1m1h\"", "\"\"", "\"1h1h\"", "\"abc\"", "\"1.5h\"", "true", "1.5", "\"h\"", "\"4 h\"", "[]"])
    func rejectsBadDurations(value: String) {
        // The value starts on column 38, after `{"targets": {"1": {"first_response": `.
        #expect(throws: PolicyError.invalid(path: "$.targets.1.first_response", reason: PolicyDuration.expectation,
                                            location: .init(path: "test.json", line: 1, column: 38))) {
            try parse(#"{"targets": {"1": {"first_response": \#(value)}}}"#)
        }
    }

    @Test func rejectsZeroAndNegativeDurations() {
        for value in ["0", "-5", "\"0m\""] {
            #expect(throws: PolicyError.invalid(path: "$.targets.4.resolution", reason: "a duration must be longer than zero",
                                                location: .init(path: "test.json", line: 1, column: 34))) {
                try parse(#"{"targets": {"4": {"resolution": \#(value)}}}"#)
            }
        }
    }

    @Test(arguments: [
        (#"[]"#, "$", "expected an object, found a list"),
        (#"{"lenguaje": "es"}"#, "$.lenguaje", "unknown field; expected one of: language,"),
        (#"{"language": "fr"}"#, "$.language", "expected \"es\" or \"en\""),
        (#"{"language": 1}"#, "$.language", "expected a string, found a number"),
        (#"{"default_timezone": "Mars/Olympus"}"#, "$.default_timezone", "unknown time zone \"Mars/Olympus\""),
        (#"{"customers": {"Banco Sur": {"timezone": "America/Santiagoo"}}}"#, "$.customers[\"Banco Sur\"].timezone",
         "unknown time zone \"America/Santiagoo\""),
        (#"{"customers": {"Acme": {"plan": "oro"}}}"#, "$.customers.Acme.plan", "unknown plan \"oro\"; known plans: 12x5, 24x7"),
        (#"{"plans": {"oro": "9x5"}}"#, "$.plans.oro", "unknown calendar \"9x5\"; known calendars: 12x5, 24x7"),
        (#"{"default_plan": "oro"}"#, "$.default_plan", "unknown plan \"oro\""),
        (#"{"calendars": {"12x5": {"holidays": ["2026-02-30"]}}}"#, "$.calendars.12x5.holidays[0]",
         "expected a date YYYY-MM-DD, found \"2026-02-30\""),
        (#"{"calendars": {"12x5": {"holidays": ["01/05/2026"]}}}"#, "$.calendars.12x5.holidays[0]", "expected a date YYYY-MM-DD"),
        (#"{"calendars": {"8x5": {"holidays": []}}}"#, "$.calendars.8x5", "a new calendar needs \"hours\""),
        (#"{"calendars": {"8x5": {"hours": {"mon": "8:00-17:00"}}}}"#, "$.calendars.8x5.hours.mon", "expected hours such as"),
        (#"{"calendars": {"8x5": {"hours": {"mon": "18:00-17:00"}}}}"#, "$.calendars.8x5.hours.mon", "expected hours such as"),
        (#"{"calendars": {"8x5": {"hours": {"mon": ["09:00-13:00", "12:00-17:00"]}}}}"#, "$.calendars.8x5.hours.mon",
         "hours 09:00-13:00 and 12:00-17:00 overlap"),
        (#"{"calendars": {"8x5": {"hours": {"lunes": "09:00-17:00"}}}}"#, "$.calendars.8x5.hours.lunes", "unknown field"),
        (#"{"calendars": {"8x5": {"hours": {}}}}"#, "$.calendars.8x5.hours", "a calendar needs open hours"),
        (#"{"targets": {"6": {"resolution": "1h"}}}"#, "$.targets.6", "expected a severity from 1 to 5 as key"),
        (#"{"targets": {"1": {"first_reply": "1h"}}}"#, "$.targets.1.first_reply", "unknown field"),
        (#"{"pausing_statuses": ["waiting"]}"#, "$.pausing_statuses[0]", "unknown status \"waiting\""),
        (#"{"pausing_statuses": "waiting_customer"}"#, "$.pausing_statuses", "expected a list, found a string"),
        (#"{"escalation": {"sla_warning_percent": 100}}"#, "$.escalation.sla_warning_percent", "must be below"),
        (#"{"escalation": {"critical_severities": [1, 7]}}"#, "$.escalation.critical_severities[1]",
         "expected an integer from 1 to 5, found 7"),
        (#"{"escalation": {"critical_level": "N9"}}"#, "$.escalation.critical_level", "unknown level \"N9\""),
        (#"{"escalation": {"levels": []}}"#, "$.escalation.levels", "expected at least one level"),
        (#"{"escalation": {"vendors": {"x": {"services": []}}}}"#, "$.escalation.vendors.x", "a vendor needs at least one keyword"),
        (#"{"routing": {"portal": {"level": "N7"}}}"#, "$.routing.portal.level", "unknown level \"N7\""),
        (#"{"routing": {"nuevo": {"level": "N1"}}}"#, "$.routing.nuevo", "a new route needs a \"team\""),
        (#"{"severity_keywords": {"2": {"phrases": ["**"]}}}"#, "$.severity_keywords.2.phrases[0]", "expected a phrase"),
        (#"{"failure_words": ["fa*lla"]}"#, "$.failure_words[0]", "expected a phrase"),
        (#"{"zendesk": {"priorities": {"urgent": 0}}}"#, "$.zendesk.priorities.urgent", "expected an integer from 1 to 5, found 0"),
        (#"{"zendesk": {"statuses": {"hold": "on_hold"}}}"#, "$.zendesk.statuses.hold", "unknown status \"on_hold\""),
    ])
    func invalidPoliciesNameThePath(json: String, path: String, reason: String) {
        do {
            _ = try parse(json)
            Issue.record("expected an error for \(json)")
        } catch let PolicyError.invalid(errorPath, errorReason, location) {
            #expect(errorPath == path)
            #expect(errorReason.hasPrefix(reason) || errorReason.contains(reason), "\(errorReason)")
            #expect(location?.path == "test.json" && location?.line == 1 && location?.column != nil, "\(String(describing: location))")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func malformedJSONNamesFileLineAndColumn() {
        let json = "{\n  \"language\": \"es\",\n  \"default_plan\": x\n}\n"
        #expect(throws: PolicyError.malformedJSON(file: "kb/policy.json", line: 3, column: 19, reason: "unexpected character")) {
            try Policy(jsonData: Data(json.utf8), file: "kb/policy.json")
        }
        let error = PolicyError.malformedJSON(file: "kb/policy.json", line: 3, column: 19, reason: "unexpected character")
        #expect(error.description == "kb/policy.json:3:19: error: malformed json: unexpected character")
    }

    /// Syntax errors anywhere (after accented text, at the end of the file, after a byte order mark) name the
    /// line and the column in characters where the parser stopped.
    @Test(arguments: [
        ("{\n  \"language\": \"es\",\n", 3, 1, "expected a member name in quotes"),
        ("{\"customers\": {\"Clínica\": {\"plan\" \"24x7\"}}}", 1, 35, "expected ':'"),
        ("\u{FEFF}{\n\n  ,}", 3, 3, "expected a member name in quotes"),
        ("{\"language\": \"es\"} x", 1, 20, "unexpected text after the value"),
    ])
    func syntaxErrorsNameLineAndColumn(json: String, line: Int, column: Int, reason: String) {
        #expect(throws: PolicyError.malformedJSON(file: "p.json", line: line, column: column, reason: reason)) {
            try Policy(jsonData: Data(json.utf8), file: "p.json")
        }
    }

    /// Errors about values name the line and column where the value is written, in a file laid out over many
    /// lines; cross-reference errors (a plan naming an unknown calendar) too.
    @Test func invalidValuesNameTheirLine() {
        let json = """
            {
              "language": "es",
              "plans": {
                "oro": "9x5"
              },
              "targets": {
                "2": {"update": "1h", "resolution": "pronto"}
              }
            }
            """
        #expect(throws: PolicyError.invalid(path: "$.targets.2.resolution", reason: PolicyDuration.expectation,
                                            location: .init(path: "kb/policy.json", line: 7, column: 41))) {
            try Policy(jsonData: Data(json.utf8), file: "kb/policy.json")
        }
        let fixed = json.replacingOccurrences(of: "\"pronto\"", with: "\"8h\"")
        do {
            _ = try Policy(jsonData: Data(fixed.utf8), file: "kb/policy.json")
            Issue.record("expected an unknown calendar")
        } catch {
            #expect(error.description.hasPrefix("kb/policy.json:4:12: error: $.plans.oro: unknown calendar \"9x5\""), "\(error)")
        }
        let twice = json.replacingOccurrences(of: "\"language\": \"es\",", with: "\"language\": \"es\", \"language\": \"en\",")
        #expect(throws: PolicyError.invalid(path: "$.language", reason: "\"language\" is written twice in this object; keep one",
                                            location: .init(path: "kb/policy.json", line: 2, column: 33))) {
            try Policy(jsonData: Data(twice.utf8), file: "kb/policy.json")
        }
    }

    @Test func missingFileIsUnreadable() {
        #expect(throws: PolicyError.unreadable(file: "/nonexistent/policy.json", reason: "no such file")) {
            try Policy.load(path: "/nonexistent/policy.json")
        }
    }


    @Test func errorDescriptionsAreLowerCase() {
        let error = PolicyError.invalid(path: "$.targets.1.first_response", reason: PolicyDuration.expectation)
        #expect(error.description == "error: $.targets.1.first_response: expected a duration such as \"15m\", \"4h\" or \"2d\"")
    }

    @Test func termsFollowTicketThenCustomerThenDefault() throws {
        let policy = try parse(#"{"customers": {"Clínica Norte": {"plan": "24x7", "timezone": "America/Mexico_City"}}}"#)
        let created = Timestamp(iso8601: "2026-03-02T09:00:00-03:00")!
        var ticket = Ticket(id: "T-1", title: "x", customer: "clinica norte", severity: 3, status: .new, createdAt: created)
        var terms = policy.terms(for: ticket)
        #expect(terms.planName == "24x7")
        #expect(terms.calendar.name == "24x7")
        #expect(terms.timeZone.identifier == "America/Mexico_City")
        #expect(terms.warnings.isEmpty)

        ticket.plan = "12x5"
        ticket.timezone = "America/Bogota"
        terms = policy.terms(for: ticket)
        #expect(terms.planName == "12x5")
        #expect(terms.timeZone.identifier == "America/Bogota")

        ticket.customer = "Otro"
        ticket.plan = "oro"
        ticket.timezone = "Nowhere/Land"
        terms = policy.terms(for: ticket)
        #expect(terms.planName == "12x5")
        #expect(terms.timeZone.identifier == "America/Santiago")
        #expect(terms.warnings.count == 3)
        #expect(terms.warnings.contains("unknown plan \"oro\""))
    }

    @Test func lookupsIgnoreCaseAndAccents() {
        let policy = Policy.default
        #expect(policy.route(forService: "Mensajería")?.team == "canales-digitales")
        #expect(policy.route(forService: "nada") == nil)
        #expect(policy.isCritical(service: "Llamadas"))
        #expect(!policy.isCritical(service: "reportes"))
        #expect(policy.targets(forSeverity: 9) == policy.targets[5])
    }
}
