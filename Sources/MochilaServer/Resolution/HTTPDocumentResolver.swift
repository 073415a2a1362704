import AsyncHTTPClient
import Credentials
import Foundation
import LinkedData
import Logging
import NIOCore
import Synchronization

/// Fetches the documents verification needs over HTTPS: `did:web` documents, controller
/// documents and status lists. This is the only place a node reaches the network for them.
///
/// Guarded because the URLs come from credentials anyone can submit: HTTPS only, no loopback,
/// private or link-local addresses (checked by name and after DNS resolution), redirects
/// followed by hand under the same rules, bounded sizes and time, and a short-lived cache. The
/// connection goes to the address that was checked, not to a second resolution of the name: a
/// name that answers a public address to the check and a local one to the connection (DNS
/// rebinding) reaches nothing it should not.
public final class HTTPDocumentResolver: DocumentResolver {
    public struct Policy: Sendable {
        public var maxBytes = 2 << 20
        public var timeout: TimeAmount = .seconds(10)
        public var maxRedirects = 3
        public var cacheTTL: TimeInterval = 300
        public var maxCacheEntries = 512
        /// Allow plain HTTP and local addresses (tests against a local server only).
        public var allowLocal = false
        /// Allow plain HTTP to this machine's loopback address: the command line verifying what a
        /// node on the same machine issued, or nodes started side by side (`serve --allow-loopback`).
        /// Never for a public server, which fetches what strangers send.
        public var allowLoopback = false
        /// How host names are resolved for the address check (tests stand in for DNS here).
        public var resolve: @Sendable (String) async -> [String] = { await NetworkAddress.resolve($0) }

        public init() {}
    }

    let client: HTTPClient
    let policy: Policy
    let logger: Logger
    let cache = Mutex<[String: (value: JSONValue?, expires: Date)]>([:])

    public init(policy: Policy = Policy(), logger: Logger = Logger(label: "mochila.resolver")) {
        self.policy = policy
        self.logger = logger
        self.client = HTTPClient(
            eventLoopGroupProvider: .singleton,
            configuration: HTTPClient.Configuration(redirectConfiguration: .disallow))
    }

    deinit {
        // Not syncShutdown: the last reference may go on an event loop or a concurrency thread,
        // which must never block. The client keeps itself alive until its connections are closed.
        _ = client.shutdown()
    }

    public func document(at url: String) async throws -> JSONValue? {
        guard url.hasPrefix("https://") || (url.hasPrefix("http://") && (policy.allowLocal || (policy.allowLoopback && isLoopback(url))))
        else { return nil }
        let now = Date()
        if let cached = cache.withLock({ $0[url] }), cached.expires > now { return cached.value }
        let value = try await fetch(url)
        cache.withLock { entries in
            if entries.count >= policy.maxCacheEntries { entries.removeAll() }
            entries[url] = (value, now.addingTimeInterval(policy.cacheTTL))
        }
        return value
    }

    func fetch(_ original: String) async throws -> JSONValue? {
        var url = original
        for _ in 0...policy.maxRedirects {
            let pinned = try await checkDestination(url)
            var request = HTTPClientRequest(url: url)
            request.headers.add(name: "Accept", value: "application/did+json, application/vc, application/vc+jwt, application/json;q=0.9, */*;q=0.1")
            request.headers.add(name: "User-Agent", value: "Mochila verifier")
            // A client of its own that connects to the checked address (TLS still verifies the
            // name), shut down once the answer is read.
            var client = self.client
            if let pinned {
                var configuration = HTTPClient.Configuration(redirectConfiguration: .disallow)
                configuration.dnsOverride = [pinned.host: pinned.address]
                client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
            }
            defer { if pinned != nil { let client = client; Task { try? await client.shutdown() } } }
            let response: HTTPClientResponse
            do {
                response = try await client.execute(request, timeout: policy.timeout, logger: logger)
            } catch {
                throw CredentialsError(.retrieval, "\(original) could not be fetched: \(error)")
            }
            switch response.status.code {
            case 200:
                let body: ByteBuffer
                do {
                    body = try await response.body.collect(upTo: policy.maxBytes)
                } catch {
                    throw CredentialsError(.retrieval, "\(original) is larger than \(policy.maxBytes) bytes")
                }
                let bytes = Array(body.readableBytesView)
                let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                if CredentialVerifier.looksLikeJWT(Array(text.utf8)) { return .string(text) }
                do {
                    return try JSONValue(parsing: bytes, limits: JSONLimits(maxBytes: policy.maxBytes))
                } catch {
                    throw CredentialsError(.retrieval, "\(original) is not JSON: \(error)")
                }
            case 301, 302, 303, 307, 308:
                guard let location = response.headers.first(name: "Location"),
                    let next = URL(string: location, relativeTo: URL(string: url))?.absoluteString
                else {
                    throw CredentialsError(.retrieval, "\(original) redirects without a usable Location")
                }
                url = next
            case 404, 410:
                return nil
            default:
                throw CredentialsError(.retrieval, "\(original) answered HTTP \(response.status.code)")
            }
        }
        throw CredentialsError(.retrieval, "\(original) redirects more than \(policy.maxRedirects) times")
    }

