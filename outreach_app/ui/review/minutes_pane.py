"""The right side of the review page: the chosen session's minutes under its title, review state
and review buttons, and its audit trail in a second tab."""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from outreach_app.core.model import Recording, ReviewState, SessionStatus
from outreach_app.core.recordings import recording_at
from outreach_app.core.rules import approval_refusal
from outreach_app.ui.context import UiContext
from outreach_app.ui.labels import translate_message
from outreach_app.ui.review.audit_trail import audit_rows
from outreach_app.ui.review.minutes_html import (
    FOLLOW_UP_SCHEME,
    PLAY_SCHEME,
    minutes_html,
    review_badge,
)
from outreach_app.ui.review.presenter import ReviewPresenter, SessionRecord, is_reviewable
from outreach_app.ui.review.result_list import MUTED
from outreach_app.ui.widgets.heading import heading
from outreach_app.ui.widgets.tables import read_only_table, show_rows

if TYPE_CHECKING:
    from outreach_app.ui.review.recording_player import RecordingPlayer


class MinutesPane(QWidget):
    """Shows the presenter's open record. A commitment's link asks for its follow-up; a time
    stamp's link plays the session's recording from that moment."""

    followUpRequested = Signal(int)

    def __init__(
        self, context: UiContext, presenter: ReviewPresenter, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.presenter = presenter
        self.recording_player: RecordingPlayer | None = None
        header = self._build_review_header()

        self.minutes_browser = QTextBrowser()
        # Minutes are a document: shown on white paper as they will print, in light or dark mode.
        paper = self.minutes_browser.palette()
        paper.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
        paper.setColor(QPalette.ColorRole.Text, QColor("#202124"))
        self.minutes_browser.setPalette(paper)
        self.minutes_browser.setObjectName("minutesBrowser")
        self.minutes_browser.setAccessibleName(self.tr("Minutes"))
        self.minutes_browser.setOpenLinks(False)
        self.minutes_browser.anchorClicked.connect(self._link_clicked)
        self.audit_table = read_only_table(
            [self.tr("When"), self.tr("Who"), self.tr("Action"), self.tr("What")]
        )
        self.audit_table.setObjectName("auditTable")
        self.audit_table.setAccessibleName(self.tr("Audit trail"))
        self.tabs = QTabWidget()
        self.tabs.setObjectName("reviewTabs")
        self.tabs.addTab(self.minutes_browser, self.tr("Minutes"))
        self.tabs.addTab(self.audit_table, self.tr("Audit trail"))

        # Why the reviewer cannot decide now, in plain sight rather than in a tooltip.
        self.decision_note = QLabel()
        self.decision_note.setObjectName("decisionNote")
        self.decision_note.setWordWrap(True)
        self.decision_note.setStyleSheet("color: #8a1c12;")
        self.decision_note.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.decision_note)
        layout.addWidget(self.tabs, 1)

    def _build_review_header(self) -> QHBoxLayout:
        self.title_label = heading(self.tr("Minutes"))
        self.title_label.setObjectName("minutesTitle")
        self.title_label.setWordWrap(True)
        self.state_label = QLabel()
        self.state_label.setObjectName("reviewState")
        self.approve_button = QPushButton(self.tr("&Approve"))
        self.approve_button.setObjectName("approveButton")
        self.approve_button.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton)
        )
        self.approve_button.setShortcut("Ctrl+Shift+A")
        self.send_back_button = QPushButton(self.tr("Send &back…"))
        self.send_back_button.setObjectName("sendBackButton")
        self.send_back_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowBack))
        self.send_back_button.setShortcut("Ctrl+Shift+B")
        # Ctrl+E belongs to the page's menu action ("Export minutes…"), which calls the same.
        self.export_button = QPushButton(self.tr("&Export…"))
        self.export_button.setObjectName("exportMinutesButton")
        self.export_button.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton)
        )
        header = QHBoxLayout()
        header.addWidget(self.title_label, 1)
        header.addWidget(self.state_label)
        header.addWidget(self.approve_button)
        header.addWidget(self.send_back_button)
        header.addWidget(self.export_button)
        return header

    # -------------------------------------------------------------------- record
    def show_no_record(self) -> None:
        self.title_label.setText(self.tr("Minutes"))
        self.state_label.setText("")
        self.minutes_browser.setHtml(
            f'<p style="color:{MUTED};">'
            + html.escape(self.tr("Choose a session on the left to read its minutes."))
            + "</p>"
        )
        self.audit_table.setRowCount(0)
        self.tabs.setTabText(1, self.tr("Audit trail"))
        self.update_actions()

    def show_record(self, record: SessionRecord, anchor: str | None) -> None:
        """`anchor`: where in the minutes to scroll to (a search hit's place), if anywhere."""
        minutes = record.minutes
        self.title_label.setText(minutes.session.title)
        self.state_label.setText(review_badge(minutes.review_state))
        highlight = self.presenter.query_text.strip() if self.presenter.searching else ""
        scroll = self.minutes_browser.verticalScrollBar().value()
        self.minutes_browser.setHtml(
            minutes_html(
                minutes,
                site_names=self.presenter.site_names,
                highlight=highlight,
                playable=lambda seconds: self._recording_at(record, seconds) is not None,
                follow_up_links=True,
            )
        )
        if anchor:
            self.minutes_browser.scrollToAnchor(anchor)
        else:
            # A refresh after someone else's edit keeps the reader's place.
            self.minutes_browser.verticalScrollBar().setValue(scroll)
        self._show_audit(record)
        self.update_actions()

    @staticmethod
    def _recording_at(record: SessionRecord, seconds: int) -> tuple[Recording, float] | None:
        return recording_at(record.recordings, record.minutes.session.started_at, seconds)

    def _link_clicked(self, url: QUrl) -> None:
        if url.scheme() == FOLLOW_UP_SCHEME and url.path().isdigit():
            self.followUpRequested.emit(int(url.path()))
            return
        record = self.presenter.record
        if url.scheme() != PLAY_SCHEME or record is None or not url.path().isdigit():
            return
        found = self._recording_at(record, int(url.path()))
        if found is None:
            return
        recording, seconds = found
        # Imported when a recording is first played, for a fast start: it loads Qt Multimedia.
        from outreach_app.ui.review.recording_player import RecordingPlayer

        player = RecordingPlayer(Path(recording.path), seconds, self)
        player.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        player.show()
        self.recording_player = player

    def _show_audit(self, record: SessionRecord) -> None:
        entries = record.audit
        names = {site.site_id: site.site_name for site in record.minutes.session.sites}
        show_rows(self.audit_table, audit_rows(entries, names))
        self.tabs.setTabText(1, self.tr("Audit trail (%1)").replace("%1", str(len(entries))))

    def update_actions(self) -> None:
        record = self.presenter.record
        self.export_button.setEnabled(record is not None)
        self.export_button.setToolTip(
            self.tr("Save these minutes as PDF or Word (Ctrl+E)")
            if record is not None
            else self.tr("Choose a session first")
        )
        self.decision_note.hide()
        if record is None or self.presenter.deciding:
            for button in (self.approve_button, self.send_back_button):
                button.setEnabled(False)
                button.setToolTip(
                    self.tr("Choose a session first")
                    if record is None
                    else self.tr("Saving the decision…")
                )
            return
        minutes = record.minutes
        session = minutes.session
        state = minutes.review_state
        if not is_reviewable(session, self.context.clock()):
            reason = (
                self.tr("The session is still running")
                if session.status is SessionStatus.LIVE
                else self.tr("The session has not taken place yet")
            )
            for button in (self.approve_button, self.send_back_button):
                button.setEnabled(False)
                button.setToolTip(reason)
            return
        refusal = approval_refusal(
            state, notes_changed_since_review=minutes.notes_changed_since_review
        )
        self.approve_button.setEnabled(state is not ReviewState.APPROVED and refusal is None)
        if refusal is not None:
            reason = translate_message(refusal.template, refusal.params)
            self.approve_button.setToolTip(reason)
            self.decision_note.setText(self.tr("Not yet approvable: %1.").replace("%1", reason))
            # Only for whoever decides: a role without the review buttons has its own notice.
            self.decision_note.setVisible(not self.approve_button.isHidden())
        else:
            self.approve_button.setToolTip(
                self.tr("Already approved")
                if state is ReviewState.APPROVED
                else self.tr("Approve these minutes (Ctrl+Shift+A)")
            )
        self.send_back_button.setEnabled(state is not ReviewState.RETURNED)
        self.send_back_button.setToolTip(
            self.tr("Already sent back; waiting for corrections")
            if state is ReviewState.RETURNED
            else self.tr("Send the minutes back with a comment (Ctrl+Shift+B)")
        )
