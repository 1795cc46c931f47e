"""The window's style: the platform's own, with a focus ring a volunteer can
see from across the table.  The platforms draw a 1-px line on buttons and,
on a list, a ring in the colour of the selection it sits on (invisible), so
the keyboard alone could not run a workshop."""
from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOption, QWidget

RING_WIDTH = 3
RING_COLOR = QColor("#0b3d91")    # dark blue: visible on white and on the selection's blue


def draw_ring(painter: QPainter, rect: QRect) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QPen(RING_COLOR, RING_WIDTH))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    inset = RING_WIDTH // 2 + 1
    painter.drawRoundedRect(rect.adjusted(inset, inset, -inset, -inset), 3, 3)
    painter.restore()


class FocusRingStyle(QProxyStyle):
    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption, painter: QPainter,
                      widget: QWidget | None = None) -> None:
        if element == QStyle.PrimitiveElement.PE_FrameFocusRect:
            draw_ring(painter, option.rect)
            return
        super().drawPrimitive(element, option, painter, widget)

    def drawControl(self, element: QStyle.ControlElement, option: QStyleOption, painter: QPainter,
                    widget: QWidget | None = None) -> None:
        super().drawControl(element, option, painter, widget)
        if element == QStyle.ControlElement.CE_PushButton and option.state & QStyle.StateFlag.State_HasFocus:
            draw_ring(painter, option.rect)
