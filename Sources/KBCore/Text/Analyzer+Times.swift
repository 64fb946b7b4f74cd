extension Analyzer {
    /// Whether `term` is a time of day, or numbers joined by colons like one (`16:10`, `09:30:00`): a term that says
    /// when something happened, not what. Search keeps it (it singles out the incident that began then); what compares
    /// tickets by their words (similar tickets, recurring causes, questions asked again) leaves it out, as it left
    /// out the two short numbers a time was analysed into before.
    public static func isClockTime(_ term: some Collection<UInt8>) -> Bool {
        var sawColon = false
        var previousIsDigit = false
        for byte in term {
            if ScanByte.isDigit(byte) {
                previousIsDigit = true
            } else if byte == UInt8(ascii: ":"), previousIsDigit {
                sawColon = true
                previousIsDigit = false
            } else {
                return false
            }
        }
        return sawColon && previousIsDigit
    }

    /// `isClockTime` of a term held as a string.
    public static func isClockTime(_ term: String) -> Bool {
        isClockTime(term.utf8)
    }
}
