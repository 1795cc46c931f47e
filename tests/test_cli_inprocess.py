"""The command line called in-process (``cli.main(argv, kdf=...)``): fast,
counted by coverage, and with a cheap KDF that only a caller in Python can
ask for.  tests/test_cli.py keeps the end-to-end runs in a real process."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from prep_app import cli
from prep_app.vault import KdfParams, unlock_vault

SAMPLE = Path(__file__).resolve().parents[1] / "resources" / "samples" / "example-plan.json"
PASSPHRASE = "correct horse battery staple"
FAST = KdfParams(8192, 1, 1)


@pytest.fixture
def run(tmp_path, monkeypatch, capsys):
    for name in ("PREP_APP_PASSPHRASE", "PREP_APP_NEW_PASSPHRASE", "PREP_APP_RECOVERY_CODE", "PREP_APP_LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("PREP_APP_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("PREP_APP_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("LANG", "C")

    def run(*argv, **env):
        for key, value in env.items():
            monkeypatch.setenv(key, value)
        code = cli.main([str(a) for a in argv], kdf=FAST)
        out, err = capsys.readouterr()
        return code, out, err
    return run


def test_import_then_export_gives_back_the_plan(run, tmp_path):
    vault = tmp_path / "family.prepvault"
    code, out, _err = run("import", SAMPLE, "--vault", vault, "--label", "Blue door")
    assert code == 0 and "recovery code" in out.lower()
    assert unlock_vault(vault, passphrase=PASSPHRASE).label == "Blue door"
    code, _out, _err = run("export", "--vault", vault, "--json", tmp_path / "back.json")
    assert code == 0
    back = json.loads((tmp_path / "back.json").read_text("utf-8"))
    assert back["household"] == json.loads(SAMPLE.read_text("utf-8"))["household"]


def test_a_wrong_passphrase_is_exit_3_in_spanish(run, tmp_path):
    vault = tmp_path / "family.prepvault"
    run("import", SAMPLE, "--vault", vault)
    before = vault.read_bytes()
    code, _out, err = run("export", "--vault", vault, "--json", tmp_path / "x.json",
                          PREP_APP_PASSPHRASE="not the right one at all", PREP_APP_LANG="es")
    assert code == 3 and err.startswith("prep-app: ") and "contraseña" in err
    assert vault.read_bytes() == before and not (tmp_path / "x.json").exists()


def test_passwd_with_a_new_recovery_code_shuts_out_both_old_secrets(run, tmp_path):
    vault = tmp_path / "family.prepvault"
    _code, out, _err = run("import", SAMPLE, "--vault", vault)
    old_code = next(line for line in out.splitlines() if line.count("-") == 7).strip()
    code, out, _err = run("passwd", "--vault", vault, "--new-recovery-code",
                          PREP_APP_NEW_PASSPHRASE="mango river tuesday song")
    assert code == 0
    new_code = next(line for line in out.splitlines() if line.count("-") == 7).strip()
    assert new_code != old_code
    assert unlock_vault(vault, recovery_code=new_code).plaintext
    from prep_app.vault import WrongSecretError
    for secret in ({"passphrase": PASSPHRASE}, {"recovery_code": old_code}):
        with pytest.raises(WrongSecretError):
            unlock_vault(vault, **secret)


def test_list_shows_labels_only(run, tmp_path):
    home = tmp_path / "home" / "plans"
    home.mkdir(parents=True)
    run("import", SAMPLE, "--vault", home / "a1b2c3d4.prepvault", "--label", "Green gate")
    code, out, _err = run("list")
    assert code == 0 and "Green gate" in out and "Gonçalves" not in out


def test_an_unknown_command_is_one_line_and_exit_2(run):
    code, _out, err = run("frobnicate")
    assert code == 2 and len(err.strip().splitlines()) == 1


def test_render_prints_an_account_number_in_full_only_when_asked(run, tmp_path):
    from pypdf import PdfReader
    plan = json.loads(SAMPLE.read_text("utf-8"))
    plan["finances"]["bank_notes"] = "Checking 123456789012 at Webster Bank"
    source = tmp_path / "plan.json"
    source.write_text(json.dumps(plan), "utf-8")
    vault = tmp_path / "family.prepvault"
    run("import", source, "--vault", vault)

    def binder(*flags):
        out = tmp_path / ("full" if flags else "masked")
        code, _out, err = run("render", "--vault", vault, "--lang", "en", "--out", out, "--only", "plan", *flags)
        assert code == 0, err
        return "".join("".join(page.extract_text().split()) for page in PdfReader(out / "plan.pdf").pages)

    masked = binder()
    assert "Checking••••9012atWebsterBank" in masked and "123456789012" not in masked
    assert "Checking123456789012atWebsterBank" in binder("--show-full-numbers")
