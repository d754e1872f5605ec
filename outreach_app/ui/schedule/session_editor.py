"""Edit one session: details, the sites in speaking order with their time boxes, and warnings."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import (
    QAbstractItemModel,
    QDateTime,
    QModelIndex,
    QPersistentModelIndex,
    QSignalBlocker,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QDropEvent, QKeySequence, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from outreach_app.core.call_engines import HUB_CAPACITY, EngineChoice
from outreach_app.core.model import (
    Session,
    SessionKind,
    SessionSite,
    SessionStatus,
    Site,
    SiteCheck,
)
from outreach_app.core.scheduling import Conflict, ConflictKind, segment_starts
from outreach_app.ui.formatting import format_datetime, format_time
from outreach_app.ui.labels import (
    check_result_label,
    failing_parts,
    kind_label,
    status_label,
)
from outreach_app.ui.widgets.placeholder import paint_placeholder

DEFAULT_TIME_BOX = 10
DEFAULT_DURATION = 60
MAX_TIME_BOX = 240
ROW_HEIGHT = 30
ID_ROLE = Qt.ItemDataRole.UserRole
NAME_COLUMN, BOX_COLUMN, START_COLUMN, CHECK_COLUMN = 0, 1, 2, 3


class TimeBoxDelegate(QStyledItemDelegate):
    """A spin box that writes every step at once, so totals and start times follow live."""

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        spin = QSpinBox(parent)
        spin.setObjectName("timeBoxSpin")
        spin.setAccessibleName(self.tr("Time box"))
        spin.setRange(1, MAX_TIME_BOX)
        spin.setSingleStep(5)
        spin.setSuffix(self.tr(" min"))
        spin.valueChanged.connect(lambda _value: self.commitData.emit(spin))
        return spin

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        minutes = int(index.data(Qt.ItemDataRole.EditRole) or 0)
        if isinstance(editor, QSpinBox) and editor.value() != minutes:
            with QSignalBlocker(editor):
                editor.setValue(minutes)

    def setModelData(
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        if isinstance(editor, QSpinBox):
            model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        base = super().sizeHint(option, index)
        return QSize(max(base.width(), 96), max(base.height(), ROW_HEIGHT))


class SpeakingOrder(QTreeWidget):
    """The session's sites; drag rows (or use Move up/down) to change who speaks when."""

    orderChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("speakingOrder")
        self.setAccessibleName(self.tr("Sites in speaking order"))
        self.setColumnCount(4)
        self.setHeaderLabels(
            [self.tr("Site"), self.tr("Time box"), self.tr("Starts"), self.tr("Pre-call check")]
        )
        self.setRootIsDecorated(False)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Time boxes are edited in their always-open spin boxes; site names are not editable here.
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setItemDelegateForColumn(BOX_COLUMN, TimeBoxDelegate(self))
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NAME_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(BOX_COLUMN, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(START_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CHECK_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        self._checks: dict[int, SiteCheck] = {}
        self._locked = False
        header.resizeSection(BOX_COLUMN, 96)
        self.itemChanged.connect(lambda *_: self.orderChanged.emit())

    def dropEvent(self, event: QDropEvent) -> None:
        super().dropEvent(event)
        self._open_time_box_editors()
        self.orderChanged.emit()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.topLevelItemCount() == 0:
            paint_placeholder(self, self.tr("No sites in this session yet — add them below."))

    def _open_time_box_editors(self) -> None:
        # Moving a row destroys its editor, so every structural change reopens them.
        for row in range(self.topLevelItemCount()):
            item = self.topLevelItem(row)
            if item is not None:
                self.openPersistentEditor(item, BOX_COLUMN)
            editor = self.time_box_editor(row)
            if editor is not None:
                # The view selects an opened editor's text; in a column of them that looks busy.
                editor.lineEdit().deselect()
                editor.setEnabled(not self._locked)

    def set_locked(self, locked: bool) -> None:
        """Locked: the order and the time boxes are shown, not changed (a live session)."""
        self._locked = locked
        self.setDragDropMode(
            QAbstractItemView.DragDropMode.NoDragDrop
            if locked
            else QAbstractItemView.DragDropMode.InternalMove
        )
        self._open_time_box_editors()

    @property
    def locked(self) -> bool:
        return self._locked

    def time_box_editor(self, row: int) -> QSpinBox | None:
        item = self.topLevelItem(row)
        editor = self.itemWidget(item, BOX_COLUMN) if item is not None else None
        return editor if isinstance(editor, QSpinBox) else None

    def show_checks(self, checks: dict[int, SiteCheck]) -> None:
        """Each site's latest pre-call check, as text and colour (staff call the failed ones)."""
        self._checks = checks
        for row in range(self.topLevelItemCount()):
            item = self.topLevelItem(row)
            if item is not None:
                self._show_check(item)

    def _show_check(self, item: QTreeWidgetItem) -> None:
        check = self._checks.get(int(item.data(NAME_COLUMN, ID_ROLE)))
        with QSignalBlocker(self):
            if check is None:
                item.setText(CHECK_COLUMN, self.tr("not run"))
                item.setToolTip(CHECK_COLUMN, self.tr("The site has not opened its check link."))
                item.setForeground(CHECK_COLUMN, self.palette().placeholderText())
                return
            when = format_datetime(check.checked_at)
            if check.passed:
                item.setText(CHECK_COLUMN, self.tr("✓ passed %1").replace("%1", when))
                item.setForeground(CHECK_COLUMN, QColor("#1a7f37"))
            else:
                failing = failing_parts(check)
                item.setText(
                    CHECK_COLUMN,
                    self.tr("✗ %1 — %2")
                    .replace("%1", self.tr(", ").join(failing))
                    .replace("%2", when),
                )
                item.setForeground(CHECK_COLUMN, QColor("#b3261e"))
            rtt = "—" if check.round_trip_ms is None else f"{check.round_trip_ms:.0f} ms"
            item.setToolTip(
                CHECK_COLUMN,
                self.tr("Camera: %1 · Microphone: %2 · Connection: %3 (round trip %4) · from %5")
                .replace("%1", check_result_label(check.camera))
                .replace("%2", check_result_label(check.microphone))
                .replace("%3", check_result_label(check.connection))
                .replace("%4", rtt)
                .replace(
                    "%5", self.tr("the app") if check.source == "app" else self.tr("a browser")
                ),
            )

    def add_slot(self, site_id: int, name: str, minutes: int) -> None:
        item = QTreeWidgetItem([name, "", "", ""])
        item.setData(NAME_COLUMN, ID_ROLE, site_id)
        item.setData(BOX_COLUMN, Qt.ItemDataRole.EditRole, minutes)
        # Rows are moved, never dropped into one another.
        item.setFlags(
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsEditable
            | Qt.ItemFlag.ItemIsDragEnabled
        )
        with QSignalBlocker(self):
            self.addTopLevelItem(item)
        self._show_check(item)
        self._open_time_box_editors()

    def remove_current(self) -> bool:
        current = self.currentItem()
        if current is None:
            return False
        self.takeTopLevelItem(self.indexOfTopLevelItem(current))
        self._open_time_box_editors()
        return True

    def clear_slots(self) -> None:
        with QSignalBlocker(self):
            self.clear()

    def slots(self) -> list[SessionSite]:
        slots = []
        for row in range(self.topLevelItemCount()):
            item = self.topLevelItem(row)
            if item is None:
                continue
            minutes = item.data(BOX_COLUMN, Qt.ItemDataRole.EditRole)
            slots.append(
                SessionSite(
                    site_id=int(item.data(NAME_COLUMN, ID_ROLE)),
                    position=row,
                    time_box_minutes=int(minutes) if minutes else 0,
                    site_name=item.text(NAME_COLUMN),
                )
            )
        return slots

    def move_current(self, step: int) -> None:
        if self._locked:
            return
        current = self.currentItem()
        row = self.indexOfTopLevelItem(current) if current is not None else -1
        target = row + step
        if row < 0 or not 0 <= target < self.topLevelItemCount():
            return
        with QSignalBlocker(self):
            item = self.takeTopLevelItem(row)
            if item is not None:
                self.insertTopLevelItem(target, item)
                self.setCurrentItem(item)
        self._open_time_box_editors()
        self.orderChanged.emit()

    def show_starts(self, starts: list[datetime]) -> None:
        with QSignalBlocker(self):
            for row, start in enumerate(starts):
                item = self.topLevelItem(row)
                if item is not None:
                    item.setText(START_COLUMN, format_time(start))


class SessionEditor(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: Session | None = None
        self._loading = False
        self._clean: Session | None = None

        form = self._build_form()
        move_row, add_row = self._build_speaking_order()
        buttons = self._build_buttons()

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Sites in speaking order (drag to reorder):")))
        layout.addWidget(self.order, 1)
        layout.addLayout(move_row)
        layout.addLayout(add_row)
        layout.addWidget(self.boxes_label)
        layout.addWidget(self.live_lock_label)
        layout.addWidget(self.warnings_label)
        layout.addLayout(buttons)

        self._connect_signals()
        self._offered: list[Site] = []

    def _build_form(self) -> QFormLayout:
        """Title, kind, official, start and duration, status and notes."""
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("titleEdit")
        self.title_edit.setAccessibleName(self.tr("Title"))
        self.title_edit.setPlaceholderText(self.tr("e.g. 节前视频连线慰问基层一线"))
        self.kind_combo = QComboBox()
        self.kind_combo.setAccessibleName(self.tr("Kind"))
        for kind in SessionKind:
            self.kind_combo.addItem(kind_label(kind), kind.value)
        self.official_edit = QLineEdit()
        self.official_edit.setAccessibleName(self.tr("Official"))
        self.start_edit = QDateTimeEdit()
        self.start_edit.setAccessibleName(self.tr("Start"))
        self.start_edit.setCalendarPopup(True)
        self.start_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.duration_spin = QSpinBox()
        self.duration_spin.setAccessibleName(self.tr("Duration"))
        self.duration_spin.setRange(5, 600)
        self.duration_spin.setSingleStep(5)
        self.duration_spin.setSuffix(self.tr(" min"))
        self.status_combo = QComboBox()
        self.status_combo.setAccessibleName(self.tr("Status"))
        for status in SessionStatus:
            self.status_combo.addItem(status_label(status), status.value)
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setAccessibleName(self.tr("Notes for the session"))
        self.notes_edit.setMaximumHeight(54)
        self.engine_combo = QComboBox()
        self.engine_combo.setObjectName("engineCombo")
        self.engine_combo.setAccessibleName(self.tr("What carries the call"))
        self.engine_combo.addItem(
            self.tr("Automatic: this computer up to %1 sites, the media server beyond").replace(
                "%1", str(HUB_CAPACITY)
            ),
            EngineChoice.AUTO.value,
        )
        self.engine_combo.addItem(self.tr("This computer (the hub)"), EngineChoice.HUB.value)
        self.engine_combo.addItem(
            self.tr("The server's media server (Janus)"), EngineChoice.JANUS.value
        )
        self.engine_combo.setToolTip(
            self.tr(
                "Sessions with many sites run on the media server next to the signaling "
                "server, so that this computer does not carry every site's video."
            )
        )

        form = QFormLayout()
        form.addRow(self.tr("Title:"), self.title_edit)
        form.addRow(self.tr("Kind:"), self.kind_combo)
        form.addRow(self.tr("Official:"), self.official_edit)
        timing = QHBoxLayout()
        timing.addWidget(self.start_edit, 1)
        timing.addWidget(QLabel(self.tr("Duration:")))
        timing.addWidget(self.duration_spin)
        form.addRow(self.tr("Start:"), timing)
        form.addRow(self.tr("Status:"), self.status_combo)
        form.addRow(self.tr("Call:"), self.engine_combo)
        form.addRow(self.tr("Notes:"), self.notes_edit)
        return form

    def _build_speaking_order(self) -> tuple[QHBoxLayout, QHBoxLayout]:
        """The sites in speaking order with their time boxes, and the rows that change it."""
        self.order = SpeakingOrder()
        self.site_combo = QComboBox()
        self.site_combo.setAccessibleName(self.tr("Site to add"))
        self.add_site_button = QPushButton(self.tr("Add site"))
        self.remove_site_button = QPushButton(self.tr("Remove"))
        self.up_button = QPushButton(self.tr("Move up"))
        self.down_button = QPushButton(self.tr("Move down"))
        add_row = QHBoxLayout()
        add_row.addWidget(self.site_combo, 1)
        add_row.addWidget(self.add_site_button)
        move_row = QHBoxLayout()
        move_row.addWidget(self.up_button)
        move_row.addWidget(self.down_button)
        move_row.addStretch()
        move_row.addWidget(self.remove_site_button)
        self.boxes_label = QLabel()
        self.boxes_label.setObjectName("boxesLabel")
        self.warnings_label = QLabel()
        self.warnings_label.setObjectName("warningsLabel")
        self.warnings_label.setWordWrap(True)
        self.warnings_label.setStyleSheet(
            "#warningsLabel { background: #fff4e0; color: #7a4500; border: 1px solid #e0b060;"
            " border-radius: 4px; padding: 6px; }"
        )
        self.warnings_label.hide()
        self.live_lock_label = QLabel(
            self.tr(
                "The session is live: its sites, their order and time boxes cannot change "
                "until it ends, because the call runs with them."
            )
        )
        self.live_lock_label.setObjectName("liveLockLabel")
        self.live_lock_label.setWordWrap(True)
        self.live_lock_label.setStyleSheet(
            "#liveLockLabel { background: palette(alternate-base); border-radius: 4px;"
            " padding: 6px; }"
        )
        self.live_lock_label.hide()
        return move_row, add_row

    def _build_buttons(self) -> QHBoxLayout:
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("saveSessionButton")
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.save_button.setToolTip(self.tr("Save the session (Ctrl+S)"))
        self.revert_button = QPushButton(self.tr("Revert"))
        self.revert_button.setToolTip(self.tr("Discard the changes since the last save"))
        self.unsaved_label = QLabel(self.tr("Unsaved changes"))
        self.unsaved_label.setObjectName("unsavedLabel")
        self.unsaved_label.setStyleSheet("#unsavedLabel { color: #7a4500; }")
        self.cancel_session_button = QPushButton(self.tr("Cancel session…"))
        # Enabled by the page, which knows what day it is.
        self.call_button = QPushButton(self.tr("Start call"))
        self.call_button.setObjectName("startCallButton")
        self.call_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MediaPlay))
        self.call_button.setEnabled(False)
        # Enabled by the page for saved sessions with sites; Ctrl+Shift+J is the page's action.
        self.invitations_button = QPushButton(self.tr("Invitations (.ics)…"))
        self.invitations_button.setObjectName("saveInvitationsButton")
        self.invitations_button.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton)
        )
        self.invitations_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.unsaved_label)
        buttons.addStretch()
        buttons.addWidget(self.invitations_button)
        buttons.addWidget(self.call_button)
        buttons.addWidget(self.cancel_session_button)
        return buttons

    def _connect_signals(self) -> None:
        for signal in (
            self.title_edit.textChanged,
            self.official_edit.textChanged,
            self.start_edit.dateTimeChanged,
            self.duration_spin.valueChanged,
            self.kind_combo.currentIndexChanged,
            self.status_combo.currentIndexChanged,
            self.engine_combo.currentIndexChanged,
            self.notes_edit.textChanged,
            self.order.orderChanged,
        ):
            signal.connect(self._edited)
        self.add_site_button.clicked.connect(self._add_selected_site)
        self.remove_site_button.clicked.connect(self._remove_current_site)
        self.up_button.clicked.connect(lambda: self.order.move_current(-1))
        self.down_button.clicked.connect(lambda: self.order.move_current(+1))

    # ----------------------------------------------------------------- loading
    def show_session(self, session: Session) -> None:
        self._loading = True
        self.session = session
        self.title_edit.setText(session.title)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(session.kind.value))
        self.official_edit.setText(session.official)
        start = session.start
        self.start_edit.setDateTime(
            QDateTime(start.year, start.month, start.day, start.hour, start.minute, 0)
        )
        self.duration_spin.setValue(session.duration_minutes)
        self.status_combo.setCurrentIndex(self.status_combo.findData(session.status.value))
        self.engine_combo.setCurrentIndex(self.engine_combo.findData(session.call_engine.value))
        self.notes_edit.setPlainText(session.notes)
        self.order.clear_slots()
        for slot in sorted(session.sites, key=lambda s: s.position):
            self.order.add_slot(slot.site_id, slot.site_name, slot.time_box_minutes)
        self.cancel_session_button.setEnabled(
            session.id is not None and session.status is not SessionStatus.CANCELLED
        )
        self._loading = False
        self._clean = self.current_session()
        self.show_conflicts([], {})
        self._refresh_derived()
        self._lock_sites_while_live(session.status)

    def show_status(self, status: SessionStatus) -> None:
        """The status changed elsewhere (a call started or ended): show it as the saved state,
        so that saving other edits later does not put the old status back."""
        if self.session is None:
            return
        self._loading = True
        self.session = replace(self.session, status=status)
        self.status_combo.setCurrentIndex(self.status_combo.findData(status.value))
        self._loading = False
        self._clean = replace(self._clean, status=status) if self._clean else None
        self._refresh_derived()
        self._lock_sites_while_live(status)

    def _lock_sites_while_live(self, status: SessionStatus) -> None:
        live = status is SessionStatus.LIVE
        self.order.set_locked(live)
        for widget in (self.up_button, self.down_button, self.remove_site_button):
            widget.setEnabled(not live)
        self.live_lock_label.setVisible(live)
        self.set_offered_sites(self._offered)

    def set_offered_sites(self, sites: list[Site]) -> None:
        self._offered = sites
        taken = {slot.site_id for slot in self.order.slots()}
        self.site_combo.clear()
        for site in sites:
            if site.id is not None and site.id not in taken and not site.archived:
                self.site_combo.addItem(site.name, site.id)
        empty = self.site_combo.count() == 0
        self.add_site_button.setEnabled(not empty and not self.order.locked)
        self.site_combo.setEnabled(not self.order.locked)
        if empty:
            self.site_combo.addItem(
                self.tr("All sites are in this session")
                if self._offered
                else self.tr("No sites yet — add them under Sites")
            )

    # ----------------------------------------------------------------- editing
    def current_session(self) -> Session:
        base = self.session or Session("", SessionKind.POLICY_BRIEFING, "", datetime.now(), 60)
        start = self.start_edit.dateTime().toPython()
        assert isinstance(start, datetime)
        return replace(
            base,
            title=self.title_edit.text().strip(),
            kind=SessionKind(self.kind_combo.currentData()),
            official=self.official_edit.text().strip(),
            start=start.replace(second=0, microsecond=0),
            duration_minutes=self.duration_spin.value(),
            status=SessionStatus(self.status_combo.currentData()),
            call_engine=EngineChoice(self.engine_combo.currentData()),
            notes=self.notes_edit.toPlainText().strip(),
            sites=self.order.slots(),
        )

    def is_modified(self) -> bool:
        return self._clean is not None and self.current_session() != self._clean

    def _edited(self) -> None:
        if self._loading:
            return
        self._refresh_derived()
        self.changed.emit()

    def _refresh_derived(self) -> None:
        modified = self.is_modified()
        self.unsaved_label.setVisible(modified)
        self.revert_button.setEnabled(modified)
        session = self.current_session()
        self.order.show_starts(segment_starts(session))
        total = sum(s.time_box_minutes for s in session.sites)
        text = (
            self.tr("Time boxes: %1 of %2 min")
            .replace("%1", str(total))
            .replace("%2", str(session.duration_minutes))
        )
        self.boxes_label.setText(text)
        self.boxes_label.setStyleSheet(
            "color: #8a1c12; font-weight: bold;" if total > session.duration_minutes else ""
        )

    def _add_selected_site(self) -> None:
        site_id = self.site_combo.currentData()
        if site_id is None or self.order.locked:
            return
        self.order.add_slot(int(site_id), self.site_combo.currentText(), DEFAULT_TIME_BOX)
        self.set_offered_sites(self._offered)
        self._edited()

    def add_site(self, site_id: int) -> None:
        index = self.site_combo.findData(site_id)
        if index >= 0:
            self.site_combo.setCurrentIndex(index)
            self._add_selected_site()

    def _remove_current_site(self) -> None:
        if not self.order.locked and self.order.remove_current():
            self.set_offered_sites(self._offered)
            self._edited()

    def show_conflicts(self, conflicts: list[Conflict], starts: dict[int, datetime]) -> None:
        """Warnings only: they never stop the session from being saved."""
        names = {slot.site_id: slot.site_name for slot in self.order.slots()}
        lines = [self._describe(c, names, starts) for c in conflicts]
        self.warnings_label.setText("\n".join(f"⚠ {line}" for line in lines))
        self.warnings_label.setVisible(bool(lines))

    def warnings(self) -> list[str]:
        text = self.warnings_label.text()
        return [line.removeprefix("⚠ ") for line in text.splitlines()] if text else []

    def _describe(
        self, conflict: Conflict, names: dict[int, str], starts: dict[int, datetime]
    ) -> str:
        official = self.official_edit.text().strip()
        site = names.get(conflict.site_id or -1, "")
        other_start = starts.get(conflict.other_session_id or -1)
        at = format_time(other_start) if other_start is not None else ""
        if conflict.kind is ConflictKind.OFFICIAL_DOUBLE_BOOKED:
            return (
                self.tr("%1 is also in “%2” at %3.")
                .replace("%1", official)
                .replace("%2", conflict.other_session_title)
                .replace("%3", at)
            )
        if conflict.kind is ConflictKind.SITE_DOUBLE_BOOKED:
            return (
                self.tr("%1 is booked in “%2” at %3.")
                .replace("%1", site)
                .replace("%2", conflict.other_session_title)
                .replace("%3", at)
            )
        if conflict.kind is ConflictKind.TIME_BOXES_EXCEED_DURATION:
            return self.tr("The time boxes exceed the duration by %1 min.").replace(
                "%1", str(conflict.minutes_over)
            )
        return self.tr("%1 is listed twice.").replace("%1", site)
