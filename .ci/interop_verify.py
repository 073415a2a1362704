#!/usr/bin/env python3
"""Verifies Data Integrity proofs with an implementation independent of Mochila.

JSON-LD and RDF canonicalization by pyld (the Python reference stack, URDNA2015 = RDFC-1.0),
Ed25519 and ECDSA P-256 by the `cryptography` package; only the JSON-LD contexts are Mochila's bundled copies
(the official bytes, see Sources/LinkedData/Resources/contexts/SOURCES.md).

    interop_verify.py [--expect-invalid] FILE...

Exit 0 when every file verifies (or, with --expect-invalid, when none does).
"""
import hashlib
import json
import os
import sys

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
from pyld import jsonld

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CONTEXTS = os.path.join(ROOT, "Sources", "LinkedData", "Resources", "contexts")
INDEX = json.load(open(os.path.join(CONTEXTS, "index.json")))
ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def loader(url, options=None):
    if url not in INDEX:
        raise jsonld.JsonLdError("not a bundled context", "jsonld.LoadDocumentError", {"url": url})
    with open(os.path.join(CONTEXTS, INDEX[url]), encoding="utf-8") as f:
        return {"contextUrl": None, "documentUrl": url, "document": json.load(f)}


def base58_decode(text):
    number = 0
    for character in text:
        number = number * 58 + ALPHABET.index(character)
    body = number.to_bytes((number.bit_length() + 7) // 8, "big") if number else b""
    return b"\0" * (len(text) - len(text.lstrip("1"))) + body


def public_key(method):
    """The key of a did:key verification method: Ed25519 (multicodec 0xed01) or P-256 (0x1200)."""
    if not method.startswith("did:key:z"):
        raise ValueError(f"only did:key methods are resolved here, not {method}")
    decoded = base58_decode(method.split("#")[0][len("did:key:z"):])
    if decoded[:2] == b"\xed\x01":
        return Ed25519PublicKey.from_public_bytes(decoded[2:])
    if decoded[:2] == b"\x80\x24":
        return ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), decoded[2:])
    raise ValueError("not an Ed25519 or P-256 did:key")


def check(key, signature, data):
    if isinstance(key, ec.EllipticCurvePublicKey):
        half = len(signature) // 2
        der = encode_dss_signature(int.from_bytes(signature[:half], "big"), int.from_bytes(signature[half:], "big"))
        key.verify(der, data, ec.ECDSA(hashes.SHA256()))
    else:
        key.verify(signature, data)


def canonize(document):
    return jsonld.normalize(
        document, {"algorithm": "URDNA2015", "format": "application/n-quads", "documentLoader": loader}
    ).encode("utf-8")


def jcs(document):
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def verify(credential):
    proofs = credential["proof"] if isinstance(credential["proof"], list) else [credential["proof"]]
    unsecured = {key: value for key, value in credential.items() if key != "proof"}
    for proof in proofs:
        options = {key: value for key, value in proof.items() if key != "proofValue"}
        suite = proof.get("cryptosuite")
        if suite in ("eddsa-rdfc-2022", "ecdsa-rdfc-2019"):
            options["@context"] = credential["@context"]
            data = hashlib.sha256(canonize(options)).digest() + hashlib.sha256(canonize(unsecured)).digest()
        elif suite in ("eddsa-jcs-2022", "ecdsa-jcs-2019"):
            document = dict(unsecured)
            if "@context" in options:
                document["@context"] = options["@context"]
            else:
                options["@context"] = credential["@context"]
            data = hashlib.sha256(jcs(options)).digest() + hashlib.sha256(jcs(document)).digest()
        else:
            raise ValueError(f"unsupported cryptosuite {suite}")
        signature = base58_decode(proof["proofValue"][1:])
        try:
            check(public_key(proof["verificationMethod"]), signature, data)
        except InvalidSignature:
            return False, f"{suite}: signature does not verify"
    return True, ", ".join(p.get("cryptosuite", "?") for p in proofs)


def main(arguments):
    expect_invalid = "--expect-invalid" in arguments
    files = [a for a in arguments if a != "--expect-invalid"]
    failures = 0
    for name in files:
        ok, detail = verify(json.load(open(name, encoding="utf-8")))
        print(f"interop (pyld + cryptography): {name}: {'verified' if ok else 'NOT verified'} ({detail})")
        if ok == expect_invalid:
            failures += 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
