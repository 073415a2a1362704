"""Writes the Europass fixtures of this folder with Python's `cryptography` (OpenSSL), so that
Mochila's verifier is checked against seals it did not make itself.

Run from this folder: `python3 make-fixtures.py`. Each run makes new keys and certificates, so
every file but edc-unsigned.jsonld changes.

The payload is an ELM 3 European Digital Credential shaped like the European Commission's samples
(european-commission-empl/European-Learning-Model, `Credentials/JSON-LD Examples (ELM v3)/`,
Sample-MC-Annex1-unsigned.jsonld): a micro-credential with one LearningAchievement, without images.
The seals have the form of the EC's Sample-MC-Annex1-signed.jsonld: a JAdES signature in the JWS
JSON general serialization (RFC 7515 section 7.2.1) with an unencoded payload (RFC 7797, `b64`
false), the signing certificate chain in `x5c`, its SHA-256 thumbprint in `x5t#S256`, the signing
time in `sigT`, and an opaque `etsiU` unprotected header.
"""
import base64
import datetime
import hashlib
import json

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature
from cryptography.x509.oid import NameOID

NOT_BEFORE = datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)
NOT_AFTER = datetime.datetime(2034, 1, 1, tzinfo=datetime.timezone.utc)
SIGNING_TIME = "2024-03-15T10:00:00Z"


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def name(common_name):
    return x509.Name([
        x509.NameAttribute(NameOID.COUNTRY_NAME, "CL"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Universidad Técnica de Valparaíso Test"),
        x509.NameAttribute(NameOID.COMMON_NAME, common_name),
    ])


def certificate(subject, issuer, public_key, signing_key, ca):
    builder = (x509.CertificateBuilder()
               .subject_name(subject).issuer_name(issuer).public_key(public_key)
               .serial_number(x509.random_serial_number())
               .not_valid_before(NOT_BEFORE).not_valid_after(NOT_AFTER)
               .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True))
    if ca:
        usage = dict(key_cert_sign=True, crl_sign=True, digital_signature=False, content_commitment=False)
    else:
        usage = dict(key_cert_sign=False, crl_sign=False, digital_signature=True, content_commitment=True)
    builder = builder.add_extension(
        x509.KeyUsage(key_encipherment=False, data_encipherment=False, key_agreement=False,
                      encipher_only=False, decipher_only=False, **usage), critical=True)
    return builder.sign(signing_key, hashes.SHA256())


def der(cert):
    return cert.public_bytes(serialization.Encoding.DER)


def edc():
    """An ELM 3 micro-credential, members in the order of the EC's samples."""
    country = {"id": "http://publications.europa.eu/resource/authority/country/CHL", "type": "Concept",
               "inScheme": {"id": "http://publications.europa.eu/resource/authority/country", "type": "ConceptScheme"},
               "notation": "country", "prefLabel": {"en": "Chile", "es": "Chile"}}
    issuer = {
        "id": "urn:epass:org:1", "type": "Organisation",
        "location": {"id": "urn:epass:location:1", "type": "Location",
                     "address": {"id": "urn:epass:address:1", "type": "Address", "countryCode": country,
                                 "fullAddress": {"id": "urn:epass:note:1", "type": "Note",
                                                 "noteLiteral": {"es": "Avenida España 1680, Valparaíso"}}}},
        "altLabel": {"es": "UTV"},
        "legalName": {"es": "Universidad Técnica de Valparaíso Test", "en": "Valparaíso Technical University Test"},
        "homepage": {"id": "urn:epass:webResource:1", "type": "WebResource", "contentURL": "https://utv.example.cl"},
    }
    return {
        "id": "urn:credential:6f1c2a4e-8b3d-4e5f-9a7b-1c2d3e4f5a6b",
        "type": ["VerifiableCredential", "EuropeanDigitalCredential"],
        "credentialProfiles": {"id": "http://data.europa.eu/snb/credential/e34929035b", "type": "Concept",
                               "inScheme": {"id": "http://data.europa.eu/snb/credential/25831c2", "type": "ConceptScheme"},
                               "prefLabel": {"en": "Generic"}},
        "displayParameter": {"id": "urn:epass:displayParameter:1", "type": "DisplayParameter",
                             "language": {"id": "http://publications.europa.eu/resource/authority/language/SPA",
                                          "type": "Concept", "prefLabel": {"es": "español"}},
                             "title": {"es": "Microcredencial en soldadura por arco eléctrico"}},
        "credentialSubject": {
            "id": "urn:epass:person:1", "type": "Person",
            "hasClaim": [{
                "id": "urn:epass:learningAchievement:1", "type": "LearningAchievement",
                "awardedBy": {"id": "urn:epass:awardingProcess:1", "type": "AwardingProcess",
                              "awardingBody": issuer, "awardingDate": "2024-03-14T00:00:00Z"},
                "specifiedBy": {"id": "urn:epass:learningAchievementSpec:1", "type": "LearningAchievementSpecification",
                                "title": {"es": "Soldadura por arco eléctrico"},
                                "volumeOfLearning": "PT40H",
                                "eqfLevel": {"id": "http://data.europa.eu/snb/eqf/4", "type": "Concept",
                                             "inScheme": {"id": "http://data.europa.eu/snb/eqf/25831c2", "type": "ConceptScheme"},
                                             "prefLabel": {"en": "Level 4"}}},
                "title": {"es": "Soldadura por arco eléctrico"},
            }],
            "familyName": {"es": "González Rojas"},
            "fullName": {"es": "María José González Rojas"},
            "givenName": {"es": "María José"},
        },
        "issuer": issuer,
        "issuanceDate": "2024-03-15T00:00:00Z",
        "issued": "2024-03-15T00:00:00Z",
        "validFrom": "2024-03-15T00:00:00Z",
        "validUntil": "2029-12-31T23:59:59Z",
        "@context": ["https://www.w3.org/2018/credentials/v1", "http://data.europa.eu/snb/model/context/edc-ap"],
    }


