import Foundation
import KBCore

/// `kb policy holidays`: list holiday calendars and import iCalendar files into them.
struct PolicyHolidaysCommand: ParsableCommand {
    static var children: [any Subcommand.Type] {
        [PolicyHolidaysImportCommand.self, PolicyHolidaysListCommand.self]
    }

    static let configuration = CommandConfiguration(
            name: "holidays",
            abstract: "List holiday calendars and import holidays from iCalendar files.",
            discussion: """
                A business calendar such as 12x5 takes the public holidays of each customer's country: the
                customer's "country" in kb/policy.json, else the country of its time zone. A customer's
                "holiday_calendar" (a region such as ES-MD) replaces its country's.
                """,
            examples: ["kb policy holidays list", "kb policy holidays list AR --year 2026",
                       "kb policy holidays import festivos-madrid.ics --calendar ES-MD"])

    func run(_ context: CommandContext) throws -> Int32 {
        context.stdout.write(HelpRenderer.help(Self.spec, path: ["kb", "policy", "holidays"]))
        return KB.success
    }
}
