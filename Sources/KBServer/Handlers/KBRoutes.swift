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
        router.page(.get, "/", SearchPage.page)
        router.page(.get, "/buscar", SearchPage.page)
        router.page(.get, "/nuevo-ticket", IntakePage.form)
        router.page(.post, "/nuevo-ticket", IntakePage.submit)
        router.page(.get, "/tickets/{id}", TicketPage.page)
        router.page(.get, "/articulos/{id}", ArticlePage.page)
        router.page(.get, "/sla", SLAPage.page)
        router.page(.get, "/revisiones/{id}", DocumentPages.review)
        router.page(.get, "/guia", DocumentPages.guide)
        router.page(.get, "/entrar", access: .open, SignInPage.form)
        router.page(.post, "/entrar", access: .open, SignInPage.signIn)
        router.page(.post, "/salir", access: .open, SignInPage.signOut)
        return router
    }
}
