
"""Attacks and accidents: every flipped byte, truncation, foreign files,
tampering with a recomputed checksum, wrong secrets, newer formats."""
import contextlib
import dataclasses
import hashlib
import os
import random
import struct

import pytest

from prep_app.vault import (
    DamagedVaultError,
    KdfParams,
    NewerVaultVersionError,
    RecoveryCodeTypoError,
    StorageError,
    Store,
    WrongSecretError,
    create_vault,
    crypto,
    format,
    parse_recovery_code,
    read_info,
    unlock_vault,
)

PASSPHRASE = "correct horse battery staple"
TINY_KDF = KdfParams(8, 1, 1)        # ~0.1 ms: these tests run the KDF thousands of times


@pytest.fixture
def kdf_calls(monkeypatch):
    calls = []
    real = crypto.derive_key
    monkeypatch.setattr(crypto, "derive_key", lambda *a: calls.append(1) or real(*a))
    return calls


@pytest.fixture
def small(tmp_path, monkeypatch):
    """A ~1 KB vault (padding shrunk) so every byte can be attacked; returns (path, bytes, code)."""
    monkeypatch.setattr(crypto, "PAD_BUCKET", 64)
    monkeypatch.setattr(crypto, "PAD_RANDOM", 0)
    path = tmp_path / "small.prepvault"
    _, code = create_vault(path, "Família Gonçalves, 3 children".encode(), PASSPHRASE, "Blue",
                           kdf=TINY_KDF)
    return path, path.read_bytes(), code


def with_checksum(data: bytes) -> bytes:
    """Recompute the trailing SHA-256, as a deliberate attacker would."""
    body = data[:-32]
    return body + hashlib.sha256(body).digest()


def attempt(path, data, **secret):
    """Write *data* and try to open it; return the error or the plaintext."""
    path.write_bytes(data)
    try:
        return unlock_vault(path, **(secret or {"passphrase": PASSPHRASE})).plaintext
    except (DamagedVaultError, WrongSecretError) as exc:   # anything else fails the test
        return exc


def test_every_flipped_byte_is_reported_damaged_without_running_the_kdf(small, kdf_calls):
    path, good, _ = small
    assert len(good) < 2000
    for i in range(len(good)):
        for mask in (0x01 << (i % 8), 0xFF):
            bad = bytearray(good)
            bad[i] ^= mask
            result = attempt(path, bytes(bad))
            assert isinstance(result, DamagedVaultError), (i, mask, result)
            assert not isinstance(result, NewerVaultVersionError), i
    assert kdf_calls == []                            # the checksum caught every one at once


def test_every_flipped_byte_with_recomputed_checksum_never_opens(small):
    path, good, _ = small
    outcomes = set()
    for i in range(len(good) - 32):
        bad = bytearray(good)
        bad[i] ^= 0x01 << (i % 8)
        result = attempt(path, with_checksum(bytes(bad)))
        assert isinstance(result, (DamagedVaultError, WrongSecretError)), (i, result)
        outcomes.add(type(result))
    assert outcomes >= {DamagedVaultError, WrongSecretError}


def test_truncation_at_every_length_is_damaged(small):
    path, good, _ = small
    for n in range(len(good)):
        result = attempt(path, good[:n])
        assert isinstance(result, DamagedVaultError), n
    assert isinstance(attempt(path, good + b"\0"), DamagedVaultError)


def test_truncated_big_vault_is_damaged(made):
    vault, _ = made
    good = vault.path.read_bytes()
    for n in sorted({0, 1, 7, 8, 13, 14, 100, 1000, len(good) // 2, len(good) - 33,
                     len(good) - 32, len(good) - 1}):
        assert isinstance(attempt(vault.path, good[:n]), DamagedVaultError), n


@pytest.mark.parametrize("content", [b"", os.urandom(5000), b"PREPVLT\x00" + os.urandom(5000),
                                     b"%PDF-1.7\n", b"{\"format\": \"prep-app-plan\"}"])
