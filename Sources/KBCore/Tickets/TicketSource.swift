/// A ticket file format `kb import` reads: how its first bytes are recognised and how its records are read.
///
/// A format is one conforming type plus its entry in `TicketSources.all`. Everything else an import does (reading
/// each input once, the transaction, upserts, counts, rejections, `--strict`, dry runs) is the importer's, the same
/// for every format.
protocol TicketSource {
    /// The name `--format` takes.
    static var format: ImportFormat { get }
    /// What inputs in this format look like, for the message when no format recognises an input.
    static var signature: String { get }
    /// Where the format shows in `prefix`: the index of the first line that has its shape (0: the first line),
    /// nil when none has. The format that shows earliest wins; a tie goes to the one registered first.
    static func recognition(in prefix: ImportPrefix) -> Int?
    /// The reader of one import, for every input of this format in it; its settings are checked here, before
    /// anything is read.
    init(context: ImportContext) throws
    /// Reads `file` to its end, handing each ticket or rejection to `body` in file order.
    func read(_ file: ImportFile, into body: (ImportItem) throws -> Void) throws
}

/// The formats `kb import` reads, and the detection that picks one for an input.
enum TicketSources {
    /// Every format, in the order ties are broken and `--format` lists them.
    static var all: [any TicketSource.Type] { [JSONLinesTicketSource.self, CSVTicketSource.self, ZendeskTicketSource.self] }

    /// The source type of a format.
    static func type(of format: ImportFormat) -> (any TicketSource.Type)? {
        all.first { $0.format == format }
    }

    /// The format of an input that starts with `prefix`; `file` names it in the error when no format fits.
    static func detect(_ prefix: ImportPrefix, file: String) throws(ImportFormatError) -> ImportFormat {
        if let format = recognised(in: prefix) { return format }
        let expected = all.map { $0.signature }
        throw .undetectable(file: file, reason: "\(prefix.appearance); kb reads \(expected.dropLast().joined(separator: ", ")) or \(expected.last!)")
    }

    /// The format that shows earliest in `prefix` (the first registered on a tie), nil when none does.
    private static func recognised(in prefix: ImportPrefix) -> ImportFormat? {
        let shown = all.compactMap { source in source.recognition(in: prefix).map { (index: $0, format: source.format) } }
        return shown.min { $0.index < $1.index }?.format
    }
}
