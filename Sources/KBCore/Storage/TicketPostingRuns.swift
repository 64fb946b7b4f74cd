import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Sorted runs of buffered postings, spilled to a temporary file during a bulk write and merged into `ticket_postings`
/// once, term by term, at its end (`TicketPostingsWriter.spillToRuns(besides:)`).
///
/// `ticket_postings` is ordered by term, and an import appends to nearly every term's list: written out whenever the
/// writer's buffer filled, each flush read and rewrote the last block of every term it held, pages spread over the
/// whole table — at 1,000,000 tickets ≈ 110 flushes, which read back 6 GB and wrote 7.9 GB for a 2.55 GB file. A run
/// is the buffer written once, in term order, to this file (sequentially); the merge then writes each term's postings
/// into the table once, in term order, as search engines build an index from sorted runs.
///
/// The file is unlinked as soon as it is created, so nothing is left behind however the process ends. Used from the
/// store's thread only, like the writer.
final class TicketPostingRuns {
    /// One term's postings in one run: a block body (`TicketPostingBlock`, the first rowid whole) of `count` postings,
    /// the last at `lastRowid`.
    struct Entry {
        var term: [UInt8]
        var count: Int
        var lastRowid: Int64
        var body: [UInt8]
    }

    /// Runs a merge reads at once at most; a bulk write that spills more merges them into the table first (each run
    /// read through a `readBytes` buffer, so the merge's memory stays bounded).
    static let maximumRuns = 128
    /// Bytes a run's reader reads at a time.
    static let readBytes = 64 << 10
    /// Bytes gathered before a write to the file.
    static let writeBytes = 1 << 20

    /// The folder of the temporary file, for error messages.
    let directory: String
    private let descriptor: Int32
    /// Each run's bytes in the file.
    private var runs: [Range<Int>] = []
    private var end = 0
    private var pending: [UInt8] = []
    private var runStart = 0
    /// The highest rowid any run holds (`Int64.min` when they hold none): a posting added at or below it must not be
    /// appended after them.
    private(set) var highestRowid = Int64.min

    /// Creates the temporary file in `directory` (the database's folder: it has room for what the database will hold)
    /// and unlinks it at once.
    init(directory: String) throws {
        self.directory = directory
        var template = Array((directory + "/.kb-postings-XXXXXX").utf8CString)
        let opened = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard opened >= 0 else { throw Self.failure(directory, errno) }
        descriptor = opened
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
    }

    deinit {
        close(descriptor)
    }

    /// Whether no run is held.
    var isEmpty: Bool { runs.isEmpty }

    /// Runs held.
    var count: Int { runs.count }

    // MARK: - Writing

    /// Appends one entry to the run being written; terms must come in ascending byte order within a run.
    ///
    /// An entry is four varints (the term's length, the count, the last rowid, the body's length), then the term and
    /// the body.
    func append(term: UnsafeBufferPointer<UInt8>, count: Int, lastRowid: Int64, body: UnsafeBufferPointer<UInt8>) throws {
        TicketPostingBlock.appendVarint(UInt64(term.count), to: &pending)
        TicketPostingBlock.appendVarint(UInt64(count), to: &pending)
        TicketPostingBlock.appendVarint(UInt64(bitPattern: lastRowid), to: &pending)
        TicketPostingBlock.appendVarint(UInt64(body.count), to: &pending)
        pending.append(contentsOf: term)
        pending.append(contentsOf: body)
        highestRowid = max(highestRowid, lastRowid)
        if pending.count >= Self.writeBytes { try writePending() }
    }

    /// Ends the run being written.
    func endRun() throws {
        try writePending()
        if end > runStart { runs.append(runStart..<end) }
        runStart = end
    }

    private func writePending() throws {
        var written = 0
        while written < pending.count {
            let result = pending.withUnsafeBytes { bytes in
                pwrite(descriptor, bytes.baseAddress! + written, bytes.count - written, off_t(end + written))
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw Self.failure(directory, errno)
            }
            written += result
        }
        end += pending.count
        pending.removeAll(keepingCapacity: pending.capacity <= 2 * Self.writeBytes)
    }

    /// Forgets every run and gives the file's space back.
    func clear() {
        runs.removeAll()
        pending.removeAll()
        end = 0
        runStart = 0
        highestRowid = .min
        _ = ftruncate(descriptor, 0)
    }

    // MARK: - Merging

