"""prep-app on the command line: the app's capabilities without a screen.

Exit codes: 0 ok, 2 bad input or usage, 3 wrong passphrase or recovery code,
4 not a vault / damaged / tampered / newer version, 5 cannot read or write.
Every failure is one line on stderr; no tracebacks reach a volunteer.
Heavy modules (Qt, ReportLab, the vault's crypto) are imported by the command
that needs them, so ``prep-app --version`` stays instant.
"""
from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from . import __version__
from .messages import N_, Message
from .passphrase import strength
from .process import no_core_dumps

EXIT_OK, EXIT_USAGE, EXIT_SECRET, EXIT_DAMAGED, EXIT_IO = 0, 2, 3, 4, 5


class CliError(Exception):
    def __init__(self, message: Message, code: int):
        super().__init__(message.text())
        self.message = message
        self.code = code


def _error(code: int, template: str, **params) -> CliError:
    return CliError(Message(template, params), code)


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line instead of argparse's usage block
        raise _error(EXIT_USAGE, N_("{problem} (see prep-app --help)"), problem=message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="prep-app", description="Family preparedness plans for workshops. "
                     "Without a command, opens the desktop app.")
    parser.add_argument("--version", action="version", version=f"prep-app {__version__}")
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)

    cmd = commands.add_parser("import", help="put a plan (JSON) into a vault; creates the vault if absent")
    cmd.add_argument("json", type=Path, metavar="PLAN.json")
    cmd.add_argument("--vault", type=Path, required=True)
    cmd.add_argument("--label", help="name shown in the list of plans on this laptop "
                     "(default: the vault's file name; never the family name)")

    cmd = commands.add_parser("export", help="write a vault's plan as exchange-format JSON")
    cmd.add_argument("--vault", type=Path, required=True)
    cmd.add_argument("--json", type=Path, required=True, metavar="OUT.json")

    cmd = commands.add_parser("passwd", help="set a new passphrase (unlock with the old one or the recovery code)")
    cmd.add_argument("--vault", type=Path, required=True)
    cmd.add_argument("--new-recovery-code", action="store_true",
                     help="also replace the recovery code (a new one is always made when "
                          "unlocking with the passphrase, which cannot carry the old one over)")

    cmd = commands.add_parser("render", help="print the plan's PDFs into a folder")
    source = cmd.add_mutually_exclusive_group(required=True)
    source.add_argument("--vault", type=Path)
    source.add_argument("--blank", action="store_true", help="empty forms to fill in by hand")
    cmd.add_argument("--lang", required=True, help="one or two languages, e.g. es,en")
    cmd.add_argument("--out", type=Path, required=True, help="folder for the PDFs")
    cmd.add_argument("--only", help="some of: plan,guardian,school,wallet,checklist")
    cmd.add_argument("--paper", choices=("letter", "a4"), default="letter")
    cmd.add_argument("--show-full-numbers", action="store_true",
                     help="print account and card numbers found in notes in full "
                          "(by default only their last 4 digits are printed)")

    commands.add_parser("list", help="list the plans kept on this laptop (label and date only)")
    return parser


# -- secrets ------------------------------------------------------------------

def _prompt(prompt: str) -> str | None:
    """A hidden prompt, or None where nobody can answer (scripts, CI)."""
    if not sys.stdin or not sys.stdin.isatty():
        return None
    try:
        return getpass.getpass(prompt)
    except (EOFError, KeyboardInterrupt):
        return None


def _readable(passphrase: str | None) -> str | None:
    """A passphrase that is not valid text (bytes from a mis-set terminal or
    variable) is refused with a fixed message that never echoes it."""
    if passphrase is not None:
        try:
            passphrase.encode("utf-8")
        except UnicodeEncodeError:
            raise _error(EXIT_USAGE, N_("the passphrase is not valid UTF-8 text; nothing was changed")) from None
    return passphrase


