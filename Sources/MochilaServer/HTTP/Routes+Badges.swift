import Credentials
import Foundation
import Hummingbird
import MochilaCore

/// Badge images with the credential baked in (Open Badges 3.0, section 5.3): what a learner
/// drops into a profile, a mail or a backpack elsewhere, and what any OB 3.0 tool unbakes and
/// verifies.
extension Routes {
    func registerBadges(on router: Router<BasicRequestContext>) {
        let api = router.group("api/v1")
        api.get("/credentials/:id/badge.svg") { request, context in try await bakedBadgeSVG(request, context) }
        api.get("/credentials/:id/badge.png") { _, context in try await bakedBadgePNG(context) }
        api.get("/credentials/:id/credential.pdf") { request, context in try await credentialPDF(request, context) }
        api.get("/credentials/:id/qr.svg") { request, context in try await qrCode(request, context, png: false) }
        api.get("/credentials/:id/qr.png") { request, context in try await qrCode(request, context, png: true) }
    }

    /// `GET /api/v1/credentials/{id}/badge.png`: a PNG badge with the credential, exactly as
    /// stored, baked in. The image is the QR code of the credential's public page, so a printed
    /// or projected badge still leads to its live verification. 409 when revoked or suspended.
    func bakedBadgePNG(_ context: BasicRequestContext) async throws -> Response {
        let (award, _, _) = try await exportableAward(try context.parameters.require("id"), purpose: "baked into a badge")
        let image = try QRCode(publicPage(of: award), correction: .medium).png(moduleSize: 8, quietZone: 4)
        let baked = try BadgeBaker.bake(String(decoding: award.credential, as: UTF8.self), into: image)
        var response = JSONResponse.bytes(baked, contentType: "image/png")
        response.headers[.contentDisposition] = "attachment; filename=\"insignia-\(award.id.uuidString.lowercased()).png\""
        return response
    }

    /// `GET /api/v1/credentials/{id}/qr.svg` and `qr.png`: the QR code of the credential's public
    /// page (error correction M), to print or show on a phone. Served for any credential the node
    /// holds: the page it leads to says whether it was revoked.
    func qrCode(_ request: Request, _ context: BasicRequestContext, png: Bool) async throws -> Response {
        let reference = try context.parameters.require("id")
        guard let award = try await node.award(reference: reference) else { throw APIError.notFound("credential \(reference)") }
        var response = try Routes.qrCode(of: publicPage(of: award), png: png, label: UIText.text("credential.qr", language(request)))
        response.headers[.cacheControl] = "public, max-age=86400"
        return response
    }

    /// The QR code of a link (error correction M), as a PNG or an accessible SVG named `label`.
    static func qrCode(of link: String, png: Bool, label: String) throws -> Response {
        let code = try QRCode(link, correction: .medium)
        var response: Response
        if png {
            response = JSONResponse.bytes(code.png(moduleSize: 8, quietZone: 4), contentType: "image/png")
        } else {
            response = JSONResponse.bytes(Array(code.svg(moduleSize: 8, quietZone: 4, label: label).utf8), contentType: "image/svg+xml; charset=utf-8")
            response.headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'"
        }
        return response
    }

    /// `GET /api/v1/credentials/{id}/credential.pdf?lang=es`: the credential printed, with the
    /// link and QR code of its public page. 409 when revoked or suspended.
    func credentialPDF(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let (award, _, spec) = try await exportableAward(try context.parameters.require("id"), purpose: "printed")
        let report = await node.verify(bytes: award.credential)
        let page = CredentialPage(
            language: language(request), award: award, credential: report.credential ?? .object([:]), report: report, spec: spec,
            reference: node.reference)
        let pdf = try CredentialPDF(page: page, link: publicPage(of: award), createdAt: node.clock()).render()
        var response = JSONResponse.bytes(pdf, contentType: "application/pdf")
        response.headers[.contentDisposition] = "attachment; filename=\"credencial-\(award.id.uuidString.lowercased()).pdf\""
        return response
    }

    /// The public page of an award, as people outside reach it.
    func publicPage(of award: Award) -> String {
        node.publicURL + "/credentials/" + award.id.uuidString.lowercased()
    }

    /// `GET /api/v1/credentials/{id}/badge.svg`: an SVG badge (the achievement's name and the
    /// issuer's) with the credential, exactly as stored, baked in. A revoked or suspended
    /// credential is not handed out (409).
    func bakedBadgeSVG(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let language = language(request)
        let (award, institution, spec) = try await exportableAward(try context.parameters.require("id"), purpose: "baked into a badge")
        let image = BadgeBaker.defaultBadgeSVG(title: spec.title.text(language), issuer: institution.name.text(language))
        let baked = try BadgeBaker.bake(String(decoding: award.credential, as: UTF8.self), into: Array(image.utf8))
        var response = JSONResponse.bytes(baked, contentType: "image/svg+xml; charset=utf-8")
        response.headers[.contentDisposition] = "attachment; filename=\"insignia-\(award.id.uuidString.lowercased()).svg\""
        // An SVG opened on its own is a document: nothing in it may run or load.
        response.headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'"
        return response
    }

    /// The award `reference` names, with its institution and spec, when it may leave the node as
    /// a file: not revoked, not suspended.
    /// - Throws: ``APIError`` 404 for an unknown credential, 409 `revoked` or `suspended`.
    func exportableAward(_ reference: String, purpose: String) async throws -> (Award, Institution, MicroCredentialSpec) {
        guard let award = try await node.award(reference: reference) else { throw APIError.notFound("credential \(reference)") }
        if award.revocation != nil {
            throw APIError(.conflict, "revoked", "the credential was revoked by its issuer and is not \(purpose)")
        }
        if award.suspension != nil {
            throw APIError(.conflict, "suspended", "the credential is suspended by its issuer and is not \(purpose) until reinstated")
        }
        guard let institution = try await node.store.institution(id: award.institutionID),
            let spec = try await node.store.spec(id: award.specID, version: award.specVersion)
        else { throw APIError.notFound("credential \(reference)") }
        return (award, institution, spec)
    }
}
