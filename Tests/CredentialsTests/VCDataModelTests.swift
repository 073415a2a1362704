import Foundation
import LinkedData
import Testing

@testable import Credentials

/// Typical ways a credential or presentation breaks the data model, each reported with its rule.
@Suite struct VCDataModelTests {
    static let subject = "did:example:ebfeb1f712ebc6f1c276e12ec21"

    /// A small VC 2.0 credential that conforms.
    func credential(_ edit: (inout JSONObject) -> Void = { _ in }) -> JSONObject {
        var credential: JSONObject = [
            "@context": ["https://www.w3.org/ns/credentials/v2"],
            "id": "urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33",
            "type": ["VerifiableCredential"],
            "issuer": ["id": "did:example:issuer", "name": ["@value": "Universidad de Ejemplo", "@language": "es"]],
            "validFrom": "2025-01-01T00:00:00Z",
            "credentialSubject": ["id": .string(Self.subject), "name": "María José Núñez"],
        ]
        edit(&credential)
        return credential
    }

    func rules(_ violations: [DataModelViolation]) -> [String] { violations.map(\.rule) }

    @Test func aConformingCredentialHasNoViolations() {
        #expect(VCDataModel.violations(of: credential()).isEmpty)
        #expect(VCDataModel.conforms(credential()))
        #expect(VCDataModel.version(of: credential()) == .v2)
    }

    @Test func realOpenBadgesCredentialsConform() throws {
        for file in [
            "openbadges/test-vectors/ob-eddsa-rdfc-2022/signed.json", "openbadges/test-vectors/clr-eddsa-rdfc-2022/signed.json",
            "openbadges/1edtech-validator/simple.json",
        ] {
            let document = try #require(try Fixtures.json(file).objectValue)
            #expect(VCDataModel.violations(of: document).isEmpty, "\(file)")
        }
    }

    @Test func theBaseContextMustComeFirst() {
        let violations = VCDataModel.violations(of: credential {
            $0["@context"] = ["https://www.w3.org/ns/credentials/examples/v2", "https://www.w3.org/ns/credentials/v2"]
        })
        #expect(rules(violations) == ["context-first"])
        #expect(violations[0].path == "@context")
        #expect(violations[0].message.text(.es) == "El primer elemento de @context debe ser https://www.w3.org/ns/credentials/v2.")
    }

    @Test func aContextThatRedefinesAProtectedTermIsRefused() {
        let violations = VCDataModel.violations(of: credential {
            $0["@context"] = ["https://www.w3.org/ns/credentials/v2", ["VerifiableCredential": "https://example.org/#Bad"]]
        })
        #expect(rules(violations) == ["context-redefinition"])
        #expect(violations.first?.message.text(.en) == "A context redefines the protected term VerifiableCredential.")
    }

    @Test func aTypeTheContextsDoNotDefineIsRefused() {
        let violations = VCDataModel.violations(of: credential {
            $0["@context"] = ["https://www.w3.org/ns/credentials/v2", ["@vocab": .null]]
            $0["type"] = ["VerifiableCredential", "ExampleTestCredential"]
        })
        #expect(rules(violations) == ["term-undefined"])
        // Without a loader the JSON-LD rules are left out.
        #expect(VCDataModel.violations(of: credential { $0["@context"] = ["https://www.w3.org/ns/credentials/v2", ["@vocab": .null]] }, loader: nil).isEmpty)
    }

    @Test func identifiersAndIssuerMustBeURLs() {
        let violations = VCDataModel.violations(of: credential {
            $0["id"] = ["https://example.org/1", "https://example.org/2"]
            $0["issuer"] = "fake-issuer"
            $0["credentialSubject"] = [["id": "did:example:one"], ["id": "not a url"]]
        })
        #expect(rules(violations) == ["id-url", "issuer-url", "id-url"])
        #expect(violations.map(\.path) == ["id", "issuer", "credentialSubject[1].id"])
        #expect(violations[2].message.text(.pt) == "credentialSubject[1].id deve ser uma única URL.")
    }

