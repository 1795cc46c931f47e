"""Arabic text in the mirrored window (issue 12): the A-number example inside
an Arabic hint reads "A-123-456-789" as on the family's papers, a wrapped
Arabic label shows every word, none cut off at its left edge, and Latin text
("Language · Idioma", a parent's name) stays on the reading side."""
from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QImage, QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication, QLabel

from .helpers import click, create_plan

EXAMPLE = "A-123-456-789"


# bidi marks a translator may put around or inside the example: invisible
MARKS = "\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069"


def shown_left_to_right(lab: QLabel, part: str) -> str:
    """The visible characters of ``part`` in the label's text (bidi marks
    allowed around and between them) from left to right as Qt places them:
    the label lays its plain text out with a QTextLayout in its own
    direction, at the width of its contents."""
    text = lab.text()
    found = re.search(f"[{MARKS}]*".join(map(re.escape, part)), text)
    assert found, f"{part!r} is not in {text!r}"
    layout = QTextLayout(text, lab.font())
    option = QTextOption()
    option.setTextDirection(lab.layoutDirection())
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    while (line := layout.createLine()).isValid():
        line.setLineWidth(lab.contentsRect().width())
    layout.endLayout()
    x: dict[int, float] = {}
    for run in layout.glyphRuns(found.start(), found.end() - found.start(),
                                QTextLayout.GlyphRunRetrievalFlag.RetrieveAll):
        for index, pos in zip(run.stringIndexes(), run.positions(), strict=True):
            x.setdefault(index, pos.x())
    shown = [i for i in range(found.start(), found.end()) if not re.match(f"[{MARKS}]", text[i])]
    assert all(i in x for i in shown)
    return "".join(text[i] for i in sorted(shown, key=x.__getitem__))


def test_the_a_number_example_in_the_arabic_hint_reads_as_on_the_papers(window, ui, qtbot):
    # the example sits inside right-to-left text, between two Arabic words:
    # shown in the wrong order a family copies "789-456-123-A" from it
    create_plan(qtbot, window)
    window.set_language("ar")
    window.editor.go(1)
    parents = window.editor.steps[1]
    click(qtbot, parents.editor.add_button)
    hint = parents.editor.form.parts["a_number"][-1]
    QApplication.processEvents()
    assert hint.isVisibleTo(window) and hint.isRightToLeft()
    assert hint.text().startswith("رقم")      # the Arabic hint
    assert shown_left_to_right(hint, EXAMPLE) == EXAMPLE


PAD = 40        # room given to the label to show what its edges would cut


def ink_past_edges(lab: QLabel) -> list[tuple[int, int]]:
    """Pixels of text the label draws past its left or bottom edge, which a
    person does not see: painted with that much more room at the left and the
    bottom, its text where it would be (the contents keep their size)."""
    m = lab.contentsMargins()
    size = lab.size()
    lab.setContentsMargins(m.left() + PAD, m.top(), m.right(), m.bottom() + PAD)
    lab.resize(size.width() + PAD, size.height() + PAD)
    try:
        img = lab.grab().toImage()
    finally:
        lab.setContentsMargins(m)
        lab.resize(size)
    background = lab.palette().color(lab.backgroundRole()).lightness()
    grey = img.convertToFormat(QImage.Format.Format_Grayscale8)
    row_bytes = grey.bytesPerLine()
    bits = bytes(grey.constBits())
    past = []
    for y in range(grey.height()):
        row = bits[y * row_bytes:y * row_bytes + grey.width()]
        seen = row if y >= size.height() else row[:PAD]       # below the label, or left of it
        if min(seen) < background - 40:
            past += [(x - PAD, y) for x, v in enumerate(seen) if v < background - 40]
    return past


# the new-plan dialog's two hints, which lost letters at their left edge at
# 150 %, and the Finish warning (bold)
WRAPPED = [
    ("hint", "Shown in the list of plans on this laptop. Do not use your family name: "
             "pick something like “Blue door” or “Tuesday group 3”."),
    ("hint", "It locks the plan. Three or four words you will remember, e.g. “mango river tuesday song”."),
    ("error", "Not erased. Save a copy on the family's USB stick first."),
]


@pytest.mark.parametrize("scale", [1.0, 1.5])
def test_a_wrapped_arabic_label_shows_all_its_words(ui, qtbot, scale):
    from prep_app.ui.app import set_text_scale
    from prep_app.ui.lang import LANG
    from prep_app.ui.widgets import label
    app = QApplication.instance()
    LANG.set("ar")
    set_text_scale(app, scale)
    try:
        cut = []
        for kind, template in WRAPPED:
            lab = label(template, kind=kind)
            qtbot.addWidget(lab)
            assert lab.isRightToLeft() and lab.text() != template      # in Arabic
            assert lab.heightForWidth(200) > 2 * lab.fontMetrics().height()     # it wraps
            for width in range(200, 620, 6):       # wherever a line happens to end
                lab.resize(width, lab.heightForWidth(width))
                if past := ink_past_edges(lab):
                    cut.append((template[:20], width, min(past)))
        assert cut == []        # (text, label width, (x, y) of the leftmost pixel cut off)
    finally:
        set_text_scale(app, 1.0)