def test_foreign_files_are_damaged(tmp_path, content):
    path = tmp_path / "strange.prepvault"
    path.write_bytes(content)
    with pytest.raises(DamagedVaultError) as err:
        unlock_vault(path, PASSPHRASE)
    assert err.value.exit_code == 4
    with pytest.raises(DamagedVaultError):
        read_info(path)
    assert path.read_bytes() == content


def test_a_folder_instead_of_a_file_is_a_storage_error(tmp_path):
    (tmp_path / "dir.prepvault").mkdir()
    with pytest.raises(StorageError):
        unlock_vault(tmp_path / "dir.prepvault", PASSPHRASE)


def test_tampered_ciphertext_with_recomputed_checksum_is_caught_by_gcm(small):
    path, good, _ = small
    bad = bytearray(good)
    bad[-40] ^= 0x01                                   # inside the GCM body
    path.write_bytes(with_checksum(bytes(bad)))
    with pytest.raises(DamagedVaultError) as err:
        unlock_vault(path, PASSPHRASE)
    assert "changed outside prep-app" in str(err.value)


def test_relabelled_header_with_recomputed_checksum_is_caught(small):
    path, good, _ = small
    forged = good.replace(b'"label":"Blue"', b'"label":"Gray"')
    assert forged != good
    path.write_bytes(with_checksum(forged))
    assert read_info(path).label == "Gray"            # the header is readable by design...
    with pytest.raises(DamagedVaultError):
        unlock_vault(path, PASSPHRASE)                 # ...but it is authenticated


def test_body_of_another_vault_under_this_header_is_caught(tmp_path):
    a, _ = create_vault(tmp_path / "a.prepvault", b"plan A", PASSPHRASE, "same", kdf=TINY_KDF)
    b, _ = create_vault(tmp_path / "b.prepvault", b"plan B", PASSPHRASE, "same", kdf=TINY_KDF)
    da, db = a.path.read_bytes(), b.path.read_bytes()
    ha = format.PREFIX.size + struct.unpack_from(">I", da, 10)[0]
    hb = format.PREFIX.size + struct.unpack_from(">I", db, 10)[0]
    a.path.write_bytes(with_checksum(da[:ha] + db[hb:]))
    with pytest.raises(DamagedVaultError):
        unlock_vault(a.path, PASSPHRASE)


def test_lowered_kdf_cost_in_header_does_not_open(made):
    vault, _ = made
    data = vault.path.read_bytes()
    forged = data.replace(b'"memory_kib":8192', b'"memory_kib":4096', 1)
    assert forged != data
    vault.path.write_bytes(with_checksum(forged))
    with pytest.raises(WrongSecretError):
        unlock_vault(vault.path, PASSPHRASE)


def test_wrong_passphrase_leaves_the_folder_byte_identical(made):
    vault, _ = made
    folder = vault.path.parent
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    mtime = vault.path.stat().st_mtime_ns
    for wrong in ("correct horse battery stapl", "CORRECT HORSE BATTERY STAPLE", " ", "ç"):
        with pytest.raises(WrongSecretError) as err:
            unlock_vault(vault.path, wrong)
        assert err.value.exit_code == 3
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert vault.path.stat().st_mtime_ns == mtime


def test_every_single_digit_typo_names_its_group_and_runs_no_kdf(made, kdf_calls):
    vault, code = made
    digits = code.replace("-", "")
    for pos in range(len(digits)):
        for d in "0123456789":
            if d == digits[pos]:
                continue
            typo = digits[:pos] + d + digits[pos + 1:]
            with pytest.raises(RecoveryCodeTypoError) as err:
                unlock_vault(vault.path, recovery_code=typo)
            group = pos // 4 + 1
            assert err.value.groups == (group,) and err.value.exit_code == 2
            assert str(err.value) == f"Group {group} of the recovery code has a typo."
    assert kdf_calls == []


def test_every_swap_of_neighbouring_digits_is_a_typo(made):
    vault, code = made
    digits = code.replace("-", "")
    for pos in range(len(digits) - 1):
        if digits[pos] == digits[pos + 1]:
            continue
        swapped = digits[:pos] + digits[pos + 1] + digits[pos] + digits[pos + 2:]
        with pytest.raises(RecoveryCodeTypoError):
            unlock_vault(vault.path, recovery_code=swapped)


