"""The review page: the finder (search, filters, sessions or search results) on the left; the
chosen session's minutes and audit trail on the right, with the reviewer's decisions and the
export of the minutes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QListWidgetItem, QSplitter, QVBoxLayout, QWidget

from outreach_app.core.minutes_document import build_minutes_document, file_name_stem
from outreach_app.core.model import Review, SearchHit
from outreach_app.exports.files import Progress
from outreach_app.ui.context import UiContext
from outreach_app.ui.exports.file_dialogs import ask_export_file
from outreach_app.ui.exports.runner import (
    ExportOutcome,
    ExportTask,
)
from outreach_app.ui.exports.vocabulary import minutes_vocabulary
from outreach_app.ui.fonts import document_cjk_family
from outreach_app.ui.labels import review_label
from outreach_app.ui.review.dialogs import SendBackDialog
from outreach_app.ui.review.finder import SessionFinder
from outreach_app.ui.review.minutes_html import hit_anchor
from outreach_app.ui.review.minutes_pane import MinutesPane
from outreach_app.ui.review.presenter import ReviewPresenter, SessionRecord
from outreach_app.ui.review.result_list import ROLE_KEY
from outreach_app.ui.widgets.messages import MessageBar


class ReviewView(QWidget):
    # A commitment's link in the minutes: the follow-up board shows that follow-up.
    followUpRequested = Signal(int)

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.presenter = ReviewPresenter(context.store, context.bus, parent=self)
        self.messages = MessageBar()
        self.messages.follow(self.presenter)
        self.messages.float_over(self)
        self.send_back_dialog: SendBackDialog | None = None
        self._pending_anchor: tuple[int, SearchHit] | None = None
        self.export_task: ExportTask | None = None

        self.finder = SessionFinder(context, self.presenter, self.messages)
        self.minutes = MinutesPane(context, self.presenter)

        self.splitter = QSplitter()
        self.splitter.setObjectName("reviewSplitter")
        self.splitter.addWidget(self.finder)
        self.splitter.addWidget(self.minutes)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter, 1)

        self._set_tab_order()
        self._connect_signals()

        self.finder.filters_changed()
        self.minutes.show_no_record()
        self.finder.show_loading()
        self.presenter.load()

    def _set_tab_order(self) -> None:
        finder, minutes = self.finder, self.minutes
        self.setTabOrder(finder.search_edit, finder.site_combo)
        self.setTabOrder(finder.site_combo, finder.kind_combo)
        self.setTabOrder(finder.kind_combo, finder.category_combo)
        self.setTabOrder(finder.category_combo, finder.status_combo)
        self.setTabOrder(finder.status_combo, finder.period.combo)
        self.setTabOrder(finder.period.combo, finder.period.from_edit)
        self.setTabOrder(finder.period.from_edit, finder.period.to_edit)
        self.setTabOrder(finder.period.to_edit, finder.clear_filters_button)
        self.setTabOrder(finder.clear_filters_button, finder.results)
        self.setTabOrder(finder.results, minutes.approve_button)
        self.setTabOrder(minutes.approve_button, minutes.send_back_button)
        self.setTabOrder(minutes.send_back_button, minutes.export_button)
        self.setTabOrder(minutes.export_button, minutes.tabs)

    def _connect_signals(self) -> None:
        self.finder.results.currentItemChanged.connect(self._result_chosen)
        self.minutes.approve_button.clicked.connect(self.approve)
        self.minutes.send_back_button.clicked.connect(self.ask_send_back)
        self.minutes.export_button.clicked.connect(self.export_minutes)
        self.minutes.followUpRequested.connect(self.followUpRequested)

        self.presenter.optionsLoaded.connect(self.finder.show_options)
        self.presenter.sessionsLoaded.connect(self.finder.show_sessions)
        self.presenter.hitsLoaded.connect(self.finder.show_hits)
        self.presenter.searchFailed.connect(self.finder.show_search_failure)
        self.presenter.recordLoaded.connect(self._show_record)
        self.presenter.recordCleared.connect(self.minutes.show_no_record)
        self.presenter.reviewSaved.connect(self._review_saved)
        self.presenter.decidingChanged.connect(lambda _deciding: self.minutes.update_actions())

    def focus_search(self) -> None:
        self.finder.focus_search()

    # ------------------------------------------------------------------- results
    def _result_chosen(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is None:
            return
        key = current.data(ROLE_KEY)
        if not key:
            return
        kind, value = key
        if kind == "session":
            self._pending_anchor = None
            if self.presenter.record is None or self.presenter.record.session_id != value:
                self.presenter.open_session(value)
            return
        hit = self.presenter.hits[value]
        if hit.session_id is None:
            return
        self._pending_anchor = (hit.session_id, hit)
        record = self.presenter.record
        if record is not None and record.session_id == hit.session_id:
            self._show_record(record)
        else:
            self.presenter.open_session(hit.session_id)

    def _show_record(self, record: SessionRecord) -> None:
        pending, self._pending_anchor = self._pending_anchor, None
        anchor = (
            hit_anchor(pending[1], record.minutes.questions)
            if pending is not None and pending[0] == record.session_id
            else None
        )
        self.minutes.show_record(record, anchor)

    # -------------------------------------------------------------------- review
    def approve(self) -> None:
        if self.minutes.approve_button.isEnabled():
            self.presenter.approve()

    def ask_send_back(self) -> None:
        record = self.presenter.record
        if record is None or not self.minutes.send_back_button.isEnabled():
            return
        dialog = SendBackDialog(record.minutes.session.title, self)
        dialog.commentGiven.connect(self.presenter.send_back)
        dialog.finished.connect(dialog.deleteLater)
        self.send_back_dialog = dialog
        dialog.open()

    def _review_saved(self, review: Review) -> None:
        self.messages.show_info(
            self.tr("Minutes marked “%1”.").replace("%1", review_label(review.state))
        )

    # -------------------------------------------------------------------- export
    def export_minutes(self) -> None:
        """Ask where to save the open minutes, as PDF or Word, then save them."""
        record = self.presenter.record
        if record is None:
            self.messages.show_error(self.tr("Choose a session whose minutes to export."))
            return
        if self.export_task is not None:
            return
        session = record.minutes.session
        pdf = self.tr("PDF document (*.pdf)")
        word = self.tr("Word document (*.docx)")
        stem = file_name_stem(session.start.date(), session.title, self.tr("minutes"))
        chosen = ask_export_file(
            self, self.context.settings, self.tr("Export minutes"), f"{stem}.pdf", [pdf, word]
        )
        if chosen is None:
            return
        target, chosen_filter = chosen
        if target.suffix.lower() not in (".pdf", ".docx"):
            target = target.with_name(target.name + (".docx" if chosen_filter == word else ".pdf"))
        self.export_minutes_to(target)

    def export_minutes_to(self, target: Path) -> ExportTask | None:
        """Save the open minutes to `target` (.docx: Word, otherwise PDF) on a worker thread."""
        record = self.presenter.record
        if record is None or self.export_task is not None:
            return None
        session = record.minutes.session
        document = build_minutes_document(
            record.minutes, words=minutes_vocabulary(), site_names=self.presenter.site_names
        )
        author = self.context.user.name
        family = document_cjk_family()

        def job(progress: Progress) -> list[Path]:
            # The writers are imported when an export runs, for a fast start: python-docx
            # takes a while to load.
            if target.suffix.lower() == ".docx":
                from outreach_app.exports.minutes_docx import write_minutes_docx

                write_minutes_docx(document, target, progress=progress, author=author)
            else:
                from outreach_app.ui.exports.minutes_pdf import write_minutes_pdf

                write_minutes_pdf(document, target, font_family=family, progress=progress)
            return [target]

        task = ExportTask(
            self,
            self.tr("Export minutes"),
            self.tr("Saving the minutes of “%1”…").replace("%1", session.title),
        )
        self.export_task = task
        self.presenter.spawn(task.run(job, target), on_done=self._export_finished)
        return task

    def _export_finished(self, outcome: ExportOutcome) -> None:
        self.export_task = None
        if outcome.cancelled:
            self.messages.show_info(self.tr("Export cancelled; no file was written."))
        elif outcome.error:
            self.messages.show_error(outcome.error)
        else:
            self.messages.show_info(
                self.tr("Minutes saved as “%1”.").replace("%1", str(outcome.paths[0])),
                timeout_ms=8000,
            )
