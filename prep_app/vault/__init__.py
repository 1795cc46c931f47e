"""Encrypted plan vaults and the store of plans on a laptop.  No Qt here.

File format and threat model: docs/vault-format.md.
"""
from .atomic import backup_path
from .crypto import DEFAULT_KDF, MIN_KDF, KdfParams
from .errors import (
                     DamagedVaultError,
                     NewerVaultVersionError,
                     RecoveryCodeTypoError,
                     StorageError,
                     VaultError,
                     WrongSecretError,
)
from .format import FORMAT_VERSION, MAX_LABEL
from .recovery import format_recovery_code, parse_recovery_code
from .store import SUFFIX, Store, StoredPlan
from .vault import Vault, VaultInfo, create_vault, read_info, unlock_vault

__all__ = [
    "SUFFIX",
    "create_vault", "unlock_vault", "read_info", "Vault", "VaultInfo",
    "Store", "StoredPlan", "backup_path",
    "format_recovery_code", "parse_recovery_code",
    "KdfParams", "DEFAULT_KDF", "MIN_KDF", "FORMAT_VERSION", "MAX_LABEL",
    "VaultError", "WrongSecretError", "RecoveryCodeTypoError", "DamagedVaultError",
    "NewerVaultVersionError", "StorageError",
]
