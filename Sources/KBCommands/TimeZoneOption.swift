import Foundation
import KBCore

/// `--tz ZONE`: show times in this IANA zone instead of each customer's.
enum TimeZoneOption {
    static let spec = OptionSpec.value("--tz", valueName: "ZONE",
                                       help: "Show times in this IANA time zone (e.g. America/Bogota) instead of each customer's.")

    /// The clock `--tz` asks for; nil without the option; a usage error for a name that is not an IANA zone.
    static func clock(_ arguments: ParsedArguments) throws -> LocalClock? {
        guard let name = arguments.value("--tz") else { return nil }
        guard let clock = LocalClock(identifier: name) else {
            throw UsageError("--tz needs an IANA time zone such as America/Mexico_City or UTC, not '\(name)'")
        }
        return clock
    }
}
