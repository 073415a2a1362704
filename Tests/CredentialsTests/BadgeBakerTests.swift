import Foundation
import LinkedData
import Testing

@testable import Credentials

@Suite struct BadgeBakerTests {
    static let json = #"{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential","OpenBadgeCredential"],"name":"Insignia ñ"}"#

    // MARK: - Round trips

    @Test func bakesAJSONCredentialIntoAPNG() throws {
        let image = try Self.pillowPNG()
        let baked = try BadgeBaker.bake(Self.json, into: image)
        #expect(try BakedBadge.extract(from: baked) == Self.json)
        // Every chunk of the original is still there, the iTXt chunk right after IHDR.
        let chunks = try Self.chunks(baked)
        #expect(chunks.map(\.type) == ["IHDR", "iTXt", "IDAT", "IEND"])
        #expect(baked.count == image.count + 12 + chunks[1].data.count)
        // keyword, NUL, compression flag 0, method 0, empty language tag, empty translated keyword.
        #expect(chunks[1].data.starts(with: Array("openbadgecredential".utf8) + [0, 0, 0, 0, 0]))
        #expect(Array(chunks[1].data.dropFirst(24)) == Array(Self.json.utf8))
        // Its CRC, by an independent bitwise CRC-32.
        #expect(chunks[1].crc == Self.bitwiseCRC32(Array("iTXt".utf8) + chunks[1].data))
    }

    @Test func bakesAJWTIntoAPNGAndAnSVG() throws {
        let jwt = try Fixtures.line("openbadges/jwt/ob30-simple.jwt")
        let png = try BadgeBaker.bake(jwt, into: Self.minimalPNG())
        #expect(try BakedBadge.extract(from: png) == jwt)
        let svg = try BadgeBaker.bake(jwt, into: Array(BadgeBaker.defaultBadgeSVG(title: "Teamwork", issuer: "Example").utf8))
        #expect(try BakedBadge.extract(from: svg) == jwt)
        let text = String(decoding: svg, as: UTF8.self)
        #expect(text.contains("<openbadges:credential verify=\"\(jwt)\"></openbadges:credential>"))
        #expect(text.contains(#"xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0""#))
    }

