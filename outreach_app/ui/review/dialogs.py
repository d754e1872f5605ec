"""The review page's dialogs."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)


class SendBackDialog(QDialog):
    """Asks what must change; refuses to send the minutes back without an answer."""

    commentGiven = Signal(str)

    def __init__(self, session_title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Send minutes back"))
        prompt = QLabel(
            self.tr("What must change before the minutes of “%1” can be approved?").replace(
                "%1", session_title
            )
        )
        prompt.setWordWrap(True)
        self.comment_edit = QPlainTextEdit()
        self.comment_edit.setAccessibleName(self.tr("Comment for the note-taker"))
        self.comment_edit.setPlaceholderText(
            self.tr("For example: add the speakers' positions to the answers from 余杭区.")
        )
        prompt.setBuddy(self.comment_edit)
        self.error_label = QLabel()
        self.error_label.setObjectName("sendBackError")
        self.error_label.setStyleSheet("color: #8a1c12;")
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Send back"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(prompt)
        layout.addWidget(self.comment_edit, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(480, 260)
        self.comment_edit.setFocus()

    def accept(self) -> None:
        comment = self.comment_edit.toPlainText().strip()
        if not comment:
            self.error_label.setText(
                self.tr("Write what must change: the note-taker needs it to correct the minutes.")
            )
            self.error_label.show()
            self.comment_edit.setFocus()
            return
        super().accept()
        self.commentGiven.emit(comment)
