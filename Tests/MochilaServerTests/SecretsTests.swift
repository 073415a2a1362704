import Foundation
import MochilaCore
import Testing

@testable import MochilaServer

@Suite struct SecretsTests {
    func withFolder(_ body: (URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mochila-secrets-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder)
    }

    func mode(_ url: URL) throws -> Int {
        try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as! Int
    }

    @Test func theMasterKeyFileIsCreatedOnceWithMode0600() throws {
        try withFolder { folder in
            let first = try Secrets.masterKey(environment: [:], dataDirectory: folder)
            #expect(first.count == 32)
            let file = folder.appendingPathComponent("master.key")
            #expect(try mode(file) == 0o600)
            #expect(try Secrets.masterKey(environment: [:], dataDirectory: folder) == first)

            let token = try Secrets.adminToken(environment: [:], dataDirectory: folder)
            #expect(token.hasPrefix("mch_"))
            #expect(try mode(folder.appendingPathComponent("admin-token")) == 0o600)
            #expect(try Secrets.adminToken(environment: [:], dataDirectory: folder) == token)
        }
    }

    @Test func theEnvironmentWinsAndIsChecked() throws {
        try withFolder { folder in
            let hex = String(repeating: "0f", count: 32)
            let key = try Secrets.masterKey(environment: ["MOCHILA_MASTER_KEY": hex], dataDirectory: folder)
            #expect(key == [UInt8](repeating: 0x0f, count: 32))
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("master.key").path))
            #expect(throws: ValidationError.self) {
                try Secrets.masterKey(environment: ["MOCHILA_MASTER_KEY": "too-short"], dataDirectory: folder)
            }
            #expect(try Secrets.adminToken(environment: ["MOCHILA_ADMIN_TOKEN": "s3cret"], dataDirectory: folder) == "s3cret")
        }
    }

    @Test func aKeyFileOthersCanReadIsRefused() throws {
        try withFolder { folder in
            let file = folder.appendingPathComponent("master.key")
            try Data((String(repeating: "ab", count: 32) + "\n").utf8).write(to: file)
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path)
            #expect(throws: ValidationError.self) { try Secrets.masterKey(environment: [:], dataDirectory: folder) }
        }
    }
}
