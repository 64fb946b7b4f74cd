/// What a `TicketSource` hands the importer for each record it reads.
enum ImportItem {
    /// A valid ticket, reduced to what the store writes.
    case ticket(TicketRecord)
    /// A record refused, with where it is and why.
    case rejected(ImportRejection)
    /// A problem with the whole input, such as a CSV header without the columns the mapping needs: an import stops
    /// with it (writing nothing); a dry run notes it and reads on, to report everything at once.
    case fileProblem(any Error)
    /// The distinct values of columns no field reads, at the end of an input that lacks required fields (see
    /// `CSVColumnCensus`); not a record.
    case columnValues([ImportReport.ColumnValues])
}
