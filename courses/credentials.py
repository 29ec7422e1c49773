"""A certificate as an Open Badges 3.0 credential (a W3C Verifiable Credential in JSON-LD),
signed with the organisation's Ed25519 key as a Data Integrity proof (cryptosuite
"eddsa-jcs-2022": JSON Canonicalization Scheme, SHA-256, Ed25519).

Keys come from settings.CREDENTIAL_KEYS, newest first: the first signs, all of them verify, so a
key is rotated by putting a new one in front and keeping the old ones (a credential names the
key that signed it in `proof.verificationMethod`). The public keys are published at one stable
URL (`courses:credential_keys`). Verification checks the signature and then asks the register
whether the certificate is revoked — live, so a revocation shows at once.
"""

import base64
import hashlib
import json
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from ops.addresses import public_url

from .certificate_pdf import document_text
from .models import Certificate

CONTEXT = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]
ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
ED25519_PUB_PREFIX = b"\xed\x01"  # multicodec "ed25519-pub"


def base58(data: bytes) -> str:
    number = int.from_bytes(data, "big")
    encoded = ""
    while number:
        number, rest = divmod(number, 58)
        encoded = ALPHABET[rest] + encoded
    return "1" * (len(data) - len(data.lstrip(b"\0"))) + encoded


def unbase58(text: str) -> bytes:
    number = 0
    for char in text:
        number = number * 58 + ALPHABET.index(char)
    body = number.to_bytes((number.bit_length() + 7) // 8, "big") if number else b""
    return b"\0" * (len(text) - len(text.lstrip("1"))) + body


def canonical(document: dict) -> bytes:
    """RFC 8785 (JCS) for what credentials hold: strings, integers, booleans, lists, objects."""
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


@dataclass(frozen=True)
class Key:
    id: str
    private: Ed25519PrivateKey

    @property
    def public_multibase(self) -> str:
        raw = self.private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        return "z" + base58(ED25519_PUB_PREFIX + raw)


def signing_keys() -> list[Key]:
    """settings.CREDENTIAL_KEYS: [{"id": ..., "seed": base64url of 32 bytes}], newest first."""
    return [
        Key(
            id=entry["id"],
            private=Ed25519PrivateKey.from_private_bytes(
                base64.urlsafe_b64decode(entry["seed"] + "=" * (-len(entry["seed"]) % 4))
            ),
        )
        for entry in settings.CREDENTIAL_KEYS
    ]


def keys_url(request) -> str:
    with translation.override("bg"):
        return public_url(reverse("courses:credential_keys"), request)


def _status_url(request, certificate: Certificate) -> str:
    with translation.override("bg"):
        return public_url(reverse("courses:credential_status", args=[certificate.code]), request)


def _hash_data(document: dict, proof_config: dict) -> bytes:
    return (
        hashlib.sha256(canonical(proof_config)).digest()
        + hashlib.sha256(canonical(document)).digest()
    )


def sign(document: dict, *, key: Key, verification_method: str) -> dict:
    proof = {
        "type": "DataIntegrityProof",
        "cryptosuite": "eddsa-jcs-2022",
        "created": timezone.now().replace(microsecond=0).isoformat().replace("+00:00", "Z"),
        "verificationMethod": verification_method,
        "proofPurpose": "assertionMethod",
        "@context": document["@context"],
    }
    signature = key.private.sign(_hash_data(document, proof))
    proof["proofValue"] = "z" + base58(signature)
    del proof["@context"]
    return {**document, "proof": proof}


def credential(certificate: Certificate, *, request, verify_url: str) -> dict:
    """The certificate as a signed OpenBadgeCredential (in English: names transliterated)."""
    with translation.override("en"):
        text = document_text(certificate, language="en")
    issuer = certificate.issuer or {}
    achievement = {
        "id": f"{verify_url}#achievement",
        "type": ["Achievement"],
        "achievementType": "Certificate",
        "name": text.course,
        "description": f"{certificate.hours} academic hours of teacher training"
        + (f", programme {certificate.uin}" if certificate.uin else ""),
        "criteria": {"narrative": "Every required lesson and quiz of the course completed."},
    }
    if certificate.credits:
        achievement["creditsAvailable"] = certificate.credits
    subject = {"type": ["AchievementSubject"], "achievement": achievement}
    if certificate.credits:
        subject["creditsEarned"] = certificate.credits
    if not certificate.holder_erased:
        subject["name"] = text.holder
    document = {
        "@context": CONTEXT,
        "id": verify_url,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": f"{text.course} — {certificate.number}",
        "issuer": {
            "id": keys_url(request),
            "type": ["Profile"],
            "name": text.issuer_name,
            **({"url": f"https://{issuer['website']}"} if "." in issuer.get("website", "") else {}),
        },
        "validFrom": f"{certificate.issued_on.isoformat()}T00:00:00Z",
        "credentialSubject": subject,
        "credentialStatus": {
            "id": _status_url(request, certificate),
            "type": "1EdTechRevocationList",
        },
    }
    key = signing_keys()[0]
    return sign(document, key=key, verification_method=f"{keys_url(request)}#{key.id}")


def verify_signature(signed: dict) -> list[str]:
    """Problems with the proof (empty when the signature holds with one of our keys)."""
    proof = signed.get("proof")
    if not isinstance(proof, dict) or proof.get("cryptosuite") != "eddsa-jcs-2022":
        return ["no eddsa-jcs-2022 proof"]
    key_id = str(proof.get("verificationMethod", "")).rsplit("#", 1)[-1]
    key = next((k for k in signing_keys() if k.id == key_id), None)
    if key is None:
        return ["unknown key"]
    value = str(proof.get("proofValue", ""))
    if not value.startswith("z"):
        return ["proof value is not base58btc"]
    document = {name: v for name, v in signed.items() if name != "proof"}
    config = {name: v for name, v in proof.items() if name != "proofValue"}
    config["@context"] = document.get("@context")
    public: Ed25519PublicKey = key.private.public_key()
    try:
        public.verify(unbase58(value[1:]), _hash_data(document, config))
    except (InvalidSignature, ValueError):
        return ["the signature does not match"]
    return []


def keys_document(request) -> dict:
    """The public keys (Multikey), current and retired, at one stable address."""
    controller = keys_url(request)
    methods = [
        {
            "id": f"{controller}#{key.id}",
            "type": "Multikey",
            "controller": controller,
            "publicKeyMultibase": key.public_multibase,
        }
        for key in signing_keys()
    ]
    return {
        "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
        "id": controller,
        "verificationMethod": methods,
        "assertionMethod": [method["id"] for method in methods],
    }
