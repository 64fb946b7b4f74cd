extension BusinessCalendar {
    /// Every day, all day, no holidays: business time is elapsed time.
    public static let twentyFourSeven = BusinessCalendar(
        validatedName: "24x7",
        week: Array(repeating: [Hours(startSecond: 0, endSecond: 86_400)!], count: 7),
        holidayDays: [],
        holidaySource: .none
    )

    /// Monday to Friday 08:00–20:00 with the public holidays of each customer's country
    /// (`HolidayCalendar.builtIn`: Chile, Mexico, Peru, Colombia, Argentina, Spain and the United States).
    public static let twelveFive = BusinessCalendar(
        validatedName: "12x5",
        week: (0..<7).map { $0 < 5 ? [Hours(startSecond: 8 * 3_600, endSecond: 20 * 3_600)!] : [] },
        holidayDays: [],
        holidaySource: .country
    )
}
