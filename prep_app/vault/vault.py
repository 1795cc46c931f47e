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
from typing import cast

from . import atomic, crypto, errors, format, recovery
from .crypto import DEFAULT_KDF, MIN_KDF, KdfParams
from .format import Header, Slot


@dataclass(frozen=True)
class VaultInfo:
    label: str
    saved_on: date
    format_version: int


@dataclass(frozen=True)
class _Kek:
    """A slot's key-encryption key, kept while the vault is open so a new data
    key can be wrapped for the same secret without asking for it again."""
    kind: str
    kdf: KdfParams
    salt: bytes
    kek: bytes

    def slot(self, data_key: bytes) -> Slot:
        nonce = crypto.new_nonce()
        return Slot(self.kind, self.kdf, self.salt, nonce, crypto.wrap(self.kek, nonce, data_key, self.kind))


def _make_kek(kind: str, secret: bytes, kdf: KdfParams) -> _Kek:
    if not crypto.MAX_KDF.meets(kdf):          # readers refuse more, so never write it
        raise ValueError(f"KDF parameters above {crypto.MAX_KDF}")
    salt = crypto.new_salt()
    return _Kek(kind, kdf, salt, crypto.derive_key(secret, salt, kdf))


def _check_passphrase(passphrase: str) -> bytes:
    if not isinstance(passphrase, str) or not passphrase:
        raise ValueError("a passphrase is a non-empty string")
    return crypto.normalize_passphrase(passphrase)


def _write(path: Path, data: bytes, **kw) -> None:
    try:
        atomic.write_atomic(path, data, **kw)
    except OSError as exc:
        raise errors.storage_error(exc, errors.could_not_save()) from exc


_SEALED_AD = b"prep-app sealed in memory"


class Vault:
    """An unlocked plan.  ``plaintext`` is what was last saved or opened."""

    def __init__(self, path: Path, header: Header, data_key: bytes, plaintext: bytes, keks=()):
        self.path = Path(path)
        self._header = header
        self._key: bytes | None = data_key
        self._plaintext = plaintext
        self._keks = {k.kind: k for k in keks}     # the secrets this vault was opened or made with

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

    def _cost(self, kind: str, kdf: KdfParams | None) -> KdfParams:
        """*kdf*, or the slot's current cost if it meets MIN_KDF, else
        DEFAULT_KDF: weak parameters only ever come from a caller."""
        if kdf is not None:
            return kdf
        old = [s for s in self._header.slots if s.kind == kind]
        return old[0].kdf if old and old[0].kdf.meets(MIN_KDF) else DEFAULT_KDF

    def _rekey(self, keks: dict) -> None:
        """Everything under a new data key, then the .bak and temp files gone:
        they were sealed with the old key, which the old secrets still open."""
        self._require_open()
        key = crypto.new_key()
        slots = tuple(keks[kind].slot(key) for kind in ("passphrase", "recovery"))
        header = Header(self.label, date.today(), slots, crypto.new_nonce())
        _write(self.path, format.build(header, key, self._plaintext), backup=False)
        self._header, self._key, self._keks = header, key, keks
        try:
            atomic.remove_with_leftovers(self.path, keep_file=True)
        except OSError as exc:
            raise errors.storage_error(exc, errors.could_not_erase()) from exc

    def change_passphrase(self, new: str, kdf: KdfParams | None = None,
                          new_recovery_code: bool = False) -> str | None:
        """A new passphrase under a new data key, so no earlier file or secret
        opens what is saved from now on.

        The recovery code is kept when this vault knows it (opened or made
        with it) unless *new_recovery_code*; otherwise a new code is made.
        Returns the new code, formatted for printing, or None if it was kept.
        """
        keks = {"passphrase": _make_kek("passphrase", _check_passphrase(new), self._cost("passphrase", kdf))}
        code = None
        if new_recovery_code or "recovery" not in self._keks:
            code = recovery.generate()
            keks["recovery"] = _make_kek("recovery", code.encode("ascii"), self._cost("recovery", kdf))
        else:
            keks["recovery"] = self._keks["recovery"]
        self._rekey(keks)
        return recovery.format_recovery_code(code) if code else None

    def replace_recovery_code(self, kdf: KdfParams | None = None) -> str:
        """A new recovery code under a new data key; the passphrase this vault
        was opened with keeps working.  Opened with the recovery code, it has
        no passphrase to keep: use change_passphrase(new_recovery_code=True)."""
        if "passphrase" not in self._keks:
            raise ValueError("opened with the recovery code: set a new passphrase as well")
        code = recovery.generate()
        self._rekey({"passphrase": self._keks["passphrase"],
                     "recovery": _make_kek("recovery", code.encode("ascii"), self._cost("recovery", kdf))})
        return recovery.format_recovery_code(code)

    def seal(self, plaintext: bytes) -> bytes:
        """*plaintext* encrypted under the data key, for the window to hold in
        memory while the plan is locked (typing a failed save could not write,
        a recovery code not yet confirmed).  Only this plan, unlocked again,
        opens it: ``unseal``."""
        nonce = crypto.new_nonce()
        return nonce + crypto.seal_body(self._require_open(), nonce, plaintext, _SEALED_AD)

    def unseal(self, sealed: bytes) -> bytes | None:
        """What ``seal`` sealed, or None if the plan's key has changed since."""
        n = crypto.NONCE_BYTES
        return crypto.open_body(self._require_open(), sealed[:n], sealed[n:], _SEALED_AD)

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
        """Drop the keys and plan.  Python may keep copies in memory until reused."""
        self._key = None
        self._keks = {}
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
    keks = (_make_kek("passphrase", secret, kdf), _make_kek("recovery", code.encode("ascii"), kdf))
    header = Header(label, date.today(), tuple(k.slot(data_key) for k in keks), crypto.new_nonce())
    _write(path, format.build(header, data_key, plaintext), overwrite=False)
    return Vault(path, header, data_key, bytes(plaintext), keks), recovery.format_recovery_code(code)


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
        kind, secret, wrong = "passphrase", _check_passphrase(cast(str, passphrase)), errors.wrong_passphrase
    path = Path(path)
    prefix, header, body = format.parse(_read(path))
    for slot in (s for s in header.slots if s.kind == kind):
        kek = _Kek(kind, slot.kdf, slot.salt, crypto.derive_key(secret, slot.salt, slot.kdf))
        data_key = crypto.unwrap(kek.kek, slot.nonce, slot.wrapped_key, kind)
        if data_key is not None:
            break
    else:
        raise wrong()
    plaintext = crypto.open_body(data_key, header.body_nonce, body, prefix)
    if plaintext is None:
        raise errors.tampered()
    return Vault(path, header, data_key, plaintext, (kek,))


def read_info(path) -> VaultInfo:
    """Label and date from the header alone: no KDF, no decryption, no body read."""
    try:
        header = format.read_header(Path(path))
    except OSError as exc:
        raise errors.storage_error(exc, errors.could_not_read()) from exc
    return VaultInfo(header.label, header.saved_on, format.FORMAT_VERSION)
