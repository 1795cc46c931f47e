"""Hold each package's line coverage at its floor (pyproject.toml,
[tool.prep_app.coverage_floors]; "top" is the modules directly in
prep_app/, the CLI among them), from the .coverage data the README's test
command leaves behind.  Prints every package's figure, floors or not."""
from __future__ import annotations

import io
import sys
import tomllib
from pathlib import Path

import coverage

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    floors = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["prep_app"]["coverage_floors"]
    data = coverage.Coverage(data_file=str(ROOT / ".coverage"), config_file=str(ROOT / "pyproject.toml"))
    data.load()
    packages = sorted(p.name for p in (ROOT / "prep_app").iterdir() if (p / "__init__.py").exists())
    failed = []
    for package in ["."] + packages:
        include = f"{ROOT}/prep_app/*.py" if package == "." else f"{ROOT}/prep_app/{package}/*"
        percent = data.report(include=[include], file=io.StringIO())
        floor = floors.get("top" if package == "." else package)
        verdict = "" if floor is None else ("ok" if percent >= floor else f"BELOW the floor of {floor}%")
        print(f"  prep_app/{package if package != '.' else ''}  {percent:5.1f}%  {verdict}")
        if floor is not None and percent < floor:
            failed.append(package)
    total = data.report(file=io.StringIO())
    print(f"  all of prep_app  {total:5.1f}%")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
