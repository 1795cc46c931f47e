"""Errors of the vault layer.

Every error carries a translatable :class:`Message` for the UI and an exit
code for the CLI; ``str(err)`` is the English one-line text.  Messages never
contain plan content or passphrases.
"""
from __future__ import annotations

import errno as _errno

from ..messages import N_, Message
from .atomic import NotRegularFile


class VaultError(Exception):
    exit_code = 1

    def __init__(self, message: Message):
        super().__init__(message.text())
        self.message = message


class WrongSecretError(VaultError):
    """The passphrase or recovery code is well formed but does not open this plan."""
    exit_code = 3


class RecoveryCodeTypoError(VaultError):
    """A recovery code was mistyped: reported before any key is derived."""
    exit_code = 2

    def __init__(self, message: Message, groups: tuple[int, ...] = ()):
        super().__init__(message)
        self.groups = groups          # 1-based numbers of the groups with a mistake

    @property
    def group(self) -> int | None:
        return self.groups[0] if self.groups else None


class DamagedVaultError(VaultError):
    """Not a vault, truncated, corrupted or tampered with."""
    exit_code = 4


class NewerVaultVersionError(DamagedVaultError):
    exit_code = 4

    def __init__(self, version: int):
        super().__init__(Message(N_(
            "This plan was saved by a newer prep-app (file format {version}). "
            "Update prep-app to open it."), {"version": version}))
        self.version = version


class StorageError(VaultError):
    """The file system refused: permission, full disk, missing folder..."""
    exit_code = 5

    def __init__(self, message: Message, os_errno: int | None = None):
        super().__init__(message)
        self.os_errno = os_errno


# --- the messages, in one place so translators see them together -------------

def wrong_passphrase() -> WrongSecretError:
    return WrongSecretError(Message(N_("This passphrase does not open the plan.")))


def wrong_recovery_code() -> WrongSecretError:
    return WrongSecretError(Message(N_("This recovery code does not open the plan.")))


def not_a_vault() -> DamagedVaultError:
    return DamagedVaultError(Message(N_("This file is not a prep-app plan.")))


def damaged() -> DamagedVaultError:
    return DamagedVaultError(Message(N_(
        "This plan file is damaged (it may be incomplete or the disk may have "
        "changed it). Try its backup copy.")))


def tampered() -> DamagedVaultError:
    return DamagedVaultError(Message(N_(
        "This plan file was changed outside prep-app and cannot be trusted. "
        "Try its backup copy.")))


def storage_error(exc: OSError, action: Message) -> StorageError:
    """Turn an OSError into plain words; *action* says what we were doing."""
    code = exc.errno
    if code == _errno.ENOSPC or code == getattr(_errno, "EDQUOT", -1):
        why = N_("The disk is full. Free some space or use another drive.")
    elif code in (_errno.EACCES, _errno.EPERM):
        why = N_("prep-app is not allowed to use this file or folder.")
    elif code == _errno.EROFS:
        why = N_("The drive is read-only (a USB stick may have a lock switch).")
    elif code == _errno.ENOENT:
        why = N_("The file or folder does not exist (was a USB stick removed?).")
    elif code == _errno.EEXIST:
        why = N_("A file with this name already exists; it was left untouched.")
    elif isinstance(exc, NotRegularFile):
        why = N_("It is a folder, a link or a special file, not a plan file; prep-app leaves it alone.")
    elif code == _errno.EIO:
        why = N_("The drive reported an error (was a USB stick removed?).")
    else:
        why = N_("The file system reported an error ({detail}).")
    detail = exc.strerror or type(exc).__name__
    return StorageError(Message(N_("{action} {why}"),
                                {"action": action, "why": Message(why, {"detail": detail})}),
                        os_errno=code)


def could_not_save() -> Message:
    return Message(N_("The plan could not be saved; the last saved version is unchanged."))


def could_not_read() -> Message:
    return Message(N_("The plan could not be read."))


def could_not_erase() -> Message:
    return Message(N_("The plan could not be fully erased."))


def recovery_typo(groups: list[int]) -> RecoveryCodeTypoError:
    if len(groups) == 1:
        msg = Message(N_("Group {group} of the recovery code has a typo."), {"group": groups[0]})
    else:
        msg = Message(N_("Groups {groups} of the recovery code have typos."),
                      {"groups": ", ".join(str(g) for g in groups)})
    return RecoveryCodeTypoError(msg, tuple(groups))


def recovery_length(expected: int, got: int) -> RecoveryCodeTypoError:
    return RecoveryCodeTypoError(Message(N_(
        "A recovery code has {expected} digits; {got} were typed."),
        {"expected": expected, "got": got}))


def recovery_bad_character(char: str) -> RecoveryCodeTypoError:
    return RecoveryCodeTypoError(Message(N_(
        "A recovery code has only digits, spaces and dashes; \"{char}\" is not one of them."),
        {"char": char}))
