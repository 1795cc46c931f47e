"""Arabic reads right to left and Chinese wraps between characters, on paper.

Each test lays text out with the printouts' own helpers (a Ctx and the page
furniture), then reads the page back as pdfium draws it: every character with
its box, grouped into printed lines, each line's characters left to right as
they stand on the page (not in the order of the PDF's text operators)."""
from __future__ import annotations

import ctypes
import unicodedata

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from reportlab.platypus import Table

from prep_app.messages import N_
from prep_app.outputs.furniture import FOOTER_H, VMARGIN, Ctx, build, header_height, phrase
from prep_app.outputs.layout import nobreak

from .conftest import TODAY, pdf

# wraps over three lines and more in half a page's width
INSTRUCTION = N_("Each parent signs their own designation in front of two adult witnesses, who then sign and "
                 "write their address. Choose witnesses who are not the standby guardian.")


class Line:
    def __init__(self, chars: list[tuple[str, tuple[float, float, float, float]]]):
        chars = sorted(chars, key=lambda c: c[1][0])
        self.text = "".join(c for c, _ in chars)            # left to right, as printed
        self.left = min(box[0] for _, box in chars)
        self.right = max(box[2] for _, box in chars)
        self.top = max(box[3] for _, box in chars)


def printed_lines(data: bytes, wanted, half: str = "") -> list[Line]:
    """The lines of the first page's body (below the header, above the
    footer) holding characters ``wanted(char)``, top to bottom; each line only
    those characters (in the "left" or "right" half of the page with ``half``)."""
    page = pdfium.PdfDocument(data)[0]
    ctx = Ctx(["ar", "en"])
    top, bottom = page.get_height() - VMARGIN - header_height(ctx), VMARGIN + FOOTER_H
    textpage = page.get_textpage()
    rows: dict[int, list] = {}
    for i in range(textpage.count_chars()):
        char = textpage.get_text_range(i, 1)
        x, y = ctypes.c_double(), ctypes.c_double()
        pdfium_c.FPDFText_GetCharOrigin(textpage, i, x, y)
        side = "left" if x.value < page.get_width() / 2 else "right"
        if not char or not wanted(char) or not bottom < y.value < top or half not in ("", side):
            continue
        rows.setdefault(round(y.value), []).append((char, textpage.get_charbox(i)))     # by baseline
    return [Line(chars) for _, chars in sorted(rows.items(), reverse=True)]


def arabic(char: str) -> bool:
    return "\u0600" <= char <= "\u06ff" or "\ufb50" <= char <= "\ufeff" or char in " .،"


def latin(char: str) -> bool:
    return char.isascii() and (char.isalpha() or char in " .,")


def words(text: str) -> list[str]:
    """Arabic words as typed, whatever forms the font drew (NFKC), without
    vowel marks, each as its letters sorted (the lam-alef ligature extracts as
    two letters in either order)."""
    folded = unicodedata.normalize("NFKC", text)
    return ["".join(sorted(w)) for w in "".join(c for c in folded if unicodedata.category(c) != "Mn").split()]


def page_of(langs: list[str], story) -> bytes:
    ctx = Ctx(langs, today=TODAY)
    return build(ctx, N_("Family preparedness plan"), story(ctx))


def test_a_wrapped_arabic_instruction_reads_top_down_right_aligned():
    """The instruction's first words on its top line, its last words on its
    bottom line, each line read right to left; the lines end at one right edge."""
    ctx = Ctx(["ar", "en"], today=TODAY)
    sentence = ctx.t(INSTRUCTION)[0]
    lines = printed_lines(page_of(["ar", "en"], lambda c: [c.text(INSTRUCTION)]), arabic, half="right")
    lines = [line for line in lines if words(line.text)]
    assert len(lines) >= 3
    read = [w for line in lines for w in words(line.text[::-1])]    # each line right to left, lines top down
    assert read == words(sentence)
    rights = [line.right for line in lines]
    assert max(rights) - min(rights) < 1.5, rights
    lefts = [line.left for line in lines[:-1]]
    assert max(lefts) - min(lefts) > 3       # ragged on the left: not justified, not left-aligned


def test_arabic_takes_the_right_hand_column_as_its_headings_do():
    """Arabic first, English second: side by side, the Arabic sentence sits
    in the right-hand column and the English in the left, like the heading
    above them; the binder's counts are each whole in their own column."""
    data = pdf("plan", "sample", ("ar", "en"))
    english = " ".join(line.text for line in printed_lines(data, str.isascii, half="left"))
    assert "Keep this binder in a safe place" in english
    assert "3 children" in english
    assert not [line for line in printed_lines(data, latin, half="right") if "binder" in line.text]
    assert [line for line in printed_lines(data, arabic, half="right") if words(line.text)]
    spanish_first = printed_lines(pdf("plan", "sample", ("es", "en")), latin, half="left")
    assert any("Guarde esta carpeta" in line.text for line in spanish_first)     # left to right: first on the left


