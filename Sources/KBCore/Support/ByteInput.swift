import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A file, pipe, FIFO or standard input, opened once and read front to back in chunks.
///
/// Its start can be looked at with `peek` before it is read, so telling a format never opens the input a second
/// time: a pipe, a FIFO or `/dev/stdin` can be read only once. A reader that may have to go back (CSV resynchronising
/// after a stray quote) keeps a window with `keep(from:)` and returns into it with `rewind(to:)`; nothing else is
/// kept, so memory stays flat whatever the input's size. A leading UTF-8 byte order mark is dropped: offsets and
/// bytes start after it.
///
/// Every field lives behind one lock, which makes the type `Sendable`: an import's reading thread takes it over.
public final class ByteInput: Sendable {
    /// The path as given, for messages.
    public let path: String

    private struct State {
        /// The descriptor read from; -1 for an input held in memory.
        var descriptor: Int32
        var closesDescriptor: Bool
        /// Bytes read from the descriptor and not handed out yet; `buffered[bufferedStart...]` is what is left.
        var buffered: [UInt8] = []
        var bufferedStart = 0
        var atEnd = false
        var checkedByteOrderMark = false
        /// Offset of the next byte handed out.
        var position = 0
        /// Bytes handed out from offset `keptStart` on, while a reader keeps a window to rewind into.
        var kept: [UInt8] = []
        var keptStart: Int?

        var pending: Int { buffered.count - bufferedStart }
    }

    private let state: Mutex<State>

    /// Opens `path` for reading: a regular file, a pipe, a FIFO (waiting for its writer) or a device such as `/dev/stdin`.
    ///
    /// An empty path, a folder, a missing or unreadable file is an error that says so in a sentence.
    public init(path: String) throws(TicketError) {
        guard !path.isEmpty else {
            throw .unreadable(path: "''", reason: "an empty path names no file; give a file name, or - for standard input")
        }
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
            throw .unreadable(path: path, reason: "it is a folder; name the files inside it (e.g. \(path)/*.jsonl)")
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable(path: path, reason: Self.sentence(errno)) }
        self.path = path
        state = Mutex(State(descriptor: descriptor, closesDescriptor: true))
    }

    /// An already opened file, read from where it stands; the input reads a duplicate of its descriptor, so the
    /// handle may be closed or dropped independently.
    public init(handle: FileHandle, path: String) throws(TicketError) {
        let descriptor = dup(handle.fileDescriptor)
        guard descriptor >= 0 else { throw .unreadable(path: path, reason: Self.sentence(errno)) }
        self.path = path
        state = Mutex(State(descriptor: descriptor, closesDescriptor: true))
    }

    /// The process's standard input, streamed like any other input (an endless pipe is refused after detection's
    /// bounded look instead of being read whole first); the descriptor stays open.
    public init(standardInputNamed path: String) {
        self.path = path
        state = Mutex(State(descriptor: STDIN_FILENO, closesDescriptor: false))
    }

    /// An input whose bytes are already in memory (standard input as a test harness hands it over).
    public init(data: Data, path: String) {
        self.path = path
        state = Mutex(State(descriptor: -1, closesDescriptor: false, buffered: [UInt8](data), atEnd: true))
    }

    deinit {
        state.withLock { state in
            if state.closesDescriptor { _ = close(state.descriptor) }
        }
    }

    /// Offset of the next byte `read` hands out.
    public var position: Int { state.withLock { $0.position } }

    /// Up to `count` bytes from the current position without consuming them, and whether they reach the end.
    public func peek(_ count: Int) throws(TicketError) -> (bytes: [UInt8], reachesEnd: Bool) {
        try state.withLock { (state) throws(TicketError) in
            try fill(&state, upTo: count)
            let end = state.bufferedStart + min(count, state.pending)
            return (Array(state.buffered[state.bufferedStart..<end]), state.atEnd && state.pending <= count)
        }
    }

    /// The next bytes, `count` of them unless the input ends first; empty at the end.
    public func read(upToCount count: Int) throws(TicketError) -> [UInt8] {
        try state.withLock { (state) throws(TicketError) in
            try fill(&state, upTo: count)
            let end = state.bufferedStart + min(count, state.pending)
            let chunk = Array(state.buffered[state.bufferedStart..<end])
            state.bufferedStart = end
            if state.bufferedStart == state.buffered.count {
                state.buffered.removeAll(keepingCapacity: true)
                state.bufferedStart = 0
            }
            state.position += chunk.count
            if state.keptStart != nil { state.kept += chunk }
            return chunk
        }
    }

    /// Keeps every byte from `offset` on (at or after the previous keep point, at or before `position`) so that
    /// `rewind` can return to it; bytes before it are let go.
    public func keep(from offset: Int) {
        state.withLock { state in
            if let start = state.keptStart {
                let drop = min(max(offset - start, 0), state.kept.count)
                state.kept.removeFirst(drop)
                state.keptStart = start + drop
            } else {
                precondition(offset == state.position, "a window starts at the current position")
                state.keptStart = offset
            }
        }
    }

    /// Goes back to `offset`, inside the kept window; false (and nothing moves) when the window does not reach it.
    public func rewind(to offset: Int) -> Bool {
        state.withLock { state in
            guard let start = state.keptStart, offset >= start, offset <= state.position else { return false }
            let back = Array(state.kept[(offset - start)...])
            state.kept.removeLast(back.count)
            state.buffered = back + state.buffered[state.bufferedStart...]
            state.bufferedStart = 0
            state.position = offset
            return true
        }
    }

    /// Reads from the descriptor until `count` bytes are pending or the input ends; drops a leading byte order mark.
    private func fill(_ state: inout State, upTo count: Int) throws(TicketError) {
        while state.pending < count || !state.checkedByteOrderMark, !state.atEnd {
            if state.bufferedStart > 0 {
                state.buffered.removeFirst(state.bufferedStart)
                state.bufferedStart = 0
            }
            let want = max(count - state.pending, 4096)
            let descriptor = state.descriptor
            var result = 0
            let chunk = [UInt8](unsafeUninitializedCapacity: want) { buffer, initialized in
                result = Self.read(descriptor, into: buffer.baseAddress!, count: want)
                initialized = max(result, 0)
            }
            guard result >= 0 else { throw .unreadable(path: path, reason: Self.sentence(errno)) }
            if result == 0 { state.atEnd = true }
            if state.buffered.isEmpty { state.buffered = chunk } else { state.buffered += chunk }
            if state.pending >= 3 || state.atEnd { Self.dropByteOrderMark(&state) }
        }
        Self.dropByteOrderMark(&state)
    }

    private static func dropByteOrderMark(_ state: inout State) {
        guard !state.checkedByteOrderMark else { return }
        state.checkedByteOrderMark = true
        if state.buffered[state.bufferedStart...].starts(with: [0xEF, 0xBB, 0xBF]) { state.bufferedStart += 3 }
    }

    /// `read(2)`, again when a signal interrupts it.
    private static func read(_ descriptor: Int32, into buffer: UnsafeMutableRawPointer, count: Int) -> Int {
        while true {
            let result = Glibc.read(descriptor, buffer, count)
            if result < 0, errno == EINTR { continue }
            return result
        }
    }

    /// The reason an `errno` gives, in kb's words where they say more than the system's.
    private static func sentence(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file"
        case EACCES, EPERM: return "permission denied"
        case EISDIR: return "it is a folder; name the files inside it"
        default: return String(cString: strerror(code)).lowercased()
        }
    }
}
