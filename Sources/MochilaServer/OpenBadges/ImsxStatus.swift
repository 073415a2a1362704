import Foundation
import Hummingbird
import LinkedData

/// An answer of the Open Badges API that is not a success: an HTTP status with an
/// `Imsx_StatusInfo` body (OB 3.0, section 6.2, every operation's error responses; the class in
/// the data model and `ob_v3p0_imsx_statusinfo_schema.json`).
struct ImsxStatus: HTTPResponseError, Sendable {
    /// `Imsx_CodeMajor`.
    enum CodeMajor: String, Sendable { case failure, processing, success, unsupported }
    /// `Imsx_Severity`.
    enum Severity: String, Sendable { case error, status, warning }
    /// `Imsx_CodeMinorFieldValue`, the enumeration's words verbatim.
    enum CodeMinor: String, Sendable {
        case forbidden, fullsuccess, unknown
        case internalServerError = "internal_server_error"
        case invalidData = "invalid_data"
        case invalidQueryParameter = "invalid_query_parameter"
        case misdirectedRequest = "misdirected_request"
        case notAcceptable = "not_acceptable"
        case notAllowed = "not_allowed"
        case notFound = "not_found"
        case notModified = "not_modified"
        case serverBusy = "server_busy"
        case unauthorizedRequest = "unauthorizedrequest"
    }

    var status: HTTPResponse.Status
    var codeMajor: CodeMajor = .failure
    var severity: Severity = .error
    var codeMinor: CodeMinor
    var description: String
    /// Headers to add, e.g. `WWW-Authenticate` or `Allow`.
    var headers: HTTPFields = [:]

    /// The system that reports the code minor (`imsx_codeMinorFieldName`).
    static let reporter = "Mochila"

    /// The `Imsx_StatusInfo` body.
    var json: JSONValue {
        [
            "imsx_codeMajor": .string(codeMajor.rawValue),
            "imsx_severity": .string(severity.rawValue),
            "imsx_description": .string(description),
            "imsx_codeMinor": [
                "imsx_codeMinorField": [
                    ["imsx_codeMinorFieldName": .string(ImsxStatus.reporter), "imsx_codeMinorFieldValue": .string(codeMinor.rawValue)]
                ]
            ],
        ]
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = JSONResponse.make(json, status: status)
        response.headers.append(contentsOf: headers)
        response.headers[.cacheControl] = "no-store"
        return response
    }

    // MARK: The answers the API gives

    /// 401 for a request without an access token (RFC 6750, section 3.1: no error code then).
    static let missingToken = ImsxStatus(
        status: .unauthorized, codeMinor: .unauthorizedRequest,
        description: "this request needs an OAuth 2.0 access token (Authorization: Bearer …) from the token endpoint",
        headers: [.wwwAuthenticate: #"Bearer realm="Mochila""#])

    /// 401 for an access token that is unknown, expired, or whose client is gone (RFC 6750, section 3.1).
    static let invalidToken = ImsxStatus(
        status: .unauthorized, codeMinor: .unauthorizedRequest,
        description: "the access token is not valid: unknown or expired; ask the token endpoint for a new one",
        headers: [.wwwAuthenticate: #"Bearer realm="Mochila", error="invalid_token", error_description="the access token is unknown or expired""#])

    /// 403 for a valid token without the scope the operation needs (RFC 6750, section 3.1).
    static func insufficientScope(_ scope: OpenBadgesScope) -> ImsxStatus {
        ImsxStatus(
            status: .forbidden, codeMinor: .forbidden,
            description: "the access token does not carry the scope \(scope.rawValue)",
            headers: [.wwwAuthenticate: #"Bearer realm="Mochila", error="insufficient_scope", scope="\#(scope.rawValue)""#])
    }

    /// 400 for a query parameter that is not valid.
    static func invalidQuery(_ parameter: String, _ message: String) -> ImsxStatus {
        ImsxStatus(status: .badRequest, codeMinor: .invalidQueryParameter, description: "\(parameter) \(message)")
    }

    /// 400 for a body that is not valid.
    static func invalidData(_ message: String) -> ImsxStatus {
        ImsxStatus(status: .badRequest, codeMinor: .invalidData, description: message)
    }

    /// 500, with nothing of the cause (which goes to the log).
    static let internalError = ImsxStatus(
        status: .internalServerError, codeMinor: .internalServerError, description: "the node could not answer; the error is logged")
}

extension ImsxStatus {
    /// The API's own errors (``APIError``, after ``APIError/translate(_:)``) in Imsx form.
    init(_ error: APIError) {
        let minor: CodeMinor
        switch error.status {
        case .unauthorized: minor = .unauthorizedRequest
        case .forbidden: minor = .forbidden
        case .notFound: minor = .notFound
        case .methodNotAllowed: minor = .notAllowed
        case .notAcceptable: minor = .notAcceptable
        case .internalServerError: minor = .internalServerError
        default: minor = error.status.code < 500 ? .invalidData : .unknown
        }
        self.init(status: error.status, codeMinor: minor, description: error.message)
    }
}
