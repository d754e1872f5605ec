"""Writing a one-line notice to one site of the call or to all of them."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from outreach_app.core.model import MAX_NOTICE_CHARS, notice_text


class NoticeDialog(QDialog):
    """The sites to choose from come in speaking order; `target()` is None for every site."""

    def __init__(
        self, sites: list[tuple[int, str]], chosen: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("noticeDialog")
        self.setWindowTitle(self.tr("Notice to sites"))
        self.site_box = QComboBox()
        self.site_box.addItem(self.tr("All sites"), None)
        for site_id, name in sites:
            self.site_box.addItem(name, site_id)
        if chosen is not None:
            self.site_box.setCurrentIndex(max(0, self.site_box.findData(chosen)))
        self.text_edit = QLineEdit()
        self.text_edit.setMaxLength(MAX_NOTICE_CHARS)
        self.text_edit.setPlaceholderText(self.tr("For example: please prepare the figures"))
        self.text_edit.setAccessibleName(self.tr("Notice"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.send_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.send_button.setText(self.tr("Send"))
        self.send_button.setEnabled(False)
        self.text_edit.textChanged.connect(
            lambda text: self.send_button.setEnabled(bool(notice_text(text)))
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        hint = QLabel(
            self.tr(
                "One line, shown on the site's page until it is dismissed and kept with the"
                " session's record."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(placeholder-text);")
        layout = QFormLayout(self)
        layout.addRow(self.tr("&To:"), self.site_box)
        layout.addRow(self.tr("&Notice:"), self.text_edit)
        layout.addRow(hint)
        layout.addRow(self.buttons)
        # Room for a whole line of notice, not only the placeholder's start.
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 64)
        self.text_edit.setFocus()

    def target(self) -> int | None:
        data = self.site_box.currentData()
        return None if data is None else int(data)

    def text(self) -> str:
        return notice_text(self.text_edit.text())