    /// Calls `body` with each term held, in ascending byte order, and its entries from every run in the order the runs
    /// were written (so in ascending rowid).
    func merge(_ body: (_ term: [UInt8], _ entries: [Entry]) throws -> Void) throws {
        var readers = try runs.map { try Reader(runs: self, range: $0) }
        // A binary heap of readers by their current entry's term, then by run (the older first).
        var heap: [Int] = []
        func less(_ left: Int, _ right: Int) -> Bool {
            let order = readers[left].current!.term.withUnsafeBufferPointer { leftTerm in
                readers[right].current!.term.withUnsafeBufferPointer { Self.byteOrder(leftTerm, $0) }
            }
            return order != 0 ? order < 0 : left < right
        }
        func siftUp(_ start: Int) {
            var child = start
            while child > 0 {
                let parent = (child - 1) / 2
                guard less(heap[child], heap[parent]) else { return }
                heap.swapAt(child, parent)
                child = parent
            }
        }
        func siftDown(_ start: Int) {
            var parent = start
            while true {
                let left = 2 * parent + 1, right = left + 1
                var smallest = parent
                if left < heap.count && less(heap[left], heap[smallest]) { smallest = left }
                if right < heap.count && less(heap[right], heap[smallest]) { smallest = right }
                guard smallest != parent else { return }
                heap.swapAt(parent, smallest)
                parent = smallest
            }
        }
        for index in readers.indices where readers[index].current != nil {
            heap.append(index)
            siftUp(heap.count - 1)
        }
        var entries: [Entry] = []
        while let first = heap.first {
            let term = readers[first].current!.term
            entries.removeAll(keepingCapacity: true)
            while let top = heap.first, readers[top].current!.term == term {
                entries.append(readers[top].current!)
                try readers[top].advance()
                if readers[top].current == nil {
                    heap.swapAt(0, heap.count - 1)
                    heap.removeLast()
                }
                if !heap.isEmpty { siftDown(0) }
            }
            try body(term, entries)
        }
    }

    /// Byte order of two terms, the table's (negative: `left` first; 0: equal).
    static func byteOrder(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Int32 {
        let common = min(left.count, right.count)
        let order = common == 0 ? 0 : memcmp(left.baseAddress!, right.baseAddress!, common)
        if order != 0 { return order }
        return left.count == right.count ? 0 : left.count < right.count ? -1 : 1
    }

    /// Reads one run's entries in order, `readBytes` of the file at a time.
    private struct Reader {
        let descriptor: Int32
        let directory: String
        var offset: Int
        let end: Int
        var buffer: [UInt8] = []
        var position = 0
        private(set) var current: Entry?

        init(runs: TicketPostingRuns, range: Range<Int>) throws {
            descriptor = runs.descriptor
            directory = runs.directory
            offset = range.lowerBound
            end = range.upperBound
            try advance()
        }

        /// Moves to the next entry (nil at the run's end).
        mutating func advance() throws {
            let available = buffer.count - position + end - offset
            guard available > 0 else {
                current = nil
                return
            }
            // The four varints take at most ten bytes each.
            try ensure(min(40, available))
            var cursor = position
            let header = try? buffer.withUnsafeBufferPointer { bytes in
                (try TicketPostingBlock.readVarint(bytes, &cursor), try TicketPostingBlock.readVarint(bytes, &cursor),
                 try TicketPostingBlock.readVarint(bytes, &cursor), try TicketPostingBlock.readVarint(bytes, &cursor))
            }
            guard let header, let termLength = Int(exactly: header.0), let count = Int(exactly: header.1),
                  let bodyLength = Int(exactly: header.3) else { throw TicketPostingRuns.damaged(directory) }
            position = cursor
            let term = try bytes(termLength)
            current = Entry(term: term, count: count, lastRowid: Int64(bitPattern: header.2), body: try bytes(bodyLength))
        }

        private mutating func bytes(_ count: Int) throws -> [UInt8] {
            try ensure(count)
            defer { position += count }
            return Array(buffer[position..<position + count])
        }

        /// Makes sure `count` bytes are buffered from `position` on, reading on from the file.
        private mutating func ensure(_ count: Int) throws {
            guard buffer.count - position < count else { return }
            buffer.removeSubrange(..<position)
            position = 0
            let wanted = min(max(count - buffer.count, TicketPostingRuns.readBytes), end - offset)
            guard buffer.count + wanted >= count else { throw TicketPostingRuns.damaged(directory) }
            let start = buffer.count
            buffer.append(contentsOf: repeatElement(0, count: wanted))
            var read = 0
            while read < wanted {
                let result = buffer.withUnsafeMutableBytes { bytes in
                    pread(descriptor, bytes.baseAddress! + start + read, wanted - read, off_t(offset + read))
                }
                if result < 0 && errno == EINTR { continue }
                guard result > 0 else { throw result < 0 ? TicketPostingRuns.failure(directory, errno) : TicketPostingRuns.damaged(directory) }
                read += result
            }
            offset += wanted
        }
    }

    private static func failure(_ directory: String, _ code: Int32) -> StoreError {
        .scratchFile(directory: directory, reason: String(cString: strerror(code)))
    }

    private static func damaged(_ directory: String) -> StoreError {
        .scratchFile(directory: directory, reason: "the temporary file of posting lists ended early or was changed")
    }
}
