"""Per site of a session: topics and planned questions, a briefing, and what is still open."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QDropEvent, QKeyEvent, QKeySequence, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from outreach_app.core.follow_ups import is_overdue
from outreach_app.core.model import AgendaItem, AgendaItemKind, FollowUp, Session
from outreach_app.storage.repository import DemandSource
from outreach_app.ui.formatting import format_date
from outreach_app.ui.labels import follow_up_label, overdue_text, owner_text
from outreach_app.ui.schedule.presenter import AgendaBundle, SchedulePresenter
from outreach_app.ui.widgets.placeholder import paint_placeholder

ID_ROLE = Qt.ItemDataRole.UserRole
OVERDUE_COLOUR = QColor("#b3261e")
KIND_ICONS = {
    AgendaItemKind.TOPIC: QStyle.StandardPixmap.SP_FileDialogDetailedView,
    AgendaItemKind.QUESTION: QStyle.StandardPixmap.SP_MessageBoxQuestion,
}


class AgendaList(QListWidget):
    """Drag to reorder; double-click or F2 to edit; Delete removes."""

    reordered = Signal()
    deleteRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agendaList")
        self.setAccessibleName(self.tr("Topics and planned questions"))
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setWordWrap(True)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.empty_hint = ""

    def dropEvent(self, event: QDropEvent) -> None:
        super().dropEvent(event)
        self.reordered.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Delete):
            self.deleteRequested.emit()
            return
        super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.count() == 0 and self.empty_hint:
            paint_placeholder(self, self.empty_hint)

    def ordered_ids(self) -> list[int]:
        return [int(self.item(row).data(ID_ROLE)) for row in range(self.count())]


class NewItemEdit(QLineEdit):
    """Enter adds a planned question, Ctrl+Enter a topic."""

    submitted = Signal(object)  # AgendaItemKind

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            control = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
            self.submitted.emit(AgendaItemKind.TOPIC if control else AgendaItemKind.QUESTION)
            return
        super().keyPressEvent(event)


class FollowUpList(QTreeWidget):
    """Read-only: commitments made to the site in earlier sessions and demands its residents
    posted on a message board, not yet solved."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("openFollowUps")
        self.setAccessibleName(
            self.tr("Open follow-ups from earlier sessions and residents' demands")
        )
        self.setRootIsDecorated(False)
        self.setWordWrap(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHeaderLabels(
            [self.tr("Commitment"), self.tr("Owner"), self.tr("Due"), self.tr("Status")]
        )
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    def show_follow_ups(
        self,
        follow_ups: list[FollowUp],
        today: date,
        demands: Mapping[int, DemandSource] | None = None,
    ) -> None:
        """`demands`: the items residents posted on a message board, shown with their channel."""
        self.clear()
        for follow_up in follow_ups:
            due = format_date(follow_up.due) if follow_up.due else self.tr("none")
            demand = (demands or {}).get(follow_up.id or 0)
            text = follow_up.commitment
            tip = follow_up.commitment
            if demand is not None:
                text = self.tr("[%1] %2").replace("%1", demand.channel).replace("%2", text)
                tip = (
                    self.tr("A resident's demand, received on %1 through %2 (%3)")
                    .replace("%1", format_date(demand.received_on))
                    .replace("%2", demand.channel)
                    .replace("%3", demand.area)
                    + "\n"
                    + follow_up.commitment
                )
            row = QTreeWidgetItem(
                [
                    text,
                    owner_text(follow_up),
                    due,
                    follow_up_label(follow_up.status),
                ]
            )
            row.setToolTip(0, tip)
            # Late for any step: to be claimed, responded to or solved (core/follow_ups.py).
            if is_overdue(follow_up, today):
                for column in range(4):
                    row.setForeground(column, QBrush(OVERDUE_COLOUR))
                row.setToolTip(2, overdue_text(follow_up, today))
            self.addTopLevelItem(row)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.topLevelItemCount() == 0:
            paint_placeholder(self, self.tr("Nothing open for this site."))


class AgendaEditor(QWidget):
    def __init__(
        self,
        presenter: SchedulePresenter,
        clock: Callable[[], datetime],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.presenter = presenter
        self._clock = clock
        self.session: Session | None = None
        self.bundle: AgendaBundle | None = None
        self._items: dict[int, AgendaItem] = {}

        self.site_combo = QComboBox()
        self.site_combo.setObjectName("agendaSiteCombo")
        self.site_combo.setAccessibleName(self.tr("Site"))
        top = QHBoxLayout()
        site_label = QLabel(self.tr("S&ite:"))
        site_label.setBuddy(self.site_combo)
        top.addWidget(site_label)
        top.addWidget(self.site_combo, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("agendaSplitter")
        splitter.addWidget(self._build_agenda_panel())
        splitter.addWidget(self._build_follow_up_panel())
        splitter.addWidget(self._build_briefing_panel())
        splitter.setSizes([320, 140, 220])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        self._connect_signals()
        self.set_session(None)

    def _build_agenda_panel(self) -> QWidget:
        """The site's topics and planned questions, and the line that adds one."""
        self.list = AgendaList()
        self.list.empty_hint = self.tr(
            "No topics or questions yet — type one below and press Enter."
        )
        self.new_text = NewItemEdit()
        self.new_text.setObjectName("newAgendaText")
        self.new_text.setAccessibleName(self.tr("New topic or question"))
        self.new_text.setPlaceholderText(
            self.tr("A question (Enter) or a topic (Ctrl+Enter) for this site")
        )
        self.add_question_button = QPushButton(self.tr("Add question"))
        self.add_question_button.setToolTip(self.tr("Add as a planned question (Enter)"))
        self.add_topic_button = QPushButton(self.tr("Add topic"))
        self.add_topic_button.setToolTip(self.tr("Add as a topic (Ctrl+Enter)"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setToolTip(self.tr("Delete the selected item (Del)"))
        add_row = QHBoxLayout()
        add_row.addWidget(self.new_text, 1)
        add_row.addWidget(self.add_question_button)
        add_row.addWidget(self.add_topic_button)
        add_row.addWidget(self.delete_button)
        agenda_panel = QWidget()
        agenda_layout = QVBoxLayout(agenda_panel)
        agenda_layout.setContentsMargins(0, 0, 0, 0)
        agenda_layout.addWidget(
            QLabel(self.tr("Topics and planned questions (drag to reorder, double-click to edit)"))
        )
        agenda_layout.addWidget(self.list, 1)
        agenda_layout.addLayout(add_row)
        return agenda_panel

    def _build_follow_up_panel(self) -> QWidget:
        """What is still open for the site: earlier commitments and residents' demands."""
        self.follow_ups = FollowUpList()
        follow_up_panel = QWidget()
        follow_up_layout = QVBoxLayout(follow_up_panel)
        follow_up_layout.setContentsMargins(0, 0, 0, 0)
        follow_up_layout.addWidget(
            QLabel(self.tr("Open follow-ups from earlier sessions and residents' demands"))
        )
        follow_up_layout.addWidget(self.follow_ups, 1)
        return follow_up_panel

    def _build_briefing_panel(self) -> QWidget:
        """The briefing for the official, saved as it is typed."""
        self.briefing_edit = QPlainTextEdit()
        self.briefing_edit.setObjectName("briefingEdit")
        self.briefing_edit.setAccessibleName(self.tr("Briefing"))
        self.briefing_edit.setPlaceholderText(
            self.tr("Background for the official: the site, its people, demands received…")
        )
        self.briefing_state = QLabel()
        self.briefing_state.setObjectName("briefingState")
        briefing_panel = QWidget()
        briefing_layout = QVBoxLayout(briefing_panel)
        briefing_layout.setContentsMargins(0, 0, 0, 0)
        briefing_heading = QHBoxLayout()
        briefing_label = QLabel(self.tr("&Briefing (saved as you type)"))
        briefing_label.setBuddy(self.briefing_edit)
        briefing_heading.addWidget(briefing_label, 1)
        briefing_heading.addWidget(self.briefing_state)
        briefing_layout.addLayout(briefing_heading)
        briefing_layout.addWidget(self.briefing_edit, 1)
        return briefing_panel

    def _connect_signals(self) -> None:
        self.site_combo.currentIndexChanged.connect(self._site_chosen)
        self.new_text.submitted.connect(self._add)
        self.add_question_button.clicked.connect(lambda: self._add(AgendaItemKind.QUESTION))
        self.add_topic_button.clicked.connect(lambda: self._add(AgendaItemKind.TOPIC))
        self.delete_button.clicked.connect(self._delete)
        self.list.deleteRequested.connect(self._delete)
        self.list.reordered.connect(self._reordered)
        self.list.itemChanged.connect(self._item_edited)
        self.briefing_edit.textChanged.connect(self._briefing_edited)
        self.presenter.agendaLoaded.connect(self._show_bundle)
        self.presenter.briefingSaved.connect(self._briefing_saved)

    def set_session(self, session: Session | None) -> None:
        self.session = session if session is not None and session.id is not None else None
        wanted = self.site_combo.currentData()
        with QSignalBlocker(self.site_combo):
            self.site_combo.clear()
            for slot in self.session.sites if self.session else []:
                self.site_combo.addItem(f"{slot.position + 1}. {slot.site_name}", slot.site_id)
            index = self.site_combo.findData(wanted)
            self.site_combo.setCurrentIndex(max(index, 0))
        enabled = self.session is not None and self.site_combo.count() > 0
        for widget in (
            self.site_combo,
            self.list,
            self.new_text,
            self.add_question_button,
            self.add_topic_button,
            self.delete_button,
            self.briefing_edit,
        ):
            widget.setEnabled(enabled)
        if not enabled:
            self.bundle = None
            self._items = {}
            self.list.clear()
            self.follow_ups.clear()
            with QSignalBlocker(self.briefing_edit):
                self.briefing_edit.setPlainText("")
            self.briefing_state.setText(
                self.tr("Save the session with at least one site to write its agenda.")
            )
            return
        self._site_chosen()

    def _site_chosen(self) -> None:
        site_id = self._current_site()
        if self.session is None or self.session.id is None or site_id is None:
            return
        self.presenter.open_agenda(self.session.id, site_id)

    def _show_bundle(self, bundle: AgendaBundle) -> None:
        if self.session is None or bundle.session_id != self.session.id:
            return
        if bundle.site_id != self._current_site():
            return
        same_site = self.bundle is not None and (
            (self.bundle.session_id, self.bundle.site_id) == (bundle.session_id, bundle.site_id)
        )
        self.bundle = bundle
        self._items = {item.id: item for item in bundle.items if item.id is not None}
        with QSignalBlocker(self.list):
            self.list.clear()
            for item in bundle.items:
                self.list.addItem(self._entry_for(item))
        self.list.viewport().update()
        # Typing that has not reached the store yet is newer than what the store sent back.
        typing = same_site and self.presenter.has_unsaved_briefing(
            bundle.session_id, bundle.site_id
        )
        if not typing and self.briefing_edit.toPlainText() != bundle.briefing:
            with QSignalBlocker(self.briefing_edit):
                self.briefing_edit.setPlainText(bundle.briefing)
        if not typing:
            self.briefing_state.setText("")
        self.follow_ups.show_follow_ups(
            bundle.open_follow_ups, self._clock().date(), bundle.demands
        )

    def _entry_for(self, item: AgendaItem) -> QListWidgetItem:
        entry = QListWidgetItem(self.style().standardIcon(KIND_ICONS[item.kind]), item.text)
        entry.setData(ID_ROLE, item.id)
        entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsEditable)
        if item.kind is AgendaItemKind.TOPIC:
            entry.setToolTip(self.tr("Topic"))
            font = entry.font()
            font.setBold(True)
            entry.setFont(font)
        else:
            entry.setToolTip(self.tr("Planned question"))
        return entry

    def _current_site(self) -> int | None:
        site_id = self.site_combo.currentData()
        return int(site_id) if site_id is not None else None

    def _add(self, kind: AgendaItemKind) -> None:
        text = self.new_text.text().strip()
        site_id = self._current_site()
        if not text or self.session is None or self.session.id is None or site_id is None:
            return
        self.presenter.add_agenda_item(self.session.id, site_id, kind, text)
        self.new_text.clear()

    def _delete(self) -> None:
        selected = self.list.selectedItems()
        if not selected:
            return
        item = self._items.get(int(selected[0].data(ID_ROLE)))
        if item is None:
            return
        choice = QMessageBox.question(
            self,
            self.tr("Delete agenda item"),
            self.tr("Delete “%1” from the agenda?").replace("%1", item.text),
        )
        if choice == QMessageBox.StandardButton.Yes:
            self.presenter.delete_agenda_item(item)

    def _reordered(self) -> None:
        site_id = self._current_site()
        if self.session is None or self.session.id is None or site_id is None:
            return
        self.presenter.reorder_agenda(self.session.id, site_id, self.list.ordered_ids())

    def _item_edited(self, entry: QListWidgetItem) -> None:
        item = self._items.get(int(entry.data(ID_ROLE)))
        if item is None:
            return
        text = entry.text().strip()
        if text and text != item.text:
            self.presenter.update_agenda_item(item, text)
        elif not text:
            with QSignalBlocker(self.list):
                entry.setText(item.text)  # an agenda item cannot be blank; keep the old text

    def _briefing_edited(self) -> None:
        site_id = self._current_site()
        if self.session is None or self.session.id is None or site_id is None:
            return
        self.briefing_state.setText(self.tr("Saving…"))
        self.presenter.edit_briefing(self.session.id, site_id, self.briefing_edit.toPlainText())

    def _briefing_saved(self) -> None:
        site_id = self._current_site()
        if self.session is None or self.session.id is None or site_id is None:
            return
        if not self.presenter.has_unsaved_briefing(self.session.id, site_id):
            self.briefing_state.setText(self.tr("Saved"))
