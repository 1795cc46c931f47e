"""The desktop window (PySide6 lives only in this package).

``run_app`` is what ``prep-app`` with no arguments calls.  It imports Qt only
when called, so importing :mod:`prep_app.ui` stays cheap for the CLI.
"""


def run_app(argv=None) -> int:
    from .app import run_app as _run_app
    return _run_app(argv)


__all__ = ["run_app"]
