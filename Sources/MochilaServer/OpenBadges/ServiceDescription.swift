import LinkedData

/// The Service Description Document of the node's Open Badges API (OB 3.0, section 6.3,
/// `getServiceDescription`): an OpenAPI 3.0 document naming the endpoints and the OAuth 2.0
/// security scheme with its token URL and scopes.
///
/// Note: the spec's example scheme is `OAuth2ACG` (authorization code with dynamic client
/// registration). This node offers the client credentials grant, so the scheme is `OAuth2CCG`
/// with a `clientCredentials` flow; `x-imssf-registrationUrl` names where an institution
/// registers a client with its API token (`POST /api/v1/oauth-clients`), not RFC 7591.
enum ServiceDescription {
    static let basePath = "/ims/ob/v3p0"
    static let tokenPath = basePath + "/oauth/token"
    static let schemeName = "OAuth2CCG"
    static let schemaBase = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/"

    /// The document for a node reached at `publicURL` (no trailing slash).
    static func document(publicURL: String) -> JSONValue {
        var scopes: JSONObject = [:]
        for scope in OpenBadgesScope.offered { scopes[scope.rawValue] = .string(scope.summary) }
        let scheme: JSONObject = [
            "type": "oauth2",
            "description": .string(
                "OAuth 2.0 Client Credentials Grant (RFC 6749, section 4.4) for an institution's machine clients; "
                    + "HTTP Basic client authentication at the token URL."),
            "x-imssf-name": "Mochila",
            // Note: the node has no privacy policy or terms pages of its own; its home page stands in.
            "x-imssf-privacyPolicyUrl": .string(publicURL + "/"),
            "x-imssf-termsOfServiceUrl": .string(publicURL + "/"),
            "x-imssf-registrationUrl": .string(publicURL + "/api/v1/oauth-clients"),
            "flows": ["clientCredentials": ["tokenUrl": .string(publicURL + tokenPath), "scopes": .object(scopes)]],
        ]
        return [
            "openapi": "3.0.1",
            "info": [
                "title": "Mochila Open Badges API",
                "description": .string(
                    "The Open Badges 3.0 API of a Mochila node: each member institution is an issuer, "
                        + "and an access token acts for one institution."),
                "version": "3.0",
                "termsOfService": .string(publicURL + "/"),
                "x-imssf-privacyPolicyUrl": .string(publicURL + "/"),
            ],
            "servers": [["url": .string(publicURL + basePath), "description": "Open Badges 3.0 API"]],
            "tags": [
                ["name": "OpenBadgeCredentials", "description": "Exchange OpenBadgeCredentials and Profile information."],
                ["name": "Discovery", "description": "The Service Description Document."],
            ],
            "paths": [
                "/credentials": [
                    "get": operation(
                        "getCredentials", "The institution's issued credentials, newest first.", scope: .credentialReadonly,
                        parameters: [
                            parameter(
                                "limit", "The maximum number of credentials to return per page (at most 1000; 100 when left out).",
                                ["type": "integer", "minimum": 1]),
                            parameter("offset", "The index of the first credential to return (zero indexed).", ["type": "integer", "minimum": 0]),
                            parameter("since", "Only include credentials issued after this timestamp.", ["type": "string", "format": "date-time"]),
                        ],
                        success: [
                            "200": response(
                                "The credentials, with X-Total-Count and Link paging headers.",
                                schema: "ob_v3p0_getopenbadgecredentialsresponse_schema.json")
                        ]),
                    "post": operation(
                        "upsertCredential",
                        "Answers 200 for a credential the institution issued on this node, unchanged; "
                            + "refuses any other (this node creates credentials only by issuing them).",
                        scope: .credentialUpsert, parameters: [],
                        success: [
                            "200": response(
                                "The credential is the one issued here; nothing changed.", schema: "ob_v3p0_achievementcredential_schema.json")
                        ]),
                ],
                "/profile": [
                    "get": operation(
                        "getProfile", "The institution's issuer profile.", scope: .profileReadonly, parameters: [],
                        success: ["200": response("The profile.", schema: "ob_v3p0_profile_schema.json")]),
                    "put": [
                        "tags": ["OpenBadgeCredentials"], "operationId": "putProfile",
                        "summary": .string(
                            "Not allowed: the node's administrator keeps the institution's profile, "
                                + "which its credentials and the trust registry name."),
                        "security": [[schemeName: []]],
                        "responses": ["405": response("Not allowed.", schema: "ob_v3p0_imsx_statusinfo_schema.json")],
                    ],
                ],
                "/discovery": [
                    "get": [
                        "tags": ["Discovery"], "operationId": "getServiceDescription", "summary": "This document.",
                        "responses": ["200": ["description": "The Service Description Document."]],
                    ]
                ],
            ],
            "components": ["securitySchemes": [schemeName: .object(scheme)]],
        ]
    }

    static func operation(_ id: String, _ summary: String, scope: OpenBadgesScope, parameters: [JSONValue], success: JSONObject) -> JSONValue {
        var responses = success
        for status in ["400", "401", "403", "500"] {
            responses[status] = response("An error, explained in the Imsx_StatusInfo.", schema: "ob_v3p0_imsx_statusinfo_schema.json")
        }
        var object: JSONObject = [
            "tags": ["OpenBadgeCredentials"], "operationId": .string(id), "summary": .string(summary),
            "security": [[schemeName: [.string(scope.rawValue)]]],
            "responses": .object(responses),
        ]
        if !parameters.isEmpty { object["parameters"] = .array(parameters) }
        return .object(object)
    }

    static func parameter(_ name: String, _ description: String, _ schema: JSONValue) -> JSONValue {
        ["name": .string(name), "in": "query", "required": false, "description": .string(description), "schema": schema]
    }

    static func response(_ description: String, schema file: String) -> JSONValue {
        ["description": .string(description), "content": ["application/json": ["schema": ["$ref": .string(schemaBase + file)]]]]
    }
}
