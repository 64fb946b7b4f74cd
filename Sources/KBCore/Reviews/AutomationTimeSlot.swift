/// When incidents were created, in the customer's local time: the slots SLA breaches are clustered by.
enum AutomationTimeSlot: Sendable, Hashable {
    /// Outside the 12x5 calendar's hours (evenings, nights, weekends, holidays).
    case outsideBusinessHours
    /// A weekday, Monday = 0.
    case weekday(Int)
    /// A shift of ``shiftStartHours``, by index.
    case shift(Int)

    /// Start hours of the shifts: 00–08, 08–14, 14–20, 20–24.
    static let shiftStartHours = [0, 8, 14, 20]

    /// Every slot, in report order.
    static let all: [AutomationTimeSlot] =
        [.outsideBusinessHours] + (0..<7).map { .weekday($0) } + shiftStartHours.indices.map { .shift($0) }

    /// The shift index of a local hour.
    static func shift(ofHour hour: Int) -> Int {
        shiftStartHours.lastIndex { $0 <= hour } ?? 0
    }

    /// `HH:00–HH:00` of a shift.
    static func shiftText(_ shift: Int) -> String {
        let start = shiftStartHours[shift]
        let end = shift + 1 < shiftStartHours.count ? shiftStartHours[shift + 1] : 24
        func clock(_ hour: Int) -> String { (hour < 10 ? "0" : "") + String(hour) + ":00" }
        return clock(start) + "–" + clock(end)
    }

    /// Whether an incident was created in this slot.
    func contains(_ incident: AutomationIncident) -> Bool {
        switch self {
        case .outsideBusinessHours: return incident.outsideBusinessHours
        case .weekday(let day): return incident.weekday == day
        case .shift(let shift): return AutomationTimeSlot.shift(ofHour: incident.hour) == shift
        }
    }
}
