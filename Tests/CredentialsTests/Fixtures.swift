import Foundation
import LinkedData

/// Reads the vendored test vectors (see Fixtures/SOURCES.md).
enum Fixtures {
    static let root = Bundle.module.resourceURL!.appendingPathComponent("Fixtures")

    static func data(_ path: String) throws -> Data {
        try Data(contentsOf: root.appendingPathComponent(path))
    }

    static func text(_ path: String) throws -> String {
        String(decoding: try data(path), as: UTF8.self)
    }

    /// A text vector with its trailing newline removed.
    static func line(_ path: String) throws -> String {
        var text = try text(path)
        while text.last == "\n" || text.last == "\r" { text.removeLast() }
        return text
    }

    static func json(_ path: String) throws -> JSONValue {
        try JSONValue(parsing: Array(try data(path)))
    }
}
