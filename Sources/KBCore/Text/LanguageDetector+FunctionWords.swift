extension LanguageDetector {
    /// Function words of Spanish, English and the other languages support tickets arrive in, by the FNV-1a hash of
    /// their lower-case UTF-8, each with a bit per language that uses it.
    enum FunctionWords {
        static let spanish: UInt8 = 1
        static let english: UInt8 = 2
        /// German, French, Portuguese, Italian: bits 2 to 5.
        static let firstOther: UInt8 = 4
        static let otherLanguageCount = 4

        static let lists: [(bit: UInt8, words: String)] = [
            (spanish, """
                de la que el en y a los se del las un por con no una su para es al lo como más o pero sus le ha me si
                sin sobre este ya entre cuando todo esta ser son dos también fue había era muy hasta desde está mi
                porque qué solo sólo han yo hay vez puede todos así nos ni tiene él uno donde bien mismo ese ahora cada
                otro después te otros aunque esa eso hace otra durante siempre tan tanto ella sí sido según menos antes
                contra sino nada estaba poco estos ante unos les algo hacia ellos mucho mientras además quien esto
                están pues hoy entonces todas debe cómo casi toda tal luego tenía nunca aquí pueden tienen misma cual
                fueron tras dentro nuestro nuestra nuestros ello cualquier aún hola gracias buenos buenas días favor
                estimados estimado necesitamos necesito podemos tenemos usted ustedes
                """),
            (english, """
                the of and to a in is you that it he was for on are as with his they i at be this have from or one had
                by but not what all were we when your can said there an each which she do how their if will up other
                about out many then them these so some her would like him into has more could my than first been who
                its now did get may over only me our just very after any same too most also should please thanks
                thank hi hello dear us why where does another well must even such because here don't can't isn't
                doesn't won't i'm we're it's there's cannot
                """),
            (firstOther, """
                der die und den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an werden aus er
                hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum war haben nur oder aber
                vor zur bis mehr durch man sein wurde sei ich wir ihr ihre unsere bitte können sehr geehrte damen
                herren mein meine unser
                """),
            (firstOther << 1, """
                le de un à être et en avoir que pour dans ce il qui ne sur se pas plus par je avec tout faire son
                autre on mais nous comme ou si leur y elle avant deux même aussi bien où fois vous encore cela entre
                déjà mon me moins lui très sans notre dont non alors après peu depuis ainsi les des du la est une au
                aux sont votre vos merci bonjour cordialement
                """),
            (firstOther << 2, """
                de a o que e do da em um para é com não uma os no se na por mais as dos como mas foi ao ele das tem à
                seu sua ou ser quando muito há nos já está eu também só pelo pela até isso ela entre era depois sem
                mesmo aos ter seus quem nas me esse eles estão você tinha foram essa num nem suas meu às minha numa
                pelos elas havia seja qual será nós tenho lhe deles essas esses pelas este fosse dele vocês nosso
                nossa obrigado prezados olá
                """),
            (firstOther << 3, """
                di e il la che è per un in del non una sono le della con si da al i lo gli dei delle ma come anche io
                ho mi questo questa nel alla più se ci ne sul essere stato grazie buongiorno
                """),
        ]

        /// Hash of each word → the languages whose list holds it.
        static let table: IntegerKeyTable<UInt8> = {
            var table: [UInt64: UInt8] = [:]
            for (bit, words) in lists {
                for word in words.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
                    table[FNV1a.hash64(String(word)), default: 0] |= bit
                }
            }
            return IntegerKeyTable(table)
        }()
    }
}
