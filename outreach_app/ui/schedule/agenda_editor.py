"""Per site of a session: topics and planned questions, a briefing, and what is still open."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QDropEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from outreach_app.core.model import AgendaItem, AgendaItemKind, Session
from outreach_app.ui.labels import follow_up_label
from outreach_app.ui.schedule.presenter import AgendaBundle, SchedulePresenter

ID_ROLE = Qt.ItemDataRole.UserRole
KIND_MARK = {AgendaItemKind.TOPIC: "■", AgendaItemKind.QUESTION: "？"}


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

    def dropEvent(self, event: QDropEvent) -> None:
        super().dropEvent(event)
        self.reordered.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Delete):
            self.deleteRequested.emit()
            return
        super().keyPressEvent(event)

    def ordered_ids(self) -> list[int]:
        return [int(self.item(row).data(ID_ROLE)) for row in range(self.count())]


class AgendaEditor(QWidget):
    def __init__(self, presenter: SchedulePresenter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.presenter = presenter
        self.session: Session | None = None
        self.bundle: AgendaBundle | None = None
        self._items: dict[int, AgendaItem] = {}

        self.site_combo = QComboBox()
        self.site_combo.setObjectName("agendaSiteCombo")
        self.site_combo.setAccessibleName(self.tr("Site"))
        self.list = AgendaList()
        self.new_text = QLineEdit()
        self.new_text.setObjectName("newAgendaText")
        self.new_text.setAccessibleName(self.tr("New topic or question"))
        self.new_text.setPlaceholderText(self.tr("Type a topic or question and press Enter"))
        self.new_kind = QComboBox()
        self.new_kind.setAccessibleName(self.tr("Kind of agenda item"))
        self.new_kind.addItem(self.tr("Question"), AgendaItemKind.QUESTION.value)
        self.new_kind.addItem(self.tr("Topic"), AgendaItemKind.TOPIC.value)
        self.add_button = QPushButton(self.tr("Add"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setToolTip(self.tr("Delete the selected item (Del)"))
        add_row = QHBoxLayout()
        add_row.addWidget(self.new_kind)
        add_row.addWidget(self.new_text, 1)
        add_row.addWidget(self.add_button)
        add_row.addWidget(self.delete_button)

        self.briefing_edit = QPlainTextEdit()
        self.briefing_edit.setObjectName("briefingEdit")
        self.briefing_edit.setAccessibleName(self.tr("Briefing"))
        self.briefing_edit.setPlaceholderText(
            self.tr("Background for the official: the site, its people, demands received…")
        )
        self.briefing_state = QLabel()
        self.follow_ups = QListWidget()
        self.follow_ups.setObjectName("openFollowUps")
        self.follow_ups.setAccessibleName(self.tr("Open follow-ups from earlier sessions"))
        self.follow_ups.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Site:")))
        top.addWidget(self.site_combo, 1)
        agenda_panel = QWidget()
        agenda_layout = QVBoxLayout(agenda_panel)
        agenda_layout.setContentsMargins(0, 0, 0, 0)
        agenda_layout.addWidget(QLabel(self.tr("Topics and planned questions (drag to reorder)")))
        agenda_layout.addWidget(self.list, 1)
        agenda_layout.addLayout(add_row)
        briefing_panel = QWidget()
        briefing_layout = QVBoxLayout(briefing_panel)
        briefing_layout.setContentsMargins(0, 0, 0, 0)
        briefing_layout.addWidget(QLabel(self.tr("Open follow-ups from earlier sessions")))
        briefing_layout.addWidget(self.follow_ups, 1)
        briefing_layout.addWidget(QLabel(self.tr("Briefing")))
        briefing_layout.addWidget(self.briefing_edit, 2)
        briefing_layout.addWidget(self.briefing_state)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(agenda_panel)
        splitter.addWidget(briefing_panel)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        self.site_combo.currentIndexChanged.connect(self._site_chosen)
        self.new_text.returnPressed.connect(self._add)
        self.add_button.clicked.connect(self._add)
        self.delete_button.clicked.connect(self._delete)
        self.list.deleteRequested.connect(self._delete)
        self.list.reordered.connect(self._reordered)
        self.list.itemChanged.connect(self._item_edited)
        self.briefing_edit.textChanged.connect(self._briefing_edited)
        presenter.agendaLoaded.connect(self._show_bundle)
        presenter.briefingSaved.connect(lambda: self.briefing_state.setText(self.tr("Saved")))
        self.set_session(None)

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
            self.list,
            self.new_text,
            self.new_kind,
            self.add_button,
            self.delete_button,
            self.briefing_edit,
        ):
            widget.setEnabled(enabled)
        if not enabled:
            self.bundle = None
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
        site_id = self.site_combo.currentData()
        if self.session is None or self.session.id is None or site_id is None:
            return
        self.presenter.open_agenda(self.session.id, int(site_id))

    def _show_bundle(self, bundle: AgendaBundle) -> None:
        if self.session is None or bundle.session_id != self.session.id:
            return
        if bundle.site_id != self.site_combo.currentData():
            return
        self.bundle = bundle
        self._items = {item.id: item for item in bundle.items if item.id is not None}
        with QSignalBlocker(self.list):
            self.list.clear()
            for item in bundle.items:
                entry = QListWidgetItem(item.text)
                entry.setData(ID_ROLE, item.id)
                entry.setToolTip(
                    self.tr("Topic")
                    if item.kind is AgendaItemKind.TOPIC
                    else self.tr("Planned question")
                )
                entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsEditable)
                if item.kind is AgendaItemKind.TOPIC:
                    font = entry.font()
                    font.setBold(True)
                    entry.setFont(font)
                else:
                    entry.setText(f"{KIND_MARK[item.kind]} {item.text}")
                self.list.addItem(entry)
        if self.briefing_edit.toPlainText() != bundle.briefing:
            with QSignalBlocker(self.briefing_edit):
                self.briefing_edit.setPlainText(bundle.briefing)
        self.briefing_state.setText("")
        self._show_follow_ups(bundle)

    def _show_follow_ups(self, bundle: AgendaBundle) -> None:
        self.follow_ups.clear()
        today = date.today()
        for follow_up in bundle.open_follow_ups:
            due = follow_up.due.isoformat() if follow_up.due else self.tr("no due date")
            text = (
                f"{follow_up.commitment}\n    {follow_up.owner} · {due} · "
                f"{follow_up_label(follow_up.status)}"
            )
            entry = QListWidgetItem(text)
            if follow_up.due is not None and follow_up.due < today:
                entry.setForeground(QBrush(QColor("#b3261e")))
                entry.setToolTip(self.tr("Overdue"))
            self.follow_ups.addItem(entry)
        if not bundle.open_follow_ups:
            entry = QListWidgetItem(self.tr("Nothing open for this site."))
            entry.setFlags(Qt.ItemFlag.NoItemFlags)
            self.follow_ups.addItem(entry)

    def _current_site(self) -> int | None:
        site_id = self.site_combo.currentData()
        return int(site_id) if site_id is not None else None

    def _add(self) -> None:
        text = self.new_text.text().strip()
        site_id = self._current_site()
        if not text or self.session is None or self.session.id is None or site_id is None:
            return
        kind = AgendaItemKind(self.new_kind.currentData())
        self.presenter.add_agenda_item(self.session.id, site_id, kind, text)
        self.new_text.clear()

    def _delete(self) -> None:
        selected = self.list.selectedItems()
        if not selected:
            return
        item = self._items.get(int(selected[0].data(ID_ROLE)))
        if item is not None:
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
        text = entry.text().removeprefix(KIND_MARK[item.kind]).strip()
        if text and text != item.text:
            self.presenter.update_agenda_item(item, text)
        elif not text:
            self.presenter.open_agenda(item.session_id, item.site_id)  # put the old text back

    def _briefing_edited(self) -> None:
        site_id = self._current_site()
        if self.session is None or self.session.id is None or site_id is None:
            return
        self.briefing_state.setText(self.tr("Saving…"))
        self.presenter.edit_briefing(self.session.id, site_id, self.briefing_edit.toPlainText())
