"""Saves under fire: SIGKILL at random instants, failing system calls, full
disks, read-only folders.  The vault must always open to the old or the new plan."""
import errno
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from prep_app.vault import KdfParams, StorageError, Store, atomic, backup_path, create_vault, unlock_vault

PASSPHRASE = "correct horse battery staple"
WEAK = KdfParams(8192, 1, 1)
REPO = Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent("""
    import sys
    from prep_app.vault import unlock_vault
    vault = unlock_vault(sys.argv[1], sys.argv[2])
    plans = [open(sys.argv[3], "rb").read(), open(sys.argv[4], "rb").read()]
    print("ready", flush=True)
    i = 0
    while True:
        vault.save(plans[i % 2])
        i += 1
""")


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_sigkill_at_random_instants_always_leaves_a_vault_that_opens(tmp_path, plan_bytes):
    a = plan_bytes
    b = plan_bytes.replace(b"Gon", b"GON") + b" " * 20000     # other content, other bucket
    (tmp_path / "a").write_bytes(a)
    (tmp_path / "b").write_bytes(b)
    home = tmp_path / "plans"
    home.mkdir()
    path = home / "v.prepvault"
    create_vault(path, a, PASSPHRASE, "x", kdf=WEAK)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    rng = random.Random()
    seen = set()
    for _ in range(25):
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(path), PASSPHRASE,
                                  str(tmp_path / "a"), str(tmp_path / "b")],
                                 stdout=subprocess.PIPE, env=env)
        try:
            assert child.stdout.readline() == b"ready\n"
            time.sleep(rng.uniform(0, 0.03))
        finally:
            child.send_signal(signal.SIGKILL)
            child.wait(timeout=30)
            child.stdout.close()
        opened = unlock_vault(path, PASSPHRASE).plaintext
        assert opened in (a, b)
        seen.add(opened)
        if backup_path(path).exists():
            assert unlock_vault(backup_path(path), PASSPHRASE).plaintext in (a, b)
        for tmp in home.glob("*.tmp"):
            assert tmp.stat().st_mode & 0o777 == 0o600
    assert seen == {a, b}, "the child never got to save: the test proved nothing"
    Store(tmp_path).erase(path)
    assert list(home.iterdir()) == []


SYSCALLS = ["write", "fsync", "close", "link", "replace", "open", "unlink"]


def _no_links(*args, **kw):
    raise OSError(errno.EPERM, "Operation not permitted")     # as on a FAT USB stick


@pytest.mark.parametrize("links", [True, False], ids=["hard-link-backup", "copied-backup"])
def test_a_failure_at_every_system_call_of_a_save_keeps_old_or_new(made, monkeypatch, links):
    vault, _ = made
    folder = vault.path.parent
    real = {name: getattr(os, name) for name in SYSCALLS}
    if not links:
        real["link"] = _no_links

    def run_save(data, fail_at=None):
        """Save with every system call counted; the call numbered *fail_at* fails.
        Returns (saved?, names of the calls made, name of the failed call)."""
        made_calls, failed = [], []

        def wrap(name):
            def call(*args, **kw):
                made_calls.append(name)
                if len(made_calls) - 1 == fail_at:
                    failed.append(name)
                    raise OSError(errno.EIO, "simulated failure")
                return real[name](*args, **kw)
            return call
        for name in SYSCALLS:
            monkeypatch.setattr(os, name, wrap(name))
        try:
            vault.save(data)
            return True, made_calls, failed[0] if failed else None
        except StorageError:
            return False, made_calls, failed[0] if failed else None
        finally:
            monkeypatch.undo()

    run_save(b"warm-up")
    _, calls, _ = run_save(b"count the calls")
    assert calls.count("fsync") == (2 if links else 3)     # temp, (copied backup,) folder
    old = b"count the calls"
    for k in range(len(calls) + 1):
        new = b"attempt %d" % k
        saved, _, failed = run_save(new, fail_at=k)
        current = new if saved else old
        assert unlock_vault(vault.path, PASSPHRASE).plaintext == current, (k, failed)
        assert vault.plaintext == current
        if failed != "unlink":                    # only a failed clean-up may leave a temp
            assert leftovers(folder) == [], (k, failed)
        for p in folder.glob(".*.tmp"):
            p.unlink()
        old = current
    assert saved                                   # k past the last call: nothing failed


