import Foundation
import KBCore

/// `GET /healthz` and `GET /metrics`.
enum OperationsHandlers {
    /// 200 `{"status":"ok"}` when a snapshot of the store can be read, else 503: what a load balancer probes.
    @Sendable static func health(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        do {
            _ = try context.read { store in try store.indexedTicketCount() }
        } catch {
            throw Problem.unavailable("problem.store_unreadable", ["reason": "\(error)"])
        }
        var writer = JSONWriter()
        writer.beginObject()
        writer.member("status", "ok")
        writer.endObject()
        return .json(writer)
    }

    /// The counters and the store's figures in Prometheus' text format.
    @Sendable static func metrics(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let stores = context.environment.stores
        let (tickets, articles) = try context.read { store in
            (try store.indexedTicketCount(), try store.articleCount())
        }
        let figures = ServerMetrics.StoreFigures(
            databaseBytes: fileSize(stores.path), walBytes: fileSize(stores.path + "-wal"), tickets: tickets,
            articles: articles, readConnections: stores.readerCount)
        return .text(context.environment.metrics.exposition(store: figures), contentType: MediaType.prometheus)
    }

    private static func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }
}
