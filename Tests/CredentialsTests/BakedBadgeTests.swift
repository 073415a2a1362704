import Foundation
import LinkedData
import Testing

@testable import Credentials

@Suite struct BakedBadgeTests {
    @Test func readsTheCredentialBakedIntoAnSVG() throws {
        let json = try BakedBadge.extract(from: Array(try Fixtures.data("openbadges/baked/simple-json.svg")))
        let credential = try JSONValue(parsing: try #require(json))
        #expect(credential["type"]?.asArray.contains("OpenBadgeCredential") == true)
        let jwt = try #require(try BakedBadge.extract(from: Array(try Fixtures.data("openbadges/baked/simple-jwt.svg"))))
        #expect(CredentialVerifier.looksLikeJWT(Array(jwt.utf8)))
    }

    @Test func readsTheCredentialBakedIntoAPNG() throws {
        let credential = #"{"@context":["https://www.w3.org/ns/credentials/v2"],"name":"Insignia ñ"}"#
        let png = BakedBadgeTests.png(iTXt: "openbadgecredential", text: credential)
        #expect(try BakedBadge.extract(from: png) == credential)
        #expect(throws: CredentialsError.self) { try BakedBadge.extract(from: BakedBadgeTests.png(iTXt: "Comment", text: "hola")) }
        #expect(try BakedBadge.extract(from: Array("{\"a\": 1}".utf8)) == nil)
    }

    @Test func readsACompressedBakedCredential() throws {
        // zlib.compress of the credential below, by Python's zlib.
        let compressed: [UInt8] = [120, 156, 171, 86, 114, 72, 206, 207, 43, 73, 173, 40, 81, 178, 138, 86, 202, 40, 41, 41, 40, 182, 210, 215, 47, 47, 47, 215, 43, 55, 214, 203, 47, 74, 215, 207, 43, 214, 79, 46, 74, 77, 73, 205, 43, 201, 76, 204, 41, 214, 47, 51, 82, 138, 213, 81, 202, 75, 204, 77, 85, 178, 82, 242, 204, 43, 206, 76, 207, 203, 76, 84, 56, 188, 81, 169, 22, 0, 204, 44, 26, 47]
        let credential = #"{"@context":["https://www.w3.org/ns/credentials/v2"],"name":"Insignia ñ"}"#
        #expect(try ZLib.inflate(compressed) == Array(credential.utf8))
        var data = Array("openbadgecredential".utf8) + [0, 1, 0] + [0] + [0] + compressed
        let png = BakedBadgeTests.png(raw: data)
        #expect(try BakedBadge.extract(from: png, inflate: { try ZLib.inflate($0) }) == credential)
        data[data.count - 1] ^= 0xFF
        #expect(throws: CredentialsError.self) { try ZLib.inflate(Array(data.suffix(compressed.count))) }
    }

    /// A minimal PNG: signature, one iTXt chunk, IEND (chunk CRCs are not checked by the reader).
    static func png(iTXt keyword: String, text: String) -> [UInt8] {
        png(raw: Array(keyword.utf8) + [0, 0, 0] + [0] + [0] + Array(text.utf8))
    }

    static func png(raw data: [UInt8]) -> [UInt8] {
        func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
            let length = UInt32(data.count)
            return [UInt8(length >> 24), UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF)]
                + Array(type.utf8) + data + [0, 0, 0, 0]
        }
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("iTXt", data) + chunk("IEND", [])
    }
}