    @Test func requiredMembersAreNamed() {
        let violations = VCDataModel.violations(of: credential {
            $0["type"] = ["OpenBadgeCredential"]
            $0["issuer"] = nil
            $0["credentialSubject"] = [["id": "did:example:one"], [:]]
        })
        #expect(rules(violations) == ["type-required", "issuer-missing", "subject-empty"])
        #expect(violations[2].path == "credentialSubject[1]")
        #expect(violations[0].message.text(.es) == "type debe incluir VerifiableCredential.")
    }

    @Test func validityDatesNeedATimezoneAndAnOrder() {
        let noTimezone = VCDataModel.violations(of: credential { $0["validFrom"] = "2025-01-01T00:00:00" })
        #expect(rules(noTimezone) == ["validFrom-datetime"])
        let reversed = VCDataModel.violations(of: credential {
            $0["validFrom"] = "2026-01-01T00:00:00Z"
            $0["validUntil"] = "2025-12-31T21:00:00-02:00"
        })
        #expect(rules(reversed) == ["validity-order"])
        let sameInstant = VCDataModel.violations(of: credential {
            $0["validFrom"] = "2026-01-01T00:00:00Z"
            $0["validUntil"] = "2025-12-31T22:00:00-02:00"
        })
        #expect(sameInstant.isEmpty)
    }

    @Test func namesAreStringsOrLanguageValueObjects() {
        let violations = VCDataModel.violations(of: credential {
            $0["name"] = [["@value": "Perro", "@language": "es"], ["@value": "Dog", "@language": "en", "url": "x"]]
            $0["description"] = ["@value": "Cão", "@direction": "up"]
        })
        #expect(rules(violations) == ["name-value", "description-value"])
        #expect(violations.map(\.path) == ["name[1]", "description"])
    }

