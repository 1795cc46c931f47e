"""The store of plans on a shared laptop: listing, naming, erasing."""
import os
import re
from datetime import date

import pytest

from prep_app.vault import (
    KdfParams,
    Store,
    StoredPlan,
    backup_path,
    create_vault,
    crypto,
    format,
    read_info,
    unlock_vault,
)
from prep_app.vault import vault as vault_module

WEAK = KdfParams(8192, 1, 1)


class FakeDate(date):
    today_is = date(2026, 1, 1)

    @classmethod
    def today(cls):
        return cls.today_is


@pytest.fixture
def store(tmp_path):
    return Store(tmp_path / "home")


def test_plans_folder_is_private(tmp_path):
    (tmp_path / "home" / "plans").mkdir(parents=True, mode=0o755)
    store = Store(tmp_path / "home")
    assert store.plans_dir == tmp_path / "home" / "plans"
    assert store.plans_dir.stat().st_mode & 0o777 == 0o700


def test_new_path_is_random_and_says_nothing(store):
    paths = {store.new_path() for _ in range(200)}
    assert len(paths) == 200
    for p in paths:
        assert p.parent == store.plans_dir and re.fullmatch(r"[0-9a-f]{8}\.prepvault", p.name)
        assert not p.exists()


def test_list_of_200_vaults_newest_first_without_reading_a_body(store, monkeypatch):
    monkeypatch.setattr(vault_module, "date", FakeDate)
    vault, _ = create_vault(store.new_path(), b"plan", "pw", "first", kdf=WEAK)
    for i in range(199):
        FakeDate.today_is = date(2026, 1, 1 + i % 28)
        vault.set_label(f"family {i}")
        vault.copy_to(store.new_path())
    FakeDate.today_is = date(2026, 3, 1)
    vault.set_label("newest")
    # Spoil every body: a listing that looked past the header would now fail.
    for p in store.plans_dir.glob("*.prepvault"):
        data = bytearray(p.read_bytes())
        data[-100:] = bytes(100)
        p.write_bytes(bytes(data))

    def forbidden(*a, **k):
        raise AssertionError("the listing touched a body or a key")
    for name in ("derive_key", "open_body", "unwrap"):
        monkeypatch.setattr(crypto, name, forbidden)
    monkeypatch.setattr(format, "parse", forbidden)

    plans = store.list()
    assert len(plans) == 200 and not any(p.damaged for p in plans)
    assert plans[0].label == "newest" and plans[0].saved_on == date(2026, 3, 1)
    dates = [p.saved_on for p in plans]
    assert dates == sorted(dates, reverse=True)
    assert {p.label for p in plans} == {"newest", *(f"family {i}" for i in range(199))}
    assert all(isinstance(p, StoredPlan) for p in plans)


def test_unreadable_files_are_listed_as_damaged_not_fatal(store, tmp_path):
    good, _ = create_vault(store.new_path(), b"plan", "pw", "good one", kdf=WEAK)
    (store.plans_dir / "00000001.prepvault").write_bytes(b"")
    (store.plans_dir / "00000002.prepvault").write_bytes(os.urandom(3000))
    newer = bytearray(good.path.read_bytes())
    newer[8:10] = b"\x00\x07"
    (store.plans_dir / "00000003.prepvault").write_bytes(bytes(newer))
    (store.plans_dir / "00000004.prepvault").write_bytes(good.path.read_bytes()[:200])
    (store.plans_dir / "00000005.prepvault").mkdir()
    (store.plans_dir / "notes.txt").write_text("not a plan")
    plans = {p.path.name: p for p in store.list()}
    assert set(plans) == {good.path.name, *(f"0000000{i}.prepvault" for i in range(1, 6))}
    assert not plans[good.path.name].damaged and plans[good.path.name].label == "good one"
    for i in range(1, 6):
        bad = plans[f"0000000{i}.prepvault"]
        assert bad.damaged and bad.label == "" and bad.problem is not None
        assert isinstance(bad.saved_on, date)
    assert "newer prep-app" in plans["00000003.prepvault"].problem.text()


def test_backups_and_temp_files_are_not_listed(store):
    vault, _ = create_vault(store.new_path(), b"a", "pw", "only", kdf=WEAK)
    vault.save(b"b")
    (store.plans_dir / f".{vault.path.name}.abcd1234.tmp").write_bytes(b"left by a crash")
    assert [p.label for p in store.list()] == ["only"]


def test_erase_removes_vault_backup_and_temps_and_nothing_else(store):
    keep, _ = create_vault(store.new_path(), b"other family", "pw", "keep", kdf=WEAK)
    keep.save(b"other family 2")
    gone, _ = create_vault(store.new_path(), b"this family", "pw", "gone", kdf=WEAK)
    gone.save(b"this family 2")
    for stray in (f".{gone.path.name}.0badf00d.tmp", f".{gone.path.name}.bak.0badf00d.tmp"):
        (store.plans_dir / stray).write_bytes(b"x")
    store.erase(gone.path)
    assert sorted(p.name for p in store.plans_dir.iterdir()) == sorted(
        [keep.path.name, backup_path(keep.path).name])
    assert [p.label for p in store.list()] == ["keep"]
    assert unlock_vault(keep.path, "pw").plaintext == b"other family 2"
    store.erase(gone.path)                      # erasing twice is harmless


def test_read_info_is_fast_and_needs_no_secret(store):
    vault, _ = create_vault(store.new_path(), b"plan", "pw", "Pasta azul", kdf=WEAK)
    info = read_info(vault.path)
    assert (info.label, info.saved_on, info.format_version) == ("Pasta azul", date.today(), 1)


def test_a_plans_folder_taken_away_gives_a_storage_error_not_a_crash(tmp_path):
    from prep_app.vault import StorageError
    store = Store(tmp_path / "stick")
    store.plans_dir.rmdir()
    store.plans_dir.write_bytes(b"not a folder any more")      # the stick re-mounted oddly
    with pytest.raises(StorageError) as caught:
        store.list()
    assert "read" in caught.value.message.text().lower()


def test_a_plan_erased_while_the_list_is_read_is_left_out(store):
    create_vault(store.new_path(), b"{}", "mango river tuesday song", "Kept", kdf=WEAK)
    (store.plans_dir / "gone.prepvault").symlink_to(store.plans_dir / "erased-meanwhile.prepvault")
    assert [p.label for p in store.list()] == ["Kept"]


def test_erasing_what_cannot_be_removed_says_so(store):
    from prep_app.vault import StorageError
    stuck = store.plans_dir / "abcd1234.prepvault"
    stuck.mkdir()
    (stuck / "inside").write_bytes(b"x")                  # a folder in the way: unlink fails
    with pytest.raises(StorageError) as caught:
        store.erase(stuck)
    assert "erase" in caught.value.message.text().lower() or "delete" in caught.value.message.text().lower()
    assert stuck.exists()
