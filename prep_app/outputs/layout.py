"""How a printout's story holds together across pages, whatever the family's data.

* :class:`DocTemplate`: a heading (anything marked ``keepWithNext``) moves to
  the next page only when not even the first rows of what follows fit under
  it (ReportLab's own rule moves a heading and a whole long table, leaving
  half a page empty); a record that crosses a page starts the next page with
  its "(continued)" heading.
* :func:`record`: the markers around such a record.
* :func:`fit_page`: a block shrunk, within a limit, to the height of one page.
* :func:`nobreak`: a phone number, a date or an A-number that never breaks.

Nothing here knows a plan or a language: the output modules pass in what to print.
"""
from __future__ import annotations

import io
from collections.abc import Callable

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, KeepInFrame, KeepTogether, Spacer
from reportlab.platypus.doctemplate import _ktAllow
from reportlab.platypus.flowables import _listWrapOn

NBSP = "\u00a0"


def nobreak(text: str | None) -> str:
    """``text`` with non-breaking spaces: "+593 99 555 0199" stays on one line."""
    return (text or "").replace(" ", NBSP)


_SCRATCH: list[Canvas] = []


def _scratch() -> Canvas:
    """A canvas to measure on (wrapping asks for one; nothing is drawn)."""
    if not _SCRATCH:
        _SCRATCH.append(Canvas(io.BytesIO()))
    return _SCRATCH[0]


def flatten(flows: list) -> list:
    """``flows`` with every KeepTogether opened up: ReportLab measures a
    KeepTogether inside another group as endless, which sends the group to the
    next page even when it fits."""
    out = []
    for f in flows:
        out += flatten(f._content) if isinstance(f, KeepTogether) else [f]
    return out


def fit_columns(widths: list[float], least: list[float], natural: list[float] | None = None) -> list[float]:
    """``widths`` with each column widened to its ``least`` (its longest word),
    then towards its ``natural`` width (its longest text on one line), the
    room taken, in proportion, from the columns that have some to spare."""
    widths = _give(widths, least, least)
    return _give(widths, natural, [max(n, m) for n, m in zip(natural, least, strict=True)]) if natural else widths


def _give(widths: list[float], want: list[float], keep: list[float]) -> list[float]:
    """Widen each column towards ``want``, narrowing the others no further than ``keep``."""
    short = [max(w_ - w, 0) for w, w_ in zip(widths, want, strict=True)]
    spare = [0 if s else max(w - k, 0) for w, k, s in zip(widths, keep, short, strict=True)]
    if not sum(short) or not sum(spare):
        return widths
    moved = min(sum(short), sum(spare))
    return [w + moved * s / sum(short) - moved * p / sum(spare)
            for w, s, p in zip(widths, short, spare, strict=True)]


def height_of(flows: list, width: float) -> float:
    """The height ``flows`` take laid out ``width`` wide on an endless page."""
    return _listWrapOn(flatten(flows), width, _scratch())[1]


def keep(flows: list) -> KeepTogether:
    """``flows`` on one page when they fit on one (KeepTogether, opened up)."""
    return KeepTogether(flatten(flows))


def fit_page(flows: list, width: float, height: float, min_scale: float = 0.8) -> Flowable | None:
    """``flows`` as one block no taller than ``height``: as they are when they
    fit, else shrunk and reflowed (to no less than ``min_scale`` of their
    size, so the type stays readable); None when even that does not fit."""
    flows = flatten(flows)
    natural = height_of(flows, width)
    if natural <= height:
        return KeepTogether(flows)
    if natural * min_scale > height * 1.15:       # far too tall: no need to try
        return None
    block = KeepInFrame(width, height, flows, mode="shrink")
    block.wrapOn(_scratch(), width, height)
    if 1 / getattr(block, "_scale", 1.0) < min_scale:
        return None
    return block


