import Credentials

/// The words of the network's pages: the trust registry, recognition.
extension UIText {
    static let network: [String: [Language: String]] = [
        "nav.network": [.es: "La red", .pt: "A rede", .en: "The network"],
        "registry.title": [.es: "Registro de confianza de la red", .pt: "Registro de confiança da rede", .en: "The network's trust registry"],
        "registry.intro": [
            .es: "Las instituciones miembro de la red, con la agencia de aseguramiento de la calidad que las acredita y el alcance de su acreditación (campos ISCED-F y niveles EQF). Los verificadores de Mochila lo consultan: una credencial es de confianza cuando su emisor es miembro acreditado para su campo y nivel.",
            .pt: "As instituições membro da rede, com a agência de garantia da qualidade que as acredita e o alcance da sua acreditação (campos ISCED-F e níveis EQF). Os verificadores do Mochila o consultam: uma credencial é de confiança quando o seu emissor é membro acreditado para o seu campo e nível.",
            .en: "The network's member institutions, with the quality-assurance agency that accredits them and the scope of their accreditation (ISCED-F fields and EQF levels). Mochila's verifiers consult it: a credential is trusted when its issuer is a member accredited for its field and level.",
        ],
        "registry.coordinator": [.es: "Firmado por la coordinación:", .pt: "Assinado pela coordenação:", .en: "Signed by the coordinator:"],
        "registry.empty": [.es: "El registro no tiene miembros todavía.", .pt: "O registro ainda não tem membros.", .en: "The registry has no members yet."],
        "registry.member": [.es: "Institución", .pt: "Instituição", .en: "Institution"],
        "registry.country": [.es: "País", .pt: "País", .en: "Country"],
        "registry.agency": [.es: "Agencia de calidad", .pt: "Agência de qualidade", .en: "Quality-assurance agency"],
        "registry.scope": [.es: "Alcance de la acreditación", .pt: "Alcance da acreditação", .en: "Accreditation scope"],
        "registry.since": [.es: "Miembro", .pt: "Membro", .en: "Member"],
        "registry.anyField": [.es: "todos los campos", .pt: "todos os campos", .en: "any field"],
        "registry.anyLevel": [.es: "todos", .pt: "todos", .en: "any"],
        "registry.anyScope": [.es: "sin restricción", .pt: "sem restrição", .en: "unrestricted"],
        "registry.imported": [
            .es: "Además, {0} miembros de registros importados de otras coordinaciones.",
            .pt: "Além disso, {0} membros de registros importados de outras coordenações.",
            .en: "Also {0} members from registries imported from other coordinators.",
        ],
        "rule.version": [.es: "versión", .pt: "versão", .en: "version"],
        "rule.criteria": [.es: "Qué credenciales cuentan", .pt: "Quais credenciais contam", .en: "Which credentials count"],
        "rule.outcome": [.es: "Qué otorga", .pt: "O que concede", .en: "What it gives"],
        "rule.credits": [.es: "Créditos", .pt: "Créditos", .en: "Credits"],
        "rule.maximum": [.es: "máximo", .pt: "máximo", .en: "at most"],
        "rule.legalBasis": [.es: "Fundamento normativo", .pt: "Fundamento normativo", .en: "Legal basis"],
        "rule.appeal": [.es: "Cómo apelar", .pt: "Como recorrer", .en: "How to appeal"],
        "recognition.outcome.recognised": [.es: "Reconocimiento propuesto", .pt: "Reconhecimento proposto", .en: "Recognition proposed"],
        "recognition.outcome.partial": [.es: "Reconocimiento parcial propuesto", .pt: "Reconhecimento parcial proposto", .en: "Partial recognition proposed"],
        "recognition.outcome.refused": [.es: "No se propone reconocimiento", .pt: "Não se propõe reconhecimento", .en: "No recognition proposed"],
        "recognition.decision.approved": [.es: "Aprobado", .pt: "Aprovado", .en: "Approved"],
        "recognition.decision.modified": [.es: "Aprobado con cambios", .pt: "Aprovado com alterações", .en: "Approved with changes"],
        "recognition.decision.refused": [.es: "Rechazado", .pt: "Recusado", .en: "Refused"],
        "recognition.pending": [.es: "En revisión por la institución", .pt: "Em revisão pela instituição", .en: "Under review by the institution"],
    ]
}
