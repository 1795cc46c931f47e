"""How strong a passphrase is, in plain words.  Shared by the window and the CLI.

Argon2id slows down guessing; it cannot save a passphrase that is on every
list of common passwords, so such passphrases are refused outright.
"""
from __future__ import annotations

from .messages import N_

MIN_LENGTH = 8
COMMON = {"password", "passw0rd", "12345678", "123456789", "1234567890", "qwertyui", "senha123",
          "contraseña", "iloveyou", "11111111", "00000000", "abcdefgh"}


def strength(passphrase: str) -> tuple[int, str]:
    """(0-3, plain-words template marked for translation); 0 is not accepted."""
    p = passphrase
    if not p:
        return 0, ""
    if len(p) < MIN_LENGTH:
        return 0, N_("Too short. Use at least 8 letters — three or four words are easy to remember.")
    if p.lower() in COMMON or len(set(p)) <= 2:
        return 0, N_("Too easy to guess. Try three or four words that mean something only to you.")
    words = len(p.split())
    kinds = sum(bool(k) for k in (any(c.islower() for c in p), any(c.isupper() for c in p),
                                  any(c.isdigit() for c in p), any(not c.isalnum() for c in p)))
    if len(p) >= 16 or words >= 4 or (len(p) >= 12 and kinds >= 3):
        return 3, N_("Strong. Good choice.")
    if len(p) >= 12 or words >= 3 or kinds >= 3:
        return 2, N_("Good. A longer one is even safer.")
    return 1, N_("Weak. Add another word to make it safer.")
