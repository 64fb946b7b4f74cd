/// The routes `kb serve` answers. Each is documented in `docs/openapi.yaml`; a test checks both ways.
public enum KBRoutes {
    /// Health, metrics and the JSON API.
    public static func router() -> Router {
        var router = Router()
        router.get("/healthz", access: .open, OperationsHandlers.health)
        router.get("/metrics", access: .read, OperationsHandlers.metrics)
        router.get("/api/tickets/{id}", access: .read, ShowHandlers.ticket)
        router.get("/api/articles/{id}", access: .read, ShowHandlers.article)
        return router
    }
}
