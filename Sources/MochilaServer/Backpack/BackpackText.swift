import Credentials

/// The words of the learner's backpack, in Spanish, Portuguese and English. Keys not found here
/// are looked up in ``UIText`` (the public pages).
enum BackpackText {
    static func text(_ key: String, _ language: Language, _ arguments: String...) -> String {
        UIText.lookup(key, language, in: strings, arguments)
    }

    static let strings = core.merging(records) { first, _ in first }

    static let core: [String: [Language: String]] = [
        "backpack.title": [.es: "Mi Mochila", .pt: "Minha Mochila", .en: "My backpack"],
        "backpack.intro": [
            .es: "Tu Mochila guarda las credenciales que obtienes en distintas instituciones, para toda tu vida laboral. Se abre al guardar una credencial desde su página, o ingresando con tu correo.",
            .pt: "A sua Mochila guarda as credenciais que você obtém em diferentes instituições, para toda a sua vida profissional. Ela se abre ao guardar uma credencial a partir da sua página, ou entrando com o seu e-mail.",
            .en: "Your backpack keeps the credentials you earn at different institutions, for your whole working life. It opens when you save a credential from its page, or when you sign in with your email.",
        ],
        "backpack.publicPage": [.es: "Página pública de la credencial", .pt: "Página pública da credencial", .en: "The credential's public page"],
        "backpack.save": [.es: "Guardar en mi Mochila", .pt: "Guardar na minha Mochila", .en: "Save to my backpack"],
        "claim.needsLink": [
            .es: "Solo el enlace de reclamo que envió la institución permite guardar esta credencial. Ábrelo desde su mensaje.",
            .pt: "Só o link de resgate enviado pela instituição permite guardar esta credencial. Abra-o a partir da mensagem.",
            .en: "Only the claim link the institution sent lets you save this credential. Open it from their message.",
        ],
        "backpack.empty": [
            .es: "Tu Mochila está vacía. Guarda una credencial desde su página o importa una aquí.",
            .pt: "A sua Mochila está vazia. Guarde uma credencial a partir da sua página ou importe uma aqui.",
            .en: "Your backpack is empty. Save a credential from its page or import one here.",
        ],
        "backpack.temporary": [
            .es: "Esta Mochila es temporal: vive solo en este navegador. Ponle tu correo y una contraseña para no perderla.",
            .pt: "Esta Mochila é temporária: vive apenas neste navegador. Coloque o seu e-mail e uma senha para não perdê-la.",
            .en: "This backpack is temporary: it lives only in this browser. Give it your email and a password so you do not lose it.",
        ],
        "backpack.account": [.es: "Mi cuenta", .pt: "Minha conta", .en: "My account"],
        "backpack.makePermanent": [.es: "Guardar mi Mochila", .pt: "Guardar a minha Mochila", .en: "Keep my backpack"],
        "backpack.accountSaved": [.es: "Tu Mochila quedó guardada con {0}.", .pt: "A sua Mochila foi guardada com {0}.", .en: "Your backpack is kept under {0}."],
        "backpack.signedInAs": [.es: "Mochila de {0}", .pt: "Mochila de {0}", .en: "Backpack of {0}"],
        "backpack.email": [.es: "Correo electrónico", .pt: "E-mail", .en: "Email"],
        "backpack.name": [.es: "Tu nombre (opcional)", .pt: "O seu nome (opcional)", .en: "Your name (optional)"],
        "backpack.password": [
            .es: "Contraseña (al menos 12 caracteres)", .pt: "Senha (pelo menos 12 caracteres)", .en: "Password (at least 12 characters)",
        ],
        "backpack.signIn": [.es: "Ingresar", .pt: "Entrar", .en: "Sign in"],
        "backpack.signOut": [.es: "Salir", .pt: "Sair", .en: "Sign out"],
        "backpack.signInFailed": [
            .es: "El correo o la contraseña no son correctos.", .pt: "O e-mail ou a senha não estão corretos.",
            .en: "The email or the password is not right.",
        ],
        "backpack.throttled": [
            .es: "Demasiados intentos. Vuelve a intentarlo en {0} minutos.", .pt: "Tentativas demais. Tente novamente em {0} minutos.",
            .en: "Too many attempts. Try again in {0} minutes.",
        ],
        "backpack.credentials": [.es: "Mis credenciales", .pt: "Minhas credenciais", .en: "My credentials"],
        "backpack.import": [.es: "Importar una credencial", .pt: "Importar uma credencial", .en: "Import a credential"],
        "backpack.importIntro": [
            .es: "Una credencial obtenida en otra parte: Open Badges 3.0 o credencial verificable (JSON o JWT), una insignia PNG o SVG con la credencial dentro, una insignia Open Badges 2.0 o una credencial Europass (EDC). Se verifica al llegar.",
            .pt: "Uma credencial obtida em outro lugar: Open Badges 3.0 ou credencial verificável (JSON ou JWT), uma insígnia PNG ou SVG com a credencial dentro, uma insígnia Open Badges 2.0 ou uma credencial Europass (EDC). Ela é verificada ao chegar.",
            .en: "A credential earned elsewhere: Open Badges 3.0 or a verifiable credential (JSON or JWT), a PNG or SVG badge with the credential baked in, an Open Badges 2.0 badge, or a Europass credential (EDC). It is verified on arrival.",
        ],
        "backpack.file": [.es: "Archivo", .pt: "Arquivo", .en: "File"],
        "backpack.paste": [.es: "…o pega la credencial", .pt: "…ou cole a credencial", .en: "…or paste the credential"],
        "backpack.importButton": [.es: "Importar", .pt: "Importar", .en: "Import"],
        "backpack.added": [.es: "La credencial está en tu Mochila.", .pt: "A credencial está na sua Mochila.", .en: "The credential is in your backpack."],
        "backpack.verifiedOnArrival": [.es: "verificada al llegar", .pt: "verificada ao chegar", .en: "verified on arrival"],
        "backpack.notVerifiedOnArrival": [
            .es: "no verificada al llegar", .pt: "não verificada ao chegar", .en: "not verified on arrival",
        ],
        "backpack.addedOn": [.es: "Guardada el {0}", .pt: "Guardada em {0}", .en: "Added on {0}"],
        "backpack.source.claim": [.es: "recibida", .pt: "recebida", .en: "claimed"],
        "backpack.source.import": [.es: "importada", .pt: "importada", .en: "imported"],
        "backpack.source.recognition": [.es: "reconocimiento", .pt: "reconhecimento", .en: "recognition"],
        "backpack.source.pathway": [.es: "itinerario completado", .pt: "itinerário concluído", .en: "pathway completed"],
        "backpack.now": [.es: "Verificación de hoy", .pt: "Verificação de hoje", .en: "Verified today"],
        "backpack.share": [.es: "Compartir", .pt: "Compartilhar", .en: "Share"],
        "backpack.shareIntro": [
            .es: "Un enlace para quien tú elijas: muestra la credencial y su verificación en vivo. Puedes retirarlo cuando quieras.",
            .pt: "Um link para quem você escolher: mostra a credencial e a sua verificação ao vivo. Você pode retirá-lo quando quiser.",
            .en: "A link for whoever you choose: it shows the credential and its live verification. You can withdraw it at any time.",
        ],
        "backpack.expires": [.es: "Vence", .pt: "Vence", .en: "Expires"],
        "backpack.expires.7": [.es: "en 7 días", .pt: "em 7 dias", .en: "in 7 days"],
        "backpack.expires.30": [.es: "en 30 días", .pt: "em 30 dias", .en: "in 30 days"],
        "backpack.expires.365": [.es: "en un año", .pt: "em um ano", .en: "in a year"],
        "backpack.expires.never": [.es: "nunca", .pt: "nunca", .en: "never"],
        "backpack.createLink": [.es: "Crear enlace", .pt: "Criar link", .en: "Create link"],
        "backpack.links": [.es: "Enlaces", .pt: "Links", .en: "Links"],
        "backpack.noLinks": [.es: "Sin enlaces por ahora.", .pt: "Nenhum link por enquanto.", .en: "No links yet."],
        "backpack.linkUntil": [.es: "hasta el {0}", .pt: "até {0}", .en: "until {0}"],
        "backpack.linkWithdrawn": [.es: "retirado el {0}", .pt: "retirado em {0}", .en: "withdrawn on {0}"],
        "backpack.linkExpired": [.es: "vencido", .pt: "vencido", .en: "expired"],
        "backpack.withdraw": [.es: "Retirar", .pt: "Retirar", .en: "Withdraw"],
        "backpack.remove": [.es: "Quitar de mi Mochila", .pt: "Tirar da minha Mochila", .en: "Remove from my backpack"],
        "backpack.removed": [.es: "La credencial salió de tu Mochila.", .pt: "A credencial saiu da sua Mochila.", .en: "The credential left your backpack."],
        "backpack.delete": [.es: "Borrar mi Mochila", .pt: "Apagar a minha Mochila", .en: "Delete my backpack"],
        "backpack.deleteIntro": [
            .es: "Borra tus credenciales guardadas, tus enlaces y tus datos personales. Las credenciales que emitieron las instituciones siguen siendo válidas y verificables.",
            .pt: "Apaga as suas credenciais guardadas, os seus links e os seus dados pessoais. As credenciais emitidas pelas instituições continuam válidas e verificáveis.",
            .en: "Deletes your saved credentials, your links and your personal data. The credentials institutions issued stay valid and verifiable.",
        ],
        "backpack.deleteConfirm": [.es: "Escribe BORRAR para confirmar", .pt: "Escreva APAGAR para confirmar", .en: "Type DELETE to confirm"],
        "backpack.deleteWord": [.es: "BORRAR", .pt: "APAGAR", .en: "DELETE"],
        "backpack.deleted": [.es: "Tu Mochila fue borrada.", .pt: "A sua Mochila foi apagada.", .en: "Your backpack was deleted."],
        "backpack.csrf": [
            .es: "El formulario venció. Vuelve a la página e inténtalo otra vez.", .pt: "O formulário expirou. Volte à página e tente novamente.",
            .en: "The form expired. Go back to the page and try again.",
        ],
        "backpack.problem": [.es: "No se pudo: {0}", .pt: "Não foi possível: {0}", .en: "Could not: {0}"],
        "backpack.present": [.es: "Presentar credenciales", .pt: "Apresentar credenciais", .en: "Present credentials"],
        "backpack.presentIntro": [
            .es: "Quien verifica te da un desafío (y a veces un dominio). Elige las credenciales: tu Mochila las firma con tu clave de titular para esa solicitud, y solo para ella.",
            .pt: "Quem verifica lhe dá um desafio (e às vezes um domínio). Escolha as credenciais: a sua Mochila as assina com a sua chave de titular para essa solicitação, e só para ela.",
            .en: "A verifier gives you a challenge (and sometimes a domain). Choose the credentials: your backpack signs them with your holder key for that request, and that request only.",
        ],
        "backpack.challenge": [.es: "Desafío", .pt: "Desafio", .en: "Challenge"],
        "backpack.domain": [.es: "Dominio (opcional)", .pt: "Domínio (opcional)", .en: "Domain (optional)"],
        "backpack.presentButton": [.es: "Crear presentación", .pt: "Criar apresentação", .en: "Create presentation"],
        "backpack.presentation": [.es: "Presentación verificable", .pt: "Apresentação verificável", .en: "Verifiable presentation"],
        "backpack.presentationIntro": [
            .es: "Revisada aquí como la revisará quien verifica. Cópiala y entrégala a quien te la pidió.",
            .pt: "Conferida aqui como quem verifica a conferirá. Copie-a e entregue-a a quem a pediu.",
            .en: "Checked here as the verifier will check it. Copy it and hand it to whoever asked.",
        ],
        "backpack.presentationJSON": [.es: "La presentación (JSON)", .pt: "A apresentação (JSON)", .en: "The presentation (JSON)"],
        "shared.title": [.es: "Credencial compartida", .pt: "Credencial compartilhada", .en: "Shared credential"],
        "shared.gone": [
            .es: "Este enlace no existe, venció o quien lo compartió lo retiró.", .pt: "Este link não existe, venceu ou quem o compartilhou o retirou.",
            .en: "This link does not exist, has expired, or whoever shared it withdrew it.",
        ],
        "shared.by": [.es: "Compartida desde una Mochila", .pt: "Compartilhada a partir de uma Mochila", .en: "Shared from a backpack"],
        "shared.live": [
            .es: "La verificación se hizo ahora, al abrir esta página.", .pt: "A verificação foi feita agora, ao abrir esta página.",
            .en: "The verification was done now, as this page opened.",
        ],
        "shared.download": [.es: "Descargar la credencial", .pt: "Baixar a credencial", .en: "Download the credential"],
        "shared.qr": [.es: "Código QR de este enlace", .pt: "Código QR deste link", .en: "QR code of this link"],
    ]
}
