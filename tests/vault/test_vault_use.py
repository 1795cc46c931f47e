"""Ordinary use: create, unlock, save, relabel, change passphrase, copy."""
import errno
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from prep_app.messages import Message
from prep_app.vault import (
    DEFAULT_KDF,
    FORMAT_VERSION,
    MIN_KDF,
    KdfParams,
    StorageError,
    VaultError,
    WrongSecretError,
    backup_path,
    create_vault,
    crypto,
    read_info,
    unlock_vault,
)

WEAK = KdfParams(8192, 1, 1)
PASSPHRASE = "correct horse battery staple"   # as in conftest.py


@pytest.fixture
def kdf_calls(monkeypatch):
    """Count every run of the slow KDF."""
    calls = []
    real = crypto.derive_key

    def spy(secret, salt, kdf):
        calls.append(kdf)
        return real(secret, salt, kdf)
    monkeypatch.setattr(crypto, "derive_key", spy)
    return calls


def test_round_trip(made, plan_bytes):
    vault, code = made
    assert vault.plaintext == plan_bytes and vault.label == "Blue folder"
    assert vault.saved_on == date.today()
    again = unlock_vault(vault.path, PASSPHRASE)
    assert again.plaintext == plan_bytes
    assert again.label == "Blue folder" and again.saved_on == date.today()
    assert read_info(vault.path) == (read_info(vault.path).__class__)("Blue folder", date.today(),
                                                                     FORMAT_VERSION)


def test_empty_and_binary_plaintext_round_trip(tmp_path):
    for i, data in enumerate([b"", bytes(range(256)) * 300]):
        vault, _ = create_vault(tmp_path / f"{i}.prepvault", data, "pw", "x", kdf=WEAK)
        assert unlock_vault(vault.path, "pw").plaintext == data


def test_kdf_runs_twice_at_creation_once_at_unlock_and_never_on_save(tmp_path, plan_bytes, kdf_calls):
    vault, _ = create_vault(tmp_path / "v.prepvault", plan_bytes, PASSPHRASE, "x", kdf=WEAK)
    assert len(kdf_calls) == 2                       # passphrase slot + recovery slot
    vault = unlock_vault(vault.path, PASSPHRASE)
    assert len(kdf_calls) == 3
    for n in range(5):
        vault.save(plan_bytes + b" " * n)
    vault.set_label("y")
    vault.copy_to(tmp_path / "copy.prepvault")
    assert len(kdf_calls) == 3
    assert unlock_vault(vault.path, PASSPHRASE).plaintext == plan_bytes + b" " * 4


def test_save_keeps_previous_version_as_backup(made, plan_bytes):
    vault, _ = made
    vault.save(b"second")
    vault.save(b"third")
    assert unlock_vault(vault.path, PASSPHRASE).plaintext == b"third"
    assert unlock_vault(backup_path(vault.path), PASSPHRASE).plaintext == b"second"


def test_recovery_code_unlocks_in_any_typed_form(made, plan_bytes):
    vault, code = made
    assert len(code) == 39 and code.count("-") == 7
    for typed in (code, code.replace("-", " "), code.replace("-", ""), f"  {code}\n"):
        assert unlock_vault(vault.path, recovery_code=typed).plaintext == plan_bytes


def test_change_passphrase(made, plan_bytes, kdf_calls):
    vault, code = made
    vault.change_passphrase("a new passphrase", kdf=WEAK)
    assert len(kdf_calls) == 1
    with pytest.raises(WrongSecretError):
        unlock_vault(vault.path, PASSPHRASE)
    assert unlock_vault(vault.path, "a new passphrase").plaintext == plan_bytes
    assert unlock_vault(vault.path, recovery_code=code).plaintext == plan_bytes


def test_change_passphrase_upgrades_a_weak_slot_unless_told(made, kdf_calls):
    vault, _ = made
    vault.change_passphrase("stronger now")
    assert kdf_calls == [DEFAULT_KDF]


def test_set_label_is_saved(made):
    vault, _ = made
    vault.set_label("Casa azul — pasta 2")
    assert read_info(vault.path).label == "Casa azul — pasta 2"
    assert unlock_vault(vault.path, PASSPHRASE).label == "Casa azul — pasta 2"
    with pytest.raises(ValueError):
        vault.set_label("x" * 201)


def test_passphrase_unicode_forms_are_the_same_passphrase(tmp_path):
    composed, decomposed = "Gonçalves 2024", "Gonc\u0327alves 2024"
    vault, _ = create_vault(tmp_path / "v.prepvault", b"x", composed, "x", kdf=WEAK)
    assert unlock_vault(vault.path, decomposed).plaintext == b"x"