def ink_rows(image: QImage, rect) -> list[int]:
    """The rows of *rect* in *image* holding text: pixels far from the
    row's background (white, or the selection's blue)."""
    ground = image.pixelColor(rect.center().x(), rect.top() + 1)

    def ink(x: int, y: int) -> bool:
        c = image.pixelColor(x, y)
        return abs(c.red() - ground.red()) + abs(c.green() - ground.green()) + abs(c.blue() - ground.blue()) > 150
    return [y for y in range(rect.top() + 2, rect.bottom() - 1)
            if any(ink(x, y) for x in range(rect.left() + 2, rect.right() - 1))]


@pytest.mark.parametrize(("language", "scale"), [("ar", 1.0), ("es", 1.0), ("ar", 1.5), ("es", 1.5)])
def test_a_guardians_row_shows_the_name_and_the_role_below_it(ui, qtbot, home, language, scale):
    """In Arabic the row showed "...Ana Souza" alone: Qt sized it for one
    line and cut the role (first or second choice) off with an ellipsis.  At
    150 % the role wraps, and Qt drew "الخيار الأول (الوصي …" in a row tall
    enough for all of it.  The window is made in the language and text size,
    as a start makes it."""
    from PySide6.QtCore import QRect, Qt

    from prep_app.model import Guardian
    from prep_app.ui.app import set_text_scale
    from prep_app.ui.lang import LANG
    from prep_app.ui.main_window import MainWindow

    from .conftest import FAST_KDF
    from .test_legal_fields import one_family, open_plan
    plan = one_family()
    plan.guardians = [Guardian(id="g1", full_name="Ana Souza", role="primary"),
                      Guardian(id="g2", full_name="Nguyễn Thị Hoa", role="alternate")]
    set_text_scale(QApplication.instance(), scale)
    LANG.set(language)
    try:
        window = MainWindow(kdf=FAST_KDF, dialogs=ui.dialogs())
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        ed = open_plan(window, home, plan)
        for step in range(4):
            ed.go(step)
            QApplication.processEvents()
        guardians = ed.steps[3].editor.list
        image = guardians.viewport().grab().toImage()
        for i in range(2):
            item = guardians.item(i)
            row = guardians.visualItemRect(item)
            needed = guardians.fontMetrics().boundingRect(
                QRect(0, 0, row.width() - 8, 10_000), Qt.TextFlag.TextWordWrap, item.text()).height()
            assert row.height() >= needed, (i, row.height(), needed)
            inked = ink_rows(image, row)
            lines = 1 + sum(1 for above, below in zip(inked, inked[1:], strict=False) if below > above + 1)  # ink bands
            assert lines >= 2, (i, inked)
            # drawn down to its last line, not stopped a line short with "…"
            assert row.bottom() - max(inked) <= guardians.fontMetrics().lineSpacing() // 3, (i, row, max(inked))
    finally:
        set_text_scale(QApplication.instance(), 1.0)


def test_the_lock_minutes_are_counted_as_arabic_counts_them(window, ui):
    """Arabic says "5 دقائق" (3 to 10 minutes) but "15 دقيقة", and "two
    minutes" in a word of its own: one suffix for every number read wrong."""
    window.set_language("ar")
    shown = {window.start.idle.itemData(i): window.start.idle.itemText(i) for i in range(window.start.idle.count())}
    assert shown[5] == "5 دقائق" and shown[15] == "15 دقيقة" and shown[2] == "دقيقتان"
    window.set_language("es")
    assert window.start.idle.currentText() == "5 min"


def ink_columns(widget) -> list[int]:
    image = widget.grab().toImage()
    ground = image.pixelColor(0, 0)
    return [x for x in range(image.width())
            if any(abs(image.pixelColor(x, y).lightness() - ground.lightness()) > 100 for y in range(image.height()))]


@pytest.mark.parametrize("language", ["ar", "en"])
def test_language_idioma_sits_on_the_reading_side_above_the_languages(window, ui, language):
    """"Language · Idioma" is the same in every language; in the mirrored
    Arabic window it sat at the left, away from the buttons, which start at
    the right."""
    window.set_language(language)
    QApplication.processEvents()
    heading = window.start.choose_language
    inked = ink_columns(heading)
    assert inked, "no text drawn"
    if language == "ar":
        assert heading.width() - 1 - max(inked) < 12
    else:
        assert min(inked) < 12


def test_a_latin_name_beside_its_check_box_stays_beside_it_in_arabic(window, ui, qtbot):
    """A child's parents are check boxes with the parents' names; in the
    mirrored window the box is at the right, and "Ana Souza" sat at the
    far left, 700 px from it."""
    from prep_app.ui.choices import Checks
    window.set_language("ar")
    checks = Checks()
    qtbot.addWidget(checks)
    checks.set_options([("p1", "Ana Souza")])
    checks.resize(800, 60)
    checks.show()
    QApplication.processEvents()
    name = checks.texts["p1"]
    assert name.width() > 600
    assert name.width() - 1 - max(ink_columns(name)) < 12


def test_the_folder_the_pdfs_went_to_reads_as_a_path_in_arabic(window, ui, qtbot, home):
    """"Saved 2 PDFs in /home/…/pdfs" in Arabic showed the path with its
    leading slash at the far end ("…/pdfs/")."""
    from .test_print_preview import only, to_print_step
    panel = to_print_step(qtbot, window, ui, home)
    window.set_language("ar")
    only(panel, "wallet", "school")
    click(qtbot, panel.save_button)
    qtbot.waitUntil(lambda: not panel.busy, timeout=10_000)
    assert panel.status.isRightToLeft() and "PDF" in panel.status.text()
    folder = str(home["pdfs"])
    assert shown_left_to_right(panel.status, folder) == folder
