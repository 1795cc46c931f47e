"""A Babel extractor for the content data in ``resources/content/*.json``.

The texts a reviewer must be able to check (legal references, rights, the
first-72-hours steps, document names) live as JSON data in ``resources/``,
not as strings in code.  pybabel cannot read JSON, so this extractor (wired in
``babel.cfg``) offers every string value to the catalog except values under
keys that are identifiers or citations (listed in ``NOT_TRANSLATED``).  A key
``"translator_note"`` beside a text becomes a comment for the translators.
"""
from __future__ import annotations

import json

NOT_TRANSLATED = {"id", "key", "citation", "citations", "url", "source", "sources",
                  "translator_note", "reviewed", "checked", "notes_for_reviewers"}


def _walk(node, key=None, note=None):
    if isinstance(node, dict):
        note = node.get("translator_note", note)
        for k, v in node.items():
            if k not in NOT_TRANSLATED and not k.startswith("_"):
                yield from _walk(v, k, note)
    elif isinstance(node, list):
        for v in node:
            yield from _walk(v, key, note)
    elif isinstance(node, str) and node.strip():
        yield node, note


def extract_json(fileobj, keywords, comment_tags, options):
    raw = fileobj.read().decode("utf-8")
    data = json.loads(raw)
    for text, note in _walk(data):
        at = raw.find(json.dumps(text, ensure_ascii=False))
        lineno = raw.count("\n", 0, at) + 1 if at >= 0 else 1
        yield lineno, None, text, [note] if note else []
