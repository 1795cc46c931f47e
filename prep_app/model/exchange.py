"""The exchange format: strict JSON in, lossless JSON out.

Reading is strict so that a typo in a hand-edited file is caught at the
workshop, not when a guardian needs the paper: unknown keys, wrong types, bad
dates and duplicate or dangling ids are each reported with the JSON path of the
value (``children[2].date_of_birth: "2014-13-01" is not a date``).  Every key is
optional, and ``null`` means the same as leaving the key out (other tools write
``null`` for "nothing here"; refusing it would lose plans for no reason).
"""
from __future__ import annotations

import dataclasses
import json
import types
import typing
from datetime import date
from functools import cache

from .migrations import CURRENT_VERSION, FORMAT_NAME, NewerVersionError, migrate
from .plan import Plan


class ExchangeError(ValueError):
    """A plan file that cannot be read; ``str()`` is one line naming the JSON path."""

    def __init__(self, path: str, problem: str):
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}" if path else problem)


# -- reading ------------------------------------------------------------------

# A real plan is about 10 KB; the bound keeps every plan that is read or
# written well inside what the vault reader accepts (vault.MAX_FILE).
MAX_PLAN_BYTES = 4 * 1024 * 1024
MAX_NUMBER_DIGITS = 20      # the only numbers in a plan are small (version, call order)


def _number(text: str):
    if len(text) > MAX_NUMBER_DIGITS:
        raise ExchangeError("", f"a number of {len(text)} characters is not part of a plan")
    return float(text) if any(c in text for c in ".eE") else int(text)


def _no_constant(name: str):
    raise ExchangeError("", f"{name} is not a number a plan can hold")


def loads(text: str | bytes) -> Plan:
    """Parse exchange-format JSON into a :class:`Plan` (older versions are migrated)."""
    if len(text) > MAX_PLAN_BYTES:
        raise ExchangeError("", f"the file is too large for a plan ({len(text) // 1024} KB; "
                                f"at most {MAX_PLAN_BYTES // 1024} KB)")
    try:
        data = json.loads(text, parse_int=_number, parse_float=_number, parse_constant=_no_constant)
    except UnicodeDecodeError:
        raise ExchangeError("", "the file is not UTF-8 text") from None
    except json.JSONDecodeError as err:
        raise ExchangeError("", f"not valid JSON (line {err.lineno}, column {err.colno}: {err.msg})") from None
    except RecursionError:
        raise ExchangeError("", "the JSON is nested too deeply to be a plan") from None
    return from_dict(data)


def from_dict(data: object) -> Plan:
    if not isinstance(data, dict):
        raise ExchangeError("", "a plan must be a JSON object")
    if data.get("format") != FORMAT_NAME:
        raise ExchangeError("format", f'must be "{FORMAT_NAME}" (this is not a prep-app plan)')
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ExchangeError("version", f"{_show(version)} is not a format version")
    try:
        data = migrate(data)
    except NewerVersionError as err:
        raise ExchangeError("version", str(err)) from None
    body = {k: v for k, v in data.items() if k not in ("format", "version")}
    plan = _read_object(Plan, body, "")
    _check_ids(plan)
    return plan


def _read_object(cls, data: object, path: str):
    if not isinstance(data, dict):
        raise ExchangeError(path, f"{_show(data)} should be an object {{...}}")
    fields = _fields(cls)
    for key in data:
        if key not in fields:
            raise ExchangeError(_join(path, key), "unknown key (check the spelling)")
    values = {}
    for name, (hint, meta) in fields.items():
        if data.get(name) is not None:   # null reads as absent: the field keeps its default
            values[name] = _read_value(hint, meta, data[name], _join(path, name))
    return cls(**values)


def _read_value(hint, meta, value, path: str):
    optional, base = _unwrap_optional(hint)
    if value is None:
        if optional:
            return None
        raise ExchangeError(path, "must not be null")
    origin = typing.get_origin(base)
    if origin is list:
        (item,) = typing.get_args(base)
        if not isinstance(value, list):
            raise ExchangeError(path, f"{_show(value)} should be a list [...]")
        return [_read_value(item, meta, v, f"{path}[{i}]") for i, v in enumerate(value)]
    if dataclasses.is_dataclass(base):
        return _read_object(base, value, path)
    if base is date:
        if isinstance(value, str):
            try:
                if len(value) == 10:
                    return date.fromisoformat(value)
            except ValueError:
                pass
        raise ExchangeError(path, f"{_show(value)} is not a date (use YYYY-MM-DD)")
    if base is bool:
        if isinstance(value, bool):
            return value
        raise ExchangeError(path, f"{_show(value)} should be true or false")
    if base is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        raise ExchangeError(path, f"{_show(value)} should be a whole number")
    if base is str:
        if not isinstance(value, str):
            raise ExchangeError(path, f"{_show(value)} should be text in quotes")
        allowed = meta.get("choices")
        if allowed and value not in allowed:
            raise ExchangeError(path, f"{_show(value)} should be one of: {', '.join(allowed)}")
        return value
    raise TypeError(f"unsupported field type {hint!r}")  # a programming error, not bad input


def _check_ids(plan: Plan) -> None:
    seen: dict[str, str] = {}
    for kind in ("parents", "children", "guardians", "contacts"):
        for i, person in enumerate(getattr(plan, kind)):
            path = f"{kind}[{i}].id"
            if not person.id:
                raise ExchangeError(path, "is missing (every person needs an id such as \"c1\")")
            if person.id in seen:
                raise ExchangeError(path, f'"{person.id}" is already used by {seen[person.id]}')
            seen[person.id] = f"{kind}[{i}]"
    child_ids = {c.id for c in plan.children}
    for i, guardian in enumerate(plan.guardians):
        for j, child_id in enumerate(guardian.children):
            if child_id not in child_ids:
                raise ExchangeError(f"guardians[{i}].children[{j}]", f'"{child_id}" is not the id of a child in this plan')
    parent_ids = {p.id for p in plan.parents}
    for i, child in enumerate(plan.children):
        for j, parent_id in enumerate(child.parents):
            if parent_id not in parent_ids:
                raise ExchangeError(f"children[{i}].parents[{j}]", f'"{parent_id}" is not the id of a parent in this plan')
    people = child_ids | parent_ids
    for i, document in enumerate(plan.documents):
        if document.person is not None and document.person not in people:
            raise ExchangeError(f"documents[{i}].person", f'"{document.person}" is not the id of a parent or child in this plan')


# -- writing ------------------------------------------------------------------

def to_dict(plan: Plan) -> dict:
    return {"format": FORMAT_NAME, "version": CURRENT_VERSION, **_write(plan)}


def dumps(plan: Plan) -> str:
    """The plan as exchange-format JSON; refused if loads() would refuse it."""
    text = json.dumps(to_dict(plan), ensure_ascii=False, indent=2) + "\n"
    if len(text) > MAX_PLAN_BYTES:
        raise ExchangeError("", f"the plan is too large to save ({len(text) // 1024} KB; "
                                f"at most {MAX_PLAN_BYTES // 1024} KB)")
    return text


def _write(value):
    if dataclasses.is_dataclass(value):
        return {f.name: _write(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list):
        return [_write(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


# -- helpers ------------------------------------------------------------------

@cache
def _fields(cls) -> dict[str, tuple[object, dict]]:
    hints = typing.get_type_hints(cls)
    return {f.name: (hints[f.name], dict(f.metadata)) for f in dataclasses.fields(cls)}


def _unwrap_optional(hint):
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        return True, args[0]
    return False, hint


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _show(value) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."
