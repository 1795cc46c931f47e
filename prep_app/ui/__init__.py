"""The desktop window (PySide6 lives only in this package).

``run_app`` is what ``prep-app`` with no arguments calls.  It imports Qt only
when called, so importing :mod:`prep_app.ui` stays cheap for the CLI.
"""


def run_app(argv=None) -> int:
    # The settings first, before Qt: PySide reads the source of each module
    # imported after it (to see whether it uses PySide), and the settings'
    # modules (platformdirs, dataclasses) need no Qt.
    from .settings import Settings
    settings = Settings.load()
    from .app import run_app as _run_app
    return _run_app(argv, settings)


__all__ = ["run_app"]
