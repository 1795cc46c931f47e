"""Recovery codes: 8 groups of 4 digits, each group ending in a Damm check digit.

The 24 random digits carry log2(10**24) ~ 79.7 bits.  The Damm check digit
catches every single wrong digit and every swap of two neighbouring digits in
its group, so a typing mistake is reported as a typo in group N instead of as
"wrong code" (and costs no key derivation).
"""
from __future__ import annotations

import secrets
import unicodedata

from . import errors

GROUPS = 8
GROUP_SIZE = 4                      # 3 random digits + 1 check digit
DIGITS = GROUPS * GROUP_SIZE

# Damm's totally anti-symmetric quasigroup of order 10 (H. M. Damm, 2004).
_DAMM = (
    (0, 3, 1, 7, 5, 9, 8, 6, 4, 2),
    (7, 0, 9, 2, 1, 5, 4, 8, 6, 3),
    (4, 2, 0, 6, 8, 7, 1, 3, 5, 9),
    (1, 7, 5, 0, 9, 8, 3, 4, 2, 6),
    (6, 1, 2, 3, 0, 4, 5, 9, 7, 8),
    (3, 6, 7, 4, 2, 0, 9, 5, 8, 1),
    (5, 8, 6, 9, 7, 2, 0, 1, 3, 4),
    (8, 9, 4, 5, 3, 6, 2, 0, 1, 7),
    (9, 4, 3, 8, 6, 1, 7, 2, 0, 5),
    (2, 5, 8, 1, 4, 3, 6, 7, 9, 0),
)


def damm(digits: str) -> int:
    """The Damm interim digit of *digits*; 0 when a trailing check digit is right."""
    interim = 0
    for ch in digits:
        interim = _DAMM[interim][int(ch)]
    return interim


def generate() -> str:
    """A new normalized code: 32 digits, no separators."""
    groups = []
    for _ in range(GROUPS):
        body = f"{secrets.randbelow(10 ** (GROUP_SIZE - 1)):0{GROUP_SIZE - 1}d}"
        groups.append(body + str(damm(body)))
    return "".join(groups)


def format_recovery_code(raw: str) -> str:
    """Print form, e.g. ``4821-0397-...``; accepts any form parse accepts."""
    code = parse_recovery_code(raw)
    return "-".join(code[i:i + GROUP_SIZE] for i in range(0, DIGITS, GROUP_SIZE))


def parse_recovery_code(text: str) -> str:
    """Normalize a typed code (spaces, dashes or nothing between groups).

    Raises RecoveryCodeTypoError naming the group(s) whose check digit fails.
    """
    digits = []
    for ch in text:
        if ch.isspace() or ch in "-‐‑‒–—_.":
            continue
        value = unicodedata.decimal(ch, None)     # also accepts e.g. full-width digits
        if value is None:
            raise errors.recovery_bad_character(ch)
        digits.append(str(value))
    if len(digits) != DIGITS:
        raise errors.recovery_length(DIGITS, len(digits))
    code = "".join(digits)
    bad = [n + 1 for n in range(GROUPS)
           if damm(code[n * GROUP_SIZE:(n + 1) * GROUP_SIZE]) != 0]
    if bad:
        raise errors.recovery_typo(bad)
    return code
