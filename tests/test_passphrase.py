"""Passphrase strength in plain words: the same rule for the window and the CLI."""
import pytest

from prep_app.passphrase import strength


@pytest.mark.parametrize("passphrase, level, words", [
    ("abc", 0, "Too short"),
    ("password", 0, "Too easy to guess"),
    ("aaaaaaaaaaaa", 0, "Too easy to guess"),
    ("sunflower", 1, "Weak"),
    ("mango river sun", 2, "Good"),
    ("mango river tuesday song", 3, "Strong"),
])
def test_strength_speaks_plainly(passphrase, level, words):
    got_level, advice = strength(passphrase)
    assert got_level == level
    assert advice.startswith(words)
