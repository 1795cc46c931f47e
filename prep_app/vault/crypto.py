"""Key derivation, key wrapping and the padded body cipher.

All key derivation goes through :func:`derive_key`, so a test can count how
often the slow KDF runs (a save must never run it).
"""
from __future__ import annotations

import os
import secrets
import struct
import unicodedata
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

KEY_BYTES = 32
NONCE_BYTES = 12
SALT_BYTES = 16
TAG_BYTES = 16

# Padding: round the plaintext up to whole 16 KiB buckets, then add a random
# 0..32 KiB, so the file size says little about how many children a plan has.
PAD_BUCKET = 16 * 1024
PAD_RANDOM = 2 * PAD_BUCKET
_LEN = struct.Struct(">I")


@dataclass(frozen=True)
class KdfParams:
    memory_kib: int
    iterations: int
    lanes: int

    def __post_init__(self):
        if self.lanes < 1 or self.iterations < 1 or self.memory_kib < 8 * self.lanes:
            raise ValueError(f"impossible Argon2id parameters: {self}")

    def meets(self, floor: KdfParams) -> bool:
        return (self.memory_kib >= floor.memory_kib and self.iterations >= floor.iterations
                and self.lanes >= floor.lanes)


# RFC 9106's second recommended option is the floor; the default spends more
# passes to land at ~0.3-0.4 s on a workshop laptop (see bench/vault_bench.py).
MIN_KDF = KdfParams(65536, 3, 4)
DEFAULT_KDF = KdfParams(65536, 12, 4)  # ~0.37 s idle on the 2-core reference machine
# Refuse to run more than a real plan needs, read from a (possibly crafted)
# file: 4x the default memory and 16 passes leave room for a stronger default
# later, and cost about 5x the default's time (bench/vault_bench.py) instead
# of minutes with 1 GiB.
MAX_KDF = KdfParams(256 * 1024, 16, 8)


def normalize_passphrase(passphrase: str) -> bytes:
    # NFC: "ç" typed on one keyboard as one code point, on another as c + cedilla.
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def derive_key(secret: bytes, salt: bytes, kdf: KdfParams) -> bytes:
    """The slow step: Argon2id of a passphrase or recovery code."""
    return Argon2id(salt=salt, length=KEY_BYTES, iterations=kdf.iterations,
                    lanes=kdf.lanes, memory_cost=kdf.memory_kib).derive(secret)


def new_key() -> bytes:
    return AESGCM.generate_key(bit_length=256)


def new_salt() -> bytes:
    return os.urandom(SALT_BYTES)


def new_nonce() -> bytes:
    return os.urandom(NONCE_BYTES)


def _slot_ad(kind: str) -> bytes:
    return b"prep-app vault key slot:" + kind.encode("ascii")


def wrap(kek: bytes, nonce: bytes, data_key: bytes, kind: str) -> bytes:
    return AESGCM(kek).encrypt(nonce, data_key, _slot_ad(kind))


def unwrap(kek: bytes, nonce: bytes, wrapped: bytes, kind: str) -> bytes | None:
    """The data key, or None when *kek* is not the right key for this slot."""
    try:
        return AESGCM(kek).decrypt(nonce, wrapped, _slot_ad(kind))
    except InvalidTag:
        return None


def pad(plaintext: bytes) -> bytes:
    if len(plaintext) > 0xFFFFFFFF:
        raise ValueError("plan too large")
    used = _LEN.size + len(plaintext)
    size = -(-used // PAD_BUCKET) * PAD_BUCKET + secrets.randbelow(PAD_RANDOM + 1)
    return _LEN.pack(len(plaintext)) + plaintext + bytes(size - used)


def unpad(padded: bytes) -> bytes | None:
    if len(padded) < _LEN.size:
        return None
    (length,) = _LEN.unpack_from(padded)
    end = _LEN.size + length
    if end > len(padded) or padded[end:].strip(b"\0"):
        return None
    return padded[_LEN.size:end]


def seal_body(data_key: bytes, nonce: bytes, plaintext: bytes, associated: bytes) -> bytes:
    return AESGCM(data_key).encrypt(nonce, pad(plaintext), associated)


def open_body(data_key: bytes, nonce: bytes, ciphertext: bytes, associated: bytes) -> bytes | None:
    """The plaintext, or None if the body or anything in the header was altered."""
    try:
        padded = AESGCM(data_key).decrypt(nonce, ciphertext, associated)
    except InvalidTag:
        return None
    return unpad(padded)
