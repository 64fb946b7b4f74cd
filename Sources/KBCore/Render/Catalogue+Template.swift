extension Catalogue {
    /// The catalogue as templates see it, the object `t`: each dotted key a path of nested objects
    /// (`review.heading.summary` is `{{{t.review.heading.summary}}}`).
    public var templateValue: TemplateValue {
        Self.templateValues[language] ?? Self.nested(self)
    }

    /// Built once per language: a document renders with the same words every time.
    private static let templateValues: [Language: TemplateValue] =
        Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0, nested($0.catalogue)) })

    private static func nested(_ catalogue: Catalogue) -> TemplateValue {
        var root = TemplateObject()
        for key in catalogue.keys {
            insert(catalogue[key], at: key.split(separator: ".").map(String.init)[...], into: &root)
        }
        return .object(root)
    }

    /// A key that is also the prefix of another cannot be both a word and an object; the tests keep catalogues free
    /// of such pairs, and here the first one written wins.
    private static func insert(_ word: String, at path: ArraySlice<String>, into object: inout TemplateObject) {
        guard let first = path.first else { return }
        if path.count == 1 {
            if object[first] == nil { object[first] = .string(word) }
            return
        }
        var child: TemplateObject
        switch object[first] {
        case .object(let existing)?: child = existing
        case nil: child = TemplateObject()
        default: return
        }
        insert(word, at: path.dropFirst(), into: &child)
        object[first] = .object(child)
    }
}
