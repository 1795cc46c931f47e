"""The window's language: one gettext translator from prep_app.i18n plus Qt's
own qtbase_<lang>.qm, switchable at any time without a restart.

Widgets never keep translated text themselves: they ``bind()`` a setter to an
English template (marked with ``N_`` so pybabel extracts it) and the binding is
re-applied whenever the language changes.  Texts built at run time use ``_()``.
"""
from __future__ import annotations

import itertools
import logging
import unicodedata
from collections.abc import Callable
from functools import partial

import shiboken6
from PySide6.QtCore import QLibraryInfo, QLocale, QObject, QTranslator, Signal
from PySide6.QtWidgets import QApplication

from ..log import caught
from ..messages import N_  # noqa: F401  (re-exported for the UI modules)

# Each language named in itself, as prep_app.i18n (Babel) names it; kept here
# so the first window needs no Babel (a test holds the two equal)
NATIVE_NAMES = {"en": "English", "ar": "العربية", "es": "Español", "fr": "Français",
                "ht": "Kreyòl Ayisyen", "pl": "Polski", "pt_BR": "Português", "vi": "Tiếng Việt",
                "zh_Hans": "中文"}
# Qt's own catalog where its name is not the language code
QT_CATALOGS = {"zh_Hans": "zh_CN"}


_languages: dict[str, str] | None = None

LOG = logging.getLogger(__name__)

_KEY_PROPERTY = "prep_lang_key"     # the Qt property naming an object's bindings


def languages() -> dict[str, str]:
    """Code -> the language's name in itself.  The languages are the folders
    of translations/ (as in prep_app.i18n); those in NATIVE_NAMES are named
    without loading Babel, which keeps the start-up fast however many there are."""
    global _languages
    if _languages is None:
        from ..resources import language_codes
        codes = language_codes()
        if all(c in NATIVE_NAMES for c in codes):
            _languages = {c: NATIVE_NAMES[c] for c in codes}
        else:
            try:
                from ..i18n import LANGUAGES
                _languages = dict(LANGUAGES)
            except Exception:  # i18n layer not importable: still offer what we know
                _languages = {c: NATIVE_NAMES.get(c, c) for c in codes}
    return dict(_languages)


def writes_right_to_left(code: str) -> bool:
    """Arabic and the like: read from the language's name in itself, so the
    first window needs neither Babel nor Qt's enums (ui/app.py); a test holds
    it equal to Babel's text direction."""
    name = languages().get(code, "")
    return bool(name) and unicodedata.bidirectional(name[0]) in ("R", "AL")


def isolated(value: object) -> str:
    """*value* (a folder, a file) set inside a translated sentence as a run of
    its own, between Unicode's first-strong isolate and its end: an Arabic
    sentence otherwise moved a path's leading slash to its far end
    ("tmp/x/Documents/ في")."""
    return f"\u2068{value}\u2069"


class _Identity:
    def gettext(self, s):
        return s

    def ngettext(self, s, p, n):
        return s if n == 1 else p


def _translator(code: str):
    if code == "en":          # the source language: no catalog needed
        return _Identity()
    try:
        from ..i18n import translator
        return translator(code)
    except Exception as err:    # a broken catalog: the window stays usable, in English
        caught(LOG, f"loading the {code} catalog failed", err)
        return _Identity()


class Lang(QObject):
    changed = Signal(str)

    def __init__(self):
        super().__init__()
        self.code = "en"
        self.t = _Identity()
        self._qt = None
        # per owning object, forgotten when Qt destroys it: a binding's
        # closure can hold the plan, which must go when the plan is locked
        self._bindings: dict[int, list[tuple[QObject, str, str, dict]]] = {}
        self._listeners: dict[int, list[Callable[[str], None]]] = {}
        self._keys = itertools.count(1)

    def set(self, code: str) -> None:
        if code not in languages():
            code = "en"
        self.code = code
        self.t = _translator(code)
        app = QApplication.instance()
        if self._qt is not None and app is not None:
            app.removeTranslator(self._qt)
            self._qt = None
        if code != "en" and app is not None:
            qt = QTranslator(app)
            name = f"qtbase_{QT_CATALOGS.get(code, code)}"
            if qt.load(name, QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
                app.installTranslator(qt)
                self._qt = qt
        QLocale.setDefault(QLocale(code))
        if isinstance(app, QApplication):     # Arabic mirrors the whole window (by name: ui/app.py)
            app.setProperty("layoutDirection", "RightToLeft" if writes_right_to_left(code) else "LeftToRight")
        self._apply_all()
        for key, receivers in list(self._listeners.items()):
            if key in self._listeners:        # not destroyed by an earlier receiver
                for fn in list(receivers):
                    fn(code)
        self.changed.emit(code)

    def gettext(self, template: str) -> str:
        return self.t.gettext(template) if template else ""

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.t.ngettext(singular, plural, n)

    # -- bindings ------------------------------------------------------------
    def _key(self, obj: QObject) -> int:
        key = obj.property(_KEY_PROPERTY)
        if key is None:
            key = next(self._keys)
            obj.setProperty(_KEY_PROPERTY, key)
            obj.destroyed.connect(partial(self._forget, key))
        return key

    def _forget(self, key: int, *_destroyed) -> None:
        self._bindings.pop(key, None)
        self._listeners.pop(key, None)

    def bind(self, obj: QObject, method: str, template: str, **params) -> None:
        """Call ``obj.method(translated text)`` now and after each change; a
        new binding of the same setter replaces the old one."""
        bindings = self._bindings.setdefault(self._key(obj), [])
        bindings[:] = [b for b in bindings if b[1] != method]
        bindings.append((obj, method, template, params))
        self._apply(obj, method, template, params)

    def listen(self, owner: QObject, receiver: Callable[[str], None]) -> None:
        self._listeners.setdefault(self._key(owner), []).append(receiver)

    def _apply(self, obj, method, template, params):
        text = self.gettext(template)
        if params:
            text = text.format(**{k: v() if callable(v) else v for k, v in params.items()})
        getattr(obj, method)(text)

    def _apply_all(self):
        for bindings in list(self._bindings.values()):
            for b in bindings:
                if shiboken6.isValid(b[0]):
                    self._apply(*b)


LANG = Lang()


def _(template: str) -> str:
    """Translate now (for texts built at run time)."""
    return LANG.gettext(template)


def bind(obj: QObject, method: str, template: str, **params) -> None:
    LANG.bind(obj, method, template, **params)


def on_change(owner: QObject, receiver: Callable[[str], None]) -> None:
    """Call ``receiver(code)`` after each language change while ``owner`` lives."""
    LANG.listen(owner, receiver)
