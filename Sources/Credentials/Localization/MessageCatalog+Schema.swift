extension MessageCatalog {
    /// Messages of the Schema area, in Spanish, Portuguese and English.
    ///
    /// `schema.annexIMissing` receives its list once per language (see `SchemaCheck.names`):
    /// `{0}` Spanish, `{1}` Portuguese, `{2}` English. Element names follow the wording of
    /// Annex I of Council Recommendation 2022/C 243/02 in each language.
    static let schema: [String: [Language: String]] = [
        "schema.passed": [
            .es: "La credencial cumple el esquema {0}.",
            .pt: "A credencial está de acordo com o esquema {0}.",
            .en: "The credential conforms to the {0} schema.",
        ],
        "schema.passedWithAnnexI": [
            .es:
                "La credencial cumple el esquema {0} e incluye todos los elementos obligatorios del anexo I de la Recomendación del Consejo sobre microcredenciales.",
            .pt:
                "A credencial está de acordo com o esquema {0} e inclui todos os elementos obrigatórios do anexo I da Recomendação do Conselho sobre microcredenciais.",
            .en:
                "The credential conforms to the {0} schema and includes every mandatory element of Annex I of the Council Recommendation on micro-credentials.",
        ],
        "schema.annexIComplete": [
            .es:
                "La microcredencial incluye todos los elementos obligatorios del anexo I de la Recomendación del Consejo sobre microcredenciales.",
            .pt:
                "A microcredencial inclui todos os elementos obrigatórios do anexo I da Recomendação do Conselho sobre microcredenciais.",
            .en:
                "The micro-credential includes every mandatory element of Annex I of the Council Recommendation on micro-credentials.",
        ],
        "schema.annexIMissing": [
            .es: "Faltan elementos obligatorios del anexo I: {0}.",
            .pt: "Faltam elementos obrigatórios do anexo I: {1}.",
            .en: "Missing mandatory Annex I elements: {2}.",
        ],
        "schema.invalid": [
            .es: "La credencial no cumple el esquema {0}: {1}",
            .pt: "A credencial não está de acordo com o esquema {0}: {1}",
            .en: "The credential does not conform to the {0} schema: {1}",
        ],
        "schema.invalidMany": [
            .es: "La credencial no cumple el esquema {0} ({1} problemas; los primeros: {2})",
            .pt: "A credencial não está de acordo com o esquema {0} ({1} problemas; os primeiros: {2})",
            .en: "The credential does not conform to the {0} schema ({1} problems; the first: {2})",
        ],
        "schema.unknownSchema": [
            .es: "La credencial declara el esquema {0}, que no se conoce aquí, así que no se pudo validar.",
            .pt: "A credencial declara o esquema {0}, que não é conhecido aqui, por isso não pôde ser validada.",
            .en: "The credential names the schema {0}, which is not known here, so it could not be validated.",
        ],
        "schema.unsupportedType": [
            .es: "La credencial declara un esquema de tipo \"{0}\", que no se puede comprobar aquí.",
            .pt: "A credencial declara um esquema do tipo \"{0}\", que não pode ser verificado aqui.",
            .en: "The credential names a schema of type \"{0}\", which cannot be checked here.",
        ],
        "schema.unusable": [
            .es: "No se pudo usar el esquema {0}: {1}",
            .pt: "Não foi possível usar o esquema {0}: {1}",
            .en: "The schema {0} could not be used: {1}",
        ],
        "schema.notApplicable": [
            .es: "Ningún esquema se aplica a este tipo de credencial.",
            .pt: "Nenhum esquema se aplica a este tipo de credencial.",
            .en: "No schema applies to this kind of credential.",
        ],
        // Annex I elements: mandatory (a)–(k), then optional.
        "schema.annexI.learner": [
            .es: "identificación del educando", .pt: "identificação do aprendente", .en: "identification of the learner",
        ],
        "schema.annexI.title": [
            .es: "título de la microcredencial", .pt: "título da microcredencial", .en: "title of the micro-credential",
        ],
        "schema.annexI.country": [
            .es: "país o región del emisor", .pt: "país ou região do emissor", .en: "country or region of the issuer",
        ],
        "schema.annexI.awardingBody": [
            .es: "organismo que la otorga", .pt: "organismo que a atribui", .en: "awarding body",
        ],
        "schema.annexI.dateOfIssuing": [
            .es: "fecha de expedición", .pt: "data de emissão", .en: "date of issuing",
        ],
        "schema.annexI.learningOutcomes": [
            .es: "resultados de aprendizaje", .pt: "resultados de aprendizagem", .en: "learning outcomes",
        ],
        "schema.annexI.workload": [
            .es: "volumen de trabajo teórico (en ECTS, siempre que sea posible)",
            .pt: "volume de trabalho teórico (em ECTS, sempre que possível)",
            .en: "notional workload (in ECTS, wherever possible)",
        ],
        "schema.annexI.level": [
            .es: "nivel (MEC o marco nacional de cualificaciones), si procede",
            .pt: "nível (QEQ ou quadro nacional de qualificações), se aplicável",
            .en: "level (EQF or national qualifications framework), if applicable",
        ],
        "schema.annexI.assessment": [
            .es: "tipo de evaluación", .pt: "tipo de avaliação", .en: "type of assessment",
        ],
        "schema.annexI.participation": [
            .es: "forma de participación", .pt: "forma de participação", .en: "form of participation",
        ],
        "schema.annexI.qualityAssurance": [
            .es: "tipo de aseguramiento de la calidad", .pt: "tipo de garantia da qualidade", .en: "type of quality assurance",
        ],
        "schema.annexI.prerequisites": [
            .es: "requisitos previos para inscribirse", .pt: "pré-requisitos para a inscrição",
            .en: "prerequisites for enrolment",
        ],
        "schema.annexI.supervision": [
            .es: "supervisión y verificación de la identidad durante la evaluación",
            .pt: "supervisão e verificação da identidade durante a avaliação",
            .en: "supervision and identity verification during assessment",
        ],
        "schema.annexI.grade": [
            .es: "calificación obtenida", .pt: "nota obtida", .en: "grade achieved",
        ],
        "schema.annexI.stackability": [
            .es: "opciones de integración o acumulación", .pt: "opções de integração ou acumulação",
            .en: "integration or stackability options",
        ],
        "schema.annexI.furtherInformation": [
            .es: "información adicional", .pt: "informações adicionais", .en: "further information",
        ],
    ]
}
