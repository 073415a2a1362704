import Credentials
import Foundation
import Hummingbird
import LinkedData
import MochilaCore

/// What a share link offers besides its page: the QR code of the link, to print or show on a
/// phone, and the credential itself, as the learner received it. Both end with the link.
extension Backpack {
    func registerSharing(on router: Router<BasicRequestContext>) {
        router.get("/c/:id/qr.svg") { request, context in try await shareQR(request, try context.parameters.require("id"), png: false) }
        router.get("/c/:id/qr.png") { request, context in try await shareQR(request, try context.parameters.require("id"), png: true) }
        router.get("/c/:id/credential") { _, context in try await sharedCredential(try context.parameters.require("id")) }
    }

    /// `GET /c/{id}/qr.svg` and `qr.png`: the QR code of the share link (error correction M).
    func shareQR(_ request: Request, _ id: String, png: Bool) async throws -> Response {
        guard try await node.sharedItem(id) != nil else { throw APIError.notFound("share link") }
        var response = try Routes.qrCode(
            of: node.publicURL + "/c/" + id, png: png, label: BackpackText.text("shared.qr", routes.language(request)))
        // The link can be withdrawn: its code is not kept anywhere.
        response.headers[.cacheControl] = "no-store"
        return response
    }

    /// `GET /c/{id}/credential`: the shared credential byte for byte, as an attachment.
    func sharedCredential(_ id: String) async throws -> Response {
        guard let (_, item) = try await node.sharedItem(id) else { throw APIError.notFound("share link") }
        let (type, ext): (String, String) =
            switch item.format {
            case .vcJSON: ("application/vc+ld+json", "json")
            case .vcJWT: ("application/vc+jwt", "jwt")
            case .openBadges2: (CredentialVerifier.looksLikeJWT(item.credential) ? "application/jose" : "application/json", "json")
            case .europass: ("application/json", "json")
            }
        var response = JSONResponse.bytes(item.credential, contentType: type)
        response.headers[.contentDisposition] = "attachment; filename=\"credencial-\(item.id.uuidString.lowercased().prefix(8)).\(ext)\""
        response.headers[.cacheControl] = "no-store"
        return response
    }

    /// The share page's QR code, download and LinkedIn links.
    func shareExtras(_ id: String, _ item: BackpackItem, _ report: VerificationReport, _ language: Language) -> HTML {
        let link = node.publicURL + "/c/" + id
        let summary = Backpack.summary(item)
        var linkedIn: HTML? = nil
        let issued = report.credential?["validFrom"]?.stringValue ?? report.credential?["issuanceDate"]?.stringValue
        if report.verified, let name = summary.name.nilIfDash, let issuedAt = issued.flatMap({ XSDDateTime($0)?.date }) {
            let profile = LinkedInProfileLink(
                name: name, organizationName: summary.issuer, issuedAt: issuedAt,
                expiresAt: (report.credential?["validUntil"]?.stringValue).flatMap { XSDDateTime($0)?.date }, certificationURL: link,
                certificationID: id)
            linkedIn = " · <a href=\"\(profile.url)\" rel=\"noopener\" target=\"_blank\">\(UIText.text("credential.linkedin", language))</a>"
        }
        return """
            <p><a href="/c/\(id)/credential" download>\(BackpackText.text("shared.download", language))</a>\(linkedIn)</p>
            <p class="qr"><a href="/c/\(id)/qr.png" download><img src="/c/\(id)/qr.svg" width="160" height="160" alt="\(BackpackText.text("shared.qr", language))"></a></p>
            """
    }
}

extension String {
    /// `nil` for the dash the backpack lists an unnamed credential by.
    var nilIfDash: String? { self == "—" || isEmpty ? nil : self }
}
