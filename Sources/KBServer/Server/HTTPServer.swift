import CMicroHTTPD
import Foundation
import KBCore

/// The HTTP server: libmicrohttpd moves the bytes on its own thread (one epoll loop for every connection), and kb's
/// handlers run on the workers of a `RequestQueue`, first come, first served.
///
/// A request is read on libmicrohttpd's thread (head, then body), routed and authorised there (`admit`: cheap, and
/// an unauthorised client's body is never read); then its connection is suspended and the request queued. A worker
/// runs the handler, hands the response back to the exchange and resumes the connection; libmicrohttpd then calls
/// back once more and the response is queued for sending. A suspended connection does not time out, so the idle
/// timeout cuts slow clients (a request sent a byte at a time, a response not read) but never a client waiting for
/// the server.
///
/// Crosses threads (`@unchecked Sendable`): libmicrohttpd calls back from its thread with an unretained
/// pointer to this object; its mutable fields (`daemon`, `queue`, the in-flight count, `draining`) are guarded by
/// `state`. The server keeps itself alive (one retain) from `start` until `shutdown` returns.
public final class HTTPServer: @unchecked Sendable {
    public let configuration: ServerConfiguration
    public let application: ServerApplication
    private let state = NSCondition()
    private var daemon: OpaquePointer?
    private var queue: RequestQueue?
    private var listenDescriptor: Int32 = -1
    private var inFlight = 0
    private var draining = false
    private var bound: UInt16 = 0

    public init(configuration: ServerConfiguration, application: ServerApplication) {
        self.configuration = configuration
        self.application = application
    }

    /// The port the server listens on (the one the system chose when configured with 0).
    public var port: UInt16 {
        state.lock()
        defer { state.unlock() }
        return bound
    }

    /// Binds the socket and starts the worker threads; throws a `ServerError` saying why it could not.
    public func start() throws(ServerError) {
        try configuration.validate()
        let address = try ListeningSocket.Address(host: configuration.host, port: configuration.port)
        let (descriptor, port) = try ListeningSocket.open(address, host: configuration.host)
        let context = Unmanaged.passRetained(self).toOpaque()
        var options: [MHD_OptionItem] = [
            // First, or libmicrohttpd prints messages about the options before it to its own logger.
            kb_mhd_logger_option({ context, format, arguments in
                if let arguments { HTTPServer.libraryMessage(context, format, arguments) }
            }, context),
            MHD_OptionItem(option: .LISTEN_SOCKET, value: Int(descriptor), ptr_value: nil),
            MHD_OptionItem(option: .CONNECTION_TIMEOUT, value: Int(configuration.connectionTimeoutSeconds), ptr_value: nil),
            MHD_OptionItem(option: .CONNECTION_MEMORY_LIMIT, value: configuration.connectionMemoryLimit, ptr_value: nil),
            MHD_OptionItem(option: .CONNECTION_LIMIT, value: Int(configuration.connectionLimit), ptr_value: nil),
            kb_mhd_uri_log_option({ context, uri, connection in
                HTTPServer.requestLineArrived(context, uri, connection)
            }, context),
            kb_mhd_completed_option({ context, connection, requestContext, code in
                HTTPServer.exchangeCompleted(context, connection, requestContext, code)
            }, context),
        ]
        options.append(MHD_OptionItem(option: .END, value: 0, ptr_value: nil))
        // ITC: a worker resuming a connection wakes libmicrohttpd's thread at once.
        var flags = MHD_USE_INTERNAL_POLLING_THREAD.rawValue | MHD_USE_AUTO.rawValue | MHD_USE_ITC.rawValue
            | MHD_ALLOW_SUSPEND_RESUME.rawValue | MHD_USE_ERROR_LOG.rawValue
        if address.isIPv6 { flags |= MHD_USE_IPv6.rawValue }
        let workers = RequestQueue(workers: configuration.threads, maximumWait: configuration.queueWaitSeconds)
        state.lock()
        queue = workers
        state.unlock()
        let started = options.withUnsafeBufferPointer { buffer in
            kb_mhd_start_daemon(flags, { context, connection, url, method, version, data, size, requestContext in
                HTTPServer.accessHandler(context, connection, method, version, data, size, requestContext)
            }, context, buffer.baseAddress)
        }
        guard let started else {
            workers.stop()
            close(descriptor)
            Unmanaged<HTTPServer>.fromOpaque(context).release()
            throw .startFailed(reason: "libmicrohttpd refused the configuration (see the messages above)")
        }
        state.lock()
        daemon = started
        listenDescriptor = descriptor
        bound = port
        state.unlock()
    }

