"""Versions of the exchange format and the steps that upgrade old plans.

Each entry of ``STEPS`` takes a plan dict of version *n* and returns version
*n + 1*.  Vault bodies are stored in the exchange format too, so this one path
upgrades both files a family carries and vaults written by older releases.
"""
from __future__ import annotations

from collections.abc import Callable

FORMAT_NAME = "prep-app-plan"
CURRENT_VERSION = 1

# version n -> function that turns a version-n dict into version n+1
STEPS: dict[int, Callable[[dict], dict]] = {}


class NewerVersionError(ValueError):
    pass


def migrate(data: dict) -> dict:
    version = data["version"]
    if version > CURRENT_VERSION:
        raise NewerVersionError(
            f"this plan was made by a newer prep-app (format {version}); "
            f"this copy reads up to format {CURRENT_VERSION}. Please update prep-app.")
    while version < CURRENT_VERSION:
        data = STEPS[version](dict(data))
        version += 1
        data["version"] = version
    return data
