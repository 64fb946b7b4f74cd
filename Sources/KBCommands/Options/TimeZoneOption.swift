import KBCore

/// `--tz ZONE`: show times in this IANA zone instead of each customer's (JSON keeps UTC and the customer's zone).
struct TimeZoneOption: ParsableArguments {
    @Option(valueName: "ZONE", help: "Show times in this IANA time zone (e.g. America/Bogota) instead of each customer's.")
    var tz: LocalClock?
}

/// An IANA time zone name (`America/Mexico_City`, `UTC`) as the clock people read times in.
extension LocalClock: ExpressibleByArgument {
    init?(argument: String) {
        self.init(identifier: argument)
    }

    static var expectation: String { "an IANA time zone such as America/Mexico_City or UTC" }
    static var valueName: String? { "ZONE" }
    var argumentText: String { name }
}
