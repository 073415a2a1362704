extension MessageCatalog {
    /// Messages of the JOSE area (JWT-secured credentials), in Spanish, Portuguese and English.
    static let jose: [String: [Language: String]] = [
        // the token itself
        "jwt.malformed": [
            .es: "El token no es un JWS compacto válido: {0}",
            .pt: "O token não é um JWS compacto válido: {0}",
            .en: "The token is not a valid compact JWS: {0}",
        ],
        "jwt.unsecured": [
            .es: "El token no está firmado (\"alg\": \"none\"); su contenido no tiene protección y se ignora.",
            .pt: "O token não está assinado (\"alg\": \"none\"); o conteúdo não tem proteção e é ignorado.",
            .en: "The token is unsigned (\"alg\": \"none\"); its content has no integrity protection and is ignored.",
        ],
        "jwt.algorithm": [
            .es: "El algoritmo \"{0}\" no se acepta (se admiten EdDSA, ES256, ES384, ES512 y RS256).",
            .pt: "O algoritmo \"{0}\" não é aceito (são aceitos EdDSA, ES256, ES384, ES512 e RS256).",
            .en: "The algorithm \"{0}\" is not accepted (EdDSA, ES256, ES384, ES512 and RS256 are).",
        ],
        "jwt.critical": [
            .es: "El token exige extensiones que no se entienden aquí (crit: {0}).",
            .pt: "O token exige extensões que não são entendidas aqui (crit: {0}).",
            .en: "The token requires extensions that are not understood here (crit: {0}).",
        ],
        "jwt.type": [
            .es: "El tipo del token (typ) es \"{0}\"; se espera vc+jwt, vp+jwt, o JWT con una declaración vc.",
            .pt: "O tipo do token (typ) é \"{0}\"; espera-se vc+jwt, vp+jwt, ou JWT com uma declaração vc.",
            .en: "The token type (typ) is \"{0}\"; expected vc+jwt, vp+jwt, or JWT with a vc claim.",
        ],
        "jwt.contentType": [
            .es: "El tipo de contenido (cty) es \"{0}\"; se espera \"{1}\".",
            .pt: "O tipo de conteúdo (cty) é \"{0}\"; espera-se \"{1}\".",
            .en: "The content type (cty) is \"{0}\"; expected \"{1}\".",
        ],
        // the claims
        "jwt.vcClaim": [
            .es: "Un token vc+jwt o vp+jwt no puede tener las declaraciones vc ni vp.",
            .pt: "Um token vc+jwt ou vp+jwt não pode ter as declarações vc nem vp.",
            .en: "A vc+jwt or vp+jwt token must not have vc or vp claims.",
        ],
        "jwt.payloadType": [
            .es: "El contenido de un token {0} debe tener el tipo {1}.",
            .pt: "O conteúdo de um token {0} deve ter o tipo {1}.",
            .en: "The payload of a {0} token must have the type {1}.",
        ],
        "jwt.issuerMismatch": [
            .es: "La declaración iss ({0}) no coincide con el emisor de la credencial ({1}).",
            .pt: "A declaração iss ({0}) não coincide com o emissor da credencial ({1}).",
            .en: "The iss claim ({0}) does not match the credential's issuer ({1}).",
        ],
        "jwt.holderMismatch": [
            .es: "La declaración iss ({0}) no coincide con el titular de la presentación ({1}).",
            .pt: "A declaração iss ({0}) não coincide com o titular da apresentação ({1}).",
            .en: "The iss claim ({0}) does not match the presentation's holder ({1}).",
        ],
        "jwt.claimMismatch": [
            .es: "La declaración {0} (\"{1}\") no coincide con {2} de la credencial (\"{3}\").",
            .pt: "A declaração {0} (\"{1}\") não coincide com {2} da credencial (\"{3}\").",
            .en: "The {0} claim (\"{1}\") does not match the credential's {2} (\"{3}\").",
        ],
        "jwt.claimMalformed": [
            .es: "La declaración {0} no tiene el tipo que exige JWT.",
            .pt: "A declaração {0} não tem o tipo que o JWT exige.",
            .en: "The {0} claim does not have the type JWT requires.",
        ],
        "jwt.enveloped": [
            .es: "La credencial n.º {0} de la presentación no está protegida: debe ser una EnvelopedVerifiableCredential con un URL data: firmado.",
            .pt: "A credencial n.º {0} da apresentação não está protegida: deve ser uma EnvelopedVerifiableCredential com uma URL data: assinada.",
            .en: "Credential {0} of the presentation is not secured: it must be an EnvelopedVerifiableCredential with a signed data: URL.",
        ],
        // the key
        "jwt.noIssuer": [
            .es: "El token no indica emisor (iss, issuer o holder) ni un kid absoluto, así que no hay dónde buscar la clave.",
            .pt: "O token não indica emissor (iss, issuer ou holder) nem um kid absoluto, então não há onde buscar a chave.",
            .en: "The token names no issuer (iss, issuer or holder) and no absolute kid, so there is nowhere to look for its key.",
        ],
        "jwt.keyUnknown": [
            .es: "No se pudo obtener la clave para comprobar la firma: falta el documento de {0}.",
            .pt: "Não foi possível obter a chave para verificar a assinatura: falta o documento de {0}.",
            .en: "The key to check the signature could not be obtained: the document of {0} is not available.",
        ],
        "jwt.keyResolution": [
            .es: "La clave {0} no se pudo usar: {1}",
            .pt: "A chave {0} não pôde ser usada: {1}",
            .en: "The key {0} could not be used: {1}",
        ],
        "jwt.kidNotListed": [
            .es: "El documento de {0} no incluye la clave \"{1}\" que indica el token.",
            .pt: "O documento de {0} não inclui a chave \"{1}\" indicada pelo token.",
            .en: "The document of {0} does not list the key \"{1}\" the token names.",
        ],
        "jwt.noSuitableKey": [
            .es: "El documento de {0} no tiene ninguna clave autorizada para firmar con {1}.",
            .pt: "O documento de {0} não tem nenhuma chave autorizada para assinar com {1}.",
            .en: "The document of {0} lists no authorised key for signing with {1}.",
        ],
        "jwt.keyType": [
            .es: "{0} requiere una clave {1}, pero la clave {2} es {3}.",
            .pt: "{0} requer uma chave {1}, mas a chave {2} é {3}.",
            .en: "{0} needs a {1} key, but the key {2} is {3}.",
        ],
        // the signature
        "jwt.signature": [
            .es: "La firma del token no corresponde: fue modificado después de firmarse o lo firmó otra clave.",
            .pt: "A assinatura do token não corresponde: foi alterado depois de assinado ou assinado por outra chave.",
            .en: "The token's signature does not match: it was changed after signing or signed by another key.",
        ],
        "jwt.passed": [
            .es: "Firma {0} válida con la clave {1}.",
            .pt: "Assinatura {0} válida com a chave {1}.",
            .en: "Valid {0} signature by {1}.",
        ],
        // the token's time claims
        "jwt.expired": [
            .es: "El token venció el {0} (exp).",
            .pt: "O token expirou em {0} (exp).",
            .en: "The token expired on {0} (exp).",
        ],
        "jwt.notYet": [
            .es: "El token no es válido antes del {0} (nbf).",
            .pt: "O token não é válido antes de {0} (nbf).",
            .en: "The token is not valid before {0} (nbf).",
        ],
        "jwt.timeMalformed": [
            .es: "La declaración {0} no es una fecha JWT (segundos desde 1970).",
            .pt: "A declaração {0} não é uma data JWT (segundos desde 1970).",
            .en: "The {0} claim is not a JWT date (seconds since 1970).",
        ],
        "jwt.timely": [
            .es: "El token está vigente hasta el {0} (exp).",
            .pt: "O token está válido até {0} (exp).",
            .en: "The token is valid until {0} (exp).",
        ],
        "jwt.timelyNoExpiry": [
            .es: "El token ya es válido (nbf) y no indica vencimiento.",
            .pt: "O token já é válido (nbf) e não indica expiração.",
            .en: "The token is already valid (nbf) and sets no expiry.",
        ],
        "jwt.noTimes": [
            .es: "El token no tiene las declaraciones exp ni nbf.",
            .pt: "O token não tem as declarações exp nem nbf.",
            .en: "The token has no exp or nbf claim.",
        ],
        "jwt.timesUnread": [
            .es: "No se pudieron leer las fechas del token.",
            .pt: "Não foi possível ler as datas do token.",
            .en: "The token's dates could not be read.",
        ],
    ]
}