def seal(payload, alg, key, chain, crit=("b64", "sigT"), extra=None, thumbprint=None, sig_time=SIGNING_TIME):
    """The JAdES seal: JWS JSON general serialization, unencoded payload (b64 false)."""
    protected = {"alg": alg, "cty": "octet-stream", "typ": "jose+json",
                 "x5t#S256": thumbprint or b64url(hashlib.sha256(der(chain[0])).digest()),
                 "x5c": [base64.b64encode(der(cert)).decode() for cert in chain],
                 "b64": False, "sigT": sig_time, "crit": list(crit)}
    protected.update(extra or {})
    encoded = b64url(json.dumps(protected, separators=(",", ":")).encode())
    signing_input = (encoded + "." + payload).encode()
    if alg == "RS256":
        signature = key.sign(signing_input, padding.PKCS1v15(), hashes.SHA256())
    elif alg == "RS512":
        signature = key.sign(signing_input, padding.PKCS1v15(), hashes.SHA512())
    elif alg == "PS256":
        # RFC 7518 3.5: MGF1 with SHA-256, a salt as long as the hash.
        signature = key.sign(signing_input, padding.PSS(padding.MGF1(hashes.SHA256()), 32), hashes.SHA256())
    else:
        r, s = decode_dss_signature(key.sign(signing_input, ec.ECDSA(hashes.SHA256())))
        signature = r.to_bytes(32, "big") + s.to_bytes(32, "big")
    etsi_u = b64url(json.dumps({"rVals": {"note": "opaque test value"}}).encode())
    return {"payload": payload,
            "signatures": [{"protected": encoded, "header": {"etsiU": [etsi_u]}, "signature": b64url(signature)}]}


def write(file_name, value):
    with open(file_name, "w") as f:
        json.dump(value, f, indent=2, ensure_ascii=False)
        f.write("\n")


ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
ca = certificate(name("UTV TEST ROOT CA"), name("UTV TEST ROOT CA"), ca_key.public_key(), ca_key, True)
seal_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
leaf = certificate(name("UTV TEST SEAL"), ca.subject, seal_key.public_key(), ca_key, False)
ec_key = ec.generate_private_key(ec.SECP256R1())
ec_leaf = certificate(name("UTV TEST SEAL"), ca.subject, ec_key.public_key(), ca_key, False)

payload = json.dumps(edc(), ensure_ascii=False, separators=(",", ":"))
write("edc-unsigned.jsonld", edc())
write("edc-signed.json", seal(payload, "RS256", seal_key, [leaf, ca]))
write("edc-es256.json", seal(payload, "ES256", ec_key, [ec_leaf, ca]))
write("edc-ps256.json", seal(payload, "PS256", seal_key, [leaf, ca]))
write("edc-rs512.json", seal(payload, "RS512", seal_key, [leaf, ca]))

tampered = seal(payload, "RS256", seal_key, [leaf, ca])
changed = payload.replace("arco eléctrico\"}", "arco eléctrica\"}", 1)
assert changed != payload and len(changed) == len(payload)
tampered["payload"] = changed
write("edc-tampered.json", tampered)

# Valid signatures whose headers must still be refused.
write("edc-crit-unknown.json",
      seal(payload, "RS256", seal_key, [leaf, ca], crit=("b64", "sigT", "exampleExt"), extra={"exampleExt": True}))
write("edc-x5t-mismatch.json",
      seal(payload, "RS256", seal_key, [leaf, ca], thumbprint=b64url(hashlib.sha256(der(ca)).digest())))
write("edc-sigt-outside.json", seal(payload, "RS256", seal_key, [leaf, ca], sig_time="2035-06-01T00:00:00Z"))
