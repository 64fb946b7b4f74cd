import Foundation
import KBCore

/// How `kb serve` listens and what it tolerates from clients.
public struct ServerConfiguration: Sendable {
    /// An IP address (`127.0.0.1`, `::1`, `0.0.0.0`) or `localhost`.
    public var host = "127.0.0.1"
    /// 0 asks the system for a free port; `HTTPServer.port` tells which.
    public var port: UInt16 = 8080
    /// Worker threads: requests handled at once, each on its own read connection (`RequestQueue`); the others wait
    /// their turn in arrival order. libmicrohttpd's one thread does the network I/O for every connection.
    public var threads = max(2, ProcessInfo.processInfo.activeProcessorCount)
    /// A request that waited longer than this for a worker is answered 503 with `Retry-After` instead of being run:
    /// under overload the queue stays bounded in time and clients learn to retry rather than time out.
    public var queueWaitSeconds = 10.0
    /// How much of the database each read connection maps into memory (SQLite's `mmap_size`, capped by SQLite's build at
    /// 2 GiB on Debian), in MiB; 0 reads with system calls only (SQLite's default). FTS5 reads long doclists, and kb
    /// each stored ticket, straight from the file past the page cache, one `pread` per page: on a 1,000,000-ticket store
    /// those calls were a fifth of a search's time, and mapping cut the CPU time of a suggest by a third. Mapped pages
    /// are the system's file cache, shared with every process, not the server's own memory (RSS counts them as
    /// `RssFile`; `RssAnon` is the server's).
    public var readerMemoryMapMiB = 2048
    /// Bearer tokens; required on any address but loopback.
    public var tokens = AccessTokens()
    /// Largest request body accepted (413 above it). Eight MiB holds thousands of tickets per import request.
    public var maximumBodyBytes = 8 << 20
    /// A connection idle this long (a slow client sending a byte now and then resets nothing: libmicrohttpd
    /// counts from the last activity, so this also bounds each gap) is closed. A request waiting for a worker or
    /// running is not idle: its connection is suspended, and the count restarts when the answer is ready.
    public var connectionTimeoutSeconds: UInt32 = 15
    /// Memory per connection for the request line, headers and I/O buffers; headers beyond it get 431.
    public var connectionMemoryLimit = 64 << 10
    /// Connections open at once, across all threads.
    public var connectionLimit: UInt32 = 1024
    /// How long a shutdown waits for requests in flight before closing their connections.
    public var shutdownGraceSeconds = 10.0
    /// The Zendesk webhook's signing secret (`--zendesk-secret-file`, `KB_ZENDESK_SECRET`): signed webhook bodies
    /// are then accepted without a token, and unsigned ones without a token refused.
    public var zendeskSigningSecret: String?
    /// Names for Zendesk ids and custom fields in webhook bodies (`--zendesk-mapping`).
    public var zendeskMapping = ZendeskImportMapping()

    public init() {}

    /// Whether `host` only accepts connections from this machine.
    public var isLoopback: Bool {
        (try? ListeningSocket.Address(host: host, port: port))?.isLoopback ?? false
    }

    /// Refuses settings that would expose the store: any address but loopback needs tokens.
    public func validate() throws(ServerError) {
        let address = try ListeningSocket.Address(host: host, port: port)
        if !address.isLoopback && tokens.isEmpty {
            throw .tokensRequired(host: host)
        }
        guard threads >= 1 && threads <= 256 else { throw .invalidSetting("--threads must be 1 to 256, found \(threads)") }
        guard readerMemoryMapMiB >= 0 && readerMemoryMapMiB <= 1 << 20 else {
            throw .invalidSetting("--mmap-mb must be 0 to 1048576, found \(readerMemoryMapMiB)")
        }
        guard queueWaitSeconds > 0 && queueWaitSeconds <= 3_600 else {
            throw .invalidSetting("--queue-wait must be more than 0 and at most 3600 seconds, found \(queueWaitSeconds)")
        }
        guard maximumBodyBytes > 0 else { throw .invalidSetting("the body limit must be positive") }
    }
}
