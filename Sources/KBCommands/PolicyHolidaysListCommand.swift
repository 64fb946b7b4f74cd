import Foundation
import KBCore

/// `kb policy holidays list [NAME]`: the holiday calendars, or one calendar's days off with their sources.
struct PolicyHolidaysListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "list",
        abstract: "List the holiday calendars, or the days off of one with their sources.",
        examples: ["kb policy holidays list", "kb policy holidays list MX --year 2026"])

    @Argument(help: "A holiday calendar (CL, MX, PE, CO, AR, ES, US, or one of kb/policy.json).") var calendar: String?
    @Option(valueName: "YEAR", help: "Only the days off of this year.") var year: Int?
    @OptionGroup var output: JSONOption

    func validate() throws {
        try PolicyCommand.checkYear(year, option: "--year")
    }

    func run(_ context: CommandContext) throws -> Int32 {
        let policy = try context.knowledgeBase().policy()
        guard let name = self.calendar else {
            if output.json {
                context.stdout.line(policy.holidayCalendarsJSON)
                return KB.success
            }
            for name in policy.holidayCalendarNames {
                let calendar = policy.holidayCalendar(named: name)
                let days = policy.listedHolidays(ofCalendar: name).map(\.holiday.date)
                let span = days.isEmpty ? "no days off" : "\(Set(days).count) days off, \(days.first!.prefix(4))–\(days.last!.prefix(4))"
                let users = policy.customers(usingHolidayCalendar: name)
                let listed = users.filter { $0 != "*" }.count
                let use = "used by \(listed) customer\(listed == 1 ? "" : "s")" + (users.contains("*") ? " and the default terms" : "")
                context.stdout.line("\(name)  \(calendar?.title ?? "")  (\(span)\(calendar?.extends.map { ", extends \($0)" } ?? ""); \(use))")
            }
            return KB.success
        }
        guard let calendar = policy.holidayCalendar(named: name) else {
            throw UsageError("unknown holiday calendar '\(name)'; known: \(policy.holidayCalendarNames.joined(separator: ", "))")
        }
        if output.json {
            context.stdout.line(policy.holidayListJSON(calendar: name, year: year))
            return KB.success
        }
        context.stdout.line("\(name)  \(calendar.title ?? "")")
        var cited: [(key: String, text: String)] = []
        for row in policy.listedHolidays(ofCalendar: name) where year.map({ row.holiday.date.hasPrefix(String($0) + "-") }) ?? true {
            let weekday = BusinessCalendar.weekdayName(ofDate: row.holiday.date)
            var line = "  \(row.holiday.date) \(weekday)  \(row.holiday.name.isEmpty ? "(no name)" : row.holiday.name)"
            if row.holiday.kind != .holiday { line += "  [\(row.holiday.kind.rawValue)]" }
            if let source = row.holiday.source {
                let key = row.calendar.sources[source] != nil ? source : "\(cited.count + 1)"
                if !cited.contains(where: { $0.key == key }) { cited.append((key, row.calendar.citation(of: row.holiday) ?? source)) }
                line += "  (\(key))"
            }
            context.stdout.line(line)
        }
        if !cited.isEmpty {
            context.stdout.line("Sources:")
            for (key, text) in cited { context.stdout.line("  \(key): \(text)") }
        }
        for note in calendar.notes { context.stdout.line("Note: \(note)") }
        for pending in calendar.pending { context.stdout.line("Pending \(pending.years.lowerBound)–\(pending.years.upperBound): \(pending.note)") }
        return KB.success
    }
}
