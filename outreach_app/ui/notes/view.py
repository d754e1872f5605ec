"""The notes panel: take planned or new questions, record answers and commitments as they come.

It works without a call (sessions held in person need it); the call window puts it beside the
video, fixed to its session (`NotesView(context, session_id=...)`), and moves it to the site
that has the floor (ui/call/notes_target.py).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from outreach_app.core.model import AgendaItem, Question, Session, SessionStatus
from outreach_app.core.topics import Topic
from outreach_app.ui.call.launcher import call_available, call_windows
from outreach_app.ui.context import UiContext
from outreach_app.ui.formatting import format_datetime, format_offset, format_time
from outreach_app.ui.labels import kind_label, live_now_text, status_label
from outreach_app.ui.notes.note_editor import NoteEditor
from outreach_app.ui.notes.presenter import NotesPresenter, SessionNotes
from outreach_app.ui.widgets.messages import MessageBar
from outreach_app.ui.widgets.notice_dialog import NoticeDialog
from outreach_app.ui.widgets.wrapped_label import WrappedLabel

ROLE_ID = Qt.ItemDataRole.UserRole


class NotesView(QWidget):
    siteShown = Signal(object)  # the site whose notes are shown now, or None

    def __init__(
        self, context: UiContext, parent: QWidget | None = None, *, session_id: int | None = None
    ) -> None:
        """`session_id`: show only that session, in a narrow layout, without choosing sessions
        or sites (the call window does that)."""
        super().__init__(parent)
        self.context = context
        self.fixed_session_id = session_id
        self.presenter = NotesPresenter(
            context.store,
            context.bus,
            actor_name=context.user.name,
            clock=context.clock,
            parent=self,
        )
        # Beside the call's video every line counts: a message there may move the notes down.
        self.messages = MessageBar()
        self.messages.follow(self.presenter)
        if session_id is None:
            self.messages.float_over(self)
        self._selected_site: int | None = None
        # The notice being written, while its dialog is open.
        self.notice_dialog: NoticeDialog | None = None
        self._select_question_after_load: int | None = None
        # The floor of a call on an official's computer, last followed (team mode).
        self._followed_floor: int | None = None

        self._build_top_bar()
        left_panel = self._build_agenda_panel()
        middle_panel, add_row_widget = self._build_notes_panel()

        self.editor = NoteEditor(self.presenter)
        editor_box = QGroupBox(self.tr("Note"))
        editor_layout = QVBoxLayout(editor_box)
        editor_layout.addWidget(self.editor)

        self._arrange(left_panel, middle_panel, add_row_widget, editor_box)

        layout = QVBoxLayout(self)
        if session_id is not None:
            layout.addWidget(self.messages)
        layout.addWidget(self.top_bar)
        layout.addWidget(self.splitter, 1)

        self._connect_signals()

        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._update_clock)
        self._tick.start()
        if session_id is None:
            self.presenter.load_sessions()
        else:
            self.presenter.open_session(session_id)

    def _arrange(self, lists: QWidget, notes: QWidget, add_row: QWidget, editor: QWidget) -> None:
        """Three columns on the page; beside the video, the lists above the note."""
        self.splitter = QSplitter()
        if self.fixed_session_id is None:
            self.splitter.setObjectName("notesSplitter")
            self.splitter.addWidget(lists)
            self.splitter.addWidget(notes)
            self.splitter.addWidget(editor)
            self.splitter.setStretchFactor(0, 2)
            self.splitter.setStretchFactor(1, 3)
            self.splitter.setStretchFactor(2, 4)
        else:
            # Beside the video there is room for two columns at most: the lists above the note.
            for widget in (self.top_bar, self.sites_label, self.sites_list):
                widget.hide()
            self.splitter.setObjectName("callNotesSplitter")
            self.splitter.setOrientation(Qt.Orientation.Vertical)
            side_by_side = QSplitter()
            side_by_side.setObjectName("callNotesListsSplitter")
            side_by_side.addWidget(lists)
            side_by_side.addWidget(notes)
            # A new question gets the panel's whole width: the lists are narrow here.
            bottom = QWidget()
            bottom_layout = QVBoxLayout(bottom)
            bottom_layout.setContentsMargins(0, 0, 0, 0)
            bottom_layout.addWidget(add_row)
            bottom_layout.addWidget(editor, 1)
            self.splitter.addWidget(side_by_side)
            self.splitter.addWidget(bottom)
            self.splitter.setStretchFactor(0, 2)
            self.splitter.setStretchFactor(1, 3)

    def _build_top_bar(self) -> None:
        """The session, its clock, and starting, ending and calling it."""
        self.session_combo = QComboBox()
        self.session_combo.setObjectName("sessionCombo")
        self.session_combo.setAccessibleName(self.tr("Session"))
        self.session_combo.setMinimumWidth(380)
        self.session_info = QLabel()
        self.session_info.setObjectName("sessionInfo")
        self.clock_label = QLabel()
        self.clock_label.setObjectName("clockLabel")
        font = self.clock_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.clock_label.setFont(font)
        self.start_button = QPushButton(self.tr("Start session"))
        self.start_button.setObjectName("startButton")
        self.end_button = QPushButton(self.tr("End session"))
        self.end_button.setObjectName("endButton")
        self.call_button = QPushButton(self.tr("Start call"))
        self.call_button.setObjectName("callButton")
        self.call_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MediaPlay))
        self.top_bar = QWidget()
        top = QHBoxLayout(self.top_bar)
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(QLabel(self.tr("Session:")))
        top.addWidget(self.session_combo, 1)
        top.addWidget(self.session_info)
        top.addStretch()
        top.addWidget(self.clock_label)
        top.addWidget(self.start_button)
        top.addWidget(self.end_button)
        top.addWidget(self.call_button)

    def _build_agenda_panel(self) -> QWidget:
        """The sites in speaking order, the chosen site's planned questions and briefing."""
        self.sites_list = QListWidget()
        self.sites_list.setObjectName("sitesList")
        self.sites_list.setAccessibleName(self.tr("Sites in speaking order"))
        self.sites_list.setWordWrap(True)
        self.planned_list = QListWidget()
        self.planned_list.setObjectName("plannedList")
        self.planned_list.setAccessibleName(self.tr("Planned questions"))
        self.planned_list.setWordWrap(True)
        self.ask_button = QPushButton(self.tr("Ask selected"))
        self.ask_button.setToolTip(self.tr("Record the selected planned question as asked (Enter)"))
        left = QVBoxLayout()
        self.sites_label = QLabel(self.tr("Sites in speaking order"))
        left.addWidget(self.sites_label)
        left.addWidget(self.sites_list, 2)
        left.addWidget(QLabel(self.tr("Planned questions")))
        left.addWidget(self.planned_list, 3)
        left.addWidget(self.ask_button)
        self.briefing_label = WrappedLabel()
        self.briefing_label.setObjectName("briefingLabel")
        self.briefing_label.setTextFormat(Qt.TextFormat.PlainText)
        self.briefing_label.setStyleSheet(
            "#briefingLabel { background: palette(alternate-base); padding: 6px;"
            " border-radius: 4px; }"
        )
        self.briefing_label.hide()
        left.addWidget(self.briefing_label)
        left_panel = QWidget()
        left_panel.setLayout(left)
        return left_panel

    def _build_notes_panel(self) -> tuple[QWidget, QWidget]:
        """The site's notes, and the line that adds a question (placed by the caller)."""
        self.notes_list = QListWidget()
        self.notes_list.setObjectName("notesList")
        self.notes_list.setAccessibleName(self.tr("Notes for this site"))
        self.notes_list.setWordWrap(True)
        self.new_question_edit = QLineEdit()
        self.new_question_edit.setObjectName("newQuestionEdit")
        self.new_question_edit.setPlaceholderText(self.tr("Type a new question and press Enter"))
        self.new_question_edit.setAccessibleName(self.tr("New question"))
        self.add_button = QPushButton(self.tr("Add question"))
        self.add_button.setToolTip(
            self.tr("Add the typed question (Enter); Ctrl+Shift+Q focuses it")
        )
        add_row_widget = QWidget()
        add_row = QHBoxLayout(add_row_widget)
        add_row.setContentsMargins(0, 0, 0, 0)
        add_row.addWidget(self.new_question_edit, 1)
        add_row.addWidget(self.add_button)
        middle = QVBoxLayout()
        self.notes_title = QLabel(self.tr("Notes"))
        middle.addWidget(self.notes_title)
        middle.addWidget(self.notes_list, 1)
        if self.fixed_session_id is None:
            middle.addWidget(add_row_widget)
        middle_panel = QWidget()
        middle_panel.setLayout(middle)
        return middle_panel, add_row_widget

    def _connect_signals(self) -> None:
        self.session_combo.activated.connect(self._session_chosen)
        self.sites_list.currentItemChanged.connect(self._site_changed)
        self.planned_list.itemActivated.connect(self._ask_item)
        self.ask_button.clicked.connect(self._ask_selected)
        self.notes_list.currentItemChanged.connect(self._note_changed)
        self.new_question_edit.returnPressed.connect(self._add_new_question)
        self.add_button.clicked.connect(self._add_new_question)
        self.start_button.clicked.connect(lambda: self.presenter.set_status(SessionStatus.LIVE))
        self.end_button.clicked.connect(self._end_session)
        self.call_button.clicked.connect(self.open_call)

        self.presenter.sessionsLoaded.connect(self._show_sessions)
        self.presenter.notesLoaded.connect(self._show_notes)
        self.presenter.questionAdded.connect(self._question_added)
        self.editor.edited.connect(self._refresh_note_item)
        self.context.bus.changed.connect(self._on_bus_changed)
        if self.context.team is not None:
            # A call on an official's computer: this desk sees it live and who has the floor.
            self.context.team.liveChanged.connect(self._live_changed)

    # ------------------------------------------------------------------- sessions
    def _show_sessions(self, sessions: list[Session], default_id: int | None) -> None:
        current = self.session_combo.currentData(ROLE_ID)
        wanted = current if current is not None else default_id
        with QSignalBlocker(self.session_combo):
            self.session_combo.clear()
            for session in sorted(sessions, key=lambda s: s.start, reverse=True):
                label = f"{format_datetime(session.start)}  {session.title}"
                if session.status is SessionStatus.LIVE:
                    label += "  ● " + status_label(session.status)
                self.session_combo.addItem(label, session.id)
            index = self.session_combo.findData(wanted)
            self.session_combo.setCurrentIndex(max(index, 0))
        if not sessions:
            self.session_combo.addItem(self.tr("No sessions yet — schedule one under Sessions"))
            self.session_combo.setEnabled(False)
            self._show_no_session()
            return
        self.session_combo.setEnabled(True)
        session_id = self.session_combo.currentData(ROLE_ID)
        loaded = self.presenter.notes.session.id if self.presenter.notes else None
        if session_id is not None and session_id != loaded:
            self.presenter.open_session(session_id)

    def _session_chosen(self, index: int) -> None:
        session_id = self.session_combo.itemData(index, ROLE_ID)
        if session_id is not None:
            self._selected_site = None
            self.presenter.open_session(session_id)

    def select_session(self, session_id: int) -> None:
        index = self.session_combo.findData(session_id)
        if index >= 0:
            self.session_combo.setCurrentIndex(index)
        self._selected_site = None
        self.presenter.open_session(session_id)

    def _show_no_session(self) -> None:
        self.briefing_label.hide()
        self.sites_list.clear()
        self.planned_list.clear()
        self.notes_list.clear()
        self.editor.show_question(None, [], [])
        for widget in (
            self.start_button,
            self.end_button,
            self.call_button,
            self.new_question_edit,
            self.add_button,
            self.ask_button,
        ):
            widget.setEnabled(False)

    def _live_changed(self) -> None:
        if self.presenter.notes is not None:
            self._show_notes(self.presenter.notes)

    def _floor_elsewhere(self, session: Session) -> tuple[bool, int | None]:
        """Whether the session's call runs on an official's computer now, and who has the
        floor there."""
        live = self.context.live_elsewhere()
        return session.id in live, live.get(session.id or -1)

    def _show_notes(self, notes: SessionNotes) -> None:
        session = notes.session
        live, floor = self._floor_elsewhere(session)
        names = {slot.site_id: slot.site_name for slot in session.sites}
        info = f"{kind_label(session.kind)} · {status_label(session.status)}" + (
            f" · {session.official}" if session.official else ""
        )
        if live:
            info += " · ● " + live_now_text(names.get(floor, "") if floor is not None else "")
        self.session_info.setText(info)
        if live and floor is not None and floor != self._followed_floor:
            # The notes follow the site that has the floor, as beside the video.
            self.presenter.flush()
            self._selected_site = floor
        self._followed_floor = floor if live else None
        self.start_button.setEnabled(
            session.status in (SessionStatus.DRAFT, SessionStatus.SCHEDULED)
        )
        self.end_button.setEnabled(session.status is SessionStatus.LIVE)
        self._show_call_button(session)
        self.new_question_edit.setEnabled(True)
        self.add_button.setEnabled(True)
        with QSignalBlocker(self.sites_list):
            self.sites_list.clear()
            for slot in session.sites:
                count = len(notes.questions_for(slot.site_id))
                text = self.tr("%1. %2\n    %3 min · %n note(s)", "", count)
                text = (
                    text.replace("%1", str(slot.position + 1))
                    .replace("%2", slot.site_name)
                    .replace("%3", str(slot.time_box_minutes))
                )
                item = QListWidgetItem(text)
                item.setData(ROLE_ID, slot.site_id)
                if live and slot.site_id == floor:
                    item.setText("▶ " + text)
                    item.setToolTip(self.tr("Has the floor now"))
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.sites_list.addItem(item)
        site_ids = [s.site_id for s in session.sites]
        if self._selected_site not in site_ids:
            self._selected_site = site_ids[0] if site_ids else None
        if self._selected_site is not None:
            self.sites_list.setCurrentRow(site_ids.index(self._selected_site))
        self._show_site()
        self._update_clock()

    def _show_call_button(self, session: Session) -> None:
        available = call_available(session, self.presenter.now().date())
        self.call_button.setEnabled(available)
        self.call_button.setText(
            self.tr("Join call") if session.status is SessionStatus.LIVE else self.tr("Start call")
        )
        self.call_button.setToolTip(
            self.tr("Open the call window; sites join by their invitation links (Ctrl+Shift+L)")
            if available
            else self.tr("Calls are started on the day of a scheduled session")
        )

    def open_call(self) -> None:
        notes = self.presenter.notes
        if notes is None or notes.session.id is None or not self.call_button.isEnabled():
            return
        self.flush()
        call_windows(self.context).open_call(notes.session.id)

    def write_notice(self) -> None:
        """A notice to one site of the live session or all, for the app that holds the call
        to hand on (a note-taker's desk in team mode, or the official's own)."""
        notes = self.presenter.notes
        if notes is None:
            return
        if notes.session.status is not SessionStatus.LIVE:
            self.messages.show_error(
                self.tr("Notices reach the sites only while the session's call is live.")
            )
            return
        sites = [(slot.site_id, slot.site_name) for slot in notes.session.sites]
        dialog = self.notice_dialog = NoticeDialog(sites, self._selected_site, self)
        dialog.accepted.connect(lambda: self.presenter.send_notice(dialog.target(), dialog.text()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def select_site(self, site_id: int) -> None:
        """Show the notes of `site_id` (the call window: the site that has the floor)."""
        if site_id == self._selected_site:
            return
        self.presenter.flush()
        self._selected_site = site_id
        for row in range(self.sites_list.count()):
            if self.sites_list.item(row).data(ROLE_ID) == site_id:
                # Moves the lists and the editor through _site_changed.
                self.sites_list.setCurrentRow(row)
                return

    @property
    def selected_site_id(self) -> int | None:
        return self._selected_site

    def _site_changed(self, current: QListWidgetItem | None, _: object) -> None:
        if current is None:
            return
        self.presenter.flush()
        self._selected_site = int(current.data(ROLE_ID))
        self._show_site()

    def _show_site(self) -> None:
        self._fill_site()
        self.siteShown.emit(self._selected_site)

    def _fill_site(self) -> None:
        notes = self.presenter.notes
        site_id = self._selected_site
        self.planned_list.clear()
        # Blocked: emptying the list moves its current row through the other notes, and with it
        # the editor; the question being edited (or just asked) must stay the one shown.
        with QSignalBlocker(self.notes_list):
            self.notes_list.clear()
        if notes is None or site_id is None:
            self.editor.show_question(None, [], [])
            self.ask_button.setEnabled(False)
            return
        site = notes.sites.get(site_id)
        self.notes_title.setText(self.tr("Notes — %1").replace("%1", site.name if site else ""))
        briefing = notes.briefings.get(site_id, "").strip()
        self.briefing_label.setText(self.tr("Briefing: %1").replace("%1", briefing))
        self.briefing_label.setVisible(bool(briefing))
        asked = notes.asked_agenda_ids()
        for item in notes.planned_questions(site_id):
            entry = QListWidgetItem(("✓ " if item.id in asked else "• ") + item.text)
            entry.setData(ROLE_ID, item.id)
            if item.id in asked:
                entry.setForeground(self.palette().placeholderText())
                entry.setToolTip(self.tr("Already asked"))
            self.planned_list.addItem(entry)
        if self.planned_list.count() == 0:
            placeholder = QListWidgetItem(self.tr("No planned questions for this site"))
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.planned_list.addItem(placeholder)
        self.ask_button.setEnabled(bool(notes.planned_questions(site_id)))
        wanted = self._select_question_after_load or (
            self.editor.question_id if self.editor.question_id else None
        )
        self._select_question_after_load = None
        questions = notes.questions_for(site_id)
        with QSignalBlocker(self.notes_list):
            for question in questions:
                self.notes_list.addItem(self._note_item(question))
        if not questions:
            placeholder = QListWidgetItem(
                self.tr(
                    "No notes for this site yet — ask a planned question or type a new one below."
                )
            )
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.notes_list.addItem(placeholder)
            self.editor.show_question(None, [], [])
            return
        ids = [q.id for q in questions]
        row = ids.index(wanted) if wanted in ids else len(ids) - 1
        self.notes_list.setCurrentRow(row)
        self._note_changed(self.notes_list.currentItem(), None)

    def _note_item(self, question: Question) -> QListWidgetItem:
        answer = question.answer.text.strip() if question.answer else ""
        marks = ("⚑ " if question.follow_up else "") + ("" if answer else "… ")
        stamp = format_offset(question.offset_seconds)
        text = f"{marks}{question.text}"
        if answer:
            text += "\n    " + (answer if len(answer) < 80 else answer[:78] + "…")
        if stamp:
            text = f"[{stamp}] " + text
        item = QListWidgetItem(text)
        item.setData(ROLE_ID, question.id)
        return item

    def _refresh_note_item(self, question_id: int) -> None:
        question = self.presenter.question(question_id)
        for row in range(self.notes_list.count()):
            item = self.notes_list.item(row)
            if question is not None and item.data(ROLE_ID) == question_id:
                item.setText(self._note_item(question).text())
                return

    def _speakers(self, site_id: int) -> list[str]:
        notes = self.presenter.notes
        site = notes.sites.get(site_id) if notes else None
        names = [c.name for c in site.contacts] if site else []
        if notes:
            names += [
                q.answer.speaker
                for q in notes.questions_for(site_id)
                if q.answer and q.answer.speaker
            ]
        return list(dict.fromkeys(n for n in names if n))

    def _note_changed(self, current: QListWidgetItem | None, _: object) -> None:
        notes = self.presenter.notes
        if current is None or notes is None or current.data(ROLE_ID) is None:
            return
        self.presenter.flush()
        question = self.presenter.question(int(current.data(ROLE_ID)))
        self.editor.show_question(
            question, notes.categories, self._speakers(question.site_id if question else 0)
        )

    # ----------------------------------------------------------------- questions
    def _ask_item(self, item: QListWidgetItem) -> None:
        notes = self.presenter.notes
        item_id = item.data(ROLE_ID)
        if notes is None or item_id is None:
            return
        agenda_item: AgendaItem | None = next((a for a in notes.agenda if a.id == item_id), None)
        if agenda_item is not None:
            self.presenter.ask_planned(agenda_item)

    def _ask_selected(self) -> None:
        item = self.planned_list.currentItem() or self._first_unasked_planned()
        if item is not None:
            self._ask_item(item)

    def _first_unasked_planned(self) -> QListWidgetItem | None:
        notes = self.presenter.notes
        asked = notes.asked_agenda_ids() if notes else set()
        for row in range(self.planned_list.count()):
            item = self.planned_list.item(row)
            if item.data(ROLE_ID) is not None and item.data(ROLE_ID) not in asked:
                return item
        return None

    def _add_new_question(self) -> None:
        if self._selected_site is None:
            self.messages.show_error(self.tr("Choose the site that is answering first."))
            return
        if self.presenter.ask_new(self._selected_site, self.new_question_edit.text()):
            self.new_question_edit.clear()

    def _question_added(self, question: Question) -> None:
        self._select_question_after_load = question.id
        self._selected_site = question.site_id
        if self.presenter.notes is not None:
            self._show_notes(self.presenter.notes)
        self.editor.answer_edit.setFocus()

    def focus_new_question(self) -> None:
        self.new_question_edit.setFocus()

    # ------------------------------------------------------------------ session
    def _end_session(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("End session"),
            self.tr("End the session now? Notes can still be edited afterwards."),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.presenter.set_status(SessionStatus.ENDED)

    def _update_clock(self) -> None:
        notes = self.presenter.notes
        if notes is None:
            self.clock_label.setText("")
            return
        session = notes.session
        now = self.presenter.now()
        if session.status is SessionStatus.LIVE:
            self.clock_label.setText(format_offset(session.seconds_into(now)))
            self.clock_label.setToolTip(self.tr("Time since the session started"))
        elif (
            session.status in (SessionStatus.DRAFT, SessionStatus.SCHEDULED) and session.start > now
        ):
            self.clock_label.setText(
                self.tr("starts %1").replace("%1", _relative_start(session.start, now))
            )
            self.clock_label.setToolTip("")
        else:
            self.clock_label.setText("")

    def _on_bus_changed(self, topic: Topic) -> None:
        # A fixed session is reloaded by the presenter itself.
        if topic is Topic.SESSIONS and self.fixed_session_id is None:
            self.presenter.load_sessions()

    def flush(self) -> None:
        self.editor.setFocus()
        self.presenter.flush()


def _relative_start(start: datetime, now: datetime) -> str:
    if start.date() == now.date():
        return format_time(start)
    return format_datetime(start)
