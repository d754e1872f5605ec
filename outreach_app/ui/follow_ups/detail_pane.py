"""The chosen follow-up beside the board: what it is and where it stands, the buttons for its
next steps and its due dates (with their dialogs), and its history."""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStyle,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from outreach_app.core.follow_ups import FollowUpAction, StepInput, next_actions
from outreach_app.core.model import FollowUp, FollowUpStatus
from outreach_app.storage.repository import FollowUpEntry
from outreach_app.ui.follow_ups.board import MUTED, OVERDUE_COLOUR, status_badge
from outreach_app.ui.follow_ups.dialogs import DueDatesDialog, StepDialog
from outreach_app.ui.follow_ups.labels import action_label, due_text, step_due_label, step_label
from outreach_app.ui.follow_ups.presenter import FollowUpBoardPresenter, FollowUpDetail
from outreach_app.ui.formatting import count_text, format_date, format_datetime
from outreach_app.ui.labels import kind_label, overdue_text, satisfaction_label
from outreach_app.ui.widgets.heading import heading
from outreach_app.ui.widgets.tables import read_only_table, show_rows

SHORTCUTS: dict[FollowUpAction, str] = {
    FollowUpAction.CLAIM: "Ctrl+Shift+M",
    FollowUpAction.RESPOND: "Ctrl+Shift+R",
    FollowUpAction.SOLVE: "Ctrl+Shift+S",
    FollowUpAction.REOPEN: "Ctrl+Shift+O",
}
DUE_DATES_SHORTCUT = "Ctrl+Shift+D"


