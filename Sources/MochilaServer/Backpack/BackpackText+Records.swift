import Credentials

/// The words of binding, privacy, the public profile, the whole-record export and the backup.
extension BackpackText {
    static let records: [String: [Language: String]] = [
        // Holder binding
        "bind.title": [.es: "Vincular a mi identidad digital", .pt: "Vincular à minha identidade digital", .en: "Bind to my digital identity"],
        "bind.intro": [
            .es: "La institución vuelve a emitir esta credencial a nombre de tu identidad digital (DID) {0}. Así puedes probar, al presentarla firmada desde tu Mochila, que es tuya. La copia sin vincular sigue siendo válida.",
            .pt: "A instituição volta a emitir esta credencial em nome da sua identidade digital (DID) {0}. Assim você pode provar, ao apresentá-la assinada pela sua Mochila, que ela é sua. A cópia sem vínculo continua válida.",
            .en: "The institution issues this credential again, naming your digital identity (DID) {0}. You can then prove, by presenting it signed from your backpack, that it is yours. The unbound copy stays valid.",
        ],
        "bind.button": [.es: "Vincular a mi DID", .pt: "Vincular ao meu DID", .en: "Bind to my DID"],
        "bind.bound": [
            .es: "Esta credencial está vinculada a tu identidad digital {0}.",
            .pt: "Esta credencial está vinculada à sua identidade digital {0}.",
            .en: "This credential is bound to your digital identity {0}.",
        ],
        "bind.done": [
            .es: "La institución emitió la credencial vinculada a tu DID. La copia sin vincular sigue en tu Mochila; puedes quitarla.",
            .pt: "A instituição emitiu a credencial vinculada ao seu DID. A cópia sem vínculo continua na sua Mochila; você pode removê-la.",
            .en: "The institution issued the credential bound to your DID. The unbound copy is still in your backpack; you may remove it.",
        ],
        "holder.title": [.es: "Mi identidad digital (DID)", .pt: "Minha identidade digital (DID)", .en: "My digital identity (DID)"],
        "holder.intro": [
            .es: "Dásela a una institución para que emita tus credenciales a tu nombre digital en lugar de tu correo: solo tu Mochila puede firmar con ella.",
            .pt: "Entregue-a a uma instituição para que emita as suas credenciais em nome da sua identidade digital em vez do seu e-mail: só a sua Mochila pode assinar com ela.",
            .en: "Give it to an institution so that it issues your credentials to your digital identity instead of your email: only your backpack can sign with it.",
        ],
        // Privacy and the public profile
        "privacy.title": [.es: "Privacidad", .pt: "Privacidade", .en: "Privacy"],
        "privacy.private": [
            .es: "Privada: solo tú y quien reciba un enlace tuyo la ven.",
            .pt: "Privada: só você e quem receber um link seu a veem.",
            .en: "Private: only you and whoever gets a link from you see it.",
        ],
        "privacy.public": [
            .es: "Pública: aparece en tu perfil público.",
            .pt: "Pública: aparece no seu perfil público.",
            .en: "Public: it is shown on your public profile.",
        ],
        "privacy.makePublic": [.es: "Mostrar en mi perfil público", .pt: "Mostrar no meu perfil público", .en: "Show on my public profile"],
        "privacy.makePrivate": [.es: "Quitar de mi perfil público", .pt: "Retirar do meu perfil público", .en: "Remove from my public profile"],
        "profile.title": [.es: "Perfil público", .pt: "Perfil público", .en: "Public profile"],
        "profile.intro": [
            .es: "Tus credenciales son privadas hasta que decides mostrarlas. Las que marques como públicas aparecen en {0}, con su verificación en vivo.",
            .pt: "As suas credenciais são privadas até você decidir mostrá-las. As que você marcar como públicas aparecem em {0}, com a verificação ao vivo.",
            .en: "Your credentials are private until you decide to show them. Those you make public appear at {0}, with their live verification.",
        ],
        "profile.none": [
            .es: "Ninguna credencial es pública: tu perfil no existe para nadie.",
            .pt: "Nenhuma credencial é pública: o seu perfil não existe para ninguém.",
            .en: "No credential is public: your profile does not exist for anyone.",
        ],
        "profile.of": [.es: "Credenciales de {0}", .pt: "Credenciais de {0}", .en: "Credentials of {0}"],
        "profile.anonymous": [.es: "Credenciales públicas", .pt: "Credenciais públicas", .en: "Public credentials"],
        "profile.gone": [
            .es: "Este perfil no existe o no muestra ninguna credencial.",
            .pt: "Este perfil não existe ou não mostra nenhuma credencial.",
            .en: "This profile does not exist or shows no credential.",
        ],
        // Whole-record export and backup
        "records.title": [.es: "Mi registro completo y copia de seguridad", .pt: "Meu registro completo e cópia de segurança", .en: "My whole record and backup"],
        "records.clrIntro": [
            .es: "Todas tus credenciales en un solo registro (CLR 2.0, de 1EdTech), firmado por tu identidad digital. Cada credencial dentro conserva la firma de su institución.",
            .pt: "Todas as suas credenciais em um só registro (CLR 2.0, da 1EdTech), assinado pela sua identidade digital. Cada credencial dentro conserva a assinatura da sua instituição.",
            .en: "All your credentials in one record (1EdTech CLR 2.0), signed by your digital identity. Each credential inside keeps its institution's signature.",
        ],
        "records.clr": [.es: "Descargar mi registro (CLR 2.0)", .pt: "Baixar meu registro (CLR 2.0)", .en: "Download my record (CLR 2.0)"],
        "records.backupIntro": [
            .es: "Un archivo con toda tu Mochila, para restaurarla en este u otro nodo Mochila. Con una frase de paso, guarda también tu identidad digital, cifrada: sin la frase nadie puede usarla.",
            .pt: "Um arquivo com toda a sua Mochila, para restaurá-la neste ou em outro nó Mochila. Com uma frase secreta, guarda também a sua identidade digital, cifrada: sem a frase ninguém pode usá-la.",
            .en: "A file with your whole backpack, to restore it on this or another Mochila node. With a passphrase it also keeps your digital identity, encrypted: without the passphrase nobody can use it.",
        ],
        "records.passphrase": [
            .es: "Frase de paso (opcional, al menos 10 caracteres)", .pt: "Frase secreta (opcional, pelo menos 10 caracteres)",
            .en: "Passphrase (optional, at least 10 characters)",
        ],
        "records.backup": [.es: "Descargar copia de seguridad", .pt: "Baixar cópia de segurança", .en: "Download a backup"],
        "records.restoreIntro": [
            .es: "Restaura aquí una copia de seguridad de Mochila: sus credenciales se verifican de nuevo y se suman a esta Mochila. Con la frase de paso, esta Mochila adopta la identidad digital de la copia.",
            .pt: "Restaure aqui uma cópia de segurança da Mochila: as credenciais são verificadas de novo e somadas a esta Mochila. Com a frase secreta, esta Mochila adota a identidade digital da cópia.",
            .en: "Restore a Mochila backup here: its credentials are verified again and added to this backpack. With the passphrase, this backpack takes on the backup's digital identity.",
        ],
        "records.restore": [.es: "Restaurar", .pt: "Restaurar", .en: "Restore"],
        "records.backupFile": [.es: "Copia de seguridad", .pt: "Cópia de segurança", .en: "Backup file"],
        "records.restored": [
            .es: "Copia restaurada: {0} credenciales nuevas, {1} ya estaban.",
            .pt: "Cópia restaurada: {0} credenciais novas, {1} já estavam.",
            .en: "Backup restored: {0} new credentials, {1} already here.",
        ],
        "records.restoredKey": [
            .es: "Esta Mochila usa ahora la identidad digital de la copia: {0}.",
            .pt: "Esta Mochila usa agora a identidade digital da cópia: {0}.",
            .en: "This backpack now uses the backup's digital identity: {0}.",
        ],
        "records.downloads": [.es: "Descargas", .pt: "Downloads", .en: "Downloads"],
        // Pathways
        "pathway.title": [.es: "Itinerarios", .pt: "Itinerários", .en: "Pathways"],
        "pathway.intro": [
            .es: "Credenciales mayores que se obtienen reuniendo microcredenciales de cualquier institución de la red. Cuando completas uno, pídelo: la institución comprueba tus credenciales y emite la credencial que las reúne.",
            .pt: "Credenciais maiores obtidas reunindo microcredenciais de qualquer instituição da rede. Quando completar um, peça-o: a instituição verifica as suas credenciais e emite a credencial que as reúne.",
            .en: "Larger credentials earned by stacking micro-credentials from any institution of the network. When you complete one, claim it: the institution checks your credentials and issues the credential that stacks them.",
        ],
        "pathway.claim": [.es: "Obtener la credencial del itinerario", .pt: "Obter a credencial do itinerário", .en: "Claim the pathway's credential"],
        "pathway.issued": [.es: "Ya obtuviste esta credencial: está en tu Mochila.", .pt: "Você já obteve esta credencial: está na sua Mochila.", .en: "You have this credential: it is in your backpack."],
        // Recognition
        "recognition.title": [.es: "Reconocimiento en otra institución", .pt: "Reconhecimento em outra instituição", .en: "Recognition at another institution"],
        "recognition.intro": [
            .es: "Pide a una institución que reconozca tus credenciales según una regla que publicó. Mochila las verifica y propone un resultado con sus razones; una persona de la institución decide, y la decisión llega a tu Mochila como credencial.",
            .pt: "Peça a uma instituição que reconheça as suas credenciais segundo uma regra que ela publicou. O Mochila as verifica e propõe um resultado com as suas razões; uma pessoa da instituição decide, e a decisão chega à sua Mochila como credencial.",
            .en: "Ask an institution to recognise your credentials under a rule it published. Mochila verifies them and proposes an outcome with its reasons; someone at the institution decides, and the decision arrives in your backpack as a credential.",
        ],
        "recognition.none": [
            .es: "Ninguna institución de este nodo publicó reglas de reconocimiento, o aún no tienes credenciales que evaluar.",
            .pt: "Nenhuma instituição deste nó publicou regras de reconhecimento, ou você ainda não tem credenciais para avaliar.",
            .en: "No institution on this node has published recognition rules, or you have no credentials to assess yet.",
        ],
        "recognition.rule": [.es: "Regla", .pt: "Regra", .en: "Rule"],
        "recognition.chooseRule": [.es: "elige una regla", .pt: "escolha uma regra", .en: "choose a rule"],
        "recognition.ask": [.es: "Pedir reconocimiento", .pt: "Pedir reconhecimento", .en: "Ask for recognition"],
        "recognition.requests": [.es: "Mis solicitudes", .pt: "Minhas solicitações", .en: "My requests"],
        "recognition.requestTitle": [.es: "Solicitud de reconocimiento a {0}", .pt: "Solicitação de reconhecimento a {0}", .en: "Recognition request to {0}"],
        "recognition.submitted": [.es: "Credenciales presentadas", .pt: "Credenciais apresentadas", .en: "Credentials submitted"],
        "recognition.decision": [.es: "Decisión", .pt: "Decisão", .en: "Decision"],
        "recognition.credential": [.es: "La decisión, como credencial en tu Mochila", .pt: "A decisão, como credencial na sua Mochila", .en: "The decision, as a credential in your backpack"],
    ]
}