    @Test func bakesAJSONCredentialIntoAnSVG() throws {
        let image = Array(BadgeBaker.defaultBadgeSVG(title: "Teamwork", issuer: "Example Corp").utf8)
        let baked = try BadgeBaker.bake("\n  " + Self.json + "\n", into: image)
        #expect(try BakedBadge.extract(from: baked) == Self.json)
        let text = String(decoding: baked, as: UTF8.self)
        // The namespace on the root, the element directly after the root start tag.
        #expect(text.contains(#"role="img" aria-labelledby="badge-title badge-desc" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0">"#
            + "<openbadges:credential><![CDATA[" + Self.json + "]]></openbadges:credential>\n  <title"))
    }

    /// 1EdTech's baked SVGs: their credential, baked into fresh images, reads back the same.
    @Test(arguments: ["openbadges/baked/simple-json.svg", "openbadges/baked/simple-jwt.svg"])
    func rebakes1EdTechBadges(path: String) throws {
        let credential = try #require(try BakedBadge.extract(from: Array(try Fixtures.data(path))))
        for image in [try Self.pillowPNG(), Self.minimalPNG(), Array(BadgeBaker.defaultBadgeSVG(title: "Teamwork Badge", issuer: "Example Corp").utf8)] {
            let baked = try BadgeBaker.bake(credential, into: image)
            #expect(try BakedBadge.extract(from: baked) == credential)
        }
        // The fixture's own drawing, its credential element taken out, bakes again the same way.
        let original = try Fixtures.text(path)
        let start = try #require(original.range(of: "<openbadges:credential"))
        let end = try #require(original.range(of: "</openbadges:credential>") ?? original.range(of: "/>", range: start.upperBound..<original.endIndex))
        var unbaked = original
        unbaked.removeSubrange(start.lowerBound..<end.upperBound)
        let rebaked = try BadgeBaker.bake(credential, into: Array(unbaked.utf8))
        #expect(try BakedBadge.extract(from: rebaked) == credential)
        // Its XML declaration and doctype (CRLF line ends) are kept byte for byte.
        let unbakedBytes = Array(unbaked.utf8)
        let prolog = unbakedBytes[..<(try #require(BadgeBaker.firstRange(of: Array("<svg".utf8), in: unbakedBytes, from: 0)))]
        #expect(prolog.starts(with: Array("<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n<!DOCTYPE svg PUBLIC".utf8)))
        #expect(rebaked.starts(with: prolog))
        let text = String(decoding: rebaked, as: UTF8.self)
        // The fixture declares the namespace already: it is not declared twice.
        #expect(text.components(separatedBy: "xmlns:openbadges=").count == 2)
    }

    @Test func bakes1EdTechCredentials() throws {
        for path in ["openbadges/1edtech-validator/simple.json", "openbadges/1edtech-validator/ob30/complete.json"] {
            let credential = try Fixtures.text(path)
            let trimmed = credential.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(try BakedBadge.extract(from: BadgeBaker.bake(credential, into: Self.pillowPNG())) == trimmed)
            let svg = Array(BadgeBaker.defaultBadgeSVG(title: "Badge", issuer: "1EdTech").utf8)
            #expect(try BakedBadge.extract(from: BadgeBaker.bake(credential, into: svg)) == trimmed)
        }
    }

    // MARK: - Refusals

    @Test func refusesToBakeTwice() throws {
        let png = try BadgeBaker.bake(Self.json, into: Self.minimalPNG())
        #expect(throws: CredentialsError.self) { try BadgeBaker.bake(Self.json, into: png) }
        let svg = try BadgeBaker.bake(Self.json, into: Array(BadgeBaker.defaultBadgeSVG(title: "A", issuer: "B").utf8))
        #expect(throws: CredentialsError.self) { try BadgeBaker.bake(Self.json, into: svg) }
        for path in ["openbadges/baked/simple-json.svg", "openbadges/baked/simple-jwt.svg"] {
            #expect(throws: CredentialsError.self) { try BadgeBaker.bake(Self.json, into: Array(try Fixtures.data(path))) }
        }
        // A credential element under another prefix bound to the OB 3.0 namespace.
        let other = #"<svg xmlns="http://www.w3.org/2000/svg" xmlns:ob="https://purl.imsglobal.org/ob/v3p0"><ob:credential verify="a.b.c"/></svg>"#
        #expect(throws: CredentialsError.self) { try BadgeBaker.bake(Self.json, into: Array(other.utf8)) }
        // An Open Badges 2.0 baked SVG binds the prefix to another namespace.
        let ob2 = #"<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org"><openbadges:assertion verify="x"/></svg>"#
        #expect(throws: CredentialsError.self) { try BadgeBaker.bake(Self.json, into: Array(ob2.utf8)) }
        // A PNG carrying the keyword in a tEXt chunk.
        var text = Self.minimalPNG()
        text.insert(contentsOf: PNG.chunk("tEXt", Array("openbadgecredential".utf8) + [0] + Array("{}".utf8)), at: 33)
        #expect(throws: CredentialsError.self) { try BadgeBaker.bake(Self.json, into: text) }
    }

    @Test func refusesWhatIsNotAnImage() throws {
        for image in [[], Array(Self.json.utf8), Array("GIF89a".utf8), [0x89, 0x50, 0x4E, 0x47], Array("<html><body/></html>".utf8),
            Array(#"<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"/>"#.utf8)] as [[UInt8]]
        {
            #expect(throws: CredentialsError.self) { try BadgeBaker.bake(Self.json, into: image) }
        }
        let error = try #require(throws: CredentialsError.self) { try BadgeBaker.bake(Self.json, into: Array("GIF89a".utf8)) }
        #expect(error.message.contains("neither a PNG nor an SVG"))
    }

    @Test func refusesAMalformedPNG() throws {
        let png = try Self.pillowPNG()
        // Truncated: in the last chunk, in the middle of IDAT, right after the signature.
        for length in [png.count - 1, png.count - 12, 60, 8, 20] {
            #expect(throws: CredentialsError.self) { try BadgeBaker.bake(Self.json, into: Array(png.prefix(length))) }
        }
        // A flipped bit in IDAT fails its CRC.
        var corrupt = png
        corrupt[45] ^= 0x01
        #expect(throws: CredentialsError.self) { try BadgeBaker.bake(Self.json, into: corrupt) }
        // IHDR not first; data after IEND; no IDAT.
        let ihdr = Array(png[8..<33])
        let rest = Array(png[33...])
        #expect(throws: CredentialsError.self) { try BadgeBaker.bake(Self.json, into: Array(png[..<8]) + rest) }
        #expect(throws: CredentialsError.self) { try BadgeBaker.bake(Self.json, into: png + [0]) }
        #expect(throws: CredentialsError.self) {
            try BadgeBaker.bake(Self.json, into: Array(png[..<8]) + ihdr + PNG.chunk("IEND", []))
        }
    }

    @Test func refusesWhatIsNotACredential() throws {
        for credential in ["", "hello", "[1, 2]", "{\"a\": ", "a.b", "https://example.com/credentials/1"] {
            #expect(throws: CredentialsError.self) { try BadgeBaker.bake(credential, into: Self.minimalPNG()) }
        }
    }

    // MARK: - SVG details

    /// "]]>" would end the CDATA section: it is split across two sections, which XML joins again.
    @Test func splitsCDATAAroundItsEnd() throws {
        let credential = #"{"name":"a]]>b","description":"]]>]]>","x":[[1]]}"#
        let baked = String(decoding: try BadgeBaker.bake(credential, into: Array("<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>".utf8)), as: UTF8.self)
        #expect(baked == #"<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0">"#
            + #"<openbadges:credential><![CDATA[{"name":"a]]]]><![CDATA[>b","description":"]]]]><![CDATA[>]]]]><![CDATA[>","x":[[1]]}]]>"#
            + "</openbadges:credential></svg>")
        let content = try #require(baked.range(of: "<openbadges:credential>").map { baked[$0.upperBound...] })
        let element = String(content[..<(try #require(content.range(of: "</openbadges:credential>"))).lowerBound])
        #expect(Self.characterData(element) == credential)
        #expect(try BakedBadge.extract(from: Array(baked.utf8)) == credential)
        #expect(BadgeBaker.cdata("no end here") == "<![CDATA[no end here]]>")
    }

    @Test func keepsTheProlog() throws {
        let prolog = """
            \u{FEFF}<?xml version="1.0" encoding="UTF-8" standalone="no"?>
            <!-- drawn by hand; <svg> in a comment is not the root -->
            <?xml-stylesheet href="badge.css" type="text/css"?>
            <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [
              <!ENTITY tick "&#x2713;"> <!-- a ] and a > in a comment -->
            ]>
            """
        let document = prolog + "\n<svg xmlns=\"http://www.w3.org/2000/svg\" data-note='a > b' viewBox=\"0 0 10 10\"><circle r=\"4\"/></svg>\n"
        let baked = String(decoding: try BadgeBaker.bake(Self.json, into: Array(document.utf8)), as: UTF8.self)
        #expect(baked.hasPrefix(prolog + "\n<svg xmlns=\"http://www.w3.org/2000/svg\" data-note='a > b' viewBox=\"0 0 10 10\" xmlns:openbadges="))
        #expect(baked.hasSuffix("</openbadges:credential><circle r=\"4\"/></svg>\n"))
        #expect(try BakedBadge.extract(from: Array(baked.utf8)) == Self.json)
    }

    @Test func bakesIntoAnEmptySVG() throws {
        let baked = String(decoding: try BadgeBaker.bake("a.b.c".replacingOccurrences(of: "a", with: "eyJ"), into: Array("<svg xmlns=\"http://www.w3.org/2000/svg\" />".utf8)), as: UTF8.self)
        #expect(baked == #"<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0" >"#
            + #"<openbadges:credential verify="eyJ.b.c"></openbadges:credential></svg>"#)
    }

    @Test func refusesNonASCIIInALegacyEncoding() throws {
        let latin1 = #"<?xml version="1.0" encoding="ISO-8859-1"?><svg xmlns="http://www.w3.org/2000/svg"/>"#
        #expect(throws: CredentialsError.self) { try BadgeBaker.bake(Self.json, into: Array(latin1.utf8)) }
        let ascii = #"{"name":"Insignia"}"#
        #expect(try BakedBadge.extract(from: BadgeBaker.bake(ascii, into: Array(latin1.utf8))) == ascii)
    }

    // MARK: - The default badge

    @Test func escapesTheDefaultBadgesText() throws {
        let svg = BadgeBaker.defaultBadgeSVG(title: #"Tom & Jerry <"Best"> 'Duo'"#, issuer: "A<B & C\u{7}")
        #expect(svg.contains(#"<title id="badge-title">Tom &amp; Jerry &lt;&quot;Best&quot;&gt; &apos;Duo&apos;</title>"#))
        #expect(svg.contains(#"<desc id="badge-desc">A&lt;B &amp; C</desc>"#))
        #expect(!svg.contains("<\"") && !svg.contains("& ") && !svg.contains("\u{7}"))
        #expect(svg.contains(#"role="img""#))
        // Every tspan's text, unescaped, is a piece of the title.
        let lines = Self.tspans(svg)
        #expect(lines.joined(separator: " ") == #"Tom & Jerry <"Best"> 'Duo'"#)
        #expect(lines.allSatisfy { $0.count <= 16 })
    }

    @Test func wrapsLongTitles() throws {
        #expect(BadgeBaker.wrap("Introduction to Applied Data Science", width: 16, maxLines: 4) == ["Introduction to", "Applied Data", "Science"])
        #expect(BadgeBaker.wrap("Pneumonoultramicroscopicsilicovolcanoconiosis", width: 16, maxLines: 4)
            == ["Pneumonoultramic", "roscopicsilicovo", "lcanoconiosis"])
        let long = BadgeBaker.wrap(String(repeating: "word ", count: 40), width: 16, maxLines: 4)
        #expect(long.count == 4 && long[3].hasSuffix("…"))
        let svg = BadgeBaker.defaultBadgeSVG(title: "  ", issuer: "")
        #expect(Self.tspans(svg) == ["Open Badge"])
        #expect(!svg.contains("<line"))
    }

    // MARK: - Helpers

    /// A 32 × 32 RGBA PNG written by Pillow (see Fixtures/SOURCES.md).
    static func pillowPNG() throws -> [UInt8] {
        Array(try Fixtures.data("openbadges/images/pillow-32x32.png"))
    }

    /// A 1 × 1 grey PNG: IHDR, one IDAT (zlib, one stored block: filter 0, pixel 0x80), IEND.
    static func minimalPNG() -> [UInt8] {
        let ihdr: [UInt8] = [0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]
        let raw: [UInt8] = [0, 0x80]
        let adler = ZLib.adler32(raw)
        let zlib: [UInt8] = [0x78, 0x01, 0x01, 0x02, 0x00, 0xFD, 0xFF] + raw + PNG.bigEndian(adler)
        return PNG.signature + PNG.chunk("IHDR", ihdr) + PNG.chunk("IDAT", zlib) + PNG.chunk("IEND", [])
    }

    static func chunks(_ png: [UInt8]) throws -> [(type: String, data: [UInt8], crc: UInt32)] {
        var chunks: [(String, [UInt8], UInt32)] = []
        var offset = 8
        while offset + 12 <= png.count {
            let length = Int(BadgeBaker.readUInt32(png, offset))
            chunks.append((String(decoding: png[(offset + 4)..<(offset + 8)], as: UTF8.self), Array(png[(offset + 8)..<(offset + 8 + length)]),
                BadgeBaker.readUInt32(png, offset + 8 + length)))
            offset += 12 + length
        }
        return chunks
    }

    /// CRC-32 bit by bit (PNG annex D), independent of the table-driven ``CRC32``.
    static func bitwiseCRC32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    /// The character data of an element's content made only of CDATA sections and whitespace, as
    /// an XML parser reads it.
    static func characterData(_ content: String) -> String {
        var text = ""
        var rest = Substring(content)
        while let open = rest.range(of: "<![CDATA["), let close = rest[open.upperBound...].range(of: "]]>") {
            text += rest[open.upperBound..<close.lowerBound]
            rest = rest[close.upperBound...]
        }
        return text
    }

    /// The text of each `<tspan>`, unescaped.
    static func tspans(_ svg: String) -> [String] {
        svg.components(separatedBy: "<tspan").dropFirst().compactMap { part in
            guard let start = part.firstIndex(of: ">"), let end = part.range(of: "</tspan>") else { return nil }
            return String(part[part.index(after: start)..<end.lowerBound])
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
                .replacingOccurrences(of: "&amp;", with: "&")
        }
    }
}

/// Reading what other bakers write: character references and entities instead of CDATA.
@Suite struct BakedBadgeCharacterDataTests {
    @Test func escapedContentReadsAsTheCredential() throws {
        let svg = #"<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0">"#
            + #"<openbadges:credential>{&quot;name&quot;:&quot;a &lt;b&gt; &amp; &#233;&#x2713;&quot;}</openbadges:credential></svg>"#
        #expect(try BakedBadge.extract(from: Array(svg.utf8)) == #"{"name":"a <b> & é✓"}"#)
    }

    @Test func markupOrUnknownEntitiesAreRefused() {
        for content in ["<x/>{}", "&nope;{}", "<![CDATA[{}"] {
            let svg = #"<svg xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"><openbadges:credential>"# + content
                + "</openbadges:credential></svg>"
            #expect(throws: CredentialsError.self) { try BakedBadge.extract(from: Array(svg.utf8)) }
        }
    }
}
