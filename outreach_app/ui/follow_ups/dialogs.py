"""Small dialogs for the steps of a follow-up: claim, respond, solve, reopen, and due dates.

Each checks its input with the workflow's rules before it closes and says what is missing;
nothing reaches the store until the input is complete.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from outreach_app.core.follow_ups import FollowUpAction, StepInput, suggested_due_dates
from outreach_app.core.model import FollowUp, Satisfaction
from outreach_app.ui.follow_ups.labels import action_label
from outreach_app.ui.labels import satisfaction_label
from outreach_app.ui.widgets.date_edit import DateEdit

ERROR_STYLE = "color: #8a1c12;"


def _error_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


def _text_box(accessible: str, placeholder: str) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setAccessibleName(accessible)
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    return box


class StepDialog(QDialog):
    """Asks for what one step needs; `check` returns '' or the reason it cannot be taken."""

    stepGiven = Signal(object, object)  # FollowUpAction, StepInput

    def __init__(
        self,
        action: FollowUpAction,
        follow_up: FollowUp,
        check: Callable[[FollowUpAction, StepInput], str],
        *,
        units: list[str] | None = None,
        people: list[str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.action = action
        self._check = check
        self.setWindowTitle(action_label(action))
        self.setObjectName(f"{action.value}Dialog")
        prompt = QLabel(self._prompt(action).replace("%1", follow_up.commitment))
        prompt.setWordWrap(True)
        prompt.setTextFormat(Qt.TextFormat.PlainText)
        self.person_edit = QLineEdit()
        self.person_edit.setObjectName("claimedByEdit")
        self.person_edit.setAccessibleName(self.tr("Person who takes it"))
        self.person_edit.setPlaceholderText(self.tr("Full name, for example 赵志刚"))
        self.person_edit.setCompleter(QCompleter(people or [], self.person_edit))
        self.unit_edit = QLineEdit(follow_up.owner)
        self.unit_edit.setObjectName("unitEdit")
        self.unit_edit.setAccessibleName(self.tr("Owner unit"))
        self.unit_edit.setPlaceholderText(self.tr("The unit responsible, for example 区水务局"))
        self.unit_edit.setCompleter(QCompleter(units or [], self.unit_edit))
        self.text_edit = _text_box(*self._text_names(action)[:2])
        self.text_edit.setObjectName("stepTextEdit")
        self.satisfaction_combo = QComboBox()
        self.satisfaction_combo.setObjectName("satisfactionCombo")
        self.satisfaction_combo.setAccessibleName(self.tr("Site's satisfaction"))
        self.satisfaction_combo.addItem(self.tr("Not given"), None)
        for satisfaction in Satisfaction:
            self.satisfaction_combo.addItem(satisfaction_label(satisfaction), satisfaction.value)

        form = QFormLayout()
        if action is FollowUpAction.CLAIM:
            form.addRow(self.tr("&Person:"), self.person_edit)
            form.addRow(self.tr("&Unit:"), self.unit_edit)
            focus: QWidget = self.person_edit
        else:
            form.addRow(self._text_names(action)[2], self.text_edit)
            focus = self.text_edit
            if action is FollowUpAction.SOLVE:
                form.addRow(self.tr("Site's &satisfaction:"), self.satisfaction_combo)
        self.error_label = _error_label("stepError")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(action_label(action))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(prompt)
        layout.addLayout(form, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(500, 200 if action is FollowUpAction.CLAIM else 300)
        focus.setFocus()

    def _prompt(self, action: FollowUpAction) -> str:
        return {
            FollowUpAction.CLAIM: self.tr(
                "Who takes “%1”? Name the person in the owner unit who answers for it."
            ),
            FollowUpAction.RESPOND: self.tr("What has been done so far about “%1”?"),
            FollowUpAction.SOLVE: self.tr(
                "How was “%1” solved? Say what the outcome is and, if the site said so, how"
                " satisfied it is."
            ),
            FollowUpAction.REOPEN: self.tr(
                "Why must “%1” be taken up again? What was done so far stays in its history."
            ),
        }[action]

    def _text_names(self, action: FollowUpAction) -> tuple[str, str, str]:
        """The text box's accessible name, placeholder and form label."""
        if action is FollowUpAction.RESPOND:
            return (
                self.tr("Response"),
                self.tr("For example: the new pump is bought and will be fitted next week."),
                self.tr("&Response:"),
            )
        if action is FollowUpAction.SOLVE:
            return (
                self.tr("Outcome"),
                self.tr("For example: the pump is in use; water pressure is back to normal."),
                self.tr("&Outcome:"),
            )
        return (
            self.tr("Reason for reopening"),
            self.tr("For example: residents report the pressure drops again in the evening."),
            self.tr("&Reason:"),
        )

    def given(self) -> StepInput:
        text = self.text_edit.toPlainText()
        value = self.satisfaction_combo.currentData()
        return StepInput(
            claimed_by=self.person_edit.text(),
            owner=self.unit_edit.text(),
            response=text if self.action is FollowUpAction.RESPOND else "",
            resolution=text if self.action is FollowUpAction.SOLVE else "",
            satisfaction=Satisfaction(value) if value else None,
            reason=text if self.action is FollowUpAction.REOPEN else "",
        )

    def accept(self) -> None:
        given = self.given()
        problem = self._check(self.action, given)
        if problem:
            self.error_label.setText(problem[:1].upper() + problem[1:])
            self.error_label.show()
            if self.action is FollowUpAction.CLAIM:
                empty_person = not given.claimed_by.strip()
                (self.person_edit if empty_person else self.unit_edit).setFocus()
            else:
                self.text_edit.setFocus()
            return
        super().accept()
        self.stepGiven.emit(self.action, given)