    /// Stops gracefully: no new connections, requests in flight finish (up to the grace period; their
    /// responses say `Connection: close`), requests still waiting for a worker then get 503, and the workers and
    /// libmicrohttpd's thread stop. The caller closes the stores afterwards.
    public func shutdown() {
        state.lock()
        guard let running = daemon, let workers = queue, !draining else {
            state.unlock()
            return
        }
        draining = true
        let quiesced = MHD_quiesce_daemon(running)
        if quiesced >= 0 { close(quiesced) }
        let deadline = Date().addingTimeInterval(configuration.shutdownGraceSeconds)
        while inFlight > 0 && state.wait(until: deadline) {}
        state.unlock()
        // libmicrohttpd must not stop with a connection suspended: every queued request is answered (503) and resumed,
        // and the handlers running finish, before it does; their answers then get a moment to be sent.
        workers.stop()
        state.lock()
        let flushed = Date().addingTimeInterval(2)
        while inFlight > 0 && state.wait(until: flushed) {}
        state.unlock()
        MHD_stop_daemon(running)
        state.lock()
        daemon = nil
        queue = nil
        listenDescriptor = -1
        state.unlock()
        Unmanaged.passUnretained(self).release()
    }

    /// Requests waiting for a worker now.
    public var requestsQueued: Int {
        state.lock()
        let workers = queue
        state.unlock()
        return workers?.waiting ?? 0
    }

    /// Requests received and not yet completed.
    public var requestsInFlight: Int {
        state.lock()
        defer { state.unlock() }
        return inFlight
    }

    private var isDraining: Bool {
        state.lock()
        defer { state.unlock() }
        return draining
    }

    // MARK: - libmicrohttpd callbacks (nonisolated: they run on libmicrohttpd's threads)

    /// The request line is in: an exchange starts (before libmicrohttpd decodes the URI, so `target` is raw).
    nonisolated static func requestLineArrived(_ context: UnsafeMutableRawPointer?, _ uri: UnsafePointer<CChar>?,
                                               _ connection: OpaquePointer?) -> UnsafeMutableRawPointer? {
        guard let context else { return nil }
        let server = Unmanaged<HTTPServer>.fromOpaque(context).takeUnretainedValue()
        let exchange = Exchange(target: uri.map { String(cString: $0) } ?? "",
                                remoteAddress: ListeningSocket.text(of: connection.flatMap { kb_mhd_client_address($0) }))
        server.state.lock()
        server.inFlight += 1
        server.state.unlock()
        server.application.requestStarted()
        return Unmanaged.passRetained(exchange).toOpaque()
    }

    /// Called with the head, then with each body chunk, then once more with none: answers on the first call
    /// when the head alone decides, else after the body.
    nonisolated static func accessHandler(_ context: UnsafeMutableRawPointer?, _ connection: OpaquePointer?,
                                          _ method: UnsafePointer<CChar>?, _ version: UnsafePointer<CChar>?,
                                          _ data: UnsafePointer<CChar>?, _ size: UnsafeMutablePointer<Int>?,
                                          _ requestContext: UnsafeMutablePointer<UnsafeMutableRawPointer?>?) -> MHD_Result {
        guard let context, let connection, let size, let pointer = requestContext?.pointee else { return .NO }
        let server = Unmanaged<HTTPServer>.fromOpaque(context).takeUnretainedValue()
        let exchange = Unmanaged<Exchange>.fromOpaque(pointer).takeUnretainedValue()
        return server.advance(exchange, connection: connection, method: method, version: version, data: data, size: size)
    }

