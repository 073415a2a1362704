import Crypto
import Foundation
import X509
import _CryptoExtras

/// The certificate a Europass seal carries first in its `x5c` header (RFC 7515 section 4.1.6):
/// what the verifier needs of it, read with swift-certificates.
///
/// Nothing here says the certificate is trustworthy: its chain is not built, and it is not looked
/// up in the EU Trusted Lists. It gives the key that checks the signature, the period in which
/// that key may seal, and the names to show.
struct EuropassCertificate {
    /// The most certificates an `x5c` header may list.
    static let maxCertificates = 10
    /// The largest certificate read, in bytes of DER.
    static let maxBytes = 16 << 10

    /// The certificate's DER.
    let der: [UInt8]
    /// The subject's key, of the type its algorithm identifier names.
    let publicKey: PublicKey
    /// The start of the validity period.
    let notBefore: Date
    /// The end of the validity period.
    let notAfter: Date
    /// The subject's organizationName (2.5.4.10), if any.
    let organization: String?
    /// The subject's commonName (2.5.4.3), if any.
    let commonName: String?
    /// The issuer's commonName, if any.
    let issuerCommonName: String?

    /// Reads a DER certificate.
    /// - Throws: ``CredentialsError/Code/invalidKey`` when it is too large, is not an X.509
    ///   certificate, or holds a key other than RSA (2048 bits or more), P-256, P-384 or P-521.
    init(der: [UInt8]) throws {
        guard der.count <= Self.maxBytes else {
            throw CredentialsError(.invalidKey, "the certificate is \(der.count) bytes, more than \(Self.maxBytes)")
        }
        let certificate: Certificate
        do {
            certificate = try Certificate(derEncoded: der)
        } catch {
            throw CredentialsError(.invalidKey, "not an X.509 certificate: \(error)")
        }
        self.der = der
        self.publicKey = try Self.publicKey(of: certificate.publicKey)
        self.notBefore = certificate.notValidBefore
        self.notAfter = certificate.notValidAfter
        self.organization = Self.first(in: certificate.subject) { $0.type == .RDNAttributeType.organizationName }
        self.commonName = Self.first(in: certificate.subject) { $0.type == .RDNAttributeType.commonName }
        self.issuerCommonName = Self.first(in: certificate.issuer) { $0.type == .RDNAttributeType.commonName }
    }

    /// The subject as people name it: `O (CN)`, or whichever of the two it has.
    var subjectName: String {
        switch (organization, commonName) {
        case (let o?, let cn?) where o != cn: return "\(o) (\(cn))"
        case (let o?, _): return o
        case (nil, let cn?): return cn
        case (nil, nil): return "?"
        }
    }

    /// Whether `thumbprint` (an `x5t#S256` value) is base64url of the SHA-256 of this DER
    /// (RFC 7515 section 4.1.8).
    func hasThumbprint(_ thumbprint: String) -> Bool {
        Base64URL.encode(Array(SHA256.hash(data: der))) == thumbprint
    }

    /// Whether the certificate was valid at `date`, its bounds included (RFC 5280 section 4.1.2.5).
    func isValid(at date: Date) -> Bool {
        notBefore <= date && date <= notAfter
    }

    /// The project's key for the certificate's SubjectPublicKeyInfo.
    static func publicKey(of key: Certificate.PublicKey) throws -> PublicKey {
        if let rsa = _RSA.Signing.PublicKey(key) {
            return try PublicKey(type: .rsa, rawRepresentation: Array(rsa.pkcs1DERRepresentation))
        } else if let p256 = P256.Signing.PublicKey(key) {
            return try PublicKey(type: .p256, rawRepresentation: Array(p256.x963Representation))
        } else if let p384 = P384.Signing.PublicKey(key) {
            return try PublicKey(type: .p384, rawRepresentation: Array(p384.x963Representation))
        } else if let p521 = P521.Signing.PublicKey(key) {
            return try PublicKey(type: .p521, rawRepresentation: Array(p521.x963Representation))
        }
        throw CredentialsError(.unsupportedKeyType, "the certificate's key is not RSA, P-256, P-384 or P-521")
    }

    /// The first string value of the attributes of a distinguished name that `matches` picks.
    static func first(
        in name: DistinguishedName, where matches: (RelativeDistinguishedName.Attribute) -> Bool
    ) -> String? {
        for rdn in name {
            for attribute in rdn where matches(attribute) {
                if let text = String(attribute.value) { return text }
            }
        }
        return nil
    }
}
