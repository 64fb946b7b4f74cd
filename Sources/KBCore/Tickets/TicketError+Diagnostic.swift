extension TicketError: DiagnosticConvertible {
    /// Record errors carry no place: the importer knows the file and line (`ImportRejection`) and places them.
    public var diagnostic: Diagnostic { Diagnostic(.error, description) }
}
