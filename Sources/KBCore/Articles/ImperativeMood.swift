/// Rewrites what an agent logged ("Se revisó el certificado", "Instalamos el certificado", "Limpieza de logs",
/// "Restarted the service") as an article step, in the imperative the KCS style asks for ("Revisar el
/// certificado", "Instalar el certificado", "Limpiar logs", "Restart the service").
///
/// Spanish steps use the infinitive, as Spanish procedures do. Recognised openings: impersonal "se" with a verb
/// in the present or preterite, a first-person plural verb, a nominalised action ("Generación del CSR",
/// "Reinicio del servicio"), or an infinitive already. English: a past-tense verb, with or without "we". Verbs are
/// read by their endings, with the irregular forms support notes use listed.
enum ImperativeMood {
    /// The sentence as a step, when it opens with an action; nil when it does not (an outcome, a remark).
    static func step(_ sentence: String, language: Language) -> String? {
        let words = sentence.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard !words.isEmpty else { return nil }
        switch language {
        case .spanish: return spanish(words)
        case .english: return english(words)
        }
    }

    // MARK: Spanish

    private static func spanish(_ words: [String]) -> String? {
        var words = words
        let first = CourtesyText.fold(words[0])
        if first == "se" || first == "nos" || first == "le" || first == "les", words.count > 1,
           let verb = spanishInfinitive(conjugated: CourtesyText.fold(words[1]), afterSe: true) {
            words.removeFirst(2)
            return sentence([verb] + words)
        }
        if let verb = spanishInfinitive(conjugated: first, afterSe: false) {
            words.removeFirst()
            return sentence([verb] + words)
        }
        if let verb = spanishInfinitive(noun: first) {
            words.removeFirst()
            return sentence([verb] + spanishObject(words))
        }
        if isSpanishInfinitive(first) { return sentence(words) }
        return nil
    }

    /// "Generación del CSR y solicitud de reemisión" → "el CSR y solicitar reemisión": the nominal's "de" goes, and a
    /// coordinated nominal after "y" or a comma becomes a verb too.
    private static func spanishObject(_ words: [String]) -> [String] {
        var result: [String] = []
        var index = 0
        var afterAction = true
        while index < words.count {
            let folded = CourtesyText.fold(words[index])
            if afterAction, folded == "del" {
                result.append("el")
            } else if afterAction, folded == "de" {
                // "de la", "de los", or a bare noun: the article stays, "de" goes.
            } else if !afterAction, index > 0, let verb = spanishInfinitive(noun: folded),
                      CourtesyText.fold(words[index - 1]) == "y" || words[index - 1].hasSuffix(",") {
                result.append(verb.lowercased())
                afterAction = true
                index += 1
                continue
            } else {
                result.append(words[index])
            }
            afterAction = false
            index += 1
        }
        return result
    }

    /// Irregular conjugated forms support notes use, folded, with their infinitive.
    static let spanishIrregular: [String: String] = [
        "hizo": "hacer", "hicimos": "hacer", "hace": "hacer", "hacen": "hacer", "rehizo": "rehacer",
        "puso": "poner", "pusimos": "poner", "repuso": "reponer", "dispuso": "disponer",
        "detuvo": "detener", "detuvimos": "detener", "obtuvo": "obtener", "mantuvo": "mantener", "tuvo": "tener",
        "dijo": "decir", "dijimos": "decir", "redujo": "reducir", "redujimos": "reducir", "tradujo": "traducir",
        "produjo": "producir", "condujo": "conducir", "corrigio": "corregir", "corrige": "corregir",
        "corrigieron": "corregir", "pidio": "pedir", "pide": "pedir", "siguio": "seguir", "sigue": "seguir",
        "reconstruyo": "reconstruir", "reconstruye": "reconstruir", "distribuyo": "distribuir", "sustituyo": "sustituir",
        "incluyo": "incluir", "incluye": "incluir", "revirtio": "revertir", "revierte": "revertir", "sirvio": "servir",
        "eligio": "elegir", "repitio": "repetir", "consiguio": "conseguir", "prueba": "probar", "probo": "probar",
        "probamos": "probar", "vuelve": "volver", "volvio": "volver", "devuelve": "devolver", "devolvio": "devolver",
        "reinstalo": "reinstalar", "fue": "ir", "envio": "enviar", "envia": "enviar", "reenvio": "reenviar",
        "abre": "abrir", "abrio": "abrir", "abrimos": "abrir", "cierra": "cerrar", "cerro": "cerrar",
    ]