class OptionalDate(QWidget):
    """A date that may be left out: a check box turns it on."""

    def __init__(self, name: str, value: date | None, suggestion: date) -> None:
        super().__init__()
        self.check = QCheckBox()
        self.check.setAccessibleName(self.tr("%1: set a date").replace("%1", name))
        self.edit = DateEdit()
        self.edit.setAccessibleName(name)
        shown = value or suggestion
        self.edit.setDate(QDate(shown.year, shown.month, shown.day))
        self.check.setChecked(value is not None)
        self.edit.setEnabled(value is not None)
        self.check.toggled.connect(self.edit.setEnabled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit, 1)
        self.setFocusProxy(self.check)

    def value(self) -> date | None:
        if not self.check.isChecked():
            return None
        chosen = self.edit.date()
        return date(chosen.year(), chosen.month(), chosen.day())


class DueDatesDialog(QDialog):
    """The dates to claim, respond and solve by; a step without a date has no deadline."""

    datesGiven = Signal(object, object, object)  # claim_due, respond_due, due

    def __init__(
        self,
        follow_up: FollowUp,
        check: Callable[[date | None, date | None, date | None], str],
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._check = check
        self.setWindowTitle(self.tr("Due dates"))
        self.setObjectName("dueDatesDialog")
        made = follow_up.created_at.date() if follow_up.created_at else today
        claim_hint, respond_hint = suggested_due_dates(made, follow_up.due)
        prompt = QLabel(
            self.tr(
                "By when must “%1” be claimed, responded to and solved? Tick a step to give it"
                " a date; an item is overdue from the day after."
            ).replace("%1", follow_up.commitment)
        )
        prompt.setWordWrap(True)
        prompt.setTextFormat(Qt.TextFormat.PlainText)
        self.claim_due = OptionalDate(self.tr("Claim by"), follow_up.claim_due, claim_hint)
        self.respond_due = OptionalDate(self.tr("Respond by"), follow_up.respond_due, respond_hint)
        self.due = OptionalDate(self.tr("Solve by"), follow_up.due, follow_up.due or today)
        form = QFormLayout()
        form.addRow(self.tr("&Claim by:"), self.claim_due)
        form.addRow(self.tr("&Respond by:"), self.respond_due)
        form.addRow(self.tr("&Solve by:"), self.due)
        self.error_label = _error_label("dueDatesError")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(prompt)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(460, 220)

    def dates(self) -> tuple[date | None, date | None, date | None]:
        return self.claim_due.value(), self.respond_due.value(), self.due.value()

    def accept(self) -> None:
        dates = self.dates()
        problem = self._check(*dates)
        if problem:
            self.error_label.setText(problem[:1].upper() + problem[1:])
            self.error_label.show()
            return
        super().accept()
        self.datesGiven.emit(*dates)
