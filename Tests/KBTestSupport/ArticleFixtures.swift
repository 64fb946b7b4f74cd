/// Small valid article files for tests.
public enum ArticleFixtures {
    /// A validated article with front matter, a Problema and a Solución.
    public static func validated(id: String, title: String, audience: String = "customer", services: [String] = ["portal"],
                                 problem: String, solution: String) -> String {
        "---\nid: \(id)\ntitle: \(title)\nstate: validated\naudience: \(audience)\nservices: [\(services.joined(separator: ", "))]\n"
            + "---\n## Problema\n\(problem)\n## Solución\n\(solution)\n"
    }
}
