"""At first start the person chooses how to work: alone on this computer (their name and role,
recorded with every change they make), or on their office's shared record through its team
server (signed in with the account the administrator gave them). Working alone is the default.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from outreach_app.core.model import SOLO_ROLES, Role, User
from outreach_app.ui.labels import role_label
from outreach_app.ui.team.sign_in import SignInForm, SigningInDialog

ALONE, TEAM = 0, 1


class FirstRunDialog(SigningInDialog):
    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        suggested_name: str = "",
        team_offered: bool = True,
        server: str = "",
        account: str = "",
        certificate: str = "",
        team_first: bool = False,
    ) -> None:
        """`team_offered`: False when this start must work alone (a database or the demo was
        given on the command line). `server`, `account`, `certificate`: what to suggest for the
        office's server; `team_first` opens on that choice."""
        super().__init__(parent)
        self.setObjectName("firstRunDialog")
        self.setWindowTitle(self.tr("Welcome to Outreach"))
        self.choices = QButtonGroup(self)
        self.alone_choice = self._choice(
            self.tr("Work alone on this computer"),
            self.tr("Your sessions, notes and follow-ups are kept in a database on this computer."),
            ALONE,
        )
        self.team_choice = self._choice(
            self.tr("Connect to my office's server"),
            self.tr(
                "Share one record with your colleagues: what anyone saves shows on every desk. "
                "Your administrator gives you the address, an account and a password."
            ),
            TEAM,
        )
        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_alone(suggested_name))
        form = SignInForm(server=server, account=account, certificate=certificate)
        self.pages.addWidget(form)
        self.attach_sign_in(
            form,
            QDialogButtonBox(
                QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
            ),
        )
        layout = QVBoxLayout(self)
        if team_offered:
            for widget in (self.alone_choice, self.team_choice):
                layout.addWidget(widget)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.buttons)

        self.name_edit.textChanged.connect(self.update_ok)
        self.choices.idToggled.connect(lambda _id, checked: self._chosen() if checked else None)
        self.presenter.busyChanged.connect(self._busy)
        button = self.choices.button(TEAM if team_offered and team_first else ALONE)
        button.setChecked(True)
        self._chosen()
        self.resize(560, self.sizeHint().height())

    def _choice(self, title: str, description: str, choice_id: int) -> QWidget:
        button = QRadioButton(title)
        font = QFont(button.font())
        font.setBold(True)
        button.setFont(font)
        self.choices.addButton(button, choice_id)
        explanation = QLabel(description)
        explanation.setWordWrap(True)
        explanation.setIndent(24)
        explanation.setBuddy(button)
        box = QWidget()
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(0, 0, 0, 6)
        box_layout.setSpacing(2)
        box_layout.addWidget(button)
        box_layout.addWidget(explanation)
        return box

    def _build_alone(self, suggested_name: str) -> QWidget:
        intro = QLabel(
            self.tr(
                "Tell us who you are. Your name is recorded with every change you make, and the "
                "app opens on the view your role needs most. You can change both later."
            )
        )
        intro.setWordWrap(True)
        self.name_edit = QLineEdit(suggested_name)
        self.name_edit.setPlaceholderText(self.tr("Your full name"))
        self.name_edit.setAccessibleName(self.tr("Your name"))
        self.role_buttons = QButtonGroup(self)
        roles_box = QVBoxLayout()
        for index, role in enumerate(SOLO_ROLES):
            button = QRadioButton(role_label(role))
            button.setProperty("role", role.value)
            self.role_buttons.addButton(button, index)
            roles_box.addWidget(button)
        self.role_buttons.buttons()[0].setChecked(True)
        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name_edit)
        form.addRow(self.tr("Role:"), roles_box)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addStretch(1)
        return page

    # ------------------------------------------------------------------ choosing
    def team_chosen(self) -> bool:
        return self.choices.checkedId() == TEAM

    def choose_team(self, team: bool) -> None:
        self.choices.button(TEAM if team else ALONE).setChecked(True)

    def _chosen(self) -> None:
        team = self.team_chosen()
        self.pages.setCurrentIndex(TEAM if team else ALONE)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Connect") if team else self.tr("Start"))
        self.update_ok()
        if team:
            form = self.form
            empty = [e for e in (form.server_edit, form.account_edit) if not e.text()]
            (empty[0] if empty else form.password_edit).setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def update_ok(self) -> None:
        if self.team_chosen():
            super().update_ok()
        else:
            ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
            ok.setEnabled(bool(self.name_edit.text().strip()))

    def _busy(self, busy: bool) -> None:
        for button in self.choices.buttons():
            button.setEnabled(not busy)

    def go(self) -> None:
        if self.team_chosen():
            super().go()
        elif self.name_edit.text().strip():
            self.accept()

    # ------------------------------------------------------------------ results
    def user(self) -> User:
        """Working alone: who this person is."""
        checked = self.role_buttons.checkedButton()
        role = Role(str(checked.property("role"))) if checked is not None else Role.STAFF
        return User(self.name_edit.text().strip(), role)
