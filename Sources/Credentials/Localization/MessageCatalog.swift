/// The texts of verification messages in Spanish, Portuguese and English.
///
/// Each area keeps its messages in its own table (`MessageCatalog+Area.swift`); keys are
/// prefixed by area (`format.`, `proof.`, `jwt.`, `status.`, `schema.`…) and must not repeat.
enum MessageCatalog {
    static let templates: [String: [Language: String]] = {
        var all = core
        for table in [dataModel, jose, statusList, schema, presentation, openBadges2, europass] {
            all.merge(table) { first, _ in first }
        }
        return all
    }()

    static let core: [String: [Language: String]] = [
        // format
        "format.notObject": [
            .es: "La credencial no es un objeto JSON.",
            .pt: "A credencial não é um objeto JSON.",
            .en: "The credential is not a JSON object.",
        ],
        "format.unreadable": [
            .es: "No se pudo leer la credencial: {0}",
            .pt: "Não foi possível ler a credencial: {0}",
            .en: "The credential could not be read: {0}",
        ],
        "format.isPresentation": [
            .es: "Es una presentación verificable, no una credencial: verifíquela como presentación.",
            .pt: "É uma apresentação verificável, não uma credencial: verifique-a como apresentação.",
            .en: "This is a verifiable presentation, not a credential: verify it as a presentation.",
        ],
        "format.jwt": [
            .es: "El JWT no contiene una credencial verificable.",
            .pt: "O JWT não contém uma credencial verificável.",
            .en: "The JWT does not hold a verifiable credential.",
        ],
        "format.context": [
            .es: "El primer @context debe ser https://www.w3.org/ns/credentials/v2 (VC 2.0) o https://www.w3.org/2018/credentials/v1 (VC 1.1).",
            .pt: "O primeiro @context deve ser https://www.w3.org/ns/credentials/v2 (VC 2.0) ou https://www.w3.org/2018/credentials/v1 (VC 1.1).",
            .en: "The first @context must be https://www.w3.org/ns/credentials/v2 (VC 2.0) or https://www.w3.org/2018/credentials/v1 (VC 1.1).",
        ],
        "format.type": [
            .es: "El tipo (type) debe incluir VerifiableCredential.",
            .pt: "O tipo (type) deve incluir VerifiableCredential.",
            .en: "The type must include VerifiableCredential.",
        ],
        "format.issuer": [
            .es: "El emisor (issuer) debe ser una URL o un objeto con un id que sea una URL.",
            .pt: "O emissor (issuer) deve ser uma URL ou um objeto com um id que seja uma URL.",
            .en: "The issuer must be a URL or an object whose id is a URL.",
        ],
        "format.subject": [
            .es: "Falta credentialSubject o no es un objeto.",
            .pt: "Falta credentialSubject ou não é um objeto.",
            .en: "credentialSubject is missing or not an object.",
        ],
        "format.date": [
            .es: "{0} no es una fecha y hora válida con zona horaria: \"{1}\".",
            .pt: "{0} não é uma data e hora válida com fuso horário: \"{1}\".",
            .en: "{0} is not a valid date and time with a timezone: \"{1}\".",
        ],
        "format.missing": [
            .es: "Falta {0}.",
            .pt: "Falta {0}.",
            .en: "{0} is missing.",
        ],
        "format.id": [
            .es: "El id de la credencial debe ser una URL.",
            .pt: "O id da credencial deve ser uma URL.",
            .en: "The credential id must be a URL.",
        ],
        "format.passed": [
            .es: "Credencial verificable {0} bien formada.",
            .pt: "Credencial verificável {0} bem formada.",
            .en: "Well-formed {0} verifiable credential.",
        ],
        // proof
        "proof.missing": [
            .es: "La credencial no tiene prueba criptográfica (proof).",
            .pt: "A credencial não tem prova criptográfica (proof).",
            .en: "The credential has no proof.",
        ],
        "proof.malformed": [
            .es: "Prueba mal formada: {0}",
            .pt: "Prova malformada: {0}",
            .en: "Malformed proof: {0}",
        ],
        "proof.purposeExpected": [
            .es: "El propósito de la prueba es \"{0}\"; se requiere {1}.",
            .pt: "O propósito da prova é \"{0}\"; é exigido {1}.",
            .en: "The proof purpose is \"{0}\"; {1} is required.",
        ],
        "proof.duplicate": [
            .es: "El conjunto de pruebas repite una misma prueba.",
            .pt: "O conjunto de provas repete uma mesma prova.",
            .en: "The proof set repeats the same proof.",
        ],
        "proof.challenge": [
            .es: "La prueba no responde al desafío esperado ({0}): podría ser una presentación reutilizada.",
            .pt: "A prova não responde ao desafio esperado ({0}): pode ser uma apresentação reutilizada.",
            .en: "The proof does not answer the expected challenge ({0}): it may be a replayed presentation.",
        ],
        "proof.domain": [
            .es: "La prueba no está hecha para el dominio esperado ({0}).",
            .pt: "A prova não foi feita para o domínio esperado ({0}).",
            .en: "The proof was not made for the expected domain ({0}).",
        ],
        "proof.unresolved": [
            .es: "No se pudo obtener la clave {0}.",
            .pt: "Não foi possível obter a chave {0}.",
            .en: "The verification method {0} could not be obtained.",
        ],
        "proof.resolution": [
            .es: "La clave {0} no se pudo usar: {1}",
            .pt: "A chave {0} não pôde ser usada: {1}",
            .en: "The verification method {0} could not be used: {1}",
        ],
        "signature.mismatch": [
            .es: "La firma no corresponde al documento: fue modificado después de firmarse o lo firmó otra clave.",
            .pt: "A assinatura não corresponde ao documento: foi alterado depois de assinado ou assinado por outra chave.",
            .en: "The signature does not match the document: it was changed after signing or signed by another key.",
        ],
        "signature.proofType": [
            .es: "El tipo de prueba \"{0}\" no se puede comprobar aquí (se espera DataIntegrityProof).",
            .pt: "O tipo de prova \"{0}\" não pode ser verificado aqui (espera-se DataIntegrityProof).",
            .en: "The proof type \"{0}\" cannot be checked here (expected DataIntegrityProof).",
        ],
        "signature.suite": [
            .es: "El conjunto criptográfico \"{0}\" no se puede comprobar aquí.",
            .pt: "O conjunto criptográfico \"{0}\" não pode ser verificado aqui.",
            .en: "The cryptosuite \"{0}\" cannot be checked here.",
        ],
        "signature.missing": [
            .es: "A la prueba le falta {0}.",
            .pt: "Falta {0} na prova.",
            .en: "The proof has no {0}.",
        ],
        "signature.keyType": [
            .es: "{0} requiere una clave {1}, pero la clave indicada es {2}.",
            .pt: "{0} requer uma chave {1}, mas a chave indicada é {2}.",
            .en: "{0} needs an {1} key, but the verification method holds a {2} key.",
        ],
        "signature.encoding": [
            .es: "proofValue no está codificado en base58btc multibase.",
            .pt: "proofValue não está codificado em base58btc multibase.",
            .en: "proofValue is not base58btc multibase.",
        ],
        "signature.previousProof": [
            .es: "previousProof nombra una prueba que el documento no tiene.",
            .pt: "previousProof indica uma prova que o documento não tem.",
            .en: "previousProof names a proof the document does not have.",
        ],
        "signature.context": [
            .es: "El @context de la prueba no es el comienzo del @context del documento.",
            .pt: "O @context da prova não é o início do @context do documento.",
            .en: "The proof's @context is not a prefix of the document's @context.",
        ],
        "signature.transform": [
            .es: "El documento no se pudo preparar para verificarlo: {0}",
            .pt: "O documento não pôde ser preparado para verificação: {0}",
            .en: "The document could not be prepared for verification: {0}",
        ],
        "proof.expired": [
            .es: "La prueba venció el {0}.",
            .pt: "A prova expirou em {0}.",
            .en: "The proof expired on {0}.",
        ],
        "proof.future": [
            .es: "La prueba dice haber sido creada en el futuro ({0}).",
            .pt: "A prova diz ter sido criada no futuro ({0}).",
            .en: "The proof claims to have been created in the future ({0}).",
        ],
        "proof.passed": [
            .es: "Firma {0} válida con la clave {1}.",
            .pt: "Assinatura {0} válida com a chave {1}.",
            .en: "Valid {0} signature by {1}.",
        ],
        // issuer
        "issuer.passed": [
            .es: "La clave que firmó pertenece al emisor {0}.",
            .pt: "A chave que assinou pertence ao emissor {0}.",
            .en: "The signing key belongs to the issuer {0}.",
        ],
        "issuer.mismatch": [
            .es: "La clave que firmó pertenece a {0}, no al emisor {1}.",
            .pt: "A chave que assinou pertence a {0}, não ao emissor {1}.",
            .en: "The signing key belongs to {0}, not to the issuer {1}.",
        ],
        "issuer.notAssertion": [
            .es: "El emisor {0} no autoriza la clave {1} para emitir credenciales (assertionMethod).",
            .pt: "O emissor {0} não autoriza a chave {1} para emitir credenciais (assertionMethod).",
            .en: "The issuer {0} does not list the key {1} for issuing credentials (assertionMethod).",
        ],
        "issuer.unknown": [
            .es: "No se pudo obtener el documento del emisor {0} para saber si la clave le pertenece.",
            .pt: "Não foi possível obter o documento do emissor {0} para saber se a chave lhe pertence.",
            .en: "The issuer {0}'s document could not be obtained to tell whether the key is theirs.",
        ],
        "issuer.noProof": [
            .es: "Sin una prueba válida no se puede saber quién firmó.",
            .pt: "Sem uma prova válida não é possível saber quem assinou.",
            .en: "Without a usable proof there is no signer to check.",
        ],
        // validity
        "validity.notYet": [
            .es: "La credencial es válida a partir del {0}.",
            .pt: "A credencial é válida a partir de {0}.",
            .en: "The credential is not valid until {0}.",
        ],
        "validity.expired": [
            .es: "La credencial venció el {0}.",
            .pt: "A credencial expirou em {0}.",
            .en: "The credential expired on {0}.",
        ],
        "validity.window": [
            .es: "Vigente: desde {0} hasta {1}.",
            .pt: "Válida: de {0} até {1}.",
            .en: "Valid from {0} until {1}.",
        ],
        "validity.unreadable": [
            .es: "No se pudo leer el periodo de validez.",
            .pt: "Não foi possível ler o período de validade.",
            .en: "The validity period could not be read.",
        ],
        "validity.since": [
            .es: "Vigente desde {0}, sin fecha de vencimiento.",
            .pt: "Válida desde {0}, sem data de expiração.",
            .en: "Valid from {0}, with no end date.",
        ],
        // status
        "status.none": [
            .es: "La credencial no declara un estado de revocación.",
            .pt: "A credencial não declara um estado de revogação.",
            .en: "The credential declares no revocation status.",
        ],
        "status.notChecked": [
            .es: "El estado de la lista misma no se comprueba.",
            .pt: "O estado da própria lista não é verificado.",
            .en: "A status list's own status is not checked.",
        ],
        // trust
        "trust.noRegistry": [
            .es: "No se consultó ningún registro de confianza.",
            .pt: "Nenhum registro de confiança foi consultado.",
            .en: "No trust registry was consulted.",
        ],
        "trust.member": [
            .es: "El emisor {0} es miembro del registro de confianza.",
            .pt: "O emissor {0} é membro do registro de confiança.",
            .en: "The issuer {0} is a member of the trust registry.",
        ],
        "trust.accredited": [
            .es: "El emisor {0} es miembro del registro de confianza y está acreditado para esto ({1}).",
            .pt: "O emissor {0} é membro do registro de confiança e está acreditado para isto ({1}).",
            .en: "The issuer {0} is a member of the trust registry, accredited for this ({1}).",
        ],
        "trust.notAccredited": [
            .es: "El emisor {0} es miembro del registro, pero no está acreditado para esto ({1}).",
            .pt: "O emissor {0} é membro do registro, mas não está acreditado para isto ({1}).",
            .en: "The issuer {0} is a member of the registry but not accredited for this ({1}).",
        ],
        "trust.accreditationNotYet": [
            .es: "La acreditación del emisor {0} aún no estaba vigente cuando se emitió la credencial.",
            .pt: "A acreditação do emissor {0} ainda não estava vigente quando a credencial foi emitida.",
            .en: "The issuer {0}'s accreditation had not begun when the credential was issued.",
        ],
        "trust.accreditationEnded": [
            .es: "La acreditación del emisor {0} había terminado cuando se emitió la credencial.",
            .pt: "A acreditação do emissor {0} havia terminado quando a credencial foi emitida.",
            .en: "The issuer {0}'s accreditation had ended when the credential was issued.",
        ],
        "trust.noIssueDate": [
            .es: "La credencial no dice cuándo se emitió; no se puede saber si el emisor {0} estaba acreditado.",
            .pt: "A credencial não diz quando foi emitida; não é possível saber se o emissor {0} estava acreditado.",
            .en: "The credential does not say when it was issued, so the issuer {0}'s accreditation cannot be checked.",
        ],
        "trust.notMember": [
            .es: "El emisor {0} no figura en el registro de confianza.",
            .pt: "O emissor {0} não consta do registro de confiança.",
            .en: "The issuer {0} is not in the trust registry.",
        ],
        // schema
        "schema.notChecked": [
            .es: "El esquema no se comprobó.",
            .pt: "O esquema não foi verificado.",
            .en: "The schema was not checked.",
        ],
        // checks and statuses, for pages
        "check.format": [.es: "Formato", .pt: "Formato", .en: "Format"],
        "check.proof": [.es: "Firma", .pt: "Assinatura", .en: "Proof"],
        "check.issuer": [.es: "Emisor", .pt: "Emissor", .en: "Issuer"],
        "check.validity": [.es: "Vigencia", .pt: "Validade", .en: "Validity"],
        "check.status": [.es: "Revocación", .pt: "Revogação", .en: "Status"],
        "check.trust": [.es: "Confianza", .pt: "Confiança", .en: "Trust"],
        "check.schema": [.es: "Esquema", .pt: "Esquema", .en: "Schema"],
        "status.passed": [.es: "correcto", .pt: "aprovado", .en: "passed"],
        "status.failed": [.es: "fallido", .pt: "falhou", .en: "failed"],
        "status.skipped": [.es: "omitido", .pt: "omitido", .en: "skipped"],
        "status.unknown": [.es: "desconocido", .pt: "desconhecido", .en: "unknown"],
    ]
}