class DetailPane(QWidget):
    """Shows the presenter's open follow-up; the steps and dates chosen in its dialogs go to
    the presenter."""

    def __init__(self, presenter: FollowUpBoardPresenter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.presenter = presenter
        self.step_dialog: StepDialog | None = None
        self.due_dialog: DueDatesDialog | None = None
        self.title_label = heading(self.tr("Follow-up"))
        self.title_label.setObjectName("followUpTitle")
        self.title_label.setWordWrap(True)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.state_label = QLabel()
        self.state_label.setObjectName("followUpState")
        self.state_label.setWordWrap(True)
        self.state_label.setTextFormat(Qt.TextFormat.RichText)
        self._build_step_buttons()
        detail_splitter = self._build_facts_and_history()

        detail = QVBoxLayout(self)
        detail.setContentsMargins(4, 0, 0, 0)
        detail.addWidget(self.title_label)
        detail.addWidget(self.state_label)
        detail.addWidget(self.buttons_row)
        detail.addWidget(detail_splitter, 1)

    def _build_step_buttons(self) -> None:
        self.action_buttons: dict[FollowUpAction, QPushButton] = {}
        self.buttons_row = QWidget()
        buttons = QHBoxLayout(self.buttons_row)
        buttons.setContentsMargins(0, 0, 0, 0)
        icons = {
            FollowUpAction.CLAIM: QStyle.StandardPixmap.SP_ArrowRight,
            FollowUpAction.RESPOND: QStyle.StandardPixmap.SP_FileDialogDetailedView,
            FollowUpAction.SOLVE: QStyle.StandardPixmap.SP_DialogApplyButton,
            FollowUpAction.REOPEN: QStyle.StandardPixmap.SP_BrowserReload,
        }
        for action in FollowUpAction:
            button = QPushButton(self.style().standardIcon(icons[action]), "")
            button.setObjectName(f"{action.value}Button")
            button.setText(action_label(action) + "…")
            button.setShortcut(SHORTCUTS[action])
            button.clicked.connect(lambda _=False, a=action: self.ask_step(a))
            self.action_buttons[action] = button
            buttons.addWidget(button)
        self.due_button = QPushButton(self.tr("Due dates…"))
        self.due_button.setObjectName("dueDatesButton")
        self.due_button.setShortcut(DUE_DATES_SHORTCUT)
        self.due_button.clicked.connect(self.ask_due_dates)
        buttons.addWidget(self.due_button)
        buttons.addStretch(1)

    def _build_facts_and_history(self) -> QSplitter:
        self.facts = QTextBrowser()
        self.facts.setObjectName("followUpFacts")
        self.facts.setAccessibleName(self.tr("About this follow-up"))
        self.facts.setOpenLinks(False)
        self.history_label = QLabel(self.tr("History"))
        font = self.history_label.font()
        font.setBold(True)
        self.history_label.setFont(font)
        self.history = read_only_table(
            [self.tr("When"), self.tr("Step"), self.tr("Recorded by"), self.tr("Note")]
        )
        self.history.setObjectName("followUpHistory")
        self.history.setAccessibleName(self.tr("History of this follow-up"))
        self.history_label.setBuddy(self.history)

        detail_splitter = QSplitter(Qt.Orientation.Vertical)
        detail_splitter.setObjectName("followUpDetailSplitter")
        detail_splitter.addWidget(self.facts)
        history_panel = self.history_panel = QWidget()
        history_layout = QVBoxLayout(history_panel)
        history_layout.setContentsMargins(0, 4, 0, 0)
        history_layout.addWidget(self.history_label)
        history_layout.addWidget(self.history, 1)
        detail_splitter.addWidget(history_panel)
        detail_splitter.setStretchFactor(0, 1)
        detail_splitter.setStretchFactor(1, 1)
        detail_splitter.setChildrenCollapsible(False)
        return detail_splitter

    def show_no_detail(self) -> None:
        self.title_label.setText(self.tr("Follow-up"))
        self.state_label.setText("")
        steps = "".join(
            f"<li>{status_badge(status)} {html.escape(text)}</li>"
            for status, text in (
                (FollowUpStatus.OPEN, self.tr("a commitment made to a site, or reopened")),
                (
                    FollowUpStatus.CLAIMED,
                    self.tr("a named person of the owner unit has taken it on"),
                ),
                (FollowUpStatus.RESPONDED, self.tr("what has been done so far is recorded")),
                (
                    FollowUpStatus.SOLVED,
                    self.tr("the outcome and, where given, the site's satisfaction"),
                ),
            )
        )
        choose = self.tr("Choose a follow-up on the left to see its history and next steps.")
        intro = self.tr("Each follow-up goes through these steps:")
        kept = self.tr(
            "Every step is kept with its time and who recorded it. An item is overdue from the"
            " day after the date for its next step."
        )
        self.facts.setHtml(
            f"<p>{_muted(choose)}</p><p>{_muted(intro)}</p><ul>{steps}</ul><p>{_muted(kept)}</p>"
        )
        self.history.setRowCount(0)
        self.buttons_row.hide()
        self.history_panel.hide()
        self.update_actions()

    def show_detail(self, detail: FollowUpDetail) -> None:
        follow_up = detail.follow_up
        today = self.presenter.today()
        self.title_label.setText(follow_up.commitment)
        state = status_badge(follow_up.status)
        late = overdue_text(follow_up, today)
        if late:
            state += " &nbsp;" + _coloured(f"<b>⚠ {html.escape(late)}</b>", OVERDUE_COLOUR.name())
        elif follow_up.status is not FollowUpStatus.SOLVED:
            state += " &nbsp;" + _muted(due_text(follow_up, today))
        self.state_label.setText(state)
        self.facts.setHtml(self._facts_html(detail.entry, today))
        self._show_history(detail)
        self.buttons_row.show()
        self.history_panel.show()
        self.update_actions()

    def _facts_html(self, entry: FollowUpEntry, today: date) -> str:
        follow_up = entry.follow_up
        rows: list[tuple[str, str]] = [(self.tr("Site"), html.escape(entry.site_name))]
        if entry.session_title:
            made = [entry.session_title]
            if entry.session_start is not None:
                made.append(format_date(entry.session_start.date()))
            if entry.session_kind is not None:
                made.append(kind_label(entry.session_kind))
            rows.append((self.tr("Committed in"), html.escape(" · ".join(made))))
        elif entry.channel:
            rows.append((self.tr("Received through"), html.escape(entry.channel)))
        if follow_up.created_at is not None:
            rows.append((self.tr("Made on"), html.escape(format_datetime(follow_up.created_at))))
        if entry.question_text:
            rows.append((self.tr("Question"), _text(entry.question_text)))
        if entry.answer_text:
            rows.append((self.tr("Answer"), _text(entry.answer_text)))
        if entry.category:
            rows.append((self.tr("Category"), html.escape(entry.category)))
        rows.append(
            (self.tr("Owner unit"), html.escape(follow_up.owner) or _muted(self.tr("none yet")))
        )
        if follow_up.claimed_by:
            rows.append((self.tr("Claimed by"), html.escape(follow_up.claimed_by)))
        if follow_up.response:
            rows.append((self.tr("Response"), _text(follow_up.response)))
        if follow_up.resolution:
            rows.append((self.tr("Outcome"), _text(follow_up.resolution)))
        if follow_up.satisfaction is not None:
            rows.append(
                (
                    self.tr("Site's satisfaction"),
                    html.escape(satisfaction_label(follow_up.satisfaction)),
                )
            )
        rows.append((self.tr("Due dates"), self._dates_html(follow_up, today)))
        cells = "".join(
            f'<tr><td width="130">{_muted(label)}</td><td>{value}</td></tr>'
            for label, value in rows
        )
        return f'<table cellpadding="3" cellspacing="0">{cells}</table>'

    def _dates_html(self, follow_up: FollowUp, today: date) -> str:
        reached = {
            FollowUpStatus.CLAIMED: follow_up.claimed_at,
            FollowUpStatus.RESPONDED: follow_up.responded_at,
            FollowUpStatus.SOLVED: follow_up.solved_at,
        }
        lines = []
        for step, day in (
            (FollowUpStatus.CLAIMED, follow_up.claim_due),
            (FollowUpStatus.RESPONDED, follow_up.respond_due),
            (FollowUpStatus.SOLVED, follow_up.due),
        ):
            value = html.escape(format_date(day)) if day else _muted(self.tr("no date"))
            done = reached[step]
            if done is not None:
                value += " — " + html.escape(
                    self.tr("done %1").replace("%1", format_date(done.date()))
                )
                if day is not None and done.date() > day:
                    late = html.escape(self.tr("late"))
                    value += " " + _coloured(f"({late})", OVERDUE_COLOUR.name())
            label = self.tr("%1: %2").replace("%1", html.escape(step_due_label(step)))
            lines.append(label.replace("%2", value))
        return "<br/>".join(lines)

    def _show_history(self, detail: FollowUpDetail) -> None:
        steps = detail.steps
        rows = []
        # In the order it happened: from the commitment to where it stands now.
        for row, step in enumerate(steps):
            note = step.note
            if step.status is FollowUpStatus.CLAIMED and note:
                note = self.tr("Taken by %1").replace("%1", note)
            rows.append(
                [
                    format_datetime(step.at),
                    step_label(step.status, first=row == 0),
                    step.actor or "—",
                    note,
                ]
            )
        show_rows(self.history, rows)
        self.history_label.setText(
            count_text(len(steps), self.tr("History (1 step)"), self.tr("History (%1 steps)"))
        )

    def update_actions(self) -> None:
        detail = self.presenter.detail
        allowed = next_actions(detail.follow_up.status) if detail is not None else ()
        for action, button in self.action_buttons.items():
            button.setEnabled(action in allowed)
            shortcut = SHORTCUTS[action]
            if detail is None:
                tip = self.tr("Choose a follow-up first")
            elif action in allowed:
                tip = {
                    FollowUpAction.CLAIM: self.tr("A named person of the owner unit takes it (%1)"),
                    FollowUpAction.RESPOND: self.tr("Record what has been done so far (%1)"),
                    FollowUpAction.SOLVE: self.tr(
                        "Record the outcome and the site's satisfaction (%1)"
                    ),
                    FollowUpAction.REOPEN: self.tr("Take it up again, saying why (%1)"),
                }[action].replace("%1", shortcut)
            else:
                tip = {
                    FollowUpAction.CLAIM: self.tr("Only an open follow-up can be claimed"),
                    FollowUpAction.RESPOND: self.tr("Only a claimed follow-up can be responded to"),
                    FollowUpAction.SOLVE: self.tr(
                        "Claim it first: only a claimed or responded follow-up can be solved"
                    ),
                    FollowUpAction.REOPEN: self.tr("It is open already"),
                }[action]
            button.setToolTip(tip)
        self.due_button.setEnabled(detail is not None)
        self.due_button.setToolTip(
            self.tr("The dates to claim, respond and solve by (%1)").replace(
                "%1", DUE_DATES_SHORTCUT
            )
            if detail is not None
            else self.tr("Choose a follow-up first")
        )

    # --------------------------------------------------------------------- steps
    def ask_step(self, action: FollowUpAction) -> StepDialog | None:
        detail = self.presenter.detail
        button = self.action_buttons[action]
        if detail is None or not button.isEnabled():
            return None
        options = self.presenter.options
        dialog = StepDialog(
            action,
            detail.follow_up,
            self.presenter.check_step,
            units=options.owners,
            people=options.claimers,
            parent=self,
        )
        dialog.stepGiven.connect(self._step_given)
        dialog.finished.connect(dialog.deleteLater)
        self.step_dialog = dialog
        dialog.open()
        return dialog

    def _step_given(self, action: FollowUpAction, given: StepInput) -> None:
        self.presenter.take_step(action, given)

    def ask_due_dates(self) -> DueDatesDialog | None:
        detail = self.presenter.detail
        if detail is None:
            return None
        dialog = DueDatesDialog(
            detail.follow_up, self.presenter.check_due_dates, self.presenter.today(), self
        )
        dialog.datesGiven.connect(self.presenter.set_due_dates)
        dialog.finished.connect(dialog.deleteLater)
        self.due_dialog = dialog
        dialog.open()
        return dialog


def _text(value: str) -> str:
    return html.escape(value).replace("\n", "<br/>")


def _muted(value: str) -> str:
    return _coloured(html.escape(value), MUTED)


def _coloured(markup: str, colour: str) -> str:
    return f'<span style="color:{colour};">{markup}</span>'
