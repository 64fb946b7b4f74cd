import Foundation
import KBCore

extension TemplateValue {
    /// The value as the API writes it: the members and values of its JSON, so a page shows what the API answers.
    init(encoding value: some JSONEncodable) {
        var writer = JSONWriter()
        value.write(to: &writer)
        self = (try? TemplateValue(jsonData: Data(writer.bytes), name: "result")) ?? .null
    }

    /// The members of an object (empty for anything else), to add page-only members to.
    var members: TemplateObject {
        if case .object(let object) = self { return object }
        return TemplateObject()
    }

    /// The items of a list (empty for anything else).
    var items: [TemplateValue] {
        if case .array(let items) = self { return items }
        return []
    }
}
