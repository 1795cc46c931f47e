"""Create, unlock and save one plan vault.

The slow KDF runs only to create a key slot or to open one; an open Vault
keeps the 256-bit data key in memory so every save is fast.
"""
from __future__ import annotations

import errno
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from . import atomic, crypto, errors, format, recovery
from .crypto import DEFAULT_KDF, MIN_KDF, KdfParams
from .format import Header, Slot


@dataclass(frozen=True)
class VaultInfo:
    label: str
    saved_on: date
    format_version: int


def _make_slot(kind: str, secret: bytes, kdf: KdfParams, data_key: bytes) -> Slot:
    if not crypto.MAX_KDF.meets(kdf):          # readers refuse more, so never write it
        raise ValueError(f"KDF parameters above {crypto.MAX_KDF}")
    salt, nonce = crypto.new_salt(), crypto.new_nonce()
    kek = crypto.derive_key(secret, salt, kdf)
    return Slot(kind, kdf, salt, nonce, crypto.wrap(kek, nonce, data_key, kind))


def _check_passphrase(passphrase: str) -> bytes:
    if not isinstance(passphrase, str) or not passphrase:
        raise ValueError("a passphrase is a non-empty string")
    return crypto.normalize_passphrase(passphrase)


def _write(path: Path, data: bytes, **kw) -> None:
    try:
        atomic.write_atomic(path, data, **kw)
    except OSError as exc:
        raise errors.storage_error(exc, errors.could_not_save()) from exc


class Vault:
    """An unlocked plan.  ``plaintext`` is what was last saved or opened."""

    def __init__(self, path: Path, header: Header, data_key: bytes, plaintext: bytes):
        self.path = Path(path)
        self._header = header
        self._key = data_key
        self._plaintext = plaintext

    label = property(lambda self: self._header.label)
    saved_on = property(lambda self: self._header.saved_on)
    plaintext = property(lambda self: self._plaintext)

    def __repr__(self) -> str:                 # never show the plan or the key
        return f"<Vault {self.path.name} label={self.label!r}>"

    def _require_open(self) -> bytes:
        if self._key is None:
            raise RuntimeError("this vault was closed")
        return self._key

    def _store(self, plaintext: bytes, label: str, slots: tuple[Slot, ...]) -> None:
        key = self._require_open()
        header = Header(label, date.today(), slots, crypto.new_nonce())
        _write(self.path, format.build(header, key, plaintext))
        self._header, self._plaintext = header, bytes(plaintext)

    def save(self, plaintext: bytes) -> None:
        """Encrypt and save *plaintext*; the previous version becomes the .bak."""
        self._store(plaintext, self.label, self._header.slots)

    def set_label(self, label: str) -> None:
        self._store(self._plaintext, format.check_label(label), self._header.slots)

    def change_passphrase(self, new: str, kdf: KdfParams | None = None) -> None:
        """Replace the passphrase slot; the recovery code keeps working.

        Without *kdf*, keeps the current cost if it meets MIN_KDF, else
        upgrades to DEFAULT_KDF: weak parameters only ever come from a caller.
        """
        secret = _check_passphrase(new)
        old = [s for s in self._header.slots if s.kind == "passphrase"]
        if kdf is None:
            kdf = old[0].kdf if old and old[0].kdf.meets(MIN_KDF) else DEFAULT_KDF
        slot = _make_slot("passphrase", secret, kdf, self._require_open())
        others = tuple(s for s in self._header.slots if s.kind != "passphrase")
        self._store(self._plaintext, self.label, (slot, *others))

    def copy_to(self, path) -> None:
        """Write an encrypted copy (same passphrase and recovery code) to *path*.

        An existing prep-app vault there is replaced (its old content kept as
        .bak); any other existing file is refused rather than clobbered.
        """
        path = Path(path)
        try:
            with atomic.open_regular(path) as f:
                if f.read(len(format.MAGIC)) != format.MAGIC:
                    raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST))
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise errors.storage_error(exc, errors.could_not_save()) from exc
        h = self._header
        header = Header(h.label, h.saved_on, h.slots, crypto.new_nonce())
        _write(path, format.build(header, self._require_open(), self._plaintext))

    def close(self) -> None:
        """Drop the key and plan.  Python may keep copies in memory until reused."""
        self._key = None
        self._plaintext = b""


def create_vault(path, plaintext: bytes, passphrase: str, label: str,
                 kdf: KdfParams = DEFAULT_KDF) -> tuple[Vault, str]:
    """A new vault at *path* (never overwritten); returns it with the recovery
    code formatted for printing.  The code is not stored anywhere else."""
    path = Path(path)
    secret = _check_passphrase(passphrase)
    format.check_label(label)
    if os.path.lexists(path):                  # fail before spending two KDF runs
        raise errors.storage_error(FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST)), errors.could_not_save())
    data_key, code = crypto.new_key(), recovery.generate()
    slots = (_make_slot("passphrase", secret, kdf, data_key),
             _make_slot("recovery", code.encode("ascii"), kdf, data_key))
    header = Header(label, date.today(), slots, crypto.new_nonce())
    _write(path, format.build(header, data_key, plaintext), overwrite=False)
    return Vault(path, header, data_key, bytes(plaintext)), recovery.format_recovery_code(code)


MAX_FILE = 256 * 1024 * 1024


def _read(path: Path) -> bytes:
    try:
        with atomic.open_regular(path) as f:
            # Look at the magic first: a stray video or photo is never read whole.
            head = f.read(len(format.MAGIC))
            if head != format.MAGIC or os.fstat(f.fileno()).st_size > MAX_FILE:
                return head
            return head + f.read()
    except OSError as exc:
        raise errors.storage_error(exc, errors.could_not_read()) from exc


def unlock_vault(path, passphrase: str | None = None,
                 recovery_code: str | None = None) -> Vault:
    """Open *path* with exactly one of a passphrase or a recovery code.

    Order matters: a mistyped code and a damaged file are reported before the
    KDF runs; the file is only read, never written.
    """
    if (passphrase is None) == (recovery_code is None):
        raise ValueError("give either a passphrase or a recovery code")
    if recovery_code is not None:
        kind, secret = "recovery", recovery.parse_recovery_code(recovery_code).encode("ascii")
        wrong = errors.wrong_recovery_code
    else:
        kind, secret, wrong = "passphrase", _check_passphrase(passphrase), errors.wrong_passphrase
    path = Path(path)
    prefix, header, body = format.parse(_read(path))
    for slot in (s for s in header.slots if s.kind == kind):
        data_key = crypto.unwrap(crypto.derive_key(secret, slot.salt, slot.kdf),
                                 slot.nonce, slot.wrapped_key, kind)
        if data_key is not None:
            break
    else:
        raise wrong()
    plaintext = crypto.open_body(data_key, header.body_nonce, body, prefix)
    if plaintext is None:
        raise errors.tampered()
    return Vault(path, header, data_key, plaintext)


def read_info(path) -> VaultInfo:
    """Label and date from the header alone: no KDF, no decryption, no body read."""
    try:
        header = format.read_header(Path(path))
    except OSError as exc:
        raise errors.storage_error(exc, errors.could_not_read()) from exc
    return VaultInfo(header.label, header.saved_on, format.FORMAT_VERSION)
