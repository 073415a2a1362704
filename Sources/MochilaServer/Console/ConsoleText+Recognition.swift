import Credentials

/// The words of the recognition officer's pages.
extension ConsoleText {
    static let recognition: [String: [Language: String]] = [
        "nav.recognition": [.es: "Reconocimiento", .pt: "Reconhecimento", .en: "Recognition"],
        "recognition.title": [.es: "Reconocimiento de credenciales", .pt: "Reconhecimento de credenciais", .en: "Recognition of credentials"],
        "recognition.rules": [.es: "Reglas publicadas", .pt: "Regras publicadas", .en: "Published rules"],
        "recognition.noRules": [
            .es: "La institución no publicó reglas. Se publican con POST /api/v1/recognition/rules.",
            .pt: "A instituição não publicou regras. Elas são publicadas com POST /api/v1/recognition/rules.",
            .en: "The institution has published no rules. Publish them with POST /api/v1/recognition/rules.",
        ],
        "recognition.requests": [.es: "Solicitudes", .pt: "Solicitações", .en: "Requests"],
        "recognition.noRequests": [.es: "No hay solicitudes.", .pt: "Não há solicitações.", .en: "There are no requests."],
        "recognition.date": [.es: "Fecha", .pt: "Data", .en: "Date"],
        "recognition.credentials": [.es: "Credenciales presentadas", .pt: "Credenciais apresentadas", .en: "Credentials submitted"],
        "recognition.proposal": [.es: "Propuesta", .pt: "Proposta", .en: "Proposal"],
        "recognition.state": [.es: "Estado", .pt: "Estado", .en: "State"],
        "recognition.pending": [.es: "por decidir", .pt: "a decidir", .en: "to decide"],
        "recognition.decided": [.es: "decidida", .pt: "decidida", .en: "decided"],
        "recognition.verified": [.es: "verificada al presentarla", .pt: "verificada ao ser apresentada", .en: "verified when submitted"],
        "recognition.notVerified": [.es: "no verificada al presentarla", .pt: "não verificada ao ser apresentada", .en: "not verified when submitted"],
        "recognition.decision": [.es: "Decisión", .pt: "Decisão", .en: "Decision"],
        "recognition.chooseDecision": [.es: "elige aprobar, cambiar o rechazar", .pt: "escolha aprovar, alterar ou recusar", .en: "choose approve, change or refuse"],
        "recognition.creditsGranted": [.es: "Créditos otorgados ({0})", .pt: "Créditos concedidos ({0})", .en: "Credits granted ({0})"],
        "recognition.reason": [.es: "Motivo (lo lee quien pidió el reconocimiento)", .pt: "Motivo (quem pediu o reconhecimento o lê)", .en: "Reason (the learner reads it)"],
        "recognition.decide": [.es: "Decidir y emitir la credencial", .pt: "Decidir e emitir a credencial", .en: "Decide and issue the credential"],
        "recognition.credentialJSON": [.es: "La credencial de la decisión", .pt: "A credencial da decisão", .en: "The decision's credential"],
    ]
}
