/// The routes `kb serve` answers. Each is documented in `docs/openapi.yaml`; a test checks both ways.
public enum KBRoutes {
    /// Health, metrics and the JSON API.
    public static func router() -> Router {
        var router = Router()
        router.get("/healthz", access: .open, OperationsHandlers.health)
        router.get("/metrics", access: .read, OperationsHandlers.metrics)
        router.get("/api/tickets/{id}", access: .read, ShowHandlers.ticket)
        router.get("/api/articles/{id}", access: .read, ShowHandlers.article)
        router.get("/api/search", access: .read, SearchHandlers.search)
        router.post("/api/suggest", access: .read, SuggestHandlers.suggest)
        router.get("/api/sla", access: .read, SLAHandlers.board)
        router.get("/api/reviews/{id}", access: .read, ReviewHandlers.review)
        router.post("/api/tickets", access: .write, TicketWriteHandlers.upsert)
        router.post("/api/webhooks/zendesk", access: .signedWebhook, WebhookHandlers.zendesk)
        return router
    }
}
