extension MessageCatalog {
    /// Messages of Europass verification (``EuropassVerifier``), in Spanish, Portuguese and
    /// English. Its checks reuse the core texts where they say the same thing (`issuer.noProof`,
    /// `validity.expired`, `status.none`…).
    static let europass: [String: [Language: String]] = [
        "europass.format.tooLarge": [
            .es: "El archivo tiene {0} bytes, más que el límite de {1}.",
            .pt: "O arquivo tem {0} bytes, mais que o limite de {1}.",
            .en: "The file is {0} bytes, more than the limit of {1}.",
        ],
        "europass.format.compact": [
            .es: "Es un JWS compacto (con el contenido aparte); solo se leen credenciales Europass en JSON, firmadas o no.",
            .pt: "É um JWS compacto (com o conteúdo à parte); só são lidas credenciais Europass em JSON, assinadas ou não.",
            .en: "This is a compact JWS (with its payload detached); only Europass credentials in JSON, sealed or not, are read.",
        ],
        "europass.format.notJSON": [
            .es: "No es JSON: {0}",
            .pt: "Não é JSON: {0}",
            .en: "This is not JSON: {0}",
        ],
        "europass.format.jwsForm": [
            .es: "El sello no tiene una forma JWS JSON que se admita: {0}.",
            .pt: "O selo não tem uma forma JWS JSON suportada: {0}.",
            .en: "The seal is not in a supported JWS JSON form: {0}.",
        ],
        "europass.format.payload": [
            .es: "El contenido firmado (payload) no es un documento JSON.",
            .pt: "O conteúdo assinado (payload) não é um documento JSON.",
            .en: "The signed payload is not a JSON document.",
        ],
        "europass.format.notEDC": [
            .es: "No es una Credencial Digital Europea (ELM 3): falta el tipo EuropeanDigitalCredential o el contexto edc-ap.",
            .pt: "Não é uma Credencial Digital Europeia (ELM 3): falta o tipo EuropeanDigitalCredential ou o contexto edc-ap.",
            .en: "This is not a European Digital Credential (ELM 3): neither the type EuropeanDigitalCredential nor the edc-ap context.",
        ],
        "europass.format.passed": [
            .es: "Credencial Digital Europea (ELM 3).",
            .pt: "Credencial Digital Europeia (ELM 3).",
            .en: "European Digital Credential (ELM 3).",
        ],
        "europass.proof.unsigned": [
            .es: "Sin sello: no hay firma que comprobar.",
            .pt: "Sem selo: não há assinatura para verificar.",
            .en: "Not sealed: no signature to check.",
        ],
        "europass.proof.header": [
            .es: "La cabecera del sello está mal formada: {0}",
            .pt: "O cabeçalho do selo está malformado: {0}",
            .en: "The seal's header is malformed: {0}",
        ],
        "europass.proof.crit": [
            .es: "El sello exige entender la cabecera \"{0}\" (crit), que Mochila no procesa: no se puede aceptar.",
            .pt: "O selo exige entender o cabeçalho \"{0}\" (crit), que o Mochila não processa: não pode ser aceito.",
            .en: "The seal requires the header \"{0}\" to be understood (crit), which Mochila does not process: it cannot be accepted.",
        ],
        "europass.proof.algorithm": [
            .es: "El algoritmo del sello \"{0}\" no se admite (RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384 o ES512).",
            .pt: "O algoritmo do selo \"{0}\" não é suportado (RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384 ou ES512).",
            .en: "The seal's algorithm \"{0}\" is not supported (RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384 or ES512).",
        ],
        "europass.proof.noCertificate": [
            .es: "El sello no trae su certificado (x5c): no se puede comprobar.",
            .pt: "O selo não traz seu certificado (x5c): não pode ser verificado.",
            .en: "The seal does not carry its certificate (x5c): it cannot be checked.",
        ],
        "europass.proof.certificates": [
            .es: "La cadena de certificados (x5c) debe tener de 1 a {0} certificados de hasta {1} bytes.",
            .pt: "A cadeia de certificados (x5c) deve ter de 1 a {0} certificados de até {1} bytes.",
            .en: "The certificate chain (x5c) must hold 1 to {0} certificates of at most {1} bytes.",
        ],
        "europass.proof.certificate": [
            .es: "No se pudo leer el certificado del sello: {0}",
            .pt: "Não foi possível ler o certificado do selo: {0}",
            .en: "The seal's certificate could not be read: {0}",
        ],
        "europass.proof.thumbprint": [
            .es: "La huella del certificado (x5t#S256) no corresponde al certificado que trae el sello.",
            .pt: "A impressão digital do certificado (x5t#S256) não corresponde ao certificado que o selo traz.",
            .en: "The certificate thumbprint (x5t#S256) does not match the certificate the seal carries.",
        ],
        "europass.proof.keyType": [
            .es: "El sello dice {0}, pero la clave del certificado es {1}.",
            .pt: "O selo diz {0}, mas a chave do certificado é {1}.",
            .en: "The seal says {0}, but the certificate's key is {1}.",
        ],
        "europass.proof.signature": [
            .es: "El sello {0} no corresponde al certificado de {1}: la credencial fue alterada o sellada con otra clave.",
            .pt: "O selo {0} não corresponde ao certificado de {1}: a credencial foi alterada ou selada com outra chave.",
            .en: "The {0} seal does not match the certificate of {1}: the credential was altered or sealed with another key.",
        ],
        "europass.proof.noSigningTime": [
            .es: "El sello no dice cuándo se firmó (sigT), como exige JAdES.",
            .pt: "O selo não diz quando foi assinado (sigT), como exige o JAdES.",
            .en: "The seal does not say when it was made (sigT), as JAdES requires.",
        ],
        "europass.proof.signingTime": [
            .es: "La hora de firma del sello (sigT) no es una fecha y hora con zona horaria: \"{0}\".",
            .pt: "A hora de assinatura do selo (sigT) não é uma data e hora com fuso horário: \"{0}\".",
            .en: "The seal's signing time (sigT) is not a date and time with a timezone: \"{0}\".",
        ],
        "europass.proof.outsideValidity": [
            .es: "El sello se hizo el {0}, fuera de la vigencia de su certificado (del {1} al {2}).",
            .pt: "O selo foi feito em {0}, fora da validade do seu certificado (de {1} a {2}).",
            .en: "The seal was made on {0}, outside its certificate's validity ({1} to {2}).",
        ],
        "europass.proof.future": [
            .es: "El sello dice haberse hecho en el futuro ({0}).",
            .pt: "O selo diz ter sido feito no futuro ({0}).",
            .en: "The seal claims to have been made in the future ({0}).",
        ],
        "europass.proof.passed": [
            .es: "Sello {0} válido: corresponde al certificado de {1}.",
            .pt: "Selo {0} válido: corresponde ao certificado de {1}.",
            .en: "Valid {0} seal: it matches the certificate of {1}.",
        ],
        "europass.issuer.notTrustListed": [
            .es: "El certificado del sello ({0}, emitido por {1}) no se comprueba en las Listas de Confianza de la UE (eIDAS); Mochila no puede saber si es un sello cualificado del emisor nombrado.",
            .pt: "O certificado do selo ({0}, emitido por {1}) não é verificado nas Listas de Confiança da UE (eIDAS); o Mochila não pode saber se é um selo qualificado do emissor nomeado.",
            .en: "The seal's certificate ({0}, issued by {1}) is not checked against the EU Trusted Lists (eIDAS); Mochila cannot tell whether it is a qualified seal of the named issuer.",
        ],
        "europass.issuer.unsigned": [
            .es: "Sin sello, nada acredita que el emisor nombrado emitió la credencial.",
            .pt: "Sem selo, nada atesta que o emissor nomeado emitiu a credencial.",
            .en: "Without a seal, nothing shows that the named issuer issued the credential.",
        ],
        "europass.validity.unreadable": [
            .es: "{0} no es una fecha y hora válida: \"{1}\".",
            .pt: "{0} não é uma data e hora válida: \"{1}\".",
            .en: "{0} is not a valid date and time: \"{1}\".",
        ],
        "europass.validity.noStart": [
            .es: "La credencial no dice desde cuándo es válida (validFrom).",
            .pt: "A credencial não diz desde quando é válida (validFrom).",
            .en: "The credential does not say when it becomes valid (validFrom).",
        ],
        "europass.status.notChecked": [
            .es: "El estado Europass ({0}) no se comprueba.",
            .pt: "O estado Europass ({0}) não é verificado.",
            .en: "The Europass status ({0}) is not checked.",
        ],
        "europass.trust.notInRegistry": [
            .es: "El emisor no figura en un registro de confianza de Mochila.",
            .pt: "O emissor não consta de um registro de confiança do Mochila.",
            .en: "The issuer is not in a Mochila trust registry.",
        ],
    ]
}