def _leads(f) -> bool:
    """A heading (kept with what follows) or a space on the way to what follows."""
    return bool(f.getKeepWithNext()) or isinstance(f, Spacer)


class _KeepWithFirstRows(KeepTogether):
    """A heading kept with what follows it: the group moves to the next page
    only when the first part of what follows (a table's first rows, a
    paragraph's first lines, a block kept whole) cannot fit under the heading
    on this page."""

    def __init__(self, flowables, maxHeight=None):
        super().__init__(flowables, maxHeight)
        self._heads = next((i for i, f in enumerate(self._content) if not _leads(f)), len(self._content) - 1)

    def wrap(self, aW, aH):
        # measured with any block kept whole opened up (ReportLab counts it as endless)
        self._H, self._H0 = height_of(self._content, aW), height_of(self._content[:1], aW)
        self._wrapInfo = aW, aH
        return aW, 0xffffff     # force a split, as KeepTogether does

    def split(self, aW, aH):
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        heads, first = self._content[:self._heads], self._content[self._heads]
        if aH < self._H and heads:
            # the room under the headings, their space after included (the frame counts it, _listWrapOn not)
            room = aH - height_of(heads, aW) - heads[-1].getSpaceAfter() - first.getSpaceBefore() - 1
            if room > 0 and height_of([first], aW) <= room:
                return list(self._content)      # heading and the first block fit: the rest flows on
            parts = [] if room <= 0 or isinstance(first, KeepTogether) else first.split(aW, room)
            if parts and parts[0].wrapOn(_scratch(), aW, room)[1] <= room:
                return list(self._content)      # the frame splits the first block itself
        return super().split(aW, aH)


class RecordStart(Flowable):
    """Zero-size marker: a record (a child, a parent) starts here; if it runs
    onto another page, that page starts with ``continued()``."""

    def __init__(self, continued: Callable[[], Flowable]):
        super().__init__()
        self.continued = continued
        self.width = self.height = 0
        self.keepWithNext = True    # never alone at the foot of a page

    def wrap(self, aw, ah):
        return 0, 0

    def draw(self):
        doc = self.canv._doctemplate
        doc._open_record, doc._continued_on = self, doc.page    # its own first page needs no "(continued)"


class RecordEnd(Flowable):
    def __init__(self):
        super().__init__()
        self.width = self.height = 0

    def wrap(self, aw, ah):
        return 0, 0

    def draw(self):
        self.canv._doctemplate._open_record = None


def record(continued: Callable[[], Flowable], flows: list) -> list:
    """``flows`` as one record whose "(continued)" heading is ``continued()``."""
    return [RecordStart(continued), *flows, RecordEnd()]


class DocTemplate(BaseDocTemplate):
    def __init__(self, *args, **kw):
        super().__init__(*args, keepTogetherClass=_KeepWithFirstRows, **kw)
        self._open_record: RecordStart | None = None
        self._continued_on = 0

    def handle_keepWithNext(self, flowables):
        """ReportLab's, except that a heading is also kept with a block kept
        whole (ReportLab leaves the heading alone at the foot of the page)."""
        n = next((i for i, f in enumerate(flowables) if not (_leads(f) and _ktAllow(f))), len(flowables))
        if any(f.getKeepWithNext() for f in flowables[:n]):      # not a space alone
            if n < len(flowables) and (_ktAllow(flowables[n]) or isinstance(flowables[n], KeepTogether)):
                n += 1
            group = self.keepTogetherClass(flowables[:n])
            for f in group._content[:-1]:
                f.__dict__["keepWithNext"] = 0
            flowables[:n] = [group]

    def handle_flowable(self, flowables):
        rec = self._open_record
        if (rec is not None and flowables and getattr(self.frame, "_atTop", 0)
                and self._continued_on != self.page and not isinstance(flowables[0], RecordEnd)):
            self._continued_on = self.page
            flowables.insert(0, rec.continued())
        super().handle_flowable(flowables)
