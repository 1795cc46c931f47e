"""The recovery-code sheet: the code large enough to read and type back
(groups of four digits, 26 pt), the plan's label, and what to do with it,
in the chosen languages.  Printed from the window; never saved by the app."""
from __future__ import annotations

from reportlab.platypus import Paragraph, Spacer, Table

from ..messages import N_
from .furniture import Ctx, build, style

TITLE = N_("Recovery code")
CODE_PT = 26


def code_lines(code: str) -> list[str]:
    """'1234-5678-…' as two lines of four groups, spaced: easy to read aloud."""
    groups = [g for g in code.replace(" ", "-").split("-") if g]
    half = (len(groups) + 1) // 2
    gap = "&nbsp;" * 3
    return [gap.join(groups[:half]), gap.join(groups[half:])]


def render_recovery_sheet(code: str, plan_label: str, languages: list[str], paper: str = "letter") -> bytes:
    ctx = Ctx(list(languages), paper=paper)
    big = style("code", CODE_PT, bold=True, leading=CODE_PT * 1.5, alignment=1)
    box = Table([[Paragraph(line, big)] for line in code_lines(code) if line],
                colWidths=[ctx.width], style=[("BOX", (0, 0), (-1, -1), 1.5, "black"),
                                              ("TOPPADDING", (0, 0), (-1, -1), 6),
                                              ("BOTTOMPADDING", (0, 0), (-1, -1), 6)])
    story = [
        ctx.text(N_("This code opens your plan if you forget the passphrase. Keep this paper "
                    "somewhere safe, away from the laptop and the USB stick."), size=12),
        Spacer(1, 14),
        ctx.label(N_("Plan: {label}"), size=12, label=plan_label),
        Spacer(1, 10),
        box,
        Spacer(1, 14),
        ctx.text(N_("To open the plan with it: choose the plan, tick “I forgot the passphrase: use "
                    "the recovery code”, and type the digits above. The spaces and dashes do not "
                    "matter."), size=12),
    ]
    return build(ctx, TITLE, story, subtitle=plan_label)
