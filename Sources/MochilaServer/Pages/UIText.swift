import Credentials

/// The words of the pages, in Spanish, Portuguese and English.
enum UIText {
    static let strings = pages.merging(network) { first, _ in first }

    static let pages: [String: [Language: String]] = [
        "app.tagline": [
            .es: "Microcredenciales verificables para América Latina y el Caribe",
            .pt: "Microcredenciais verificáveis para a América Latina e o Caribe",
            .en: "Verifiable micro-credentials for Latin America and the Caribbean",
        ],
        "home.institutions": [.es: "Instituciones de la red", .pt: "Instituições da rede", .en: "Institutions in the network"],
        "home.recent": [.es: "Credenciales emitidas recientemente", .pt: "Credenciais emitidas recentemente", .en: "Recently issued credentials"],
        "home.specs": [.es: "Microcredenciales ofrecidas", .pt: "Microcredenciais oferecidas", .en: "Micro-credentials offered"],
        "home.empty": [
            .es: "Todavía no hay credenciales. Inicie con --demo para ver datos de ejemplo.",
            .pt: "Ainda não há credenciais. Inicie com --demo para ver dados de exemplo.",
            .en: "No credentials yet. Start with --demo to see sample data.",
        ],
        "home.api": [
            .es: "API JSON descrita en /openapi.json; verificación en POST /credentials/verify.",
            .pt: "API JSON descrita em /openapi.json; verificação em POST /credentials/verify.",
            .en: "JSON API described at /openapi.json; verification at POST /credentials/verify.",
        ],
        "col.learner": [.es: "Persona", .pt: "Pessoa", .en: "Learner"],
        "col.credential": [.es: "Microcredencial", .pt: "Microcredencial", .en: "Micro-credential"],
        "col.institution": [.es: "Institución", .pt: "Instituição", .en: "Institution"],
        "col.issued": [.es: "Emitida", .pt: "Emitida", .en: "Issued"],
        "col.country": [.es: "País", .pt: "País", .en: "Country"],
        "credential.verified": [
            .es: "Credencial verificada", .pt: "Credencial verificada", .en: "Credential verified",
        ],
        "credential.notVerified": [
            .es: "La credencial no pudo verificarse", .pt: "A credencial não pôde ser verificada",
            .en: "The credential could not be verified",
        ],
        "credential.awardedTo": [.es: "Otorgada a", .pt: "Concedida a", .en: "Awarded to"],
        "credential.issuedBy": [.es: "Emitida por", .pt: "Emitida por", .en: "Issued by"],
        "credential.outcomes": [.es: "Resultados de aprendizaje", .pt: "Resultados de aprendizagem", .en: "Learning outcomes"],
        "credential.skills": [.es: "Habilidades (ESCO)", .pt: "Habilidades (ESCO)", .en: "Skills (ESCO)"],
        "credential.details": [.es: "Características", .pt: "Características", .en: "Details"],
        "credential.revoked": [
            .es: "Revocada por la institución el {0}: {1}", .pt: "Revogada pela instituição em {0}: {1}",
            .en: "Revoked by the institution on {0}: {1}",
        ],
        "credential.suspended": [
            .es: "Suspendida por la institución desde el {0}: {1}", .pt: "Suspensa pela instituição desde {0}: {1}",
            .en: "Suspended by the institution since {0}: {1}",
        ],
        "credential.linkedin": [.es: "Añadir a mi perfil de LinkedIn", .pt: "Adicionar ao meu perfil do LinkedIn", .en: "Add to my LinkedIn profile"],
        "credential.qr": [.es: "Código QR de esta página", .pt: "Código QR desta página", .en: "QR code of this page"],
        "credential.badgePNG": [.es: "Insignia (PNG)", .pt: "Insígnia (PNG)", .en: "Badge (PNG)"],
        "verify.openBadges2": [
            .es: "Insignia Open Badges 2.0: informe de verificación", .pt: "Insígnia Open Badges 2.0: relatório de verificação",
            .en: "Open Badges 2.0 badge: verification report",
        ],
        "credential.pdf": [.es: "Imprimir (PDF)", .pt: "Imprimir (PDF)", .en: "Print (PDF)"],
        "pdf.verify": [.es: "Verifique esta credencial en:", .pt: "Verifique esta credencial em:", .en: "Verify this credential at:"],
        "pdf.note": [
            .es: "Este documento resume una credencial verificable. La credencial firmada, su estado (vigente, suspendida o revocada) y el informe de verificación están en el enlace de arriba.",
            .pt: "Este documento resume uma credencial verificável. A credencial assinada, o seu estado (vigente, suspensa ou revogada) e o relatório de verificação estão no link acima.",
            .en: "This document summarises a verifiable credential. The signed credential, its status (current, suspended or revoked) and the verification report are at the link above.",
        ],
        "credential.badge": [
            .es: "Insignia con la credencial (SVG)", .pt: "Insígnia com a credencial (SVG)", .en: "Badge with the credential baked in (SVG)",
        ],
        "credential.europass": [.es: "Exportar a Europass (ELM)", .pt: "Exportar para o Europass (ELM)", .en: "Export to Europass (ELM)"],
        "credential.report": [.es: "Informe de verificación", .pt: "Relatório de verificação", .en: "Verification report"],
        "credential.download": [.es: "Descargar la credencial firmada (JSON)", .pt: "Baixar a credencial assinada (JSON)", .en: "Download the signed credential (JSON)"],
        "credential.translationNote": [
            .es: "Textos traducidos de la descripción de la microcredencial; la credencial firmada está en {0}.",
            .pt: "Textos traduzidos da descrição da microcredencial; a credencial assinada está em {0}.",
            .en: "Texts translated from the micro-credential's description; the signed credential is in {0}.",
        ],
        "field.workload": [.es: "Carga de trabajo", .pt: "Carga de trabalho", .en: "Workload"],
        "field.hours": [.es: "{0} horas", .pt: "{0} horas", .en: "{0} hours"],
        "field.credits": [.es: "Créditos", .pt: "Créditos", .en: "Credits"],
        "field.level": [.es: "Nivel", .pt: "Nível", .en: "Level"],
        "field.eqf": [.es: "MEC (EQF) nivel {0}", .pt: "QEQ (EQF) nível {0}", .en: "EQF level {0}"],
        "field.field": [.es: "Campo de estudio (ISCED-F)", .pt: "Área de estudo (ISCED-F)", .en: "Field of study (ISCED-F)"],
        "field.assessment": [.es: "Evaluación", .pt: "Avaliação", .en: "Assessment"],
        "field.participation": [.es: "Modalidad", .pt: "Modalidade", .en: "Form of participation"],
        "field.formality": [.es: "Tipo de aprendizaje", .pt: "Tipo de aprendizagem", .en: "Type of learning"],
        "field.qa": [.es: "Aseguramiento de la calidad", .pt: "Garantia da qualidade", .en: "Quality assurance"],
        "field.validity": [.es: "Vigencia", .pt: "Validade", .en: "Valid"],
        "field.validFromUntil": [.es: "del {0} al {1}", .pt: "de {0} a {1}", .en: "from {0} until {1}"],
        "field.validFrom": [.es: "desde el {0}, sin vencimiento", .pt: "desde {0}, sem expiração", .en: "from {0}, no expiry"],
        "field.grade": [.es: "Calificación", .pt: "Nota", .en: "Grade"],
        "field.supervision": [.es: "Supervisión e identidad", .pt: "Supervisão e identidade", .en: "Supervision and identity"],
        "field.stackability": [.es: "Acumulación", .pt: "Acumulação", .en: "Stackability"],
        "field.prerequisites": [.es: "Requisitos previos", .pt: "Pré-requisitos", .en: "Prerequisites"],
        "field.language": [.es: "Idioma", .pt: "Idioma", .en: "Language"],
        "field.id": [.es: "Identificador", .pt: "Identificador", .en: "Identifier"],
        "field.issuerDID": [.es: "DID del emisor", .pt: "DID do emissor", .en: "Issuer DID"],
        "esco.notice": [
            .es: "Este servicio utiliza la clasificación ESCO de la Comisión Europea.",
            .pt: "Este serviço utiliza a classificação ESCO da Comissão Europeia.",
            .en: "This service uses the ESCO classification of the European Commission.",
        ],
        "verify.title": [.es: "Verificar una credencial", .pt: "Verificar uma credencial", .en: "Verify a credential"],
        "verify.intro": [
            .es: "Pegue una credencial (JSON o JWT) o suba un archivo o una insignia con la credencial incorporada (PNG o SVG). Se comprueban el formato, la firma, el emisor, la vigencia, la revocación, la confianza y el esquema.",
            .pt: "Cole uma credencial (JSON ou JWT) ou envie um arquivo ou uma insígnia com a credencial incorporada (PNG ou SVG). São verificados o formato, a assinatura, o emissor, a validade, a revogação, a confiança e o esquema.",
            .en: "Paste a credential (JSON or JWT) or upload a file or a badge with the credential baked in (PNG or SVG). Format, proof, issuer, validity, status, trust and schema are checked.",
        ],
        "verify.paste": [.es: "Credencial (JSON o JWT)", .pt: "Credencial (JSON ou JWT)", .en: "Credential (JSON or JWT)"],
        "verify.upload": [.es: "O un archivo: JSON, JWT, PNG o SVG", .pt: "Ou um arquivo: JSON, JWT, PNG ou SVG", .en: "Or a file: JSON, JWT, PNG or SVG"],
        "verify.submit": [.es: "Verificar", .pt: "Verificar", .en: "Verify"],
        "verify.privacy": [
            .es: "Lo que envíe se verifica y no se guarda.",
            .pt: "O que você enviar é verificado e não é guardado.",
            .en: "What you send is verified and not kept.",
        ],
        "verify.empty": [
            .es: "No se envió ninguna credencial: pegue una o suba un archivo.",
            .pt: "Nenhuma credencial foi enviada: cole uma ou envie um arquivo.",
            .en: "No credential was sent: paste one or upload a file.",
        ],
        "verify.unreadable": [
            .es: "El archivo no se pudo leer como credencial: {0}",
            .pt: "O arquivo não pôde ser lido como credencial: {0}",
            .en: "The file could not be read as a credential: {0}",
        ],
        "verify.presentation": [.es: "Presentación", .pt: "Apresentação", .en: "Presentation"],
        "verify.credentialNumber": [.es: "Credencial {0}", .pt: "Credencial {0}", .en: "Credential {0}"],
        "nav.verify": [.es: "Verificar", .pt: "Verificar", .en: "Verify"],
        "nav.backpack": [.es: "Mi Mochila", .pt: "Minha Mochila", .en: "My backpack"],
        "notFound.title": [.es: "No encontrada", .pt: "Não encontrada", .en: "Not found"],
        "notFound.credential": [
            .es: "No hay ninguna credencial con ese identificador en este nodo.",
            .pt: "Não há nenhuma credencial com esse identificador neste nó.",
            .en: "There is no credential with that identifier on this node.",
        ],
    ]

    static func text(_ key: String, _ language: Language, _ arguments: String...) -> String {
        lookup(key, language, arguments)
    }

    /// The words of `key` in `language`: from `table` (the console's, the backpack's), else from
    /// the public pages' words, each falling back to Spanish, else the key itself; `{0}`, `{1}`…
    /// replaced by `arguments`.
    static func lookup(_ key: String, _ language: Language, in table: [String: [Language: String]] = [:], _ arguments: [String]) -> String {
        var text = table[key]?[language] ?? table[key]?[.es] ?? strings[key]?[language] ?? strings[key]?[.es] ?? key
        for (index, argument) in arguments.enumerated() {
            text = text.replacingOccurrences(of: "{\(index)}", with: argument)
        }
        return text
    }
}

import Foundation
