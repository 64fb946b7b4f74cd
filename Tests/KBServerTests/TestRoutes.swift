import Foundation
import KBServer

/// Routes only the tests register: a write route that echoes its body size, and a CSRF-protected form.
enum TestRoutes {
    static func addEcho(to router: inout Router) {
        router.post("/test/echo", access: .write) { request, _ in
            .text("\(request.body.count) bytes")
        }
    }

    static func addForm(to router: inout Router) {
        router.get("/test/form", access: .read) { request, context in
            let token = context.environment.csrf.token(for: request)
            var response = HTTPResponse.html("<form method=\"post\">\(token.hiddenField)</form>")
            token.apply(to: &response)
            return response
        }
        router.post("/test/form", access: .read) { request, context in
            let form = try request.formParameters()
            try context.environment.csrf.verify(request, form: form)
            return .seeOther("/test/form")
        }
    }
}

/// A gate a test opens from outside, to hold a handler in flight.
final class Gate: @unchecked Sendable {
    let entered = DispatchSemaphore(value: 0)
    let release = DispatchSemaphore(value: 0)
}
