"""A workshop evening is tens of thousands of signals; the Qt binding must survive them."""
import subprocess
import sys

SCRIPT = """
from PySide6.QtCore import QObject, Signal
class Field(QObject):
    edited = Signal(str)
field = Field()
field.edited.connect(lambda text: None)
field.edited.connect(lambda text: True)
for _ in range(50_000):
    field.edited.emit("x")
print("still here")
"""


def test_fifty_thousand_edits_do_not_crash_the_interpreter():
    # PySide6 6.12.0 lost a reference to None/True on every Python slot call and
    # aborted with "deallocating True or False" after about 10,000 of them.
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                            env={"QT_QPA_PLATFORM": "offscreen"}, timeout=120)
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() == "still here"
