import Foundation
import KBCore

/// `kb policy holidays import FILE.ics --calendar NAME`: adds a year or a regional set of holidays to kb/policy.json.
struct PolicyHolidaysImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "import",
        abstract: "Add the all-day events of an iCalendar file to a holiday calendar in kb/policy.json.",
        discussion: """
            Reads RFC 5545 all-day events (DTSTART;VALUE=DATE, DTEND or DURATION for several days, yearly
            RRULEs, EXDATE, RDATE) as governments and calendar services publish them, and adds the days the
            calendar does not count yet to "holiday_calendars" in kb/policy.json, keeping the rest of the file.
            NAME is a built-in country (CL, MX, PE, CO, AR, ES, US) to add a year, or a new calendar such as
            ES-MD, which extends ES. A bad file is refused with its line and reason, and nothing is written.
            """,
        examples: ["kb policy holidays import festivos-madrid-2027.ics --calendar ES-MD --customer \"Clínica Dental Castellana\"",
                   "kb policy holidays import feriados-2031.ics --calendar CL --dry-run"])

    @Argument(help: "The iCalendar (.ics) file.") var file: String
    @Option(valueName: "NAME", help: "The holiday calendar to add to: CL, MX, …, or a new one such as ES-MD.") var calendar: String
    @Option(valueName: "NAME", help: "For a new calendar: the one whose days it includes (default: ES for ES-MD).") var extends: String?
    @Option(valueName: "NAME", help: "Give this customer of kb/policy.json the calendar (repeatable).") var customer: [String]
    @Option(valueName: "YEAR", help: "Last year of yearly rules that never end (default: four years after this one).")
    var through: Int?
    @Flag(help: "Show what would be added; write nothing.") var dryRun: Bool
    @OptionGroup var output: JSONOption

    func validate() throws {
        try PolicyCommand.checkYear(through, option: "--through")
    }

    func run(_ context: CommandContext) throws -> Int32 {
        let name = calendar
        let through = through ?? PolicyCommand.year(of: context.now) + 4
        let path = file
        let url = try context.input(path, kind: "calendars")
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw ICalendarError.unreadable(file: path, reason: FileManager.default.fileExists(atPath: url.path) ? "permission denied or not a file" : "no such file")
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: ICalendarReader.maximumBytes + 1)) ?? Data()
        let result = try ICalendarReader(file: path, lastYear: through).read(data)
        guard !result.holidays.isEmpty else {
            throw ICalendarError.invalid(file: path, line: 1, reason: "the calendar has no all-day events to import"
                + (result.cancelled > 0 ? " (\(result.cancelled) cancelled)" : ""))
        }
        let workspace = try context.workspace()
        let policyFile = workspace.policyFile
        try workspace.checkConfined(policyFile, kind: "policy")
        let text = FileManager.default.fileExists(atPath: policyFile.path) ? try String(contentsOf: policyFile, encoding: .utf8) : nil
        let change = try PolicyFileEditor.addingHolidays(result.holidays, toCalendar: name, extends: extends,
                                                        assigningTo: customer, in: text, file: PolicyCommand.displayPath)
        let write = !dryRun && (change.createdEntry || !change.added.isEmpty || !change.assigned.isEmpty)
        if write { try Data(change.text.utf8).write(to: policyFile, options: .atomic) }
        let users = change.policy.customers(usingHolidayCalendar: name)
        if output.json {
            context.stdout.line(change.jsonText(written: write, file: PolicyCommand.displayPath, usedBy: users))
            return KB.success
        }
        let origin = change.createdEntry ? " (new" + (change.extends.map { ", extends \($0)" } ?? "") + ")" : ""
        let verb = dryRun ? "would add" : "added"
        context.stdout.line("\(PolicyCommand.displayPath): holiday calendar \(name)\(origin): \(verb) \(change.added.count) day\(change.added.count == 1 ? "" : "s") off from \(path); \(change.alreadyCounted) already counted")
        for holiday in change.added { context.stdout.line("  \(holiday.date)  \(holiday.name)") }
        for customer in change.assigned { context.stdout.line("\(customer): holiday_calendar \(name)") }
        if users.isEmpty {
            context.stdout.line("note: no customer uses \(name) yet; set \"holiday_calendar\": \"\(name)\" (or \"country\") on a customer in \(PolicyCommand.displayPath)")
        }
        return KB.success
    }
}
