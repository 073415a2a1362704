extension MessageCatalog {
    /// Messages of Open Badges 2.0 verification (``OpenBadges2Verifier``), in Spanish, Portuguese
    /// and English. Its checks reuse the core texts where they say the same thing (`proof.passed`,
    /// `issuer.passed`, `validity.expired`…).
    static let openBadges2: [String: [Language: String]] = [
        "ob2.format.unreadable": [
            .es: "No se pudo leer la insignia Open Badges 2.0: {0}",
            .pt: "Não foi possível ler a insígnia Open Badges 2.0: {0}",
            .en: "The Open Badges 2.0 badge could not be read: {0}",
        ],
        "ob2.format.notObject": [
            .es: "La aserción no es un objeto JSON.",
            .pt: "A asserção não é um objeto JSON.",
            .en: "The assertion is not a JSON object.",
        ],
        "ob2.format.unavailable": [
            .es: "No se pudo obtener la aserción {0}: {1}",
            .pt: "Não foi possível obter a asserção {0}: {1}",
            .en: "The assertion {0} could not be obtained: {1}",
        ],
        "ob2.format.verificationType": [
            .es: "La aserción declara un tipo de verificación desconocido: \"{0}\" (se espera hosted o signed).",
            .pt: "A asserção declara um tipo de verificação desconhecido: \"{0}\" (espera-se hosted ou signed).",
            .en: "The assertion declares an unknown verification type: \"{0}\" (expected hosted or signed).",
        ],
        "ob2.format.jws": [
            .es: "La aserción firmada no es un JWS compacto válido: {0}",
            .pt: "A asserção assinada não é um JWS compacto válido: {0}",
            .en: "The signed assertion is not a valid compact JWS: {0}",
        ],
        "ob2.format.jwsPayload": [
            .es: "El contenido del JWS no es una aserción JSON.",
            .pt: "O conteúdo do JWS não é uma asserção JSON.",
            .en: "The JWS payload is not a JSON assertion.",
        ],
        "ob2.format.legacy": [
            .es: "Es una aserción Open Badges 0.5/1.x (verify en lugar de verification), que no se admite.",
            .pt: "É uma asserção Open Badges 0.5/1.x (verify em vez de verification), que não é suportada.",
            .en: "This is an Open Badges 0.5/1.x assertion (verify instead of verification), which is not supported.",
        ],
        "ob2.format.member": [
            .es: "A la aserción le falta {0} o no tiene la forma de Open Badges 2.0.",
            .pt: "Falta {0} na asserção ou não tem a forma do Open Badges 2.0.",
            .en: "The assertion's {0} is missing or not in its Open Badges 2.0 form.",
        ],
        "ob2.format.passed": [
            .es: "Aserción Open Badges 2.0 bien formada.",
            .pt: "Asserção Open Badges 2.0 bem formada.",
            .en: "A well-formed Open Badges 2.0 assertion.",
        ],
        "ob2.proof.signedWithoutSignature": [
            .es: "La aserción declara verificación firmada, pero llegó sin su firma (JWS).",
            .pt: "A asserção declara verificação assinada, mas chegou sem sua assinatura (JWS).",
            .en: "The assertion declares signed verification but came without its signature (JWS).",
        ],
        "ob2.proof.hostedIdNotURL": [
            .es: "Una aserción alojada debe tener como id su URL, no {0}.",
            .pt: "Uma asserção hospedada deve ter como id sua URL, não {0}.",
            .en: "A hosted assertion's id must be its URL, not {0}.",
        ],
        "ob2.proof.idMismatch": [
            .es: "El documento de {0} es la aserción {1}, no la de esa dirección.",
            .pt: "O documento de {0} é a asserção {1}, não a desse endereço.",
            .en: "The document at {0} is the assertion {1}, not the one at that address.",
        ],
        "ob2.proof.hostedDiffers": [
            .es: "La aserción presentada no coincide con la que el emisor aloja en {0}.",
            .pt: "A asserção apresentada não coincide com a que o emissor hospeda em {0}.",
            .en: "The assertion presented differs from the one the issuer hosts at {0}.",
        ],
        "ob2.proof.hosted": [
            .es: "El emisor aloja esta aserción en {0}.",
            .pt: "O emissor hospeda esta asserção em {0}.",
            .en: "The issuer hosts this assertion at {0}.",
        ],
        "ob2.proof.hostedUnavailable": [
            .es: "No se pudo obtener la aserción alojada {0}: {1}",
            .pt: "Não foi possível obter a asserção hospedada {0}: {1}",
            .en: "The hosted assertion {0} could not be obtained: {1}",
        ],
        "ob2.proof.notSigned": [
            .es: "Llegó firmada (JWS), pero la aserción no declara verificación firmada.",
            .pt: "Chegou assinada (JWS), mas a asserção não declara verificação assinada.",
            .en: "It came signed (JWS), but the assertion does not declare signed verification.",
        ],
        "ob2.proof.keyUnavailable": [
            .es: "No se pudo obtener la clave {0}: {1}",
            .pt: "Não foi possível obter a chave {0}: {1}",
            .en: "The key {0} could not be obtained: {1}",
        ],
        "ob2.proof.noCreator": [
            .es: "La aserción firmada no dice con qué clave se firmó (verification.creator).",
            .pt: "A asserção assinada não diz com que chave foi assinada (verification.creator).",
            .en: "The signed assertion does not name its signing key (verification.creator).",
        ],
        "ob2.proof.algorithm": [
            .es: "El algoritmo de firma \"{0}\" no se admite para Open Badges 2.0 (RS256 o ES256).",
            .pt: "O algoritmo de assinatura \"{0}\" não é suportado para Open Badges 2.0 (RS256 ou ES256).",
            .en: "The signature algorithm \"{0}\" is not supported for Open Badges 2.0 (RS256 or ES256).",
        ],
        "ob2.proof.keyMalformed": [
            .es: "La clave {0} no se puede leer: {1}",
            .pt: "A chave {0} não pode ser lida: {1}",
            .en: "The key {0} cannot be read: {1}",
        ],
        "ob2.proof.signature": [
            .es: "La firma {0} no es válida con la clave {1}.",
            .pt: "A assinatura {0} não é válida com a chave {1}.",
            .en: "The {0} signature is not valid under the key {1}.",
        ],
        "ob2.issuer.policyMalformed": [
            .es: "La política de verificación del emisor {0} está mal formada.",
            .pt: "A política de verificação do emissor {0} está malformada.",
            .en: "The verification policy of the issuer {0} is malformed.",
        ],
        "ob2.issuer.startsWith": [
            .es: "El id de la aserción {0} no empieza por ninguno de los prefijos que permite el emisor: {1}.",
            .pt: "O id da asserção {0} não começa por nenhum dos prefixos que o emissor permite: {1}.",
            .en: "The assertion id {0} does not start with any prefix the issuer allows: {1}.",
        ],
        "ob2.issuer.origin": [
            .es: "La aserción {0} no está alojada en un origen que permita el emisor {2} ({1}).",
            .pt: "A asserção {0} não está hospedada em uma origem que o emissor {2} permita ({1}).",
            .en: "The assertion {0} is not hosted on an origin the issuer {2} allows ({1}).",
        ],
        "ob2.issuer.hosted": [
            .es: "Alojada en {1}, un origen que permite el emisor {0}.",
            .pt: "Hospedada em {1}, uma origem que o emissor {0} permite.",
            .en: "Hosted on {1}, an origin the issuer {0} allows.",
        ],
        "ob2.issuer.keyNotListed": [
            .es: "El emisor {0} no declara la clave {1} (publicKey).",
            .pt: "O emissor {0} não declara a chave {1} (publicKey).",
            .en: "The issuer {0} does not list the key {1} (publicKey).",
        ],
        "ob2.issuer.badgeUnavailable": [
            .es: "No se pudo obtener la clase de insignia: {0}",
            .pt: "Não foi possível obter a classe de insígnia: {0}",
            .en: "The badge class could not be obtained: {0}",
        ],
        "ob2.issuer.profileUnavailable": [
            .es: "No se pudo obtener el perfil del emisor: {0}",
            .pt: "Não foi possível obter o perfil do emissor: {0}",
            .en: "The issuer profile could not be obtained: {0}",
        ],
        "ob2.issuer.noId": [
            .es: "El perfil del emisor no tiene como id una URL.",
            .pt: "O perfil do emissor não tem como id uma URL.",
            .en: "The issuer profile's id is not a URL.",
        ],
        "ob2.status.hostedUnavailable": [
            .es: "Sin la aserción alojada no se sabe si fue revocada.",
            .pt: "Sem a asserção hospedada não se sabe se foi revogada.",
            .en: "Without the hosted assertion, whether it was revoked is unknown.",
        ],
        "ob2.status.revoked": [
            .es: "El emisor revocó la aserción. {0}",
            .pt: "O emissor revogou a asserção. {0}",
            .en: "The issuer revoked the assertion. {0}",
        ],
        "ob2.status.hosted": [
            .es: "El emisor sigue alojando la aserción y no la marca como revocada.",
            .pt: "O emissor continua hospedando a asserção e não a marca como revogada.",
            .en: "The issuer still hosts the assertion and does not mark it revoked.",
        ],
        "ob2.status.noIssuer": [
            .es: "Sin el perfil del emisor no se sabe si la aserción fue revocada.",
            .pt: "Sem o perfil do emissor não se sabe se a asserção foi revogada.",
            .en: "Without the issuer profile, whether the assertion was revoked is unknown.",
        ],
        "ob2.status.noRevocationList": [
            .es: "El emisor no publica una lista de revocación.",
            .pt: "O emissor não publica uma lista de revogação.",
            .en: "The issuer publishes no revocation list.",
        ],
        "ob2.status.listMalformed": [
            .es: "La lista de revocación {0} está mal formada (sin revokedAssertions).",
            .pt: "A lista de revogação {0} está malformada (sem revokedAssertions).",
            .en: "The revocation list {0} is malformed (no revokedAssertions).",
        ],
        "ob2.status.notRevoked": [
            .es: "La lista de revocación {0} no incluye la aserción.",
            .pt: "A lista de revogação {0} não inclui a asserção.",
            .en: "The revocation list {0} does not list the assertion.",
        ],
        "ob2.validity.unreadable": [
            .es: "{0} no es una fecha y hora válida.",
            .pt: "{0} não é uma data e hora válida.",
            .en: "{0} is not a valid date and time.",
        ],
        "ob2.validity.future": [
            .es: "La aserción dice haber sido emitida en el futuro ({0}).",
            .pt: "A asserção diz ter sido emitida no futuro ({0}).",
            .en: "The assertion claims to have been issued in the future ({0}).",
        ],
        "ob2.fetch.insecure": [
            .es: "{0} no se consulta: solo se admiten URL https.",
            .pt: "{0} não é consultada: só são aceitas URLs https.",
            .en: "{0} is not fetched: only https URLs are allowed.",
        ],
        "ob2.fetch.limit": [
            .es: "Se alcanzó el límite de {0} documentos por verificación antes de {1}.",
            .pt: "O limite de {0} documentos por verificação foi atingido antes de {1}.",
            .en: "The limit of {0} documents per verification was reached before {1}.",
        ],
        "ob2.fetch.error": [
            .es: "No se pudo obtener {0}: {1}",
            .pt: "Não foi possível obter {0}: {1}",
            .en: "{0} could not be fetched: {1}",
        ],
        "ob2.fetch.missing": [
            .es: "{0} no está disponible.",
            .pt: "{0} não está disponível.",
            .en: "{0} is not available.",
        ],
        "ob2.fetch.tooLarge": [
            .es: "{0} supera el tamaño máximo de {1} bytes.",
            .pt: "{0} excede o tamanho máximo de {1} bytes.",
            .en: "{0} is larger than {1} bytes.",
        ],
        "ob2.fetch.notObject": [
            .es: "{0} no es un objeto JSON.",
            .pt: "{0} não é um objeto JSON.",
            .en: "{0} is not a JSON object.",
        ],
        "ob2.fetch.idMismatch": [
            .es: "El documento de {0} tiene el id \"{1}\", no el de su dirección.",
            .pt: "O documento de {0} tem o id \"{1}\", não o do seu endereço.",
            .en: "The document at {0} has the id \"{1}\", not its own address.",
        ],
        "ob2.fetch.noNode": [
            .es: "Falta la clase de insignia o el emisor, o no es una URL ni un objeto.",
            .pt: "Falta a classe de insígnia ou o emissor, ou não é uma URL nem um objeto.",
            .en: "The badge class or issuer is missing, or neither a URL nor an object.",
        ],
    ]
}
