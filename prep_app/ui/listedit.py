"""Editor for a repeated part of the plan (parents, children, guardians,
people to call, documents): a list on the left with add / remove / move
buttons, the selected entry's form on the right."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from .form import F, Form, scrolled
from .lang import bind, on_change
from .widgets import button, label


def two_lines(first: str, second: str) -> str:
    """A list row of two lines, the second indented under the first."""
    return f"{first}\n    {second}"


class WrappedRows(QStyledItemDelegate):
    """Draws each row's text in full, wrapped to the list's width, as tall as
    it needs.  Qt's own row painting cut right-to-left rows short: an Arabic
    row showed "...Ana Souza" alone at 100 % text and, with the indent of
    two_lines, "الخيار الأول (الوصي …" at 150 %, in a row tall enough for all."""
    PAD = 4

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, opt.text = opt.text, ""         # the row's background, selection and focus only
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setPen(opt.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text))
        painter.setFont(opt.font)
        painter.drawText(self._text_rect(opt.rect), Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap, text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        view = opt.widget
        width = view.viewport().width() if isinstance(view, QAbstractItemView) else opt.rect.width()
        text = opt.fontMetrics.boundingRect(self._text_rect(QRect(0, 0, width, 100_000)),
                                            Qt.TextFlag.TextWordWrap, opt.text)
        return QSize(width, text.height() + self.PAD)

    def _text_rect(self, row: QRect) -> QRect:
        return row.adjusted(self.PAD, self.PAD // 2, -self.PAD, -self.PAD // 2)


class ListEditor(QWidget):
    edited = Signal()

    def __init__(self, *, title: str, hint: str, fields: list[F], items: Callable[[], list],
                 make: Callable[[], object], describe: Callable[[int, Any], str],
                 add_text: str, remove_text: str, empty: str = "", reorder: bool = False,
                 on_remove: Callable[[object], None] | None = None,
                 on_reorder: Callable[[], None] | None = None, extra: QWidget | None = None,
                 parent=None):
        super().__init__(parent)
        self.items, self.make, self.describe = items, make, describe
        self.on_remove, self.on_reorder = on_remove, on_reorder
        self.form = Form(fields)
        self.form.edited.connect(self._form_edited)

        self.list = QListWidget()
        bind(self.list, "setAccessibleName", title)
        self.list.setMinimumWidth(220)      # as wide as its column: at 150 % its buttons are wider than 440 px
        self.list.setWordWrap(True)
        self.list.setItemDelegate(WrappedRows(self.list))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)      # rows re-wrapped at each new width
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.list.currentRowChanged.connect(self._select)
        if reorder:
            self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
            self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
            self.list.model().rowsMoved.connect(self._dragged)

        self.add_button = button(add_text)
        self.remove_button = button(remove_text)
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        buttons = QGridLayout()
        buttons.addWidget(self.add_button, 0, 0)
        buttons.addWidget(self.remove_button, 0, 1)
        self.up_button: QPushButton | None = None       # only with reorder
        self.down_button: QPushButton | None = None
        if reorder:
            self.up_button = button(N_UP)
            self.down_button = button(N_DOWN)
            self.up_button.clicked.connect(lambda: self.move_row(-1))
            self.down_button.clicked.connect(lambda: self.move_row(+1))
            buttons.addWidget(self.up_button, 1, 0)
            buttons.addWidget(self.down_button, 1, 1)

        left = QVBoxLayout()
        left.addWidget(label(hint, kind="hint"))
        left.addWidget(self.list, 1)
        left.addLayout(buttons)
        if extra is not None:
            left.addWidget(extra)
        self.empty = label(empty or EMPTY, kind="hint")
        right = QVBoxLayout()
        right.addWidget(self.empty)
        self.form_area = scrolled(self.form, 700)
        right.addWidget(self.form_area, 1)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addLayout(left, 0)
        row.addLayout(right, 1)
        on_change(self, lambda _c: self.refresh_labels())
        self.reload()

    # -- list -----------------------------------------------------------------
    def reload(self, select: int = 0) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for i, obj in enumerate(self.items()):
            item = QListWidgetItem(self.describe(i, obj))
            item.setData(Qt.ItemDataRole.UserRole, id(obj))
            self.list.addItem(item)
        self.list.blockSignals(False)
        n = self.list.count()
        if n:
            self.list.setCurrentRow(max(0, min(select, n - 1)))
        self._select(self.list.currentRow())

    def refresh_labels(self) -> None:
        try:
            objs = self.items()
        except AttributeError:      # the plan was closed (locked) a moment ago
            return
        for i in range(min(self.list.count(), len(objs))):
            self.list.item(i).setText(self.describe(i, objs[i]))

    def _select(self, row: int) -> None:
        objs = self.items()
        obj = objs[row] if 0 <= row < len(objs) else None
        self.form.bind_to(obj)
        self.empty.setVisible(obj is None)
        self.form_area.setVisible(obj is not None)
        self.remove_button.setEnabled(obj is not None)
        if self.up_button and self.down_button:
            self.up_button.setEnabled(obj is not None and row > 0)
            self.down_button.setEnabled(obj is not None and row < len(objs) - 1)

    def _form_edited(self, _path: str) -> None:
        self.refresh_labels()
        self.edited.emit()

    def add(self) -> None:
        objs = self.items()
        objs.append(self.make())
        self._reordered()
        self.reload(len(objs) - 1)
        self.edited.emit()
        first = self.form.fields[0].path
        self.form.focus_field(first)

    def remove(self) -> None:
        row = self.list.currentRow()
        objs = self.items()
        if not 0 <= row < len(objs):
            return
        obj = objs.pop(row)
        if self.on_remove:
            self.on_remove(obj)
        self._reordered()
        self.reload(row)
        self.edited.emit()

    def move_row(self, delta: int) -> None:
        row = self.list.currentRow()
        objs = self.items()
        new = row + delta
        if not (0 <= row < len(objs) and 0 <= new < len(objs)):
            return
        objs[row], objs[new] = objs[new], objs[row]
        self._reordered()
        self.reload(new)
        (self.up_button if delta < 0 and new > 0 else self.down_button).setFocus() \
            if self.up_button and self.down_button else None
        self.edited.emit()

    def _dragged(self, *args) -> None:
        order = [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]
        objs = self.items()
        by_id = {id(o): o for o in objs}
        objs[:] = [by_id[k] for k in order if k in by_id]
        self._reordered()
        row = self.list.currentRow()
        from PySide6.QtCore import QTimer
        QTimer.singleShot(0, lambda: self.reload(row))
        self.edited.emit()

    def _reordered(self) -> None:
        if self.on_reorder:
            self.on_reorder()

    def focus(self, index: int | None, field: str | None) -> None:
        if index is not None and 0 <= index < self.list.count():
            self.list.setCurrentRow(index)
        if self.list.count() and self.form.focus_field(field or self.form.fields[0].path):
            return            # no field named: the chosen person's first field
        (self.list if self.list.count() else self.add_button).setFocus()


from .lang import N_  # noqa: E402

N_UP = N_("▲ Move up")
N_DOWN = N_("▼ Move down")
EMPTY = N_("Nobody here yet. Press “Add” to start.")