    /// libmicrohttpd is done with the exchange, whether answered, timed out or abandoned.
    nonisolated static func exchangeCompleted(_ context: UnsafeMutableRawPointer?, _ connection: OpaquePointer?,
                                              _ requestContext: UnsafeMutablePointer<UnsafeMutableRawPointer?>?,
                                              _ code: MHD_RequestTerminationCode) {
        guard let context, let pointer = requestContext?.pointee else { return }
        requestContext?.pointee = nil
        let server = Unmanaged<HTTPServer>.fromOpaque(context).takeUnretainedValue()
        let exchange = Unmanaged<Exchange>.fromOpaque(pointer).takeRetainedValue()
        let reason: String?
        var fallbackStatus = connection.map { Int(kb_mhd_http_status($0)) } ?? 0
        switch code {
        case .REQUEST_TERMINATED_COMPLETED_OK: reason = nil
        case .REQUEST_TERMINATED_TIMEOUT_REACHED:
            reason = "timeout"
            if exchange.status == 0 { fallbackStatus = 408 }
        case .REQUEST_TERMINATED_CLIENT_ABORT: reason = "client_abort"
        case .REQUEST_TERMINATED_READ_ERROR: reason = "read_error"
        case .REQUEST_TERMINATED_DAEMON_SHUTDOWN: reason = "shutdown"
        default: reason = "error"
        }
        server.application.completed(exchange.record(abortReason: reason, fallbackStatus: fallbackStatus))
        server.state.lock()
        server.inFlight -= 1
        server.state.broadcast()
        server.state.unlock()
    }

