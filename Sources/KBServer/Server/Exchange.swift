import Foundation
import KBCore

/// One request's state between libmicrohttpd's calls: created when the request line arrives, fed the head
/// and the body in chunks, released when libmicrohttpd reports the exchange complete.
///
/// Crosses threads (`@unchecked Sendable`) once, guarded: libmicrohttpd's thread reads and writes everything but the
/// delivered response; a worker only `deliver`s the answer of a queued request, under `handoff`, and libmicrohttpd's
/// thread takes it (`takeDelivered`) after the worker resumed the connection. The exchange is passed to C as an
/// unmanaged pointer.
final class Exchange: @unchecked Sendable {
    enum Phase {
        /// Only the request line is in.
        case started
        /// Admitted; the body is being accumulated.
        case reading(ServerApplication.Admitted)
        /// Head and body are in: the connection is suspended, the request waits for a worker or runs on one.
        case queued
        /// The body passed the limit: the rest is counted and dropped, then 413 is sent.
        case discarding(Language)
        /// A response is queued.
        case answered
    }

    let target: String
    let remoteAddress: String
    let startedAt: Timestamp
    let startedNanoseconds: UInt64
    var phase = Phase.started
    var body: [UInt8] = []
    var discardedBytes = 0
    var method: String?
    var version: String?
    var referer: String?
    var userAgent: String?
    var user: String?
    var route = "-"
    var status = 0
    var responseBytes = 0
    private let handoff = NSLock()
    private var delivered: HTTPResponse?

    init(target: String, remoteAddress: String) {
        self.target = target
        self.remoteAddress = remoteAddress
        self.startedAt = Timestamp(date: Date())
        self.startedNanoseconds = DispatchTime.now().uptimeNanoseconds
    }

    /// The worker's answer to a queued request, for libmicrohttpd's thread.
    func deliver(_ response: HTTPResponse) {
        handoff.lock()
        delivered = response
        handoff.unlock()
    }

    /// The answer a worker delivered, once; nil before.
    func takeDelivered() -> HTTPResponse? {
        handoff.lock()
        defer { handoff.unlock() }
        let response = delivered
        delivered = nil
        return response
    }

    /// The log and metrics view of the exchange once it ended.
    func record(abortReason: String?, fallbackStatus: Int) -> RequestRecord {
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - startedNanoseconds) / 1e9
        return RequestRecord(
            remoteAddress: remoteAddress, user: user, startedAt: startedAt, method: method, target: target, version: version,
            status: status != 0 ? status : fallbackStatus, bodyBytes: responseBytes, referer: referer, userAgent: userAgent,
            durationSeconds: elapsed, route: route, abortReason: abortReason)
    }
}
