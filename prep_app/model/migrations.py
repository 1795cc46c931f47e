"""Versions of the exchange format and the steps that upgrade old plans.

Each entry of ``STEPS`` takes a plan dict of version *n* and returns version
*n + 1*.  Vault bodies are stored in the exchange format too, so this one path
upgrades both files a family carries and vaults written by older releases.
"""
from __future__ import annotations

import copy
from collections.abc import Callable

from .countries import country_code

FORMAT_NAME = "prep-app-plan"
CURRENT_VERSION = 2


def _v1_to_v2(data: dict) -> dict:
    """Version 2 records who may designate whom and what the designation says.

    Stated defaults for a v1 plan (docs/exchange-format.md):
    * each child's parents are all the plan's parents (v1 could not say);
    * ``other_parent.consents`` true/false/null becomes ``consent``
      "yes"/"no"/not answered;
    * the designation takes effect on detention or not being able to return
      (what v1's printed designation said), in wording that does not name
      immigration;
    * ``birth_country`` is read from the typed country of birth where it names
      a country in any language Babel knows ("Brasil", "Viet Nam").
    """
    parents = data.get("parents") or []
    parent_ids = [p.get("id") for p in parents if isinstance(p, dict) and p.get("id")]
    for parent in parents:
        if isinstance(parent, dict) and parent.get("country_of_birth"):
            parent.setdefault("birth_country", country_code(parent["country_of_birth"]))
    for child in data.get("children") or []:
        if not isinstance(child, dict):
            continue
        child.setdefault("parents", list(parent_ids))
        other = child.get("other_parent")
        if isinstance(other, dict) and "consents" in other:
            other = dict(other)
            answer = other.pop("consents")
            other["consent"] = {True: "yes", False: "no"}.get(answer) if isinstance(answer, bool) else answer
            child["other_parent"] = other
    data.setdefault("designation", {"contingencies": ["detained", "cannot_return"]})
    return data


# version n -> function that turns a version-n dict into version n+1
STEPS: dict[int, Callable[[dict], dict]] = {1: _v1_to_v2}


class NewerVersionError(ValueError):
    pass


def migrate(data: dict) -> dict:
    version = data["version"]
    if version > CURRENT_VERSION:
        raise NewerVersionError(
            f"this plan was made by a newer prep-app (format {version}); "
            f"this copy reads up to format {CURRENT_VERSION}. Please update prep-app.")
    if version < CURRENT_VERSION:      # the steps edit nested dicts: never the caller's
        data = copy.deepcopy(data)
    while version < CURRENT_VERSION:
        data = STEPS[version](data)
        version += 1
        data["version"] = version
    return data
