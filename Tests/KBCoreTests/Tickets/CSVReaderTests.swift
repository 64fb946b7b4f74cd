import Foundation
import Testing
import KBTestSupport
@testable import KBCore

/// What the reader produced, in a form tests can compare.
private enum ReadItem: Equatable {
    case record(line: Int, fields: [String])
    case malformed(line: Int, error: CSVError)
}

private func read(_ bytes: [UInt8], chunkSize: Int = 1 << 20, maximumRecordBytes: Int = 16 << 20,
                  delimiter: UInt8? = nil) throws -> (items: [ReadItem], delimiter: UInt8?) {
    let directory = try TemporaryDirectory()
    let file = directory.url.appendingPathComponent("input.csv")
    try Data(bytes).write(to: file)
    let reader = try CSVReader(path: file.path, delimiter: delimiter, chunkSize: chunkSize, maximumRecordBytes: maximumRecordBytes)
    var items: [ReadItem] = []
    try reader.forEachRecord { item in
        switch item {
        case .record(let record):
            items.append(.record(line: record.line, fields: (0..<record.count).map { record.text($0) ?? "<invalid>" }))
        case let .malformed(line, error):
            items.append(.malformed(line: line, error: error))
        }
        return true
    }
    return (items, reader.delimiter)
}

private func read(_ text: String, chunkSize: Int = 1 << 20, maximumRecordBytes: Int = 16 << 20) throws -> [ReadItem] {
    try read(Array(text.utf8), chunkSize: chunkSize, maximumRecordBytes: maximumRecordBytes).items
}

