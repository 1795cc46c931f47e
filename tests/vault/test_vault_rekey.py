"""A new passphrase or a new recovery code shuts the old secret out of every
file the vault leaves in its folder (issue 9, finding 2): the data key is new,
and the .bak and temp files sealed under the old key are gone."""
from __future__ import annotations

import shutil

import pytest

from prep_app.vault import WrongSecretError, unlock_vault
from prep_app.vault.atomic import backup_path

from .conftest import PASSPHRASE, WEAK


def files_in(folder):
    return [p for p in folder.iterdir() if p.is_file()]


def opens_with(path, **secret) -> bool:
    try:
        unlock_vault(path, **secret)
    except WrongSecretError:
        return False
    except Exception:             # a .bak that is gone meanwhile, a temp file: not a vault
        return False
    return True


def leave_leftovers(vault):
    """A save (which keeps a .bak) and a temp file a crash left behind."""
    vault.save(vault.plaintext + b" ")
    stray = vault.path.with_name(f".{vault.path.name}.dead.tmp")
    shutil.copyfile(vault.path, stray)
    assert backup_path(vault.path).exists() and stray.exists()


def test_a_new_passphrase_shuts_out_the_old_one_everywhere(made, tmp_path):
    vault, code = made
    leave_leftovers(vault)
    before = vault.path.read_bytes()
    kept = vault.change_passphrase("river mango tuesday song", kdf=WEAK)
    assert kept is None                                   # made with the code: the code is kept
    assert not any(opens_with(p, passphrase=PASSPHRASE) for p in files_in(tmp_path))
    assert files_in(tmp_path) == [vault.path]             # no .bak, no temp file
    assert unlock_vault(vault.path, passphrase="river mango tuesday song").plaintext == vault.plaintext
    assert unlock_vault(vault.path, recovery_code=code).plaintext == vault.plaintext
    # a copy made before the change (a stick) still opens with the old secret, but the
    # key it yields no longer opens what is saved now
    old = tmp_path / "stick"
    old.mkdir()
    (old / "copy.prepvault").write_bytes(before)
    old_key = unlock_vault(old / "copy.prepvault", passphrase=PASSPHRASE)._key
    assert old_key != vault._key


def test_opened_with_the_passphrase_a_new_passphrase_brings_a_new_recovery_code(made, tmp_path):
    vault, old_code = made
    opened = unlock_vault(vault.path, passphrase=PASSPHRASE)
    new_code = opened.change_passphrase("river mango tuesday song", kdf=WEAK)
    assert new_code and new_code != old_code
    assert not opens_with(vault.path, recovery_code=old_code)
    assert opens_with(vault.path, recovery_code=new_code)


def test_opened_with_the_recovery_code_the_code_is_kept_unless_asked(made):
    vault, code = made
    opened = unlock_vault(vault.path, recovery_code=code)
    assert opened.change_passphrase("river mango tuesday song", kdf=WEAK) is None
    assert opens_with(vault.path, recovery_code=code)
    fresh = opened.change_passphrase("song tuesday mango river", kdf=WEAK, new_recovery_code=True)
    assert not opens_with(vault.path, recovery_code=code)
    assert opens_with(vault.path, recovery_code=fresh)
    with pytest.raises(ValueError):          # opened with the code: no passphrase to keep
        unlock_vault(vault.path, recovery_code=fresh).replace_recovery_code(kdf=WEAK)


def test_a_new_recovery_code_shuts_out_the_old_one_and_keeps_the_passphrase(made, tmp_path):
    vault, code = made
    leave_leftovers(vault)
    opened = unlock_vault(vault.path, passphrase=PASSPHRASE)
    new_code = opened.replace_recovery_code(kdf=WEAK)
    assert files_in(tmp_path) == [vault.path]
    assert not opens_with(vault.path, recovery_code=code)
    assert opens_with(vault.path, recovery_code=new_code)
    assert opens_with(vault.path, passphrase=PASSPHRASE)


def test_sealed_typing_opens_only_under_the_same_key(made):
    """What the window holds while locked: unreadable in memory, opened by the
    plan unlocked again, and not by the plan after its key changed."""
    vault, code = made
    sealed = vault.seal(b'{"family_name": "Gon\xc3\xa7alves"}')
    assert b"Gon" not in sealed
    vault.close()
    again = unlock_vault(vault.path, passphrase=PASSPHRASE)
    assert again.unseal(sealed) == b'{"family_name": "Gon\xc3\xa7alves"}'
    again.change_passphrase("a wholly new passphrase here", kdf=WEAK)
    assert again.unseal(sealed) is None
