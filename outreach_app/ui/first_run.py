"""At first start the user says who they are; the audit trail records it with every change."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from outreach_app.core.model import SOLO_ROLES, Role, User
from outreach_app.ui.labels import role_label


class FirstRunDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, *, suggested_name: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to Outreach"))
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
        first = self.role_buttons.buttons()[0]
        first.setChecked(True)
        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name_edit)
        form.addRow(self.tr("Role:"), roles_box)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.name_edit.textChanged.connect(self._update_ok)
        self._update_ok()
        self.resize(460, self.sizeHint().height())

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.name_edit.text().strip()))

    def user(self) -> User:
        checked = self.role_buttons.checkedButton()
        role = Role(str(checked.property("role"))) if checked is not None else Role.STAFF
        return User(self.name_edit.text().strip(), role)