def test_another_valid_recovery_code_is_a_wrong_secret(made, tmp_path):
    vault, code = made
    _, other = create_vault(tmp_path / "other.prepvault", b"x", "pw", "x", kdf=TINY_KDF)
    assert parse_recovery_code(other) != parse_recovery_code(code)
    before = vault.path.read_bytes()
    with pytest.raises(WrongSecretError) as err:
        unlock_vault(vault.path, recovery_code=other)
    assert "recovery code" in str(err.value)
    assert vault.path.read_bytes() == before


def test_the_passphrase_is_not_a_recovery_code_and_vice_versa(made):
    vault, code = made
    with pytest.raises(WrongSecretError):
        unlock_vault(vault.path, passphrase=code)


def test_newer_format_version_is_refused_with_a_clear_message(small, tmp_path):
    path, good, _ = small
    newer = with_checksum(good[:8] + struct.pack(">H", 2) + good[10:])
    path.write_bytes(newer)
    for action in (lambda: unlock_vault(path, PASSPHRASE), lambda: read_info(path)):
        with pytest.raises(NewerVaultVersionError) as err:
            action()
        assert "newer prep-app" in str(err.value) and err.value.version == 2
        assert isinstance(err.value, DamagedVaultError) and err.value.exit_code == 4
    assert path.read_bytes() == newer


def test_version_zero_is_damaged(small):
    path, good, _ = small
    path.write_bytes(with_checksum(good[:8] + b"\0\0" + good[10:]))
    with pytest.raises(DamagedVaultError) as err:
        unlock_vault(path, PASSPHRASE)
    assert not isinstance(err.value, NewerVaultVersionError)


def test_random_header_mutations_never_crash_read_info_or_store_list(small, tmp_path):
    path, good, _ = small
    rng = random.Random(1)
    store = Store(tmp_path / "home")
    for i in range(300):
        bad = bytearray(good)
        for _ in range(rng.randint(1, 4)):
            bad[rng.randrange(0, 600)] = rng.randrange(256)
        (store.plans_dir / f"{i:04x}.prepvault").write_bytes(bytes(bad))
        with contextlib.suppress(DamagedVaultError):
            read_info(store.plans_dir / f"{i:04x}.prepvault")
    assert len(store.list()) == 300


def forge_slots(vault, change) -> None:
    """Rewrite the vault's header with ``change(slots)``, sealed with the real
    key and checksum, as an attacker who once held the file could."""
    _prefix, header, _body = format.parse(vault.path.read_bytes())
    forged = format.Header(header.label, header.saved_on, change(header.slots), header.body_nonce)
    vault.path.write_bytes(format.build(forged, vault._key, vault.plaintext))


@pytest.mark.parametrize("kdf", [KdfParams(99_999_999, 1, 1),   # absurd
                                 KdfParams(524_288, 1, 1),      # 512 MiB: within the old 1 GiB bound
                                 KdfParams(65_536, 200, 4)])    # a minute of passes
def test_kdf_cost_above_what_a_plan_needs_is_refused_not_run(made, kdf_calls, kdf):
    vault, _ = made
    forge_slots(vault, lambda slots: tuple(dataclasses.replace(s, kdf=kdf) for s in slots))
    kdf_calls.clear()
    with pytest.raises(DamagedVaultError):
        unlock_vault(vault.path, PASSPHRASE)
    assert kdf_calls == []


def test_a_second_slot_of_one_kind_is_refused_before_any_kdf_runs(made, kdf_calls):
    # eight slots at the highest cost once made an unlock run eight KDFs in a row
    vault, _ = made
    forge_slots(vault, lambda slots: slots + tuple(s for s in slots if s.kind == "passphrase"))
    kdf_calls.clear()
    with pytest.raises(DamagedVaultError):
        unlock_vault(vault.path, PASSPHRASE)
    assert kdf_calls == []