    @Test func objectsThatMustHaveATypeAndSchemasAnID() {
        let violations = VCDataModel.violations(of: credential {
            $0["credentialStatus"] = ["id": "https://example.org/status/1"]
            $0["credentialSchema"] = ["type": "JsonSchema"]
            $0["evidence"] = [["type": "Evidence"], [:]]
            $0["termsOfUse"] = "https://example.org/terms"
            $0["renderMethod"] = ["id": "https://example.org/render.svg"]
        })
        #expect(rules(violations) == [
            "credentialStatus-type", "renderMethod-type", "credentialSchema-id", "evidence-type", "termsOfUse-type",
        ])
        #expect(violations.first { $0.rule == "evidence-type" }?.path == "evidence[1]")
        #expect(violations.first { $0.rule == "credentialSchema-id" }?.path == "credentialSchema.id")
    }

    @Test func relatedResourcesNeedUniqueIDsAndDigests() {
        let sri = "sha384-DRTfp67yeUTqqBKosZ1m9Vc6zONNX1k0gU9Ala7hvUAX4CFJJR8ILU5oD+Yhv5ax"
        let good = credential {
            $0["relatedResource"] = [
                ["id": "https://example.org/logo.png", "digestSRI": .string(sri)],
                ["id": "https://example.org/context.json", "digestMultibase": "zQmZVLsZb58HGiiVcRB8JB9yca5f6Aad5doRmCmabiWLaC7"],
                ["id": "https://example.org/other.json", "digestMultibase": "uEiClqp16h3jwYHJzHTVrr2egcubKD701-S20fc4RGGq_kA"],
            ]
        }
        #expect(VCDataModel.violations(of: good, loader: nil).isEmpty)
        let bad = credential {
            $0["relatedResource"] = [
                ["id": "https://example.org/logo.png", "digestSRI": "sha384-tooshort"],
                ["id": "https://example.org/logo.png", "digestMultibase": "zQmZVLsZb58HGiiVcRB8JB9yca5f6Aad5doRmCmab"],
                ["mediaType": "image/png"],
            ]
        }
        #expect(rules(VCDataModel.violations(of: bad)) == [
            "relatedResource-digestSRI", "relatedResource-duplicate", "relatedResource-digestMultibase",
            "relatedResource-id", "relatedResource-digest",
        ])
    }

    // MARK: - Presentations

    func presentation(_ edit: (inout JSONObject) -> Void = { _ in }) -> JSONObject {
        var signed = credential()
        signed["proof"] = VCDMHarness.proof(purpose: "assertionMethod")
        var presentation: JSONObject = [
            "@context": ["https://www.w3.org/ns/credentials/v2"],
            "type": ["VerifiablePresentation"],
            "holder": .string(Self.subject),
            "verifiableCredential": [.object(signed)],
        ]
        edit(&presentation)
        return presentation
    }

    @Test func aConformingPresentationHasNoViolations() {
        #expect(VCDataModel.violations(ofPresentation: presentation()).isEmpty)
    }

    @Test func embeddedCredentialsAreObjectsCheckedAsCredentials() {
        let violations = VCDataModel.violations(ofPresentation: presentation {
            $0["holder"] = ["name": "Acme"]
            $0["verifiableCredential"] = ["eyJhbGciOiJFUzI1NiJ9.e30.c2ln", .object(credential { $0["type"] = [] })]
        })
        #expect(rules(violations) == ["holder-url", "verifiableCredential-value", "type-missing"])
        #expect(violations.map(\.path) == ["holder", "verifiableCredential[0]", "verifiableCredential[1].type"])
    }

    @Test func envelopedCredentialsCarryADataURL() {
        let enveloped: JSONValue = [
            "@context": "https://www.w3.org/ns/credentials/v2", "type": "EnvelopedVerifiableCredential",
            "id": "data:application/vc+jwt,eyJhbGciOiJFUzI1NiJ9.e30.c2ln",
        ]
        #expect(VCDataModel.violations(ofPresentation: presentation { $0["verifiableCredential"] = [enveloped] }).isEmpty)
        var notData = enveloped
        notData["id"] = "https://example.org/credentials/1"
        let violations = VCDataModel.violations(ofPresentation: presentation { $0["verifiableCredential"] = [notData] })
        #expect(rules(violations) == ["enveloped-id"])
        #expect(violations.first?.path == "verifiableCredential[0].id")
    }

    @Test func aSelfAssertedCredentialNeedsTheHolderAsIssuer() {
        // Secured only by the presentation's proof: the holder's own claims.
        let selfAsserted = credential {
            $0["issuer"] = .string(Self.subject)
            $0["credentialSubject"] = ["id": .string(Self.subject), "name": "Majo"]
        }
        #expect(VCDataModel.violations(ofPresentation: presentation { $0["verifiableCredential"] = [.object(selfAsserted)] }).isEmpty)
        let noHolder = VCDataModel.violations(ofPresentation: presentation {
            $0["holder"] = nil
            $0["verifiableCredential"] = [.object(selfAsserted)]
        })
        #expect(rules(noHolder) == ["holder-required"])
        let otherIssuer = VCDataModel.violations(ofPresentation: presentation {
            $0["verifiableCredential"] = [.object(credential())]
        })
        #expect(rules(otherIssuer) == ["holder-issuer-mismatch"])
        #expect(otherIssuer.first?.path == "verifiableCredential[0].issuer")
    }

    // MARK: - VC 1.1

    /// An Open Badges 3.0 credential as early issuers wrote it, on the VC 1.1 data model.
    func v1Credential(_ edit: (inout JSONObject) -> Void = { _ in }) -> JSONObject {
        var credential: JSONObject = [
            "@context": ["https://www.w3.org/2018/credentials/v1", "https://purl.imsglobal.org/spec/ob/v3p0/context.json"],
            "id": "https://example.edu/credentials/1872",
            "type": ["VerifiableCredential", "OpenBadgeCredential"],
            "issuer": ["id": "https://example.edu/issuers/565049", "type": ["Profile"], "name": "Universidade de Exemplo"],
            "issuanceDate": "2023-01-01T19:23:24Z",
            "name": "Trabalho em equipe",
            "credentialSubject": [
                "id": .string(Self.subject), "type": ["AchievementSubject"],
                "achievement": [
                    "id": "https://example.edu/achievements/teamwork", "type": ["Achievement"], "name": "Trabalho em equipe",
                    "description": "Colaboração em grupo.", "criteria": ["narrative": "Indicação pelos colegas."],
                ],
            ],
        ]
        edit(&credential)
        return credential
    }

    @Test func vc11CredentialsGetTheirOwnSmallerRuleSet() {
        #expect(VCDataModel.version(of: v1Credential()) == .v1)
        #expect(VCDataModel.violations(of: v1Credential()).isEmpty)
        // 2.0 rules do not apply; a date without a timezone is read as UTC.
        #expect(VCDataModel.violations(of: v1Credential { $0["issuanceDate"] = "2010-01-01T19:23:24" }, loader: nil).isEmpty)
        let violations = VCDataModel.violations(of: v1Credential {
            $0["issuanceDate"] = nil
            $0["expirationDate"] = "next year"
            $0["credentialStatus"] = ["type": "1EdTechRevocationList"]
        })
        #expect(rules(violations) == ["issuanceDate-missing", "expirationDate-datetime", "credentialStatus-id"])
        #expect(violations[0].message.text(.es) == "Falta issuanceDate: una credencial VC 1.1 debe indicar cuándo se emitió.")
    }

    @Test func vc11PresentationsMayCarryJWTCredentials() {
        let presentation: JSONObject = [
            "@context": ["https://www.w3.org/2018/credentials/v1"],
            "type": ["VerifiablePresentation"],
            "verifiableCredential": ["eyJhbGciOiJFUzI1NiJ9.e30.c2ln", .object(v1Credential())],
        ]
        #expect(VCDataModel.violations(ofPresentation: presentation).isEmpty)
    }

    // MARK: - Syntax

    @Test func urlsAreAbsoluteAndWellFormed() {
        for url in [
            "did:example:123", "urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33", "https://example.org/a?b=c#d",
            "did:example:refresh/1", "http://[::1]:8080/", "data:application/vc+cose;base64,0oRY\nVqQB",
            "HTTPS://Example.org/", "hTtP://e.example", "https\t://wrapped.example/", "xhttps:no-authority-needed",
        ] {
            #expect(DataModelSyntax.isURL(url), "\(url)")
        }
        for text in ["fake-issuer", "https ://not-a-url/x", "z6MkpJySvETLnxhQG9DzEdmKJtysBDjuuTeDfUj1uNNCUqcj", "https://", "did:a b", "urn:x%zz", "",
            "HTTPS:no-authority", "Ftp:/x", "wss:", "https:\n//@/",
        ] {
            #expect(!DataModelSyntax.isURL(text), "\(text)")
        }
        #expect(DataModelSyntax.isDataURL("data:application/vc+jwt,eyJ"))
        #expect(!DataModelSyntax.isDataURL("https://example.org/vc.jwt"))
        #expect(DataModelSyntax.isLanguageTag("pt-BR") && DataModelSyntax.isLanguageTag("es-419"))
        #expect(!DataModelSyntax.isLanguageTag("portuguese-Brazil") && !DataModelSyntax.isLanguageTag("en_US"))
    }

    // MARK: - Messages

    @Test(arguments: DataModelRule.allCases)
    func everyRuleReadsInEachLanguage(_ rule: DataModelRule) {
        let violation = DataModelViolation(rule, at: "credentialSubject[0].id", ["uno", "dos"])
        for language in Language.allCases {
            let text = violation.message.text(language)
            #expect(!text.hasPrefix("dataModel."), "\(rule) has no \(language) text")
            #expect(!text.contains("{"), "\(rule) leaves a placeholder in \(language): \(text)")
        }
        #expect(MessageCatalog.dataModel[rule.messageKey]?.count == 3, "\(rule.messageKey)")
    }
}
