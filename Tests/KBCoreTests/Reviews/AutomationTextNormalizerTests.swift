import Testing
@testable import KBCore

@Suite struct AutomationTextNormalizerTests {
    let spanish = AutomationTextNormalizer(language: .spanish)

    @Test func inflectionsOfOneActionCoincide() {
        let wordings = ["Reinicio del servicio de colas", "se reinició el servicio de colas", "Reiniciamos el servicio de colas",
                        "REINICIAR EL SERVICIO DE COLAS"]
        let terms = wordings.map { Set(spanish.terms($0)) }
        #expect(terms[0] == ["reinic", "servic", "col"])
        for other in terms.dropFirst() { #expect(other == terms[0]) }
    }

    @Test func functionWordsAndVariableNumbersAreDropped() {
        #expect(spanish.terms("se del de el la los las al y a en por para un una") == [])
        #expect(spanish.terms("Certificado expiró el 2026-03-02 a las 10:30 en 10.0.0.1 (caso 48213)") == ["certif", "expir", "cas"])
        #expect(spanish.terms("Respuesta 503 y ERR-401 en db-01 v2.3") == ["respue", "503", "err-401", "db-01", "v2.3"])
    }

    @Test func englishUsesItsOwnFunctionWords() {
        let english = AutomationTextNormalizer(language: .english)
        #expect(Set(english.terms("Restarted the queue service")) == Set(english.terms("restart of the queue service")))
        #expect(english.terms("the of to on a") == [])
    }

    @Test(arguments: [
        ("¿Nos puede enviar una captura de pantalla?", true),
        ("Por favor adjunte el archivo HAR", true),
        ("Envíenos los logs del servidor", true),
        ("Please attach a screenshot", true),
        ("Le enviamos el informe final", false),
        ("Estamos revisando el caso", false),
    ])
    func evidenceRequestsAreRecognised(text: String, expected: Bool) {
        #expect(spanish.requestsEvidence(text) == expected)
    }
}