@Suite struct CSVReaderTests {
    /// Every chunk size from tiny to larger than the input must give the same records: state survives chunk edges.
    @Test(arguments: [1, 2, 3, 5, 7, 64, 1 << 20])
    func rfc4180RecordsWithLineNumbers(chunkSize: Int) throws {
        let text = "\u{FEFF}id,title,description\r\n"
            + "1,Login,\"línea uno\r\nlínea \"\"dos\"\"\"\r\n"
            + "\n"
            + "2,\"con, coma\",\"\"\n"
            + "3,a \"quote\" inside,x\n"
            + "4,last,no newline"
        let items = try read(Array(text.utf8), chunkSize: chunkSize).items
        #expect(items == [
            .record(line: 1, fields: ["id", "title", "description"]),
            .record(line: 2, fields: ["1", "Login", "línea uno\nlínea \"dos\""]),
            .record(line: 5, fields: ["2", "con, coma", ""]),
            .record(line: 6, fields: ["3", "a \"quote\" inside", "x"]),
            .record(line: 7, fields: ["4", "last", "no newline"]),
        ])
    }

    @Test(arguments: [
        ("a;b;c\n1;2;3\n", UInt8(ascii: ";")),
        ("a,b,c\n1,2,3\n", UInt8(ascii: ",")),
        ("a\tb\tc\n1\t2\t3\n", UInt8(0x09)),
        ("\"x;y\",b,c\n", UInt8(ascii: ",")),
        ("\"Nombre, apellido\";Fecha;Total\n", UInt8(ascii: ";")),
    ])
    func detectsDelimiterFromHeader(text: String, expected: UInt8) throws {
        let result = try read(Array(text.utf8))
        #expect(result.delimiter == expected)
        if case .record(_, let fields)? = result.items.first { #expect(fields.count == 3) }
    }

    @Test func emptyAndTrailingFields() throws {
        let items = try read("a,b,c\r\n,,\r\n1,,\r\n")
        #expect(items == [
            .record(line: 1, fields: ["a", "b", "c"]),
            .record(line: 2, fields: ["", "", ""]),
            .record(line: 3, fields: ["1", "", ""]),
        ])
    }

    /// A quote in the middle of an unquoted value is text; an undoubled quote inside a quoted value
    /// breaks that record only: it is named by its first line and reading resumes on the next line.
    @Test(arguments: [1, 4, 1 << 20])
    func textAfterClosingQuoteResumesOnNextLine(chunkSize: Int) throws {
        let text = "id,title\n1,\"He said \"hi\" there\"\n2,ok\n"
        let items = try read(text, chunkSize: chunkSize)
        #expect(items == [
            .record(line: 1, fields: ["id", "title"]),
            .malformed(line: 2, error: .textAfterClosingQuote(field: 2, resumeLine: 3)),
            .record(line: 3, fields: ["2", "ok"]),
        ])
    }

    /// A stray opening quote swallows the following lines until some later quote; the record is
    /// rejected on the line it starts on and the swallowed records are read again.
    @Test(arguments: [1, 3, 16, 1 << 20])
    func strayQuoteSwallowingLinesIsUndone(chunkSize: Int) throws {
        let text = "id,title,description\n"
            + "1,\"broken title,desc one\n"
            + "2,fine,desc two\n"
            + "3,also fine,\"quoted desc\"\n"
            + "4,last,desc four\n"
        let items = try read(text, chunkSize: chunkSize)
        #expect(items == [
            .record(line: 1, fields: ["id", "title", "description"]),
            .malformed(line: 2, error: .textAfterClosingQuote(field: 2, resumeLine: 3)),
            .record(line: 3, fields: ["2", "fine", "desc two"]),
            .record(line: 4, fields: ["3", "also fine", "quoted desc"]),
            .record(line: 5, fields: ["4", "last", "desc four"]),
        ])
    }

    @Test(arguments: [1, 5, 1 << 20])
    func quoteOpenAtEndOfFileResumesAfterItsFirstLine(chunkSize: Int) throws {
        let text = "id,title\n1,\"never closed\n2,fine\n3,fine too\n"
        let items = try read(text, chunkSize: chunkSize)
        #expect(items == [
            .record(line: 1, fields: ["id", "title"]),
            .malformed(line: 2, error: .unterminatedQuote(resumeLine: 3, overLimit: nil)),
            .record(line: 3, fields: ["2", "fine"]),
            .record(line: 4, fields: ["3", "fine too"]),
        ])
    }

    @Test func quoteOpenOnLastLineEndsTheFile() throws {
        let items = try read("id,title\n1,\"never closed")
        #expect(items == [
            .record(line: 1, fields: ["id", "title"]),
            .malformed(line: 2, error: .unterminatedQuote(resumeLine: nil, overLimit: nil)),
        ])
    }

    /// An unquoted record over the limit is skipped to its end; a quoted field over it is taken as a stray quote.
    @Test(arguments: [2, 1 << 20])
    func recordsOverTheLimit(chunkSize: Int) throws {
        let long = String(repeating: "x", count: 100)
        let text = "id,title\n1,\(long)\n2,ok\n3,\"\(long)\n4,after\"\n5,end\n"
        let items = try read(text, chunkSize: chunkSize, maximumRecordBytes: 50)
        #expect(items == [
            .record(line: 1, fields: ["id", "title"]),
            .malformed(line: 2, error: .recordTooLong(bytes: 101, limit: 50)),
            .record(line: 3, fields: ["2", "ok"]),
            .malformed(line: 4, error: .unterminatedQuote(resumeLine: 5, overLimit: 50)),
            .record(line: 5, fields: ["4", "after\""]),
            .record(line: 6, fields: ["5", "end"]),
        ])
    }

    /// Going back to resynchronise needs the bytes of the record in progress; the input keeps them, so a pipe
    /// recovers from a stray quote exactly as a file does (it used to stop with "cannot be read again").
    @Test(arguments: [3, 7, 1 << 20])
    func pipeResynchronisesLikeAFile(chunkSize: Int) throws {
        let text = "id,title\n1,\"open\n2,x\n3,\"He said \"hi\"\"\n4,\"fine\"\n5,\"open again\n6,y\n"
        let pipe = Pipe()
        pipe.fileHandleForWriting.write(Data(text.utf8))
        try pipe.fileHandleForWriting.close()
        let path = "/dev/fd/\(pipe.fileHandleForReading.fileDescriptor)"
        let reader = try CSVReader(path: path, chunkSize: chunkSize)
        var items: [ReadItem] = []
        try reader.forEachRecord { item in
            switch item {
            case .record(let record): items.append(.record(line: record.line, fields: (0..<record.count).map { record.text($0) ?? "" }))
            case let .malformed(line, error): items.append(.malformed(line: line, error: error))
            }
            return true
        }
        let fromFile = try read(text, chunkSize: chunkSize)
        #expect(items == fromFile)
        #expect(items.contains(.record(line: 3, fields: ["2", "x"])))
        #expect(items.contains(.record(line: 7, fields: ["6", "y"])))
    }

    @Test func stopsWhenAskedTo() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("a.csv", "a,b\n1,2\n3,4\n")
        var count = 0
        try CSVReader(path: file.path).forEachRecord { _ in
            count += 1
            return count < 2
        }
        #expect(count == 2)
    }

    @Test func missingFileIsUnreadable() {
        #expect(throws: TicketError.self) { try CSVReader(path: "/nonexistent/file.csv") }
    }

    @Test func windows1252AndLatin1Decode() {
        let bytes: ArraySlice<UInt8> = [0x43, 0x61, 0xF1, 0x6F, 0x20, 0x80, 0x93, 0x94][...]
        #expect(CSVEncoding.windows1252.decode(bytes) == "Caño €“”")
        #expect(CSVEncoding.latin1.decode(bytes[0..<4]) == "Caño")
        #expect(CSVEncoding.utf8.decode(bytes) == nil)
        #expect(CSVEncoding.windows1252.decode([0x81][...]) == nil)
        #expect(CSVEncoding(name: "CP1252") == .windows1252)
        #expect(CSVEncoding(name: "ISO_8859-1") == .latin1)
    }
}
