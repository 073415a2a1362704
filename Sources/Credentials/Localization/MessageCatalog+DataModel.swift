extension MessageCatalog {
    /// Messages of the DataModel area, in Spanish, Portuguese and English.
    ///
    /// One per ``DataModelRule`` (some rules share one); `{0}` is always the member path, such as
    /// `credentialSubject[0].id`.
    static let dataModel: [String: [Language: String]] = [
        // contexts
        "dataModel.contextMissing": [
            .es: "Falta {0}: toda credencial o presentación debe declarar sus contextos.",
            .pt: "Falta {0}: toda credencial ou apresentação deve declarar seus contextos.",
            .en: "{0} is missing: every credential or presentation must declare its contexts.",
        ],
        "dataModel.contextFirst": [
            .es: "El primer elemento de {0} debe ser {1}.",
            .pt: "O primeiro item de {0} deve ser {1}.",
            .en: "The first item of {0} must be {1}.",
        ],
        "dataModel.contextItem": [
            .es: "{0} debe ser la URL de un contexto o un objeto de contexto.",
            .pt: "{0} deve ser a URL de um contexto ou um objeto de contexto.",
            .en: "{0} must be a context URL or a context object.",
        ],
        "dataModel.contextUnavailable": [
            .es: "El contexto {1} no es uno de los que conoce Mochila, así que no se pueden interpretar los términos del documento.",
            .pt: "O contexto {1} não é um dos que o Mochila conhece, então os termos do documento não podem ser interpretados.",
            .en: "The context {1} is not one Mochila knows, so the document's terms cannot be understood.",
        ],
        "dataModel.contextRedefinition": [
            .es: "Un contexto redefine el término protegido {1}.",
            .pt: "Um contexto redefine o termo protegido {1}.",
            .en: "A context redefines the protected term {1}.",
        ],
        "dataModel.contextInvalid": [
            .es: "Los contextos no se pueden procesar como contextos JSON-LD ({1}).",
            .pt: "Os contextos não podem ser processados como contextos JSON-LD ({1}).",
            .en: "The contexts cannot be processed as JSON-LD contexts ({1}).",
        ],
        "dataModel.termUndefined": [
            .es: "Un término o tipo no corresponde a ninguna URL según los contextos del documento y se perdería ({1}).",
            .pt: "Um termo ou tipo não corresponde a nenhuma URL segundo os contextos do documento e seria perdido ({1}).",
            .en: "A term or type does not map to a URL with the document's contexts and would be lost ({1}).",
        ],
        "dataModel.termNotUrl": [
            .es: "Un término o tipo corresponde a {1}, que no es una URL válida.",
            .pt: "Um termo ou tipo corresponde a {1}, que não é uma URL válida.",
            .en: "A term or type maps to {1}, which is not a valid URL.",
        ],
        "dataModel.jsonldInvalid": [
            .es: "El documento no es JSON-LD válido ({1}).",
            .pt: "O documento não é JSON-LD válido ({1}).",
            .en: "The document is not valid JSON-LD ({1}).",
        ],
        // identifiers and types
        "dataModel.idUrl": [
            .es: "{0} debe ser una única URL.",
            .pt: "{0} deve ser uma única URL.",
            .en: "{0} must be a single URL.",
        ],
        "dataModel.typeMissing": [
            .es: "Falta {0} o está vacío.",
            .pt: "{0} está ausente ou vazio.",
            .en: "{0} is missing or empty.",
        ],
        "dataModel.typeValue": [
            .es: "{0} debe ser un término o una URL absoluta.",
            .pt: "{0} deve ser um termo ou uma URL absoluta.",
            .en: "{0} must be a term or an absolute URL.",
        ],
        "dataModel.typeRequired": [
            .es: "{0} debe incluir {1}.",
            .pt: "{0} deve incluir {1}.",
            .en: "{0} must include {1}.",
        ],
        // credentials
        "dataModel.issuerMissing": [
            .es: "Falta {0}: una credencial debe indicar quién la emite.",
            .pt: "Falta {0}: uma credencial deve indicar quem a emite.",
            .en: "{0} is missing: a credential must say who issues it.",
        ],
        "dataModel.issuerUrl": [
            .es: "{0} debe ser una URL o un objeto cuyo id sea una URL.",
            .pt: "{0} deve ser uma URL ou um objeto cujo id seja uma URL.",
            .en: "{0} must be a URL or an object whose id is a URL.",
        ],
        "dataModel.subjectMissing": [
            .es: "Falta {0}: una credencial debe contener afirmaciones sobre al menos un sujeto.",
            .pt: "Falta {0}: uma credencial deve conter afirmações sobre pelo menos um sujeito.",
            .en: "{0} is missing: a credential must make claims about at least one subject.",
        ],
        "dataModel.subjectValue": [
            .es: "{0} debe ser un objeto.",
            .pt: "{0} deve ser um objeto.",
            .en: "{0} must be an object.",
        ],
        "dataModel.subjectEmpty": [
            .es: "{0} está vacío: cada sujeto debe tener al menos una afirmación.",
            .pt: "{0} está vazio: cada sujeito deve ter pelo menos uma afirmação.",
            .en: "{0} is empty: each subject must have at least one claim.",
        ],
        "dataModel.languageValue": [
            .es: "{0} debe ser un texto o un objeto de valor con idioma (@value, con @language y @direction opcionales, y nada más).",
            .pt: "{0} deve ser um texto ou um objeto de valor com idioma (@value, com @language e @direction opcionais, e nada mais).",
            .en: "{0} must be a string or a language value object (@value, with optional @language and @direction, and nothing else).",
        ],
        "dataModel.dateTimeStamp": [
            .es: "{0} debe ser una fecha y hora con zona horaria, como 2025-05-15T10:00:00Z, y no \"{1}\".",
            .pt: "{0} deve ser uma data e hora com fuso horário, como 2025-05-15T10:00:00Z, e não \"{1}\".",
            .en: "{0} must be a date and time with a timezone, such as 2025-05-15T10:00:00Z, not \"{1}\".",
        ],
        "dataModel.dateTime": [
            .es: "{0} debe ser una fecha y hora, como 2025-05-15T10:00:00Z, y no \"{1}\".",
            .pt: "{0} deve ser uma data e hora, como 2025-05-15T10:00:00Z, e não \"{1}\".",
            .en: "{0} must be a date and time, such as 2025-05-15T10:00:00Z, not \"{1}\".",
        ],
        "dataModel.validityOrder": [
            .es: "validFrom ({1}) es posterior a validUntil ({2}).",
            .pt: "validFrom ({1}) é posterior a validUntil ({2}).",
            .en: "validFrom ({1}) is later than validUntil ({2}).",
        ],
        "dataModel.issuanceDateMissing": [
            .es: "Falta {0}: una credencial VC 1.1 debe indicar cuándo se emitió.",
            .pt: "Falta {0}: uma credencial VC 1.1 deve indicar quando foi emitida.",
            .en: "{0} is missing: a VC 1.1 credential must say when it was issued.",
        ],
        "dataModel.typedObject": [
            .es: "{0} debe ser un objeto con un tipo (type).",
            .pt: "{0} deve ser um objeto com um tipo (type).",
            .en: "{0} must be an object with a type.",
        ],
        "dataModel.requiredID": [
            .es: "{0} es obligatorio y debe ser una URL.",
            .pt: "{0} é obrigatório e deve ser uma URL.",
            .en: "{0} is required and must be a URL.",
        ],
        // related resources
        "dataModel.relatedResourceDuplicate": [
            .es: "{0} repite el id {1}: cada recurso relacionado debe aparecer una sola vez.",
            .pt: "{0} repete o id {1}: cada recurso relacionado deve aparecer uma única vez.",
            .en: "{0} repeats the id {1}: each related resource must appear only once.",
        ],
        "dataModel.relatedResourceDigest": [
            .es: "{0} necesita un digestSRI o un digestMultibase.",
            .pt: "{0} precisa de um digestSRI ou de um digestMultibase.",
            .en: "{0} needs a digestSRI or a digestMultibase.",
        ],
        "dataModel.relatedResourceDigestSRI": [
            .es: "{0} debe ser un valor de Subresource Integrity, como sha384-… en base64.",
            .pt: "{0} deve ser um valor de Subresource Integrity, como sha384-… em base64.",
            .en: "{0} must be a Subresource Integrity value, such as sha384-… in base64.",
        ],
        "dataModel.relatedResourceDigestMultibase": [
            .es: "{0} debe ser un resumen multihash (SHA-2 o SHA-3) codificado en multibase.",
            .pt: "{0} deve ser um resumo multihash (SHA-2 ou SHA-3) codificado em multibase.",
            .en: "{0} must be a multibase-encoded multihash digest (SHA-2 or SHA-3).",
        ],
        // presentations
        "dataModel.holderUrl": [
            .es: "{0} debe ser una URL o un objeto cuyo id sea una URL.",
            .pt: "{0} deve ser uma URL ou um objeto cujo id seja uma URL.",
            .en: "{0} must be a URL or an object whose id is a URL.",
        ],
        "dataModel.verifiableCredentialValue": [
            .es: "{0} debe contener objetos de credencial verificable o de credencial verificable envuelta, no textos, números ni URL.",
            .pt: "{0} deve conter objetos de credencial verificável ou de credencial verificável envelopada, não textos, números nem URLs.",
            .en: "{0} must hold verifiable credential or enveloped verifiable credential objects, not strings, numbers or URLs.",
        ],
        "dataModel.envelopedContext": [
            .es: "{0} debe estar presente e incluir {1}.",
            .pt: "{0} deve estar presente e incluir {1}.",
            .en: "{0} must be present and include {1}.",
        ],
        "dataModel.envelopedId": [
            .es: "{0} debe ser una URL data: que contenga la credencial o presentación protegida.",
            .pt: "{0} deve ser uma URL data: que contenha a credencial ou apresentação protegida.",
            .en: "{0} must be a data: URL holding the secured credential or presentation.",
        ],
        "dataModel.holderRequired": [
            .es: "{1} solo está protegida por la prueba de la presentación (es una credencial autoafirmada), así que la presentación debe indicar su titular en {0}.",
            .pt: "{1} só está protegida pela prova da apresentação (é uma credencial autoafirmada), então a apresentação deve indicar seu titular em {0}.",
            .en: "{1} is secured only by the presentation's proof (a self-asserted credential), so the presentation must name its holder in {0}.",
        ],
        "dataModel.holderIssuerMismatch": [
            .es: "La credencial solo está protegida por la prueba de la presentación, así que su emisor ({0}: {2}) debe ser el titular de la presentación ({1}).",
            .pt: "A credencial só está protegida pela prova da apresentação, então seu emissor ({0}: {2}) deve ser o titular da apresentação ({1}).",
            .en: "The credential is secured only by the presentation's proof, so its issuer ({0}: {2}) must be the presentation's holder ({1}).",
        ],
    ]
}
