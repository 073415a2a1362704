extension MessageCatalog {
    /// Messages of presentations, in Spanish, Portuguese and English.
    static let presentation: [String: [Language: String]] = [
        "format.presentation": [
            .es: "Presentación verificable bien formada.",
            .pt: "Apresentação verificável bem formada.",
            .en: "Well-formed verifiable presentation.",
        ],
        "format.envelope": [
            .es: "La credencial envuelta no es un JWT (data:application/vc+jwt,…) que se pueda verificar aquí.",
            .pt: "A credencial envelopada não é um JWT (data:application/vc+jwt,…) que possa ser verificado aqui.",
            .en: "The enveloped credential is not a JWT (data:application/vc+jwt,…) that can be verified here.",
        ],
        "holder.passed": [
            .es: "La presentó su titular, {0}, sujeto de las credenciales.",
            .pt: "Foi apresentada pelo seu titular, {0}, sujeito das credenciais.",
            .en: "Presented by its holder, {0}, the subject of its credentials.",
        ],
        "holder.mismatch": [
            .es: "La presentación la firmó {0}, no su titular {1}.",
            .pt: "A apresentação foi assinada por {0}, não pelo seu titular {1}.",
            .en: "The presentation was signed by {0}, not by its holder {1}.",
        ],
        "holder.notAuthentication": [
            .es: "El titular {0} no autoriza la clave {1} para autenticarse (authentication).",
            .pt: "O titular {0} não autoriza a chave {1} para autenticação (authentication).",
            .en: "The holder {0} does not list the key {1} for authentication.",
        ],
        "holder.notSubject": [
            .es: "La credencial {0} es de otra persona: su sujeto no es el titular {1}.",
            .pt: "A credencial {0} é de outra pessoa: o seu sujeito não é o titular {1}.",
            .en: "Credential {0} is about someone else: its subject is not the holder {1}.",
        ],
        "holder.unproven": [
            .es: "Sin una firma del titular no se puede saber quién presenta las credenciales.",
            .pt: "Sem uma assinatura do titular não é possível saber quem apresenta as credenciais.",
            .en: "Without the holder's signature there is no telling who presents the credentials.",
        ],
        "check.holder": [.es: "Titular", .pt: "Titular", .en: "Holder"],
    ]
}
