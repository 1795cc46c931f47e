"""A new laptop opens in its own language when prep-app speaks it: a
volunteer in Hartford whose laptop is set to Brazilian Portuguese, Haitian
Creole or Chinese sees the start screen in it before touching anything."""
import os
import subprocess
import sys

import pytest

SHOW_LANGUAGE = """
from prep_app.ui.app import make_app, make_window
from prep_app.ui.lang import LANG
from prep_app.ui.settings import Settings
make_app()
window = make_window(Settings())
import sys
print("babel" in sys.modules, LANG.code, window.start.new_button.text())
"""


@pytest.mark.parametrize(("system", "expected"), [
    ("es_MX.UTF-8", "es"),
    ("pt_PT.UTF-8", "pt_BR"),        # Portuguese as Brazil writes it
    ("zh_CN.UTF-8", "zh_Hans"),
    ("ht_HT.UTF-8", "ht"),
    ("de_DE.UTF-8", "en"),           # a language prep-app does not speak
    ("C", "en"),
])
def test_a_new_laptop_opens_in_its_own_language(home, system, expected):
    env = {**os.environ, "LC_ALL": system, "LANG": system, "LANGUAGE": "", "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", SHOW_LANGUAGE], env=env, capture_output=True,
                          text=True, timeout=120, check=True)
    babel_loaded, code, button = done.stdout.strip().split(" ", 2)
    assert code == expected
    assert (button == "Start a new plan") == (expected == "en")
    # the catalog alone opens the window: Babel's locale data for nine
    # languages took 80-130 ms, which a laptop in Spanish waited for
    assert babel_loaded == "False"