def _new_passphrase(env_name: str) -> str:
    passphrase = _readable(os.environ.get(env_name))
    if passphrase is None:
        passphrase = _readable(_prompt("New passphrase: "))
        if passphrase is not None and _prompt("Type it again: ") != passphrase:
            raise _error(EXIT_USAGE, N_("the two passphrases are not the same; nothing was changed"))
    if passphrase is None:
        raise _error(EXIT_USAGE, N_("no passphrase given: type it at the prompt or set {variable}"),
                     variable=env_name)
    level, advice = strength(passphrase)
    if level == 0:
        raise CliError(Message(advice), EXIT_USAGE)
    return passphrase


def _unlock(path: Path, allow_recovery: bool = False):
    from . import vault

    if not path.is_file():  # say so before asking for a passphrase
        raise _error(EXIT_IO, N_("there is no plan file at {file}"), file=path)
    passphrase = _readable(os.environ.get("PREP_APP_PASSPHRASE"))
    recovery = _readable(os.environ.get("PREP_APP_RECOVERY_CODE")) if allow_recovery else None
    if passphrase is None and recovery is None:
        passphrase = _readable(_prompt("Passphrase: "))
    if passphrase is None and recovery is None:
        raise _error(EXIT_USAGE, N_("no passphrase given: type it at the prompt or set {variable}"),
                     variable="PREP_APP_PASSPHRASE")
    if passphrase is not None:
        try:
            return vault.unlock_vault(path, passphrase=passphrase)
        except vault.WrongSecretError:
            if recovery is None:
                raise
    return vault.unlock_vault(path, recovery_code=recovery)


# -- commands -----------------------------------------------------------------

def _read_plan_json(path: Path):
    from . import model

    try:
        text = path.read_bytes()
    except OSError as err:
        raise _error(EXIT_IO, N_("cannot read {file}: {reason}"), file=path, reason=err.strerror) from None
    try:
        return model.loads(text)
    except model.ExchangeError as err:
        raise _error(EXIT_USAGE, N_("{file}: {problem}"), file=path, problem=err) from None


def _plan_from_vault(opened):
    from . import model

    try:
        return model.loads(opened.plaintext)
    except model.ExchangeError as err:
        raise _error(EXIT_DAMAGED, N_("{file}: the plan inside cannot be read ({problem})"),
                     file=opened.path, problem=err) from None


def cmd_import(args) -> int:
    from . import model, vault

    plan = _read_plan_json(args.json)  # validate fully before any vault is touched
    try:
        data = model.dumps(plan).encode("utf-8")
    except model.ExchangeError as err:
        raise _error(EXIT_USAGE, N_("{file}: {problem}"), file=args.json, problem=err) from None
    if args.vault.exists():
        _unlock(args.vault).save(data)
        print(f"Plan replaced in {args.vault}")
        return EXIT_OK
    passphrase = _new_passphrase("PREP_APP_PASSPHRASE")
    _, code = vault.create_vault(args.vault, data, passphrase, args.label or args.vault.stem, **args.kdf)
    print(f"Created {args.vault}")
    print("Recovery code (write it down and keep it apart from the laptop; it is shown only once):")
    print(f"    {code}")
    return EXIT_OK


