"""Files that are not plain files: a FIFO, a link, a linked plans folder.
Each is refused at once with a message, and nothing behind it is touched."""
from __future__ import annotations

import os
import stat
import sys
import threading

import pytest

from prep_app.vault import StorageError, Store, unlock_vault
from prep_app.vault.vault import read_info

from .conftest import PASSPHRASE

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and POSIX links")


def promptly(fn, fifo=None):
    """Run fn in a thread; if it is still waiting after 10 s, open the FIFO's
    other end so it can finish, and fail.  Returns fn's exception or result."""
    out = {}

    def call():
        try:
            out["value"] = fn()
        except BaseException as exc:      # noqa: BLE001 - handed to the test
            out["value"] = exc
    t = threading.Thread(target=call, daemon=True)
    t.start()
    t.join(10)
    if t.is_alive() and fifo is not None:
        with open(fifo, "wb"):
            pass
        t.join(10)
        pytest.fail(f"{fn} waited on a FIFO")
    return out["value"]


def test_a_fifo_among_the_plans_is_listed_as_damaged_without_waiting(tmp_path, made):
    store = Store(tmp_path / "home")
    fifo = store.plans_dir / "abcd1234.prepvault"
    os.mkfifo(fifo)
    os.replace(made[0].path, store.plans_dir / "real.prepvault")
    plans = promptly(store.list, fifo)
    assert {(p.path.name, p.damaged) for p in plans} == {("abcd1234.prepvault", True), ("real.prepvault", False)}
    assert "link or a special file" in next(p for p in plans if p.damaged).problem.text()


def test_unlocking_a_fifo_is_refused_without_waiting(tmp_path):
    fifo = tmp_path / "plan.prepvault"
    os.mkfifo(fifo)
    err = promptly(lambda: unlock_vault(fifo, passphrase=PASSPHRASE), fifo)
    assert isinstance(err, StorageError), err
    assert "not a plan file" in err.message.text()


def test_a_link_to_a_plan_is_not_followed(made, tmp_path):
    vault, _code = made
    link = tmp_path / "elsewhere.prepvault"
    link.symlink_to(vault.path)
    for attempt in (lambda: unlock_vault(link, passphrase=PASSPHRASE), lambda: read_info(link)):
        with pytest.raises(StorageError):
            attempt()


def test_saving_a_copy_onto_a_link_replaces_neither_the_link_nor_its_target(made, tmp_path):
    vault, _code = made
    target = tmp_path / "precious.txt"
    target.write_bytes(b"someone else's file")
    link = tmp_path / "copy.prepvault"
    link.symlink_to(target)
    with pytest.raises(StorageError):
        vault.copy_to(link)
    assert link.is_symlink() and target.read_bytes() == b"someone else's file"
    # and a save of the plan itself, were its name swapped for a link
    os.replace(vault.path, tmp_path / "moved.prepvault")
    vault.path.symlink_to(target)
    with pytest.raises(StorageError):
        vault.save(vault.plaintext)
    assert vault.path.is_symlink() and target.read_bytes() == b"someone else's file"


def test_a_linked_plans_folder_is_refused_and_its_target_keeps_its_permissions(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    os.chmod(shared, 0o755)
    home = tmp_path / "home"
    home.mkdir()
    (home / "plans").symlink_to(shared)
    with pytest.raises(StorageError) as err:
        Store(home)
    assert "link" in err.value.message.text()
    assert stat.S_IMODE(shared.stat().st_mode) == 0o755