def test_a_bilingual_label_sets_arabic_right_and_english_left():
    """In a form's label column, the Arabic labels end at the column's right
    edge and the English labels start at its left edge, whatever their lengths."""
    labels = [N_("Family name"), N_("Home phone"), N_("Languages we speak")]
    data = page_of(["ar", "en"], lambda c: [c.fields([(label, None) for label in labels])])
    ar = [line for line in printed_lines(data, arabic) if words(line.text)]
    en = [line for line in printed_lines(data, latin) if line.text.strip() in labels]
    assert len(ar) == 3 and len(en) == 3
    assert max(line.right for line in ar) - min(line.right for line in ar) < 1
    assert max(line.left for line in ar) - min(line.left for line in ar) > 10
    assert max(line.left for line in en) - min(line.left for line in en) < 1
    assert min(line.left for line in ar) > max(line.left for line in en) + 3


NOTE = ("请把这个资料夹放在安全、又能很快拿到的地方。告诉监护人放在哪里，每年再看一遍。"
        "如果找不到，请打电话给 Rosa Ñañez 或者 Danbury Hospital，问一下。")


def test_chinese_wraps_between_characters_never_before_closing_punctuation():
    """A Chinese note laid out in many widths: no line starts with "，", "。" or
    "、", and the Latin words in it are never cut."""
    widths = (91, 140, 190, 238)         # all on the first page; 91 and 238 once put "，" first
    data = page_of(["zh_Hans", "en"], lambda c: [Table([[c.value(NOTE)]], colWidths=[w]) for w in widths])
    lines = [line.text.strip() for line in printed_lines(data, lambda ch: not ch.isspace() or ch == " ")]
    lines = [line for line in lines if line]
    assert len(lines) > 1.5 * len(widths)       # wrapped, in most widths over several lines
    assert not [line for line in lines if line[:1] in "，。、"]
    for word in ("Rosa", "Ñañez", "Danbury", "Hospital"):
        assert sum(line.count(word) for line in lines) == len(widths), word      # whole, once a width


DESIGNATION = N_("I, {principal}, do hereby appoint {guardian}, of {guardian_address}, as the standby guardian "
                 "of {children}, to take effect upon the occurrence of the following contingency or "
                 "contingencies: {contingencies}.")
PERMISSION = N_("The parent or parents who sign below allow {guardian} to consent to routine and "
                "emergency medical and dental care for {children}, to receive their health "
                "information, and to talk with their schools and make everyday school decisions "
                "for them, while no parent can.")


def typed_left_to_right(char: str) -> bool:
    return char.isascii() and char.isprintable()


def arabic_column(data: bytes) -> str:
    """The Latin letters, digits and brackets of the page's right half (the
    Arabic translation), each line left to right as printed."""
    return " / ".join(line.text for line in printed_lines(data, typed_left_to_right, half="right"))


ADDRESS = "41 Elm Street, Apt 2, Danbury, CT 06810"


def test_an_address_in_an_arabic_sentence_reads_as_typed_wherever_it_wraps():
    """An address typed in English inside the Arabic designation reads as
    typed, top line to bottom line, each line left to right: "41 Elm Street",
    not "Elm Street 41" (the number had joined the Arabic word before it),
    and a line that starts with "2, Danbury" keeps its number in front."""
    for padding in range(0, 24, 3):         # longer names move the line breaks through the address
        principal = "María José Ñañez" + " X" * padding
        data = page_of(["ar", "en"], lambda c, p=principal: [c.text(
            DESIGNATION, principal=p, guardian="Ana Souza", guardian_address=ADDRESS,
            children="Lucas", contingencies="—")])
        words = [w for line in printed_lines(data, typed_left_to_right, half="right")
                 for w in line.text.replace("\u200e", "").split() if w in ADDRESS.split() or "," in w]
        assert " ".join(w for w in words if w in ADDRESS.split()) == ADDRESS, (padding, words)
        assert all(w in ADDRESS.split() for w in words if "," in w), (padding, words)


def test_a_phone_in_an_arabic_sentence_reads_left_to_right_and_says_phone_in_arabic():
    """The guardian's name and phone in the Arabic permission letter: the
    phone reads "(203) 555-0123" even where the sentence wraps before it, and
    the word for phone is Arabic, not the English "tel."."""
    for width in ("Ana Souza", "Ana Maria Souza de Oliveira", "Ana"):      # lines break in different places
        guardian = phrase(N_("{name} (tel. {phone})"), name=width, phone=nobreak("(203) 555-0123"))
        data = page_of(["ar", "en"], lambda c, g=guardian: [c.text(PERMISSION, guardian=g, children="Lucas")])
        printed = arabic_column(data).replace("\u200e", "")
        assert "(203) 555-0123" in printed.replace(" / ", " "), printed
        assert "tel." not in printed