def cmd_export(args) -> int:
    from . import model

    plan = _plan_from_vault(_unlock(args.vault))
    try:
        fd = os.open(args.json, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with open(fd, "w", encoding="utf-8") as out:
            out.write(model.dumps(plan))
    except OSError as err:
        raise _error(EXIT_IO, N_("cannot write {file}: {reason}"), file=args.json, reason=err.strerror) from None
    print(f"Wrote {args.json}")
    return EXIT_OK


def cmd_passwd(args) -> int:
    opened = _unlock(args.vault, allow_recovery=True)
    code = opened.change_passphrase(_new_passphrase("PREP_APP_NEW_PASSPHRASE"),
                                    new_recovery_code=args.new_recovery_code, **args.kdf)
    print(f"New passphrase set for {args.vault}; the old passphrase no longer opens it, "
          "and its backup copy was removed.")
    if code:
        print("New recovery code (the old one no longer works; write this down, it is shown only once):")
        print(f"    {code}")
    else:
        print("The recovery code is unchanged.")
    return EXIT_OK


def cmd_render(args) -> int:
    from . import outputs

    plan = None if args.blank else _plan_from_vault(_unlock(args.vault))
    languages = [code.strip() for code in args.lang.split(",") if code.strip()]
    only = [name.strip() for name in args.only.split(",")] if args.only else None
    try:
        args.out.mkdir(parents=True, exist_ok=True)
        written = outputs.render_all(plan, languages, args.out, only=only, paper=args.paper,
                                     show_full_numbers=args.show_full_numbers)
    except ValueError as err:
        raise _error(EXIT_USAGE, N_("{problem}"), problem=err) from None
    except OSError as err:
        raise _error(EXIT_IO, N_("cannot write {file}: {reason}"), file=args.out, reason=err.strerror) from None
    for path in written:
        print(f"Wrote {path}")
    return EXIT_OK


def cmd_list(args) -> int:
    from .home import app_home
    from .vault import Store

    for entry in Store(app_home()).list():
        state = "  (damaged)" if getattr(entry, "damaged", False) else ""
        print(f"{entry.saved_on}  {entry.label}{state}")
    return EXIT_OK


COMMANDS = {"import": cmd_import, "export": cmd_export, "passwd": cmd_passwd,
            "render": cmd_render, "list": cmd_list}


def main(argv: list[str] | None = None, *, kdf=None) -> int:
    """The command line.  *kdf* is for tests calling this in-process: a cheap
    key derivation for the vaults they make.  It is deliberately not a flag
    or a variable, so no one can weaken a family's vault from the outside."""
    no_core_dumps()     # before any plan is decrypted
    try:
        argv = sys.argv[1:] if argv is None else argv
        if argv:        # with none, the window, without building the parser (7 ms)
            args = build_parser().parse_args(argv)
            if args.command is not None:
                args.kdf = {"kdf": kdf} if kdf is not None else {}
                return COMMANDS[args.command](args)
        from .ui import run_app
        return run_app()
    except CliError as err:
        return _fail(err.message, err.code)
    except KeyboardInterrupt:
        return _fail(Message(N_("stopped; nothing was changed")), EXIT_USAGE)
    except Exception as err:
        if hasattr(err, "exit_code") and hasattr(err, "message"):  # vault errors
            return _fail(err.message, err.exit_code)
        if isinstance(err, OSError):
            return _fail(Message(N_("cannot read or write {file}: {reason}"),
                                 {"file": err.filename or "?", "reason": err.strerror}), EXIT_IO)
        if os.environ.get("PREP_APP_DEBUG"):
            raise
        return _fail(Message(N_("unexpected error ({problem}); nothing was changed. "
                                "Set PREP_APP_DEBUG=1 to see details."),
                             {"problem": f"{type(err).__name__}: {err}"}), 1)


def _fail(message: Message, code: int) -> int:
    """One line on stderr, in the language of the volunteer's terminal."""
    print(f"prep-app: {message.text(_terminal_gettext())}", file=sys.stderr)
    return code


def _terminal_gettext():
    """gettext for PREP_APP_LANG or the locale variables (es_US.UTF-8 -> es); English otherwise."""
    try:
        from .i18n import LANGUAGES, translator
    except Exception:  # never let translation hide the error itself
        return lambda text: text
    for variable in ("PREP_APP_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "").split(".")[0]
        if not value or value in ("C", "POSIX"):
            continue
        language = value.split("_")[0]
        for code in (value, language, *(c for c in LANGUAGES if c.startswith(language + "_"))):
            if code in LANGUAGES:
                return translator(code).gettext
        break
    return lambda text: text


if __name__ == "__main__":
    sys.exit(main())
