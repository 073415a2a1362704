"""Writes the signed Open Badges 2.0 fixtures of this folder with Python's `cryptography` (OpenSSL).

Run from this folder: `python3 make-signed.py`. Each run makes new keys, so every file changes.
The documents follow 1EdTech openbadges-validator-core's JwsFullVerifyTests
(tests/test_signed_verification.py): the 2.0 basic assertion, badge class and issuer of
tests/testfiles/test_components.py, a CryptographicKey owned by the issuer and listed in its
`publicKey`, and a RevocationList; URLs are https here (upstream uses http://example.org/...).
"""
import base64
import json

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

CONTEXT = "https://w3id.org/openbadges/v2"
UPSTREAM = "../validator-core/"


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def write_json(name, value):
    with open(name, "w") as f:
        json.dump(value, f, indent=2)
        f.write("\n")


def pem(key):
    return key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode()


def sign(alg, key, payload):
    header = b64url(json.dumps({"alg": alg}).encode())
    body = b64url(json.dumps(payload).encode())
    signing_input = (header + "." + body).encode()
    if alg == "RS256":
        signature = key.sign(signing_input, padding.PKCS1v15(), hashes.SHA256())
    else:
        r, s = decode_dss_signature(key.sign(signing_input, ec.ECDSA(hashes.SHA256())))
        signature = r.to_bytes(32, "big") + s.to_bytes(32, "big")
    return header + "." + body + "." + b64url(signature)


rsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
ec_key = ec.generate_private_key(ec.SECP256R1())

issuer = json.load(open(UPSTREAM + "2_0_basic_issuer.json"))
issuer["publicKey"] = ["https://example.org/key1", "https://example.org/key2"]
issuer["revocationList"] = "https://example.org/revocationList"
write_json("issuer.json", issuer)

for name, key_id, key in [("key1.json", "https://example.org/key1", rsa_key),
                          ("key2.json", "https://example.org/key2", ec_key)]:
    write_json(name, {"@context": CONTEXT, "id": key_id, "type": "CryptographicKey",
                      "owner": issuer["id"], "publicKeyPem": pem(key)})

write_json("revocation-list.json", {
    "@context": CONTEXT, "id": "https://example.org/revocationList", "type": "RevocationList",
    "revokedAssertions": []})

assertion = json.load(open(UPSTREAM + "2_0_basic_assertion.json"))
assertion["verification"] = {"type": "signed", "creator": "https://example.org/key1"}
write_json("revocation-list-revoked.json", {
    "@context": CONTEXT, "id": "https://example.org/revocationList", "type": "RevocationList",
    "revokedAssertions": [
        {"id": assertion["id"], "revocationReason": "A good reason, for sure"},
        {"id": "urn:uuid:52e4c6b3-8c13-4fa8-8482-a5cf34ef37a9"},
        "urn:uuid:6deb4a00-ebce-4b28-8cc2-afa705ef7be4"]})

with open("assertion-rs256.jws", "w") as f:
    f.write(sign("RS256", rsa_key, assertion) + "\n")

# Evidence added after signing, as upstream's test_can_verify_jws builds an invalid signature.
token = sign("RS256", rsa_key, assertion).split(".")
tampered = dict(assertion, evidence="http://hahafakeinserteddata.com")
with open("assertion-rs256-tampered.jws", "w") as f:
    f.write(token[0] + "." + b64url(json.dumps(tampered).encode()) + "." + token[2] + "\n")

es_assertion = dict(assertion, verification={"type": "SignedBadge", "creator": "https://example.org/key2"})
with open("assertion-es256.jws", "w") as f:
    f.write(sign("ES256", ec_key, es_assertion) + "\n")