    /// libmicrohttpd's own messages (a refused connection, a malformed request), to the server log.
    nonisolated static func libraryMessage(_ context: UnsafeMutableRawPointer?, _ format: UnsafePointer<CChar>?,
                                           _ arguments: CVaListPointer) {
        guard let context, let format else { return }
        let server = Unmanaged<HTTPServer>.fromOpaque(context).takeUnretainedValue()
        var buffer = [CChar](repeating: 0, count: 512)
        let written = max(0, min(Int(vsnprintf(&buffer, buffer.count, format, arguments)), buffer.count - 1))
        var message = String(decoding: buffer[..<written].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        while message.last?.isNewline == true { message.removeLast() }
        server.application.log("kb serve: libmicrohttpd: \(message)")
    }

    // MARK: - One exchange

    private func advance(_ exchange: Exchange, connection: OpaquePointer, method: UnsafePointer<CChar>?,
                         version: UnsafePointer<CChar>?, data: UnsafePointer<CChar>?,
                         size: UnsafeMutablePointer<Int>) -> MHD_Result {
        switch exchange.phase {
        case .started:
            let head = readHead(exchange, connection: connection, method: method, version: version)
            switch application.admit(head) {
            case let .answer(response, route, user):
                exchange.route = route
                exchange.user = user
                return queue(response, for: exchange, on: connection)
            case let .readBody(admitted):
                exchange.route = admitted.route.pattern.text
                exchange.user = admitted.caller?.name
                exchange.phase = .reading(admitted)
                return .YES
            }
        case let .reading(admitted):
            if size.pointee > 0 {
                if exchange.body.count + size.pointee > application.maximumBodyBytes {
                    exchange.phase = .discarding(admitted.language)
                    exchange.discardedBytes = exchange.body.count + size.pointee
                    exchange.body = []
                } else if let data {
                    data.withMemoryRebound(to: UInt8.self, capacity: size.pointee) { bytes in
                        exchange.body.append(contentsOf: UnsafeBufferPointer(start: bytes, count: size.pointee))
                    }
                }
                size.pointee = 0
                return .YES
            }
            return enqueue(admitted, exchange: exchange, connection: connection)
        case .queued:
            // libmicrohttpd calls again once a worker resumed the connection with the answer.
            size.pointee = 0
            guard let response = exchange.takeDelivered() else { return .YES }
            return queue(response, for: exchange, on: connection)
        case let .discarding(language):
            if size.pointee > 0 {
                exchange.discardedBytes += size.pointee
                size.pointee = 0
                // A chunked body with no end: past four times the limit, stop reading and drop the connection.
                return exchange.discardedBytes > 4 * application.maximumBodyBytes ? .NO : .YES
            }
            return queue(application.bodyTooLarge(language: language), for: exchange, on: connection)
        case .answered:
            size.pointee = 0
            return .YES
        }
    }

    /// Suspends the connection and queues the request for a worker, which answers it and resumes the connection.
    private func enqueue(_ admitted: ServerApplication.Admitted, exchange: Exchange, connection: OpaquePointer) -> MHD_Result {
        state.lock()
        let workers = queue
        state.unlock()
        guard let workers else { return queue(application.refused(.shuttingDown, for: admitted), for: exchange, on: connection) }
        let body = exchange.body
        exchange.body = []
        exchange.phase = .queued
        // Suspended before it is queued, so a worker can never resume it first.
        MHD_suspend_connection(connection)
        let handle = SuspendedConnection(pointer: connection)
        let application = self.application
        application.environment.metrics.queued(1)
        workers.submit(RequestQueue.Job(run: {
            application.environment.metrics.queued(-1)
            exchange.deliver(application.respond(admitted, body: body))
            MHD_resume_connection(handle.pointer)
        }, refuse: { refusal in
            application.environment.metrics.queued(-1)
            exchange.deliver(application.refused(refusal, for: admitted))
            MHD_resume_connection(handle.pointer)
        }))
        return .YES
    }

    /// A suspended connection, handed to the worker that resumes it; libmicrohttpd lets any thread resume one.
    private struct SuspendedConnection: @unchecked Sendable {
        let pointer: OpaquePointer
    }

    private func readHead(_ exchange: Exchange, connection: OpaquePointer, method: UnsafePointer<CChar>?,
                          version: UnsafePointer<CChar>?) -> ServerApplication.Head {
        var headers = HTTPHeaders()
        withUnsafeMutablePointer(to: &headers) { pointer in
            _ = MHD_get_connection_values(connection, .HEADER_KIND, { context, _, key, value in
                guard let context, let key else { return .YES }
                context.assumingMemoryBound(to: HTTPHeaders.self).pointee
                    .add(String(cString: key), value.map { String(cString: $0) } ?? "")
                return .YES
            }, pointer)
        }
        let methodName = method.map { String(cString: $0) } ?? ""
        let versionName = version.map { String(cString: $0) } ?? ""
        exchange.method = methodName
        exchange.version = versionName
        exchange.referer = headers["Referer"]
        exchange.userAgent = headers["User-Agent"]
        return ServerApplication.Head(method: HTTPMethod(rawValue: methodName), target: exchange.target, version: versionName,
                                      headers: headers, remoteAddress: exchange.remoteAddress)
    }

    private func queue(_ response: HTTPResponse, for exchange: Exchange, on connection: OpaquePointer) -> MHD_Result {
        exchange.phase = .answered
        exchange.status = response.status
        exchange.responseBytes = exchange.method == "HEAD" ? 0 : response.body.count
        let created = response.body.withUnsafeBytes { bytes in
            MHD_create_response_from_buffer(bytes.count, UnsafeMutableRawPointer(mutating: bytes.baseAddress),
                                            .RESPMEM_MUST_COPY)
        }
        guard let created else { return .NO }
        defer { MHD_destroy_response(created) }
        for (name, value) in response.headers {
            // libmicrohttpd refuses names or values holding CR, LF or NUL: such a header is dropped, never split.
            _ = MHD_add_response_header(created, name, value)
        }
        if isDraining { _ = MHD_add_response_header(created, "Connection", "close") }
        return MHD_queue_response(connection, UInt32(response.status), created)
    }
}
