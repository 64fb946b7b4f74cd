/// What `KnowledgeBase.importTickets(_:onReject:)` imports: the inputs, opened and told apart beforehand
/// (`openImportInputs`), how their formats are read, and whether anything is written.
public struct ImportRequest: Sendable {
    public var files: [ImportFile]
    public var options: ImportOptions
    /// Import nothing if any record is rejected.
    public var strict: Bool
    /// Read and check everything, write nothing (not even a database).
    public var dryRun: Bool
    /// How many rejections of each kind reach `onReject`; nil: all of them. The report keeps them all.
    public var rejectionsReportedPerKind: Int?

    public init(files: [ImportFile], options: ImportOptions = ImportOptions(), strict: Bool = false, dryRun: Bool = false,
                rejectionsReportedPerKind: Int? = nil) {
        self.files = files
        self.options = options
        self.strict = strict
        self.dryRun = dryRun
        self.rejectionsReportedPerKind = rejectionsReportedPerKind
    }
}
