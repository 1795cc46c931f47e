"""prep-app on the command line, run as a volunteer's script would run it."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from prep_app import __version__
from prep_app.outputs import file_names

SAMPLE = Path(__file__).resolve().parents[1] / "resources" / "samples" / "example-plan.json"
FAMILY_NAMES = ["Gonçalves", "Ñañez", "Nguyễn Thị Hoa", "Wiśniewski", "A-123-456-789"]
PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def env(tmp_path):
    home, tmp = tmp_path / "home", tmp_path / "tmp"
    home.mkdir()
    tmp.mkdir()
    return {**os.environ, "PREP_APP_HOME": str(home), "TMPDIR": str(tmp), "HOME": str(tmp_path),
            "PREP_APP_PASSPHRASE": PASSPHRASE}


def prep_app(env, *args, **extra_env):
    result = subprocess.run([sys.executable, "-m", "prep_app", *map(str, args)],
                            env={**env, **extra_env}, capture_output=True, text=True,
                            stdin=subprocess.DEVNULL, timeout=120)
    if result.returncode != 0:  # every failure is one clear line, never a traceback
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert "Traceback" not in result.stderr
    return result


@pytest.fixture
def vault(env, tmp_path):
    path = tmp_path / "family.prepvault"
    result = prep_app(env, "import", SAMPLE, "--vault", path)
    assert result.returncode == 0, result.stderr
    return path


def test_version(env):
    result = prep_app(env, "--version")
    assert result.returncode == 0 and result.stdout.strip() == f"prep-app {__version__}"


def test_import_prints_recovery_code_once_and_export_gives_back_every_value(env, vault, tmp_path):
    out = tmp_path / "back.json"
    result = prep_app(env, "export", "--vault", vault, "--json", out)
    assert result.returncode == 0, result.stderr
    assert json.loads(out.read_text(encoding="utf-8")) == json.loads(SAMPLE.read_text(encoding="utf-8"))
    assert out.stat().st_mode & 0o077 == 0  # the plaintext export is owner-only


def test_recovery_code_is_shown_at_creation(env, tmp_path):
    result = prep_app(env, "import", SAMPLE, "--vault", tmp_path / "v.prepvault", "--label", "Blue folder")
    assert result.returncode == 0
    assert "Recovery code" in result.stdout
    code_line = result.stdout.strip().splitlines()[-1].strip()
    assert sum(ch.isdigit() for ch in code_line) >= 20


def test_import_replaces_the_plan_in_an_existing_vault(env, vault, tmp_path):
    changed = json.loads(SAMPLE.read_text(encoding="utf-8"))
    changed["children"][0]["full_name"] = "Lucas G. Ñañez"
    new = tmp_path / "changed.json"
    new.write_text(json.dumps(changed), encoding="utf-8")
    assert prep_app(env, "import", new, "--vault", vault).returncode == 0
    out = tmp_path / "out.json"
    prep_app(env, "export", "--vault", vault, "--json", out)
    assert json.loads(out.read_text(encoding="utf-8"))["children"][0]["full_name"] == "Lucas G. Ñañez"


def test_bad_plan_is_exit_2_naming_the_path_and_writes_no_vault(env, tmp_path):
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["children"][2]["date_of_birth"] = "2014-13-01"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    target = tmp_path / "new.prepvault"
    result = prep_app(env, "import", bad, "--vault", target)
    assert result.returncode == 2
    assert 'children[2].date_of_birth: "2014-13-01" is not a date' in result.stderr
    assert not target.exists()


def test_bad_plan_leaves_an_existing_vault_byte_identical(env, vault, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "prep-app-plan", "version": 1, "kids": []}', encoding="utf-8")
    before = vault.read_bytes()
    result = prep_app(env, "import", bad, "--vault", vault)
    assert result.returncode == 2 and "kids: unknown key" in result.stderr
    assert vault.read_bytes() == before


def test_wrong_passphrase_is_exit_3_and_changes_nothing(env, vault, tmp_path):
    before = vault.read_bytes()
    result = prep_app(env, "export", "--vault", vault, "--json", tmp_path / "x.json",
                      PREP_APP_PASSPHRASE="not the passphrase")
    assert result.returncode == 3
    assert vault.read_bytes() == before
    assert not (tmp_path / "x.json").exists()


@pytest.mark.parametrize("content", [b"", b"hello, this is a letter", os.urandom(4096)])
def test_not_a_vault_is_exit_4(env, tmp_path, content):
    path = tmp_path / "strange.prepvault"
    path.write_bytes(content)
    result = prep_app(env, "export", "--vault", path, "--json", tmp_path / "x.json")
    assert result.returncode == 4
    assert path.read_bytes() == content


def test_truncated_vault_is_exit_4(env, vault, tmp_path):
    vault.write_bytes(vault.read_bytes()[:-100])
    assert prep_app(env, "export", "--vault", vault, "--json", tmp_path / "x.json").returncode == 4


def test_missing_vault_is_exit_5(env, tmp_path):
    result = prep_app(env, "export", "--vault", tmp_path / "nowhere.prepvault", "--json", tmp_path / "x.json")
    assert result.returncode == 5


def test_export_into_a_missing_folder_is_exit_5(env, vault, tmp_path):
    result = prep_app(env, "export", "--vault", vault, "--json", tmp_path / "no" / "such" / "x.json")
    assert result.returncode == 5 and "cannot write" in result.stderr


def test_no_passphrase_and_no_terminal_is_exit_2(env, tmp_path):
    env.pop("PREP_APP_PASSPHRASE")
    result = prep_app(env, "import", SAMPLE, "--vault", tmp_path / "v.prepvault")
    assert result.returncode == 2 and "PREP_APP_PASSPHRASE" in result.stderr
    assert not (tmp_path / "v.prepvault").exists()


def test_short_passphrase_is_refused(env, tmp_path):
    result = prep_app(env, "import", SAMPLE, "--vault", tmp_path / "v.prepvault", PREP_APP_PASSPHRASE="abc")
    assert result.returncode == 2 and "Too short" in result.stderr
    result = prep_app(env, "import", SAMPLE, "--vault", tmp_path / "v.prepvault", PREP_APP_PASSPHRASE="password")
    assert result.returncode == 2 and "Too easy to guess" in result.stderr
    assert not (tmp_path / "v.prepvault").exists()


def test_usage_error_is_one_line(env):
    result = prep_app(env, "export")
    assert result.returncode == 2 and "--vault" in result.stderr


def test_passwd_with_recovery_code(env, tmp_path):
    path = tmp_path / "v.prepvault"
    created = prep_app(env, "import", SAMPLE, "--vault", path)
    code = created.stdout.strip().splitlines()[-1].strip()
    new = "a brand new passphrase"
    result = prep_app(env, "passwd", "--vault", path, PREP_APP_PASSPHRASE="forgotten it",
                      PREP_APP_RECOVERY_CODE=code, PREP_APP_NEW_PASSPHRASE=new)
    assert result.returncode == 0, result.stderr
    out = tmp_path / "x.json"
    assert prep_app(env, "export", "--vault", path, "--json", out, PREP_APP_PASSPHRASE=new).returncode == 0
    assert prep_app(env, "export", "--vault", path, "--json", out).returncode == 3  # the old one no longer opens


def test_mistyped_recovery_code_is_a_typo_not_a_wrong_code(env, tmp_path):
    path = tmp_path / "v.prepvault"
    code = prep_app(env, "import", SAMPLE, "--vault", path).stdout.strip().splitlines()[-1].strip()
    position = next(i for i, ch in enumerate(code) if ch.isdigit())
    typo = code[:position] + str((int(code[position]) + 1) % 10) + code[position + 1:]
    result = prep_app(env, "passwd", "--vault", path, PREP_APP_PASSPHRASE="forgotten it",
                      PREP_APP_RECOVERY_CODE=typo, PREP_APP_NEW_PASSPHRASE="another new passphrase")
    assert result.returncode == 2
    assert "Group 1 of the recovery code has a typo." in result.stderr   # names the group, costs no key derivation


def test_nothing_readable_is_left_on_disk(env, vault, tmp_path):
    out = tmp_path / "exported" / "plan.json"
    out.parent.mkdir()
    assert prep_app(env, "export", "--vault", vault, "--json", out).returncode == 0
    assert prep_app(env, "list").returncode == 0
    written = [p for folder in (env["PREP_APP_HOME"], env["TMPDIR"]) for p in Path(folder).rglob("*") if p.is_file()]
    written.append(vault)
    for path in written:
        data = path.read_bytes()
        for name in FAMILY_NAMES:
            for encoding in ("utf-8", "utf-16-le"):
                assert name.encode(encoding) not in data, f"{name} readable in {path}"


CRASH_AFTER_START = """
import os, resource, sys
soft, hard = resource.getrlimit(resource.RLIMIT_CORE)
resource.setrlimit(resource.RLIMIT_CORE, (hard, hard))   # as a laptop that allows core files
from prep_app.cli import main
main(["list"])
print(resource.getrlimit(resource.RLIMIT_CORE), flush=True)
os.abort()                                                # a crash with a plan in memory
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="core files as Linux writes them")
def test_a_crash_writes_no_core_file(env, tmp_path):
    import resource
    if resource.getrlimit(resource.RLIMIT_CORE)[1] == 0:
        pytest.skip("this machine allows no core files at all")
    if Path("/proc/sys/kernel/core_pattern").read_text().strip() not in ("core", "core.%p"):
        pytest.skip("core files are not written to the working folder here")
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    result = subprocess.run([sys.executable, "-c", CRASH_AFTER_START], cwd=cwd, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode != 0
    assert "(0, 0)" in result.stdout
    assert not list(cwd.iterdir()), list(cwd.iterdir())


def plan_file(tmp_path, text: str) -> Path:
    path = tmp_path / "odd.json"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("text,says", [
    ("[" * 200_000 + "]" * 200_000, "nested too deeply"),
    ('{"format": "prep-app-plan", "version": ' + "9" * 5000 + "}", "number of 5000 characters"),
    ('{"format": "prep-app-plan", "version": NaN}', "NaN is not a number"),
])
def test_hostile_json_is_exit_2_with_one_line(env, tmp_path, text, says):
    target = tmp_path / "new.prepvault"
    result = prep_app(env, "import", plan_file(tmp_path, text), "--vault", target)
    assert result.returncode == 2 and says in result.stderr
    assert not target.exists()


def test_a_plan_too_large_for_the_reader_is_refused_before_a_vault_is_written(env, tmp_path):
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["household"]["notes"] = "x" * (5 * 1024 * 1024)
    target = tmp_path / "new.prepvault"
    result = prep_app(env, "import", plan_file(tmp_path, json.dumps(data)), "--vault", target)
    assert result.returncode == 2 and "too large" in result.stderr
    assert not target.exists()


@pytest.mark.skipif(sys.platform == "win32", reason="environment bytes as POSIX passes them")
def test_a_passphrase_that_is_not_text_is_refused_without_echoing_it(env, vault):
    bad = os.fsdecode(b"horse\xffbattery staple river")
    for variable, args in (("PREP_APP_PASSPHRASE", ("export", "--vault", vault, "--json", vault.with_suffix(".json"))),
                           ("PREP_APP_NEW_PASSPHRASE", ("passwd", "--vault", vault))):
        result = prep_app(env, *args, **{variable: bad})
        assert result.returncode == 2, result.stderr
        assert "not valid UTF-8" in result.stderr
        for part in ("horse", "\\xff", "\udcff", "0xff"):
            assert part not in result.stderr, part


def opens(folder, **secret) -> list[str]:
    """The files in *folder* that open with *secret* (passphrase= or recovery_code=)."""
    from prep_app.vault import VaultError, unlock_vault
    names = []
    for p in sorted(folder.iterdir()):
        try:
            unlock_vault(p, **secret)
        except VaultError:
            continue
        names.append(p.name)
    return names


@pytest.mark.parametrize("unlock_with", ["passphrase", "recovery code"])
def test_after_passwd_no_file_opens_with_the_old_secrets(env, tmp_path, unlock_with):
    folder = tmp_path / "stick"
    folder.mkdir()
    path = folder / "v.prepvault"
    old_code = prep_app(env, "import", SAMPLE, "--vault", path).stdout.strip().splitlines()[-1].strip()
    assert prep_app(env, "import", SAMPLE, "--vault", path).returncode == 0          # a save: a .bak now
    assert len(list(folder.iterdir())) == 2
    secret = ({"PREP_APP_PASSPHRASE": PASSPHRASE} if unlock_with == "passphrase" else
              {"PREP_APP_PASSPHRASE": "forgotten it", "PREP_APP_RECOVERY_CODE": old_code})
    new = "a brand new passphrase"
    result = prep_app(env, "passwd", "--vault", path, "--new-recovery-code", PREP_APP_NEW_PASSPHRASE=new, **secret)
    assert result.returncode == 0, result.stderr
    new_code = result.stdout.strip().splitlines()[-1].strip()
    assert new_code != old_code and sum(ch.isdigit() for ch in new_code) >= 20
    assert opens(folder, passphrase=PASSPHRASE) == []
    assert opens(folder, recovery_code=old_code) == []
    assert opens(folder, passphrase=new) == ["v.prepvault"]
    assert opens(folder, recovery_code=new_code) == ["v.prepvault"]


def test_render_prints_both_languages_and_only_what_was_asked(env, vault, tmp_path):
    from pypdf import PdfReader
    out = tmp_path / "pdfs"
    result = prep_app(env, "render", "--vault", vault, "--lang", "es,en", "--out", out, "--only", "school,wallet")
    assert result.returncode == 0, result.stderr
    names = file_names("es")                                      # named in the first language
    assert sorted(p.name for p in out.iterdir()) == sorted([names["school"], names["wallet"]])
    school = " ".join(page.extract_text() for page in PdfReader(out / names["school"]).pages)
    assert "Estudiante" in school and "Student" in school          # both languages, side by side
    assert "Gonçalves" in school
    assert all(p.stat().st_mode & 0o077 == 0 for p in out.iterdir())


def test_render_blank_forms_need_no_vault_and_hold_no_family(env, tmp_path):
    from pypdf import PdfReader
    out = tmp_path / "blank"
    result = prep_app(env, "render", "--blank", "--lang", "pt_BR", "--out", out, "--only", "checklist")
    assert result.returncode == 0, result.stderr
    text = "".join(page.extract_text() for page in PdfReader(out / file_names("pt_BR")["checklist"]).pages)
    assert "Certidãodenascimento" in "".join(text.split())     # in Portuguese alone
    assert "Birth certificate" not in text