    /// Refuses URLs that are not HTTPS or that point into the node's own network.
    /// - Returns: the host name and the checked address to connect to, for a name (nil for an
    ///   address, or where local destinations are allowed).
    func checkDestination(_ url: String) async throws -> (host: String, address: String)? {
        guard let components = URLComponents(string: url), let host = components.host?.lowercased(), !host.isEmpty else {
            throw CredentialsError(.retrieval, "\(url) is not a valid URL")
        }
        if policy.allowLocal || (policy.allowLoopback && isLoopback(url)) { return nil }
        guard components.scheme == "https" else { throw CredentialsError(.retrieval, "\(url) is not HTTPS") }
        guard components.user == nil, components.password == nil else {
            throw CredentialsError(.retrieval, "\(url) carries credentials")
        }
        if host == "localhost" || host.hasSuffix(".localhost") || host.hasSuffix(".local") || host.hasSuffix(".internal") {
            throw CredentialsError(.retrieval, "\(url) points at a local host")
        }
        let literal = NetworkAddress.isLiteral(host)
        let addresses = literal ? [host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))] : await policy.resolve(host)
        if addresses.isEmpty { throw CredentialsError(.retrieval, "\(host) does not resolve") }
        if let address = addresses.first(where: NetworkAddress.isPrivate) {
            throw CredentialsError(.retrieval, "\(url) resolves to a private or local address (\(address))")
        }
        return literal ? nil : (host, addresses.first { !$0.contains(":") } ?? addresses[0])
    }
}

/// Whether a URL names this machine's loopback interface.
func isLoopback(_ url: String) -> Bool {
    guard let host = URLComponents(string: url)?.host?.lowercased() else { return false }
    return host == "localhost" || host == "127.0.0.1" || host == "::1" || host == "[::1]"
}

/// Address checks for the resolver's guard.
enum NetworkAddress {
    static func isLiteral(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, bare, &v4) == 1 || inet_pton(AF_INET6, bare, &v6) == 1
    }

    /// The addresses a host name resolves to, as text.
    static func resolve(_ host: String) async -> [String] {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                var hints = addrinfo()
                hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
                var result: UnsafeMutablePointer<addrinfo>? = nil
                guard getaddrinfo(host, nil, &hints, &result) == 0, let first = result else {
                    continuation.resume(returning: [])
                    return
                }
                defer { freeaddrinfo(first) }
                var addresses: [String] = []
                var cursor: UnsafeMutablePointer<addrinfo>? = first
                while let entry = cursor {
                    var buffer = [CChar](repeating: 0, count: Int(NI_MAXHOST))
                    if getnameinfo(entry.pointee.ai_addr, entry.pointee.ai_addrlen, &buffer, socklen_t(buffer.count), nil, 0, NI_NUMERICHOST) == 0 {
                        addresses.append(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
                    }
                    cursor = entry.pointee.ai_next
                }
                continuation.resume(returning: addresses)
            }
        }
    }

    /// Whether an address is loopback, private, link-local, unspecified or otherwise not public.
    static func isPrivate(_ address: String) -> Bool {
        var v4 = in_addr()
        if inet_pton(AF_INET, address, &v4) == 1 {
            let value = UInt32(bigEndian: v4.s_addr)
            let a = value >> 24
            let b = (value >> 16) & 0xFF
            return a == 0 || a == 10 || a == 127 || (a == 169 && b == 254) || (a == 172 && (16...31).contains(b))
                || (a == 192 && b == 168) || (a == 100 && (64...127).contains(b)) || a >= 224
        }
        var v6 = in6_addr()
        let bare = address.split(separator: "%").first.map(String.init) ?? address
        if inet_pton(AF_INET6, bare, &v6) == 1 {
            let bytes = withUnsafeBytes(of: v6) { Array($0) }
            if bytes.allSatisfy({ $0 == 0 }) || bytes == [UInt8](repeating: 0, count: 15) + [1] { return true }
            if bytes[0] & 0xFE == 0xFC { return true }  // fc00::/7 unique local
            if bytes[0] == 0xFE && bytes[1] & 0xC0 == 0x80 { return true }  // fe80::/10 link-local
            if bytes[0] == 0xFF { return true }  // multicast
            if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xFF && bytes[11] == 0xFF {
                return isPrivate("\(bytes[12]).\(bytes[13]).\(bytes[14]).\(bytes[15])")  // IPv4-mapped
            }
            return false
        }
        return true
    }
}
