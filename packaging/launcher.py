"""Entry point of the frozen app (PyInstaller runs this file as ``__main__``).

``prep_app/__main__.py`` cannot be used directly: PyInstaller runs its script
outside the package, so its relative import would fail. This does the same as
``python -m prep_app`` and the ``prep-app`` console script.
"""
import sys

from prep_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
