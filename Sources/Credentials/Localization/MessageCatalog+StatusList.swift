extension MessageCatalog {
    /// Messages of the StatusList area, in Spanish, Portuguese and English.
    ///
    /// Where Bitstring Status List names the error, the text names it too, in parentheses, so a
    /// reader can look it up in the spec.
    static let statusList: [String: [Language: String]] = [
        "statusList.none": [
            .es: "La credencial no declara un estado (credentialStatus).",
            .pt: "A credencial não declara um estado (credentialStatus).",
            .en: "The credential declares no status (credentialStatus).",
        ],
        "statusList.allPassed": [
            .es: "Se comprobaron los {0} estados de la credencial: no está revocada ni suspendida.",
            .pt: "Os {0} estados da credencial foram verificados: não está revogada nem suspensa.",
            .en: "All {0} statuses of the credential were checked: it is neither revoked nor suspended.",
        ],
        "statusList.unsupportedType": [
            .es: "La credencial declara un estado de tipo {0}, que no se puede comprobar aquí.",
            .pt: "A credencial declara um estado do tipo {0}, que não pode ser verificado aqui.",
            .en: "The credential declares a status of type {0}, which cannot be checked here.",
        ],
        "statusList.entryMalformed": [
            .es: "La entrada de estado de la credencial está mal formada (MALFORMED_VALUE_ERROR): {0}",
            .pt: "A entrada de estado da credencial está malformada (MALFORMED_VALUE_ERROR): {0}",
            .en: "The credential's status entry is malformed (MALFORMED_VALUE_ERROR): {0}",
        ],
        "statusList.statusSizeUnsupported": [
            .es: "La entrada de estado usa {0} bits por estado; aquí se admiten de 1 a 8.",
            .pt: "A entrada de estado usa {0} bits por estado; aqui são aceitos de 1 a 8.",
            .en: "The status entry uses {0} bits per status; 1 to 8 are supported here.",
        ],
        // Retrieval and verification of the list
        "statusList.unavailable": [
            .es: "No se pudo obtener la lista de estados {0} (STATUS_RETRIEVAL_ERROR), así que no se sabe si la credencial fue revocada.",
            .pt: "Não foi possível obter a lista de estados {0} (STATUS_RETRIEVAL_ERROR), então não se sabe se a credencial foi revogada.",
            .en: "The status list {0} could not be obtained (STATUS_RETRIEVAL_ERROR), so whether the credential was revoked is unknown.",
        ],
        "statusList.retrieval": [
            .es: "No se pudo obtener la lista de estados {0} (STATUS_RETRIEVAL_ERROR): {1}",
            .pt: "Não foi possível obter a lista de estados {0} (STATUS_RETRIEVAL_ERROR): {1}",
            .en: "The status list {0} could not be obtained (STATUS_RETRIEVAL_ERROR): {1}",
        ],
        "statusList.notCredential": [
            .es: "Lo obtenido en {0} no es una credencial de lista de estados (STATUS_RETRIEVAL_ERROR).",
            .pt: "O que foi obtido em {0} não é uma credencial de lista de estados (STATUS_RETRIEVAL_ERROR).",
            .en: "What was obtained from {0} is not a status list credential (STATUS_RETRIEVAL_ERROR).",
        ],
        "statusList.listProof": [
            .es: "La firma de la lista de estados {0} no se pudo verificar (STATUS_VERIFICATION_ERROR); no se puede confiar en ella.",
            .pt: "A assinatura da lista de estados {0} não pôde ser verificada (STATUS_VERIFICATION_ERROR); não se pode confiar nela.",
            .en: "The signature of the status list {0} could not be verified (STATUS_VERIFICATION_ERROR); it cannot be relied on.",
        ],
        "statusList.listIssuerKey": [
            .es: "La lista de estados {0} no la firmó una clave de su emisor (STATUS_VERIFICATION_ERROR).",
            .pt: "A lista de estados {0} não foi assinada por uma chave do seu emissor (STATUS_VERIFICATION_ERROR).",
            .en: "The status list {0} was not signed by a key of its issuer (STATUS_VERIFICATION_ERROR).",
        ],
        "statusList.listFormat": [
            .es: "La lista de estados {0} no es una credencial verificable bien formada (STATUS_VERIFICATION_ERROR).",
            .pt: "A lista de estados {0} não é uma credencial verificável bem formada (STATUS_VERIFICATION_ERROR).",
            .en: "The status list {0} is not a well-formed verifiable credential (STATUS_VERIFICATION_ERROR).",
        ],
        "statusList.listValidity": [
            .es: "La lista de estados {0} no está vigente (STATUS_VERIFICATION_ERROR).",
            .pt: "A lista de estados {0} não está válida (STATUS_VERIFICATION_ERROR).",
            .en: "The status list {0} is not within its validity period (STATUS_VERIFICATION_ERROR).",
        ],
        "statusList.listStatus": [
            .es: "La propia lista de estados {0} está revocada o su estado no se pudo comprobar (STATUS_VERIFICATION_ERROR).",
            .pt: "A própria lista de estados {0} está revogada ou seu estado não pôde ser verificado (STATUS_VERIFICATION_ERROR).",
            .en: "The status list {0} is itself revoked, or its own status could not be checked (STATUS_VERIFICATION_ERROR).",
        ],
        "statusList.listMalformed": [
            .es: "La lista de estados {0} está mal formada (MALFORMED_VALUE_ERROR): {1}",
            .pt: "A lista de estados {0} está malformada (MALFORMED_VALUE_ERROR): {1}",
            .en: "The status list {0} is malformed (MALFORMED_VALUE_ERROR): {1}",
        ],
        "statusList.issuerMismatch": [
            .es: "La lista de estados {0} la emitió {1}, no el emisor de la credencial ({2}); no se acepta.",
            .pt: "A lista de estados {0} foi emitida por {1}, não pelo emissor da credencial ({2}); não é aceita.",
            .en: "The status list {0} was issued by {1}, not by the credential's issuer ({2}); it is not accepted.",
        ],
        "statusList.listNotYetValid": [
            .es: "La lista de estados {0} solo es válida a partir del {1}.",
            .pt: "A lista de estados {0} só é válida a partir de {1}.",
            .en: "The status list {0} is not valid until {1}.",
        ],
        "statusList.listExpired": [
            .es: "La lista de estados {0} venció el {1}; hace falta una más reciente.",
            .pt: "A lista de estados {0} expirou em {1}; é preciso uma mais recente.",
            .en: "The status list {0} expired on {1}; a newer one is needed.",
        ],
        "statusList.undecodable": [
            .es: "La lista de bits de {0} no se pudo decodificar (MALFORMED_VALUE_ERROR): {1}",
            .pt: "A lista de bits de {0} não pôde ser decodificada (MALFORMED_VALUE_ERROR): {1}",
            .en: "The bitstring of {0} could not be decoded (MALFORMED_VALUE_ERROR): {1}",
        ],
        "statusList.tooLarge": [
            .es: "La lista de estados {0} es demasiado grande y no se procesó: {1}",
            .pt: "A lista de estados {0} é grande demais e não foi processada: {1}",
            .en: "The status list {0} is too large and was not processed: {1}",
        ],
        // The entry against the list
        "statusList.purposeMismatch": [
            .es: "La entrada es de propósito «{0}», pero la lista {2} solo sirve para «{1}» (STATUS_VERIFICATION_ERROR).",
            .pt: "A entrada tem o propósito “{0}”, mas a lista {2} só serve para “{1}” (STATUS_VERIFICATION_ERROR).",
            .en: "The entry's purpose is \"{0}\", but the list {2} serves only \"{1}\" (STATUS_VERIFICATION_ERROR).",
        ],
        "statusList.tooShort": [
            .es: "La lista de estados {0} tiene {1} entradas, menos de las {2} exigidas para proteger la privacidad (STATUS_LIST_LENGTH_ERROR).",
            .pt: "A lista de estados {0} tem {1} entradas, menos que as {2} exigidas para proteger a privacidade (STATUS_LIST_LENGTH_ERROR).",
            .en: "The status list {0} has {1} entries, fewer than the {2} required for privacy (STATUS_LIST_LENGTH_ERROR).",
        ],
        "statusList.range": [
            .es: "La posición {0} queda fuera de la lista de estados {1}, que tiene {2} entradas (RANGE_ERROR).",
            .pt: "A posição {0} fica fora da lista de estados {1}, que tem {2} entradas (RANGE_ERROR).",
            .en: "Index {0} lies outside the status list {1}, which has {2} entries (RANGE_ERROR).",
        ],
        // Outcomes
        "statusList.revoked": [
            .es: "El emisor revocó la credencial (lista {0}, posición {1}).",
            .pt: "O emissor revogou a credencial (lista {0}, posição {1}).",
            .en: "The issuer has revoked the credential (list {0}, index {1}).",
        ],
        "statusList.notRevoked": [
            .es: "La credencial no está revocada (lista {0}, posición {1}).",
            .pt: "A credencial não está revogada (lista {0}, posição {1}).",
            .en: "The credential is not revoked (list {0}, index {1}).",
        ],
        "statusList.suspended": [
            .es: "El emisor suspendió la credencial (lista {0}, posición {1}).",
            .pt: "O emissor suspendeu a credencial (lista {0}, posição {1}).",
            .en: "The issuer has suspended the credential (list {0}, index {1}).",
        ],
        "statusList.notSuspended": [
            .es: "La credencial no está suspendida (lista {0}, posición {1}).",
            .pt: "A credencial não está suspensa (lista {0}, posição {1}).",
            .en: "The credential is not suspended (list {0}, index {1}).",
        ],
        "statusList.refresh": [
            .es: "Hay una versión actualizada de la credencial en el servicio de actualización del emisor; esta sigue siendo válida (lista {0}, posición {1}).",
            .pt: "Há uma versão atualizada da credencial no serviço de atualização do emissor; esta continua válida (lista {0}, posição {1}).",
            .en: "An updated credential is available from the issuer's refresh service; this one remains valid (list {0}, index {1}).",
        ],
        "statusList.noRefresh": [
            .es: "No hay una versión más reciente de la credencial (lista {0}, posición {1}).",
            .pt: "Não há uma versão mais recente da credencial (lista {0}, posição {1}).",
            .en: "No updated credential is available (list {0}, index {1}).",
        ],
        "statusList.message": [
            .es: "Estado {0} de la credencial según su emisor: «{1}».",
            .pt: "Estado {0} da credencial segundo o emissor: “{1}”.",
            .en: "The issuer gives the credential the status {0}: \"{1}\".",
        ],
        "statusList.messageUndefined": [
            .es: "La credencial tiene el estado {0} en la lista {1}, pero la entrada no dice qué significa.",
            .pt: "A credencial tem o estado {0} na lista {1}, mas a entrada não diz o que significa.",
            .en: "The credential has the status {0} in the list {1}, but its entry does not say what that means.",
        ],
        "statusList.otherUnset": [
            .es: "El estado «{0}» de la credencial no está activado (lista {1}).",
            .pt: "O estado “{0}” da credencial não está ativado (lista {1}).",
            .en: "The credential's \"{0}\" status is not set (list {1}).",
        ],
        "statusList.otherSet": [
            .es: "La credencial tiene el estado «{0}» con valor {1} (lista {2}); este propósito no se sabe interpretar aquí.",
            .pt: "A credencial tem o estado “{0}” com valor {1} (lista {2}); este propósito não pode ser interpretado aqui.",
            .en: "The credential's \"{0}\" status is {1} (list {2}); that purpose cannot be interpreted here.",
        ],
        // 1EdTech Revocation List
        "statusList.rl.noURL": [
            .es: "El estado 1EdTechRevocationList no indica la URL de la lista de revocación.",
            .pt: "O estado 1EdTechRevocationList não indica a URL da lista de revogação.",
            .en: "The 1EdTechRevocationList status gives no URL for the revocation list.",
        ],
        "statusList.rl.noCredentialID": [
            .es: "La credencial no tiene id, así que no se puede buscar en la lista de revocación {0}.",
            .pt: "A credencial não tem id, então não pode ser procurada na lista de revogação {0}.",
            .en: "The credential has no id, so it cannot be looked up in the revocation list {0}.",
        ],
        "statusList.rl.unavailable": [
            .es: "No se pudo obtener la lista de revocación 1EdTech {0}: la publica el emisor y no viene incluida, así que no se sabe si la credencial fue revocada.",
            .pt: "Não foi possível obter a lista de revogação 1EdTech {0}: ela é publicada pelo emissor e não vem incluída, então não se sabe se a credencial foi revogada.",
            .en: "The 1EdTech revocation list {0} could not be obtained: the issuer publishes it and it is not bundled, so whether the credential was revoked is unknown.",
        ],
        "statusList.rl.retrieval": [
            .es: "No se pudo obtener la lista de revocación 1EdTech {0}: {1}",
            .pt: "Não foi possível obter a lista de revogação 1EdTech {0}: {1}",
            .en: "The 1EdTech revocation list {0} could not be obtained: {1}",
        ],
        "statusList.rl.malformed": [
            .es: "La lista de revocación 1EdTech {0} está mal formada: {1}",
            .pt: "A lista de revogação 1EdTech {0} está malformada: {1}",
            .en: "The 1EdTech revocation list {0} is malformed: {1}",
        ],
        "statusList.rl.issuerMismatch": [
            .es: "La lista de revocación {0} es de {1}, no del emisor de la credencial ({2}); no se acepta.",
            .pt: "A lista de revogação {0} é de {1}, não do emissor da credencial ({2}); não é aceita.",
            .en: "The revocation list {0} belongs to {1}, not to the credential's issuer ({2}); it is not accepted.",
        ],
        "statusList.rl.revoked": [
            .es: "El emisor revocó la credencial (lista de revocación 1EdTech {0}).",
            .pt: "O emissor revogou a credencial (lista de revogação 1EdTech {0}).",
            .en: "The issuer has revoked the credential (1EdTech revocation list {0}).",
        ],
        "statusList.rl.revokedReason": [
            .es: "El emisor revocó la credencial (lista de revocación 1EdTech {0}). Motivo: {1}",
            .pt: "O emissor revogou a credencial (lista de revogação 1EdTech {0}). Motivo: {1}",
            .en: "The issuer has revoked the credential (1EdTech revocation list {0}). Reason: {1}",
        ],
        "statusList.rl.notRevoked": [
            .es: "La credencial no figura como revocada en la lista de revocación 1EdTech {0}.",
            .pt: "A credencial não consta como revogada na lista de revogação 1EdTech {0}.",
            .en: "The credential is not listed as revoked in the 1EdTech revocation list {0}.",
        ],
    ]
}
