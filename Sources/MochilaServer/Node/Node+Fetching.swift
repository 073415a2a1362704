import Credentials
import Foundation
import LinkedData
import MochilaCore

/// What the network pulls from other nodes' URLs (registries, catalogue feeds): fetched by the
/// node's document resolver, with the failure named as the `url` field the caller gave.
extension Node {
    /// The JSON document at `url`, an http(s) URL another node publishes.
    /// - Parameter what: what the URL should be, for the error (e.g. "another node's /catalogue.json").
    /// - Throws: ``ValidationError`` (field `url`) for a URL that is not one or cannot be fetched.
    func fetchDocument(_ url: String, what: String) async throws -> JSONValue {
        guard url.hasPrefix("https://") || url.hasPrefix("http://"), url.count <= 2000 else {
            throw ValidationError(field: "url", "is the URL of \(what)")
        }
        let fetched: JSONValue?
        do {
            fetched = try await documents.document(at: url)
        } catch {
            throw ValidationError(field: "url", "\(url) could not be fetched: \(error)")
        }
        guard let fetched else { throw ValidationError(field: "url", "\(url) could not be fetched") }
        return fetched
    }

    /// Pulls each of `urls` again with `pull`; one that fails keeps its last good copy, and the
    /// answer says why.
    func refresh(_ urls: [String], _ pull: (String) async throws -> Void) async throws -> [(url: String, problem: String?)] {
        var outcome: [(url: String, problem: String?)] = []
        for url in urls {
            do {
                try await pull(url)
                outcome.append((url, nil))
            } catch let error as ValidationError {
                outcome.append((url, error.problems.map { "\($0.field): \($0.message)" }.joined(separator: "; ")))
            }
        }
        return outcome
    }
}
