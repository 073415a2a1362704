/// A `multipart/form-data` body (RFC 7578), as the `/verify` page's form sends it: a pasted text
/// and an uploaded file.
struct MultipartForm {
    struct Part {
        var name: String
        var filename: String?
        var contentType: String?
        var body: [UInt8]
    }

    var parts: [Part]

    /// The first part named `name`.
    func part(_ name: String) -> Part? { parts.first { $0.name == name } }

    /// Parses a body given the request's `Content-Type` header.
    /// - Throws: ``APIError`` 400 for a body that is not well-formed multipart.
    init(contentType: String, body: [UInt8]) throws {
        guard let boundaryRange = contentType.range(of: "boundary=") else {
            throw APIError.badRequest("the form is not multipart/form-data with a boundary")
        }
        var boundary = String(contentType[boundaryRange.upperBound...])
        if let semicolon = boundary.firstIndex(of: ";") { boundary = String(boundary[..<semicolon]) }
        boundary = boundary.trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
        guard !boundary.isEmpty, boundary.count <= 200 else { throw APIError.badRequest("the form's boundary is not valid") }
        let delimiter = Array("--\(boundary)".utf8)
        var parts: [Part] = []
        var position = MultipartForm.find(delimiter, in: body, from: 0)
        guard var cursor = position else { throw APIError.badRequest("the form has no parts") }
        while true {
            cursor += delimiter.count
            // "--" after the delimiter closes the body.
            if cursor + 1 < body.count, body[cursor] == 0x2D, body[cursor + 1] == 0x2D { break }
            guard cursor + 1 < body.count, body[cursor] == 0x0D, body[cursor + 1] == 0x0A else {
                throw APIError.badRequest("the form is not well-formed multipart")
            }
            cursor += 2
            guard let headersEnd = MultipartForm.find([0x0D, 0x0A, 0x0D, 0x0A], in: body, from: cursor) else {
                throw APIError.badRequest("a form part has no end of headers")
            }
            let headers = String(decoding: body[cursor..<headersEnd], as: UTF8.self)
            let contentStart = headersEnd + 4
            position = MultipartForm.find([0x0D, 0x0A] + delimiter, in: body, from: contentStart)
            guard let contentEnd = position else { throw APIError.badRequest("a form part is not closed") }
            var part = Part(name: "", filename: nil, contentType: nil, body: Array(body[contentStart..<contentEnd]))
            for line in headers.split(separator: "\r\n") {
                let lower = line.lowercased()
                if lower.hasPrefix("content-disposition:") {
                    part.name = MultipartForm.parameter("name", in: String(line)) ?? ""
                    part.filename = MultipartForm.parameter("filename", in: String(line))
                } else if lower.hasPrefix("content-type:") {
                    part.contentType = line.dropFirst("content-type:".count).trimmingCharacters(in: .whitespaces)
                }
            }
            parts.append(part)
            cursor = contentEnd + 2
        }
        self.parts = parts
    }

    static func parameter(_ name: String, in header: String) -> String? {
        guard let range = header.range(of: "\(name)=\"") ?? header.range(of: "; \(name)=") else { return nil }
        let rest = header[range.upperBound...]
        if header[range].hasSuffix("\"") {
            return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
        }
        return String(rest.prefix { $0 != ";" })
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        var index = start
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == needle[0], haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}

import Foundation