def test_disk_full_is_a_storage_error_and_the_previous_vault_still_opens(made, plan_bytes,
                                                                         monkeypatch):
    vault, _ = made
    vault.save(b"second")
    before = {p.name: p.read_bytes() for p in vault.path.parent.iterdir()}

    def full(fd, data):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    monkeypatch.setattr(os, "write", full)
    with pytest.raises(StorageError) as err:
        vault.save(b"third")
    monkeypatch.undo()
    assert "disk is full" in str(err.value) and err.value.exit_code == 5
    assert err.value.os_errno == errno.ENOSPC
    assert {p.name: p.read_bytes() for p in vault.path.parent.iterdir()} == before
    assert unlock_vault(vault.path, PASSPHRASE).plaintext == b"second"
    assert vault.plaintext == b"second"


def test_disk_full_after_a_partial_write(made, monkeypatch):
    vault, _ = made
    real_write, budget = os.write, [5000]

    def filling(fd, data):
        if budget[0] <= 0:
            raise OSError(errno.ENOSPC, "No space left on device")
        n = real_write(fd, bytes(data[:budget[0]]))
        budget[0] -= n
        return n
    monkeypatch.setattr(os, "write", filling)
    with pytest.raises(StorageError):
        vault.save(b"new")
    monkeypatch.undo()
    assert unlock_vault(vault.path, PASSPHRASE).plaintext == vault.plaintext
    assert leftovers(vault.path.parent) == []


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root ignores modes")
def test_read_only_folder_is_a_storage_error_in_plain_words(made):
    vault, _ = made
    folder = vault.path.parent
    before = vault.path.read_bytes()
    folder.chmod(0o500)
    try:
        with pytest.raises(StorageError) as err:
            vault.save(b"new")
    finally:
        folder.chmod(0o700)
    assert "not allowed" in str(err.value)
    assert vault.path.read_bytes() == before


def test_permission_denied_is_a_storage_error_in_plain_words(made, monkeypatch):
    vault, _ = made
    before = vault.path.read_bytes()
    real_open = os.open

    def denied(path, flags, *a, **k):
        if flags & os.O_CREAT:
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_open(path, flags, *a, **k)
    monkeypatch.setattr(os, "open", denied)
    with pytest.raises(StorageError) as err:
        vault.save(b"new")
    monkeypatch.undo()
    assert str(err.value) == ("The plan could not be saved; the last saved version is "
                              "unchanged. prep-app is not allowed to use this file or folder.")
    assert vault.path.read_bytes() == before


def test_without_hard_links_backups_are_copies(made, monkeypatch, tmp_path):
    vault, _ = made
    def no_links(*a, **k):
        raise OSError(errno.EPERM, "Operation not permitted")
    monkeypatch.setattr(os, "link", no_links)      # as on a FAT-formatted USB stick
    vault.save(b"second")
    vault.save(b"third")
    assert unlock_vault(backup_path(vault.path), PASSPHRASE).plaintext == b"second"
    assert backup_path(vault.path).stat().st_mode & 0o777 == 0o600
    new, _ = create_vault(tmp_path / "new.prepvault", b"x", "pw", "x", kdf=WEAK)
    with pytest.raises(StorageError):
        create_vault(new.path, b"y", "pw", "x", kdf=WEAK)
    assert unlock_vault(new.path, "pw").plaintext == b"x"
    assert leftovers(tmp_path) == []


def test_files_are_owner_only_and_folders_private_whatever_the_umask(tmp_path):
    old = os.umask(0o022)
    try:
        store = Store(tmp_path / "home")
        vault, _ = create_vault(store.new_path(), b"x", "pw", "x", kdf=WEAK)
        vault.save(b"y")
        vault.copy_to(tmp_path / "copy.prepvault")
    finally:
        os.umask(old)
    assert store.plans_dir.stat().st_mode & 0o777 == 0o700
    for p in (vault.path, backup_path(vault.path), tmp_path / "copy.prepvault"):
        assert p.stat().st_mode & 0o777 == 0o600, p
    assert atomic.BACKUP_SUFFIX == ".bak"