    /// -ir verbs support notes use; any other verb in -e, -ió, -ieron or -imos is read as -er.
    static let spanishIrVerbs: Set<String> = [
        "abrir", "emitir", "reemitir", "subir", "reducir", "incluir", "corregir", "anadir", "escribir", "reescribir",
        "dividir", "permitir", "recibir", "definir", "redefinir", "describir", "difundir", "imprimir", "compartir",
        "consumir", "sustituir", "producir", "traducir", "cubrir", "descubrir", "transmitir", "retransmitir", "admitir",
        "omitir", "decidir", "resumir", "asumir", "suprimir", "construir", "reconstruir", "distribuir", "redistribuir",
        "instruir", "pedir", "repetir", "seguir", "conseguir", "servir", "revertir", "convertir", "invertir", "medir",
        "unir", "reunir", "reabrir", "cumplir", "existir", "insistir", "asistir", "escupir", "interrumpir", "advertir",
        "dirigir", "redirigir", "exigir", "elegir", "fundir", "pulir", "partir", "repartir", "suscribir", "inscribir",
        "prescindir", "sumir", "surtir", "zurcir",
    ]

    /// The infinitive of a conjugated verb, nil when the word does not read as one. After "se" any third person
    /// (present or preterite) reads as a verb; alone, only first-person plurals and third-person plural preterites
    /// do, since a bare "-a" or "-o" word is more often a noun ("Alerta", "Caso").
    static func spanishInfinitive(conjugated word: String, afterSe: Bool) -> String? {
        if let known = spanishIrregular[word] { return known }
        func erOrIr(_ stem: String) -> String { spanishIrVerbs.contains(stem + "ir") ? stem + "ir" : stem + "er" }
        var endings: [(String, (String) -> String)] = [
            ("aron", { $0 + "ar" }), ("ieron", erOrIr), ("amos", { $0 + "ar" }), ("emos", { $0 + "er" }), ("imos", erOrIr),
        ]
        if afterSe {
            endings += [("io", preteriteIo), ("o", { $0 + "ar" }), ("an", { $0 + "ar" }), ("en", erOrIr), ("a", { $0 + "ar" }),
                        ("e", erOrIr)]
        }
        for (ending, make) in endings where word.hasSuffix(ending) {
            let stem = String(word.dropLast(ending.count))
            guard stem.count >= 2 else { return nil }
            let infinitive = make(stem)
            return infinitive.count >= 4 ? infinitive : nil
        }
        return nil
    }

    /// A folded preterite in "-io": "emitio" (emit-ió, an -ir verb), "restablecio" (-er), or "reinicio" (reinici-ó, -ar).
    private static func preteriteIo(_ stem: String) -> String {
        if spanishIrVerbs.contains(stem + "ir") { return stem + "ir" }
        if ["ec", "oc", "lv", "ov", "nd", "mp", "rr"].contains(where: stem.hasSuffix) { return stem + "er" }
        return stem + "iar"
    }

    /// Nominalised actions, folded, with their infinitive; `-ación` nouns are read as `-ar` verbs.
    static let spanishNouns: [String: String] = [
        "limpieza": "limpiar", "reinicio": "reiniciar", "purga": "purgar", "termino": "terminar", "cambio": "cambiar",
        "ajuste": "ajustar", "envio": "enviar", "reenvio": "reenviar", "cierre": "cerrar", "prueba": "probar",
        "pruebas": "probar", "revision": "revisar", "solicitud": "solicitar", "respaldo": "respaldar",
        "reproceso": "reprocesar", "aumento": "aumentar", "despliegue": "desplegar", "redespliegue": "redesplegar",
        "escalamiento": "escalar", "bloqueo": "bloquear", "desbloqueo": "desbloquear", "restablecimiento": "restablecer",
        "reemplazo": "reemplazar", "registro": "registrar", "monitoreo": "monitorear", "seguimiento": "seguir",
        "diagnostico": "diagnosticar", "analisis": "analizar", "recarga": "recargar", "carga": "cargar",
        "correccion": "corregir", "reemision": "reemitir", "emision": "emitir", "suspension": "suspender",
        "extension": "extender", "conversion": "convertir", "reconstruccion": "reconstruir", "inclusion": "incluir",
        "reversion": "revertir", "definicion": "definir", "medicion": "medir", "revalidacion": "revalidar",
        "depuracion": "depurar", "borrado": "borrar", "ampliacion": "ampliar", "rollback": "revertir",
        "reasignacion": "reasignar", "asignacion": "asignar", "reindexacion": "reindexar",
    ]

