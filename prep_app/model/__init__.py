"""The plan: dataclasses, rules and the exchange format.  No Qt here."""
from ..messages import Message
from .checks import BLOCKER, WARNING, Finding, check, is_complete
from .exchange import ExchangeError, dumps, from_dict, loads, to_dict
from .phones import format_phone, is_valid_phone
from .plan import (
                   CONSENT_ANSWERS,
                   CONSENT_NOT_NEEDED,
                   CONTINGENCIES,
                   DOCUMENT_STATUSES,
                   DOCUMENT_TYPES,
                   GUARDIAN_ROLES,
                   Attorney,
                   Child,
                   Consulate,
                   Contact,
                   Designation,
                   Doctor,
                   Document,
                   DoNotRelease,
                   Finances,
                   Guardian,
                   Household,
                   Legal,
                   OtherParent,
                   Parent,
                   Plan,
                   School,
)

__all__ = [name for name in dir() if not name.startswith("_")]
