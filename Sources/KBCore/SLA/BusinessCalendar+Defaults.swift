extension BusinessCalendar {
    /// Every day, all day, no holidays: business time is elapsed time.
    public static let twentyFourSeven = BusinessCalendar(
        validatedName: "24x7",
        week: Array(repeating: [Hours(startSecond: 0, endSecond: 86_400)!], count: 7),
        holidayDays: []
    )

    /// Monday to Friday 08:00–20:00, with Chile's national holidays of 2026 and 2027 (the default time zone's
    /// country), moved as Chilean law moves them (June 29 and October 12 to Monday; Easter's Friday and Saturday;
    /// the winter solstice for the Indigenous Peoples' day). Later years go in `kb/policy.json`.
    public static let twelveFive = BusinessCalendar(
        validatedName: "12x5",
        week: (0..<7).map { $0 < 5 ? [Hours(startSecond: 8 * 3_600, endSecond: 20 * 3_600)!] : [] },
        holidayDays: [
            "2026-01-01", "2026-04-03", "2026-04-04", "2026-05-01", "2026-05-21", "2026-06-21", "2026-06-29",
            "2026-07-16", "2026-08-15", "2026-09-18", "2026-09-19", "2026-10-12", "2026-10-31", "2026-11-01",
            "2026-12-08", "2026-12-25",
            "2027-01-01", "2027-03-26", "2027-03-27", "2027-05-01", "2027-05-21", "2027-06-21", "2027-06-28",
            "2027-07-16", "2027-08-15", "2027-09-18", "2027-09-19", "2027-10-11", "2027-10-31", "2027-11-01",
            "2027-12-08", "2027-12-25",
        ].compactMap(BusinessCalendar.dayNumber(of:))
    )
}
