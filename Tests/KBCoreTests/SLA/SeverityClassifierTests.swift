import Testing
@testable import KBCore

@Suite struct SeverityClassifierTests {
    let classifier = SeverityClassifier(policy: .default)

    @Test(arguments: [
        ("No puedo acceder al portal", 1),
        ("la pantalla de login aparece en blanco", 1),
        ("PLATAFORMA CAIDA desde las 9", 1),
        ("las llamadas entrantes fallan", 2),
        ("el webchat no conecta", 2),
        ("mensajería no envía", 2),
        ("MENSAJERIA NO ENVIA", 2),
        ("el servicio funciona parcialmente", 3),
        ("el sistema está intermitente y lento", 3),
        ("el reporte de estadísticas muestra datos incorrectos", 4),
        ("solicito cambio de contraseña", 5),
        ("necesito documentación de la API", 5),
        ("Password reset request for a new agent", 5),
        ("Calls are failing since the update", 2),
        // Reports and statistics are severity 4 whatever service they count (the manual's "reportes, estadísticas").
        ("El reporte de llamadas abandonadas muestra datos incorrectos", 4),
        ("las estadísticas del webchat no cargan", 4),
        ("el reporte de las llamadas entrantes falla", 4),
        ("The calls report shows wrong figures", 4),
    ])
    func suggestsTheManualsSeverity(text: String, severity: Int) throws {
        let suggestion = try #require(classifier.suggest(text))
        #expect(suggestion.severity == severity)
        #expect(!suggestion.reasons.isEmpty)
        #expect(suggestion.reasons.allSatisfy { $0.severity == severity })
    }

    @Test func reasonsNameTheDefinitionAndThePhrase() throws {
        let suggestion = try #require(classifier.suggest("las llamadas entrantes fallan"))
        let reason = try #require(suggestion.reasons.first)
        #expect(reason.phrase == "llamada*")
        #expect(reason.matchedText == "llamadas")
        #expect(reason.failureText == "fallan")
        #expect(reason.definition.hasPrefix("Alto impacto"))
        #expect(reason.description.hasPrefix("severity 2 (Alto impacto: servicio principal"))
        #expect(reason.description.hasSuffix(#""llamadas" matches "llamada*" with failure "fallan""#))
        #expect(suggestion.rule == .mostSevere)
    }

    @Test func matchedTextKeepsTheOriginalSpelling() throws {
        let suggestion = try #require(classifier.suggest("Hoy: No Puedo Acceder al Portal."))
        #expect(suggestion.reasons.map(\.matchedText) == ["No Puedo Acceder al Portal"])
    }

    /// A service that fails beside a report is still the service failing: the report does not hide it.
    @Test func serviceFailingBesideAReportStaysHighImpact() throws {
        let suggestion = try #require(classifier.suggest("las llamadas entrantes fallan y el reporte de llamadas está vacío"))
        #expect(suggestion.severity == 2)
        #expect(suggestion.reasons.first?.matchedText == "llamadas")
    }

    @Test func channelWordsWithoutFailureAreNotEvidence() {
        #expect(classifier.suggest("quiero configurar el webchat") == nil)
    }

    @Test func requestWithoutFailureStaysARequest() throws {
        let suggestion = try #require(classifier.suggest("solicito un reporte de estadísticas mensual"))
        #expect(suggestion.severity == 5)
        #expect(suggestion.rule == .requestWithoutFailure)
        #expect(suggestion.otherEvidence.map(\.severity) == [4, 4])
    }

    @Test func requestWithFailureIsNotARequest() throws {
        let suggestion = try #require(classifier.suggest("solicito ayuda: la mensajería falla y no puedo acceder al portal"))
        #expect(suggestion.severity == 1)
        #expect(suggestion.otherEvidence.map(\.severity) == [2, 5])
        #expect(suggestion.otherEvidence.first?.phrase == "mensajería")
        let report = try #require(classifier.suggest("necesito revisar el reporte, muestra datos incorrectos"))
        #expect(report.severity == 4)
    }

    @Test func failureWithoutTopicIsMediumImpact() throws {
        let suggestion = try #require(classifier.suggest("necesito ayuda, la aplicación da error al guardar"))
        #expect(suggestion.severity == 3)
        #expect(suggestion.rule == .failureWithoutTopic)
        #expect(suggestion.reasons.map(\.matchedText) == ["error"])
    }

    @Test func mostSevereWins() throws {
        let suggestion = try #require(classifier.suggest("el portal está lento y ahora sin servicio"))
        #expect(suggestion.severity == 1)
        #expect(suggestion.otherEvidence.map(\.phrase) == ["lento"])
    }

    @Test func wholeWordsOnly() {
        // "reportar" is not "reporte*", "lentejas" is not "lento", "servicios" is not "sin servicio".
        #expect(classifier.suggest("quiero reportar algo sobre lentejas") == nil)
        #expect(classifier.suggest("Hola") == nil)
        #expect(classifier.suggest("") == nil)
    }

    @Test func englishDefinitionsFollowThePolicyLanguage() throws {
        var policy = Policy.default
        policy.language = .english
        let suggestion = try #require(SeverityClassifier(policy: policy).suggest("blank screen after login"))
        #expect(suggestion.severity == 1)
        #expect(suggestion.reasons.first?.definition.hasPrefix("Critical") == true)
    }

    @Test func foldingHandlesCaseAccentsAndCombiningMarks() {
        let words = PolicyPhraseMatcher.words(of: "ÁRBOL Niño Ça e\u{301}xito İstanbul ß", keepingStars: false)
        #expect(words.map { String(decoding: $0.folded, as: UTF8.self) } == ["arbol", "nino", "ca", "exito", "istanbul", "ss"])
        #expect(words[1].start == 7 && words[1].end == 12)
    }

    @Test func patternsRejectMisplacedStars() {
        #expect(PolicyPhraseMatcher.Pattern("fa*lla") == nil)
        #expect(PolicyPhraseMatcher.Pattern("*") == nil)
        #expect(PolicyPhraseMatcher.Pattern("  ") == nil)
        #expect(PolicyPhraseMatcher.Pattern("no envía*")?.isPrefix == [false, true])
    }
}
