"""The layering of DESIGN.md: model, vault, i18n and outputs never import Qt
(nor the window or the CLI), and the model imports no layer above it.  Read
from the source with ast, so an import hidden inside a function counts too."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "prep_app"
QT = ("PySide6", "shiboken6", "PyQt5", "PyQt6")
FORBIDDEN = {
    "model": QT + ("prep_app.ui", "prep_app.cli", "prep_app.outputs", "prep_app.vault"),
    "vault": QT + ("prep_app.ui", "prep_app.cli", "prep_app.outputs"),
    "i18n": QT + ("prep_app.ui", "prep_app.cli", "prep_app.outputs", "prep_app.vault"),
    "outputs": QT + ("prep_app.ui", "prep_app.cli", "prep_app.vault"),
}


def imports_of(path: Path) -> set[str]:
    """Every module *path* imports, relative imports made absolute."""
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    package = ".".join(parts[:-1])        # the package a relative import starts from
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")
            if node.level:
                base = base[:len(base) - node.level + 1]
                name = ".".join(base + ([node.module] if node.module else []))
            else:
                name = node.module or ""
            found.add(name)
            found.update(f"{name}.{alias.name}" for alias in node.names)
    return found


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_a_layer_imports_nothing_above_it(layer):
    wrong = []
    for path in sorted((PACKAGE / layer).rglob("*.py")):
        for name in imports_of(path):
            if any(name == f or name.startswith(f + ".") for f in FORBIDDEN[layer]):
                wrong.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert wrong == []


def test_the_contract_sees_relative_imports():
    """The reader itself: the window's module is seen importing the session."""
    assert "prep_app.ui.session" in imports_of(PACKAGE / "ui" / "main_window.py")   # inside a method
    assert "PySide6.QtWidgets" in imports_of(PACKAGE / "ui" / "main_window.py")
    assert "prep_app.model.plan" in imports_of(PACKAGE / "outputs" / "__init__.py")
