import Foundation

/// The OpenAPI 3.1 description of the node's HTTP API, served at `/openapi.json`.
enum OpenAPI {
    static let document: [UInt8] = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json"),
            let data = try? Data(contentsOf: url)
        else { fatalError("the bundled openapi.json is missing") }
        return Array(data)
    }()
}
