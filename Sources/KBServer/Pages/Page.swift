import KBCore

/// One web page: a template under `templates/web/` rendered with the page's data, the catalogue's words (`t`) and
/// what every page's frame needs: the language, the navigation, the link to the other language.
///
/// Pages work without JavaScript and under the server's strict Content-Security-Policy (inline styles only, no
/// scripts). Links keep an explicit `?lang=` so a reader who chose a language stays in it (`lq`).
struct Page {
    let request: HTTPRequest
    let context: RequestContext
    let language: Language
    /// The CSRF token of the page's forms (the new ticket, sign-in and sign-out forms), one per response so a page
    /// never sets two different `kb_csrf` cookies.
    let csrf: CSRFProtection.Token

    /// The query parameters every page takes besides its own.
    static let commonParameters: Set<String> = ["lang"]

    init(_ request: HTTPRequest, _ context: RequestContext) throws(Problem) {
        self.request = request
        self.context = context
        self.language = try LanguagePreference.resolve(request, default: context.policy.language)
        self.csrf = context.environment.csrf.token(for: request)
    }

    var words: Catalogue { Catalogue.of(language) }

    /// `lang=en` when the request chose its language in the query, for links to carry; empty otherwise.
    var languageQuery: String {
        request.query["lang"] == nil ? "" : "lang=" + language.rawValue
    }

    /// `path` (without a query) as a link that keeps the language the request chose in its query.
    func link(_ path: String) -> String {
        languageQuery.isEmpty ? path : path + "?" + languageQuery
    }

    /// A ticket's status (`resolved`) or an article's state (`validated`) as stored, in the page's words.
    func statusName(_ status: String, ofTicket isTicket: Bool) -> String {
        let key = (isTicket ? "status." : "article.state.") + status
        return words.contains(key) ? words[key] : status
    }

    /// The page of a ticket or an article listed in results, keeping the chosen language.
    func resultHref(id: String, isTicket: Bool) -> String {
        link((isTicket ? "/tickets/" : "/articulos/") + PercentEncoding.encodePathSegment(id))
    }

    /// The page `name` (`web/NAME.html`) with `data`, titled `title`, as an HTML response.
    func render(_ name: String, title: String, data: TemplateObject, status: Int = 200) throws -> HTTPResponse {
        var page = data
        page["page_title"] = .string(title)
        page["lang"] = .string(language.rawValue)
        page["lq"] = .string(languageQuery)
        page["other_language_href"] = .string(otherLanguageHref)
        page["csrf_field_name"] = .string(CSRFProtection.fieldName)
        page["csrf_token"] = .string(csrf.fieldValue)
        // Signed in through the sign-in form: the header offers to sign out.
        page["signed_in"] = .bool(context.caller != nil && request.cookies[SessionStore.cookieName] != nil)
        page["signout_action"] = .string(link("/salir"))
        page["nav"] = .array(Self.navigation.map { path, key in
            .object(["href": .string(link(path)), "label": .string(words[key]),
                     "current": .bool(request.pathSegments.first == path.split(separator: "/").first.map(String.init)
                                      || (path == "/buscar" && request.pathSegments.isEmpty))])
        })
        let html = try context.environment.pageTemplates.templates(language).render("web/\(name).html", context: .object(page))
        var response = HTTPResponse.html(html, status: status)
        csrf.apply(to: &response)
        return response
    }

    /// The page's own address with `lang` switched to the other language.
    private var otherLanguageHref: String {
        let other: Language = language == .spanish ? .english : .spanish
        var pairs = request.query.pairs.filter { $0.key != "lang" && $0.key != CSRFProtection.fieldName }
        pairs.append((key: "lang", value: other.rawValue))
        let path = "/" + request.pathSegments.map { PercentEncoding.encodePathSegment($0) }.joined(separator: "/")
        return path + "?" + pairs.map { PercentEncoding.encodeQueryComponent($0.key) + "=" + PercentEncoding.encodeQueryComponent($0.value) }
            .joined(separator: "&")
    }

    private static let navigation: [(String, String)] = [
        ("/buscar", "page.nav.search"), ("/nuevo-ticket", "page.nav.new_ticket"), ("/sla", "page.nav.sla"),
        ("/guia", "page.nav.guide"),
    ]

    /// `handler`'s page, or, when it throws a problem (a ticket that does not exist, a bad filter), an error page
    /// with the problem's status and explanation instead of JSON a browser would show raw.
    static func answer(_ request: HTTPRequest, _ context: RequestContext,
                       _ handler: (Page) throws -> HTTPResponse) throws -> HTTPResponse {
        let page: Page
        do {
            page = try Page(request, context)
        } catch {
            // A `lang` kb does not speak: say so in the workspace's language.
            return try Page(request: request, context: context, language: context.policy.language).error(error)
        }
        do {
            return try handler(page)
        } catch let problem as Problem {
            return try page.error(problem)
        } catch let error {
            let problem = Problem(error: error)
            guard problem.status < 500 else { throw error }
            return try page.error(problem)
        }
    }

    private init(request: HTTPRequest, context: RequestContext, language: Language) {
        self.request = request
        self.context = context
        self.language = language
        self.csrf = context.environment.csrf.token(for: request)
    }

    private func error(_ problem: Problem) throws -> HTTPResponse {
        var data = TemplateObject()
        data["status"] = .number(Double(problem.status))
        data["detail"] = .string(problem.detail(in: language))
        // A KBCore sentence with no catalogue words stays English: marked so on a page in another language.
        data["detail_lang"] = .string(problem.detailLanguage(for: language).rawValue)
        data["field"] = problem.field.map { .string($0) } ?? .null
        var response = try render("error", title: words["page.error.title"], data: data, status: problem.status)
        for (name, value) in problem.headers.fields where name.lowercased() != "content-type" { response.headers.add(name, value) }
        return response
    }
}
