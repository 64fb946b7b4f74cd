extension CSVTimeFormatError: DiagnosticConvertible {
    public var diagnostic: Diagnostic { Diagnostic(.error, reason) }
}
