"""The byte layout of a vault file (see docs/vault-format.md).

    magic "PREPVLT\\0" | u16 version | u32 header length | header JSON
    | AES-256-GCM body (associated data = everything before it) | SHA-256 of all the above

Parsing is strict: anything unexpected is "damaged", never a KeyError.
The checksum is checked before anything else, so accidental damage is reported
at once, without running the KDF and without looking like a wrong passphrase.
"""
from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
import struct
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from . import atomic, crypto, errors
from .crypto import KdfParams

MAGIC = b"PREPVLT\x00"
FORMAT_VERSION = 1
PREFIX = struct.Struct(">8sHI")          # magic, version, header length; all big-endian
CHECKSUM_BYTES = 32
MAX_HEADER = 64 * 1024
MAX_LABEL = 200
SLOT_KINDS = ("passphrase", "recovery")
MAX_SLOTS = len(SLOT_KINDS)
WRAPPED_BYTES = crypto.KEY_BYTES + crypto.TAG_BYTES
MIN_FILE = PREFIX.size + 2 + crypto.TAG_BYTES + CHECKSUM_BYTES


@dataclass(frozen=True)
class Slot:
    kind: str              # "passphrase" or "recovery"
    kdf: KdfParams
    salt: bytes
    nonce: bytes
    wrapped_key: bytes     # the data key, AES-256-GCM-encrypted under the slot's derived key


@dataclass(frozen=True)
class Header:
    label: str
    saved_on: date
    slots: tuple[Slot, ...]
    body_nonce: bytes


def check_label(label: str) -> str:
    if not isinstance(label, str) or len(label) > MAX_LABEL:
        raise ValueError(f"a label is a string of at most {MAX_LABEL} characters")
    return label


# --- writing --------------------------------------------------------------------

def _b64(b: bytes) -> str:
    return base64.b64encode(b).decode("ascii")


def encode_header(h: Header) -> bytes:
    doc = {
        "label": h.label,
        "saved_on": h.saved_on.isoformat(),
        "slots": [{"kind": s.kind,
                   "kdf": {"name": "argon2id", "memory_kib": s.kdf.memory_kib,
                           "iterations": s.kdf.iterations, "lanes": s.kdf.lanes},
                   "salt": _b64(s.salt), "nonce": _b64(s.nonce),
                   "wrapped_key": _b64(s.wrapped_key)} for s in h.slots],
        "body": {"cipher": "aes-256-gcm", "nonce": _b64(h.body_nonce)},
    }
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def build(header: Header, data_key: bytes, plaintext: bytes) -> bytes:
    hjson = encode_header(header)
    if len(hjson) > MAX_HEADER:
        raise ValueError("header too large")
    prefix = PREFIX.pack(MAGIC, FORMAT_VERSION, len(hjson)) + hjson
    body = crypto.seal_body(data_key, header.body_nonce, plaintext, prefix)
    data = prefix + body
    return data + hashlib.sha256(data).digest()


# --- reading --------------------------------------------------------------------

def _need(ok: bool) -> None:
    if not ok:
        raise errors.damaged()


def _fields(obj, keys: set[str]) -> dict:
    _need(isinstance(obj, dict) and set(obj) == keys)
    return obj


def _int(v, lo: int, hi: int) -> int:
    _need(type(v) is int and lo <= v <= hi)
    return v


def _bytes(v, lo: int, hi: int) -> bytes:
    _need(isinstance(v, str))
    try:
        b = base64.b64decode(v, validate=True)
    except (binascii.Error, ValueError):
        raise errors.damaged() from None
    _need(lo <= len(b) <= hi)
    return b


def _slot(obj) -> Slot:
    s = _fields(obj, {"kind", "kdf", "salt", "nonce", "wrapped_key"})
    _need(s["kind"] in SLOT_KINDS)
    k = _fields(s["kdf"], {"name", "memory_kib", "iterations", "lanes"})
    _need(k["name"] == "argon2id")
    lanes = _int(k["lanes"], 1, crypto.MAX_KDF.lanes)
    kdf = KdfParams(_int(k["memory_kib"], 8 * lanes, crypto.MAX_KDF.memory_kib),
                    _int(k["iterations"], 1, crypto.MAX_KDF.iterations), lanes)
    return Slot(s["kind"], kdf, _bytes(s["salt"], 8, 64),
                _bytes(s["nonce"], crypto.NONCE_BYTES, crypto.NONCE_BYTES),
                _bytes(s["wrapped_key"], WRAPPED_BYTES, WRAPPED_BYTES))


def decode_header(raw: bytes) -> Header:
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise errors.damaged() from None
    d = _fields(doc, {"label", "saved_on", "slots", "body"})
    _need(isinstance(d["label"], str) and len(d["label"]) <= MAX_LABEL)
    _need(isinstance(d["saved_on"], str))
    try:
        saved_on = date.fromisoformat(d["saved_on"])
    except ValueError:
        raise errors.damaged() from None
    _need(isinstance(d["slots"], list) and 1 <= len(d["slots"]) <= MAX_SLOTS)
    slots = tuple(_slot(s) for s in d["slots"])
    _need(len({s.kind for s in slots}) == len(slots))     # one slot of each kind: one KDF run per unlock
    body = _fields(d["body"], {"cipher", "nonce"})
    _need(body["cipher"] == "aes-256-gcm")
    return Header(d["label"], saved_on, slots,
                  _bytes(body["nonce"], crypto.NONCE_BYTES, crypto.NONCE_BYTES))


def _check_prefix(head: bytes, file_size: int) -> int:
    """Validate magic, version and header length; return the header length."""
    if not MAGIC.startswith(head[:len(MAGIC)]) or not head:
        raise errors.not_a_vault()
    _need(len(head) >= PREFIX.size)
    _, version, hlen = PREFIX.unpack_from(head)
    if version > FORMAT_VERSION:
        raise errors.NewerVaultVersionError(version)
    _need(version >= 1 and hlen <= MAX_HEADER
          and PREFIX.size + hlen + crypto.TAG_BYTES + CHECKSUM_BYTES <= file_size)
    return hlen


def parse(data: bytes) -> tuple[bytes, Header, bytes]:
    """Split a whole file into (authenticated prefix, header, body ciphertext)."""
    if not MAGIC.startswith(data[:len(MAGIC)]) or not data:
        raise errors.not_a_vault()
    # Invariant of every format version: the file ends in a SHA-256 of the rest.
    # Checked first so a flipped version byte reads as "damaged", not "newer".
    _need(len(data) >= MIN_FILE)
    _need(hashlib.sha256(data[:-CHECKSUM_BYTES]).digest() == data[-CHECKSUM_BYTES:])
    hlen = _check_prefix(data, len(data))
    end = PREFIX.size + hlen
    return data[:end], decode_header(data[PREFIX.size:end]), data[end:-CHECKSUM_BYTES]


def read_header(path: Path) -> Header:
    """The header, read from the front of *path* without the body or checksum.

    Raises OSError for the caller to translate, VaultError for bad content.
    """
    with atomic.open_regular(path) as f:
        size = os.fstat(f.fileno()).st_size
        head = f.read(PREFIX.size)
        hlen = _check_prefix(head, size)
        raw = f.read(hlen)
    _need(len(raw) == hlen)
    return decode_header(raw)
