"""The window's style: the platform's own, with a focus ring a volunteer can
see from across the table.  The platforms draw a 1-px line on buttons and,
on a list, a ring in the colour of the selection it sits on (invisible), so
the keyboard alone could not run a workshop."""
from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QPlainTextEdit,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QStyleOptionButton,
    QStyleOptionComplex,
    QWidget,
)

from .choices import RING_ON_ROW  # a check box whose row rings it and its text

RING_WIDTH = 3
RING_COLOR = QColor("#0b3d91")    # dark blue: visible on white and on the selection's blue
# room around a check box's or radio button's box and text for the ring: the
# platform's focus rect is the text alone (the ring cut into the letters) or,
# without text, the inside of the box (a small circle that looked like a radio button)
# (a gap of 2 px between ring and box; above and below, the line's own leading)
PAD_X, PAD_Y = RING_WIDTH + 3, RING_WIDTH

_S = QStyle.SubElement
_TOGGLES = {   # control -> (its box, its platform focus rect, its click area)
    QStyle.ControlElement.CE_CheckBox: (_S.SE_CheckBoxIndicator, _S.SE_CheckBoxFocusRect, _S.SE_CheckBoxClickRect),
    QStyle.ControlElement.CE_RadioButton: (_S.SE_RadioButtonIndicator, _S.SE_RadioButtonFocusRect,
                                           _S.SE_RadioButtonClickRect),
}
_CLICK_AREAS = {parts[2]: parts for parts in _TOGGLES.values()}
_TOGGLE_SIZES = (QStyle.ContentsType.CT_CheckBox, QStyle.ContentsType.CT_RadioButton)


def draw_ring(painter: QPainter, rect: QRect) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QPen(RING_COLOR, RING_WIDTH))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    inset = RING_WIDTH // 2 + 1
    painter.drawRoundedRect(rect.adjusted(inset, inset, -inset, -inset), 3, 3)
    painter.restore()


def _inner(option: QStyleOptionButton) -> QStyleOptionButton:
    """The option of a check box or radio button drawn inside its ring's room."""
    inner = QStyleOptionButton(option)
    inner.rect = option.rect.adjusted(PAD_X, PAD_Y, -PAD_X, -PAD_Y)
    return inner


class FocusRingStyle(QProxyStyle):
    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption, painter: QPainter,
                      widget: QWidget | None = None) -> None:
        if element == QStyle.PrimitiveElement.PE_FrameFocusRect:
            draw_ring(painter, option.rect)
            return
        super().drawPrimitive(element, option, painter, widget)
        if element == QStyle.PrimitiveElement.PE_PanelLineEdit and option.state & QStyle.StateFlag.State_HasFocus:
            draw_ring(painter, option.rect)        # a text field: the platform's 1-px outline was all

    def drawComplexControl(self, control: QStyle.ComplexControl, option: QStyleOptionComplex, painter: QPainter,
                           widget: QWidget | None = None) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if control == QStyle.ComplexControl.CC_ComboBox and option.state & QStyle.StateFlag.State_HasFocus:
            draw_ring(painter, option.rect)        # a drop-down list: the platform drew no focus at all

    def drawControl(self, element: QStyle.ControlElement, option: QStyleOption, painter: QPainter,
                    widget: QWidget | None = None) -> None:
        parts = _TOGGLES.get(element)
        if parts is not None and isinstance(option, QStyleOptionButton):
            self._draw_toggle(element, parts, option, painter, widget)
            return
        super().drawControl(element, option, painter, widget)
        if element == QStyle.ControlElement.CE_PushButton and option.state & QStyle.StateFlag.State_HasFocus:
            draw_ring(painter, option.rect)
        elif element == QStyle.ControlElement.CE_ShapedFrame and isinstance(widget, QPlainTextEdit) \
                and widget.hasFocus():
            draw_ring(painter, option.rect)        # a text box's frame carries no focus state of its own

    def _draw_toggle(self, element: QStyle.ControlElement, parts: tuple[QStyle.SubElement, ...],
                     option: QStyleOptionButton, painter: QPainter, widget: QWidget | None) -> None:
        """The box and its text inside the ring's room; with focus, one ring
        around both, a rectangle with the buttons' slight corners."""
        inner = _inner(option)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        inner.state &= ~QStyle.StateFlag.State_HasFocus     # the ring below, not the platform's
        super().drawControl(element, inner, painter, widget)
        if focused and not (widget is not None and widget.property(RING_ON_ROW)):
            box = self.baseStyle().subElementRect(parts[0], inner, widget)
            text = self.baseStyle().subElementRect(parts[1], inner, widget)
            draw_ring(painter, self._ring_rect(box.united(text), option.rect))

    @staticmethod
    def _ring_rect(content: QRect, room: QRect) -> QRect:
        return content.adjusted(-PAD_X, -PAD_X, PAD_X, PAD_X).intersected(room)

    # these two ask the base style, as QProxyStyle would: its stubs refuse the None Qt may pass
    def subElementRect(self, element: QStyle.SubElement, option: QStyleOption,
                       widget: QWidget | None = None) -> QRect:
        parts = _CLICK_AREAS.get(element)
        if parts is not None and isinstance(option, QStyleOptionButton):   # the box and text as drawn, ring included
            return self._ring_rect(self.baseStyle().subElementRect(element, _inner(option), widget), option.rect)
        return self.baseStyle().subElementRect(element, option, widget)

    def sizeFromContents(self, kind: QStyle.ContentsType, option: QStyleOption, size: QSize,
                         widget: QWidget | None = None) -> QSize:
        hint = self.baseStyle().sizeFromContents(kind, option, size, widget)
        if kind in _TOGGLE_SIZES:      # a box without text (its label beside it) needs the ring's room above too
            pad_y = PAD_Y if isinstance(option, QStyleOptionButton) and option.text else PAD_X
            hint += QSize(2 * PAD_X, 2 * pad_y)
        return hint
