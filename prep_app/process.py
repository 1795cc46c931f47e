"""Process-wide protections set once at start-up, before any plan is read.

A crash must not write the decrypted plan to disk: core dumps are switched
off with the resource limit (POSIX) and, on Linux, by marking the process
not dumpable, which also covers a core_pattern that pipes dumps to a
collector (systemd-coredump, apport).  Windows writes no core file by default;
its crash reporter is outside the app's reach (docs/privacy.md).
"""
from __future__ import annotations

import contextlib
import sys

PR_SET_DUMPABLE = 4


def no_core_dumps() -> None:
    try:
        import resource
    except ImportError:         # Windows
        return
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if sys.platform.startswith("linux"):
        try:
            import ctypes
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
        except (OSError, AttributeError):
            pass