def test_copy_to_opens_with_same_secrets_and_is_owner_only(made, plan_bytes, tmp_path):
    vault, code = made
    usb = tmp_path / "usb"
    usb.mkdir()
    vault.copy_to(usb / "family.prepvault")
    assert (usb / "family.prepvault").stat().st_mode & 0o777 == 0o600
    assert unlock_vault(usb / "family.prepvault", PASSPHRASE).plaintext == plan_bytes
    assert unlock_vault(usb / "family.prepvault", recovery_code=code).plaintext == plan_bytes
    vault.save(b"newer")
    vault.copy_to(usb / "family.prepvault")          # refreshing a copy is fine
    assert unlock_vault(usb / "family.prepvault", PASSPHRASE).plaintext == b"newer"
    assert sorted(p.name for p in usb.iterdir()) == ["family.prepvault", "family.prepvault.bak"]


def test_copy_to_never_clobbers_a_file_that_is_not_a_vault(made, tmp_path):
    vault, _ = made
    other = tmp_path / "thesis.docx"
    other.write_bytes(b"years of work")
    with pytest.raises(StorageError):
        vault.copy_to(other)
    assert other.read_bytes() == b"years of work"


def test_create_refuses_to_overwrite(made, plan_bytes):
    vault, _ = made
    before = vault.path.read_bytes()
    with pytest.raises(StorageError) as err:
        create_vault(vault.path, b"other", "pw", "x", kdf=WEAK)
    assert err.value.exit_code == 5
    assert vault.path.read_bytes() == before


def test_create_in_missing_folder_is_a_storage_error(tmp_path):
    with pytest.raises(StorageError) as err:
        create_vault(tmp_path / "gone" / "v.prepvault", b"x", "pw", "x", kdf=WEAK)
    assert "does not exist" in str(err.value)
    assert not (tmp_path / "gone").exists()


def test_unlock_missing_file_is_a_storage_error(tmp_path):
    with pytest.raises(StorageError):
        unlock_vault(tmp_path / "nowhere.prepvault", "pw")


def test_errors_carry_a_message_and_exit_code(made):
    vault, _ = made
    with pytest.raises(VaultError) as err:
        unlock_vault(vault.path, "nope")
    assert isinstance(err.value.message, Message)
    assert str(err.value) == err.value.message.text() == "This passphrase does not open the plan."
    assert err.value.exit_code == 3
    assert err.value.message.text(lambda s: s.upper()) == "THIS PASSPHRASE DOES NOT OPEN THE PLAN."


def test_unlock_wants_exactly_one_secret(made):
    vault, code = made
    with pytest.raises(ValueError):
        unlock_vault(vault.path)
    with pytest.raises(ValueError):
        unlock_vault(vault.path, PASSPHRASE, code)


def test_default_kdf_meets_the_floor_and_is_stored_in_the_header(tmp_path, kdf_calls):
    assert DEFAULT_KDF.meets(MIN_KDF) and KdfParams(65536, 3, 4) == MIN_KDF
    assert not WEAK.meets(MIN_KDF)
    vault, _ = create_vault(tmp_path / "v.prepvault", b"x", "pw", "x")
    assert kdf_calls == [DEFAULT_KDF, DEFAULT_KDF]
    header = vault.path.read_bytes()[:2000]
    assert f'"memory_kib":{DEFAULT_KDF.memory_kib}'.encode() in header
    assert f'"iterations":{DEFAULT_KDF.iterations}'.encode() in header


def test_repr_and_closed_vault_hide_the_plan(made):
    vault, _ = made
    assert "Gon" not in repr(vault)
    vault.close()
    assert vault.plaintext == b""
    with pytest.raises(RuntimeError):
        vault.save(b"x")


def test_copy_to_a_removed_usb_stick_is_a_storage_error(made, tmp_path):
    vault, _ = made
    before = vault.path.read_bytes()
    with pytest.raises(StorageError) as err:
        vault.copy_to(tmp_path / "usb-gone" / "family.prepvault")
    assert "does not exist" in str(err.value)
    assert vault.path.read_bytes() == before


def test_copy_to_a_full_usb_stick_leaves_nothing_behind(made, tmp_path, monkeypatch):
    vault, _ = made
    usb = tmp_path / "usb"
    usb.mkdir()

    def full(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(os, "write", full)
    with pytest.raises(StorageError) as err:
        vault.copy_to(usb / "family.prepvault")
    monkeypatch.undo()
    assert "disk is full" in str(err.value)
    assert list(usb.iterdir()) == []


def test_the_vault_layer_never_imports_qt():
    code = ("import sys, prep_app.vault, prep_app.vault.store; "
            "sys.exit(any(m.startswith(('PySide', 'PyQt', 'shiboken')) for m in sys.modules))")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    assert subprocess.run([sys.executable, "-c", code], env=env).returncode == 0


def test_kdf_parameters_a_reader_would_refuse_are_never_written(tmp_path):
    with pytest.raises(ValueError):
        create_vault(tmp_path / "v.prepvault", b"x", "pw", "x", kdf=KdfParams(8192, 65, 1))
    with pytest.raises(ValueError):
        KdfParams(4, 1, 1)                          # below Argon2's own minimum
    assert not (tmp_path / "v.prepvault").exists()
