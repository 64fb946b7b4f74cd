/// The routes `kb serve` answers. Each is documented in `docs/openapi.yaml`; a test checks both ways.
public enum KBRoutes {
    /// Health, metrics, the JSON API and the web pages.
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
        router.get("/", access: .read, SearchPage.page)
        router.get("/buscar", access: .read, SearchPage.page)
        router.get("/nuevo-ticket", access: .read, IntakePage.form)
        router.post("/nuevo-ticket", access: .read, IntakePage.submit)
        router.get("/tickets/{id}", access: .read, TicketPage.page)
        router.get("/articulos/{id}", access: .read, ArticlePage.page)
        router.get("/sla", access: .read, SLAPage.page)
        router.get("/revisiones/{id}", access: .read, DocumentPages.review)
        router.get("/guia", access: .read, DocumentPages.guide)
        return router
    }
}