    /// The infinitive of a nominalised action ("generacion" → "Generar"), nil for another noun.
    static func spanishInfinitive(noun word: String) -> String? {
        if let known = spanishNouns[word] { return known }
        if word.hasSuffix("acion"), word.count > 6 { return String(word.dropLast(5)) + "ar" }
        return nil
    }

    /// A word that already is an infinitive (ends in -ar, -er, -ir and is not a common noun with those endings).
    static func isSpanishInfinitive(_ word: String) -> Bool {
        (word.hasSuffix("ar") || word.hasSuffix("er") || word.hasSuffix("ir")) && word.count > 3
            && !["lugar", "nivel", "usuar", "proveedor", "servidor", "error", "mayor", "menor", "poder", "mujer", "taller"]
                .contains(word) && !word.hasSuffix("dor") && !word.hasSuffix("or")
    }

    // MARK: English

    /// Irregular past forms support notes use, with their base form.
    static let englishIrregular: [String: String] = [
        "ran": "run", "reran": "rerun", "rebuilt": "rebuild", "built": "build", "sent": "send", "resent": "resend",
        "made": "make", "took": "take", "gave": "give", "found": "find", "wrote": "write", "rewrote": "rewrite",
        "set": "set", "reset": "reset", "put": "put", "shut": "shut", "got": "get", "brought": "bring", "told": "tell",
        "did": "do", "redid": "redo", "began": "begin", "kept": "keep", "left": "leave", "met": "meet", "paid": "pay",
        "spoke": "speak", "chose": "choose", "held": "hold", "led": "lead", "cut": "cut", "went": "go", "undid": "undo",
    ]

    /// Stems that take back the "e" the past tense dropped ("updat" → "update", "purg" → "purge").
    private static let englishSilentE = ["at", "iz", "is", "ov", "iv", "lv", "rv", "bl", "pl", "dl", "gl", "ur", "id",
                                         "ac", "ic", "uc", "ng", "rg", "dg", "os", "as", "us", "su", "nu", "ir", "or"]

    private static func english(_ words: [String]) -> String? {
        var words = words
        if CourtesyText.fold(words[0]) == "we", words.count > 1 { words.removeFirst() }
        let first = words[0].lowercased()
        if let base = englishIrregular[first] {
            words[0] = base
            return sentence(words)
        }
        guard first.hasSuffix("ed"), first.count > 4 else {
            return ["check", "restart", "renew", "clear", "install", "reload", "apply", "open", "update", "verify",
                    "restore", "replace", "remove", "add", "enable", "disable", "ask", "escalate", "purge", "run"]
                .contains(first) ? sentence(words) : nil
        }
        var stem = String(first.dropLast(2))
        if stem.hasSuffix("i") {
            stem = String(stem.dropLast()) + "y"
        } else if let last = stem.last, let before = stem.dropLast().last, last == before, "bgmnprt".contains(last) {
            stem.removeLast()
        } else if englishSilentE.contains(where: stem.hasSuffix), !stem.hasSuffix("eat"), !stem.hasSuffix("itor"),
                  !stem.hasSuffix("ear"), !stem.hasSuffix("ing") {
            stem += "e"
        }
        words[0] = stem
        return sentence(words)
    }

    /// The words as a sentence with a capital first letter.
    private static func sentence(_ words: [String]) -> String {
        var text = words.joined(separator: " ")
        if let first = text.first { text = first.uppercased() + text.dropFirst() }
        return text
    }
}
