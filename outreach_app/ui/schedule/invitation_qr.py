"""A site's invitation link as a QR code: shown large to be photographed or scanned from the
screen, copied as an image into a chat group, or saved as a PNG to send or print.

segno makes the code (a QR code, never a Micro QR, which phones do not read), at error
correction level M or better: a photo of a screen or a crumpled print still scans.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Final

import segno
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from outreach_app.exports.files import write_file
from outreach_app.ui.exports.file_dialogs import ask_export_file
from outreach_app.ui.exports.runner import (
    describe_write_error,
    remember_export_folder,
)
from outreach_app.ui.settings import AppSettings
from outreach_app.ui.widgets.heading import heading

# The quiet zone the QR standard asks for around the code, in modules.
BORDER: Final = 4
# Pixels per module in a saved PNG: sharp when printed on half a page or shown on a phone.
SAVED_SCALE: Final = 10
# How large the code is shown in the dialog, at least, in pixels: easy to scan from the screen.
SHOWN_SIZE: Final = 440


def qr_code(link: str) -> segno.QRCode:
    """The QR code of `link`; segno raises DataOverflowError when it does not fit in one."""
    return segno.make_qr(link, error="m", boost_error=True)


def png_bytes(code: segno.QRCode, scale: int) -> bytes:
    """`code` as a black-on-white PNG with its quiet zone, `scale` pixels per module."""
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=scale, border=BORDER)
    return buffer.getvalue()


class InvitationQrDialog(QDialog):
    """One site's invitation: its QR code large, the link under it, and ways to pass it on."""

    def __init__(
        self,
        link: str,
        *,
        site_name: str,
        session_line: str,
        file_stem: str,
        settings: AppSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("invitationQrDialog")
        self.setWindowTitle(self.tr("Invitation for %1").replace("%1", site_name))
        self.link = link
        self._settings = settings
        self._file_stem = file_stem
        self.code = qr_code(link)
        side = int(self.code.symbol_size(scale=1, border=BORDER)[0])
        scale = -(-SHOWN_SIZE // side)
        # In colour, as chat programs take pasted pictures; segno's PNG is one bit deep.
        self.image = QImage.fromData(png_bytes(self.code, scale)).convertToFormat(
            QImage.Format.Format_RGB32
        )

        self.picture = QLabel()
        self.picture.setObjectName("invitationQrCode")
        self.picture.setPixmap(QPixmap.fromImage(self.image))
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setAccessibleName(
            self.tr("QR code of the invitation link for %1").replace("%1", site_name)
        )
        self.link_edit = QLineEdit(link)
        self.link_edit.setObjectName("invitationLinkEdit")
        self.link_edit.setReadOnly(True)
        self.link_edit.setAccessibleName(self.tr("Invitation link"))
        self.link_edit.setCursorPosition(0)
        self.status_label = QLabel()
        self.status_label.setObjectName("invitationQrStatus")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        hint = QLabel(
            self.tr(
                "Scan it with the phone's camera or WeChat to open the join page, or send the"
                " picture into the site's chat group. The link is for this site only."
            )
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(site_name))
        layout.addWidget(QLabel(session_line))
        layout.addWidget(self.picture, 1)
        layout.addWidget(self.link_edit)
        layout.addWidget(hint)
        layout.addWidget(self.status_label)
        layout.addWidget(self._build_buttons())
        # Not the link's field, which would keep Ctrl+C for its own text.
        self.copy_image_button.setFocus()

    def _build_buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_link_button = QPushButton(self.tr("Copy &link"))
        self.copy_link_button.setToolTip(self.tr("Copy the invitation link (Ctrl+Shift+C)"))
        self.copy_link_button.setShortcut(QKeySequence("Ctrl+Shift+C"))
        self.copy_image_button = QPushButton(self.tr("Copy &image"))
        self.copy_image_button.setToolTip(
            self.tr("Copy the QR code as a picture, to paste into a chat (Ctrl+C)")
        )
        self.copy_image_button.setShortcut(QKeySequence.StandardKey.Copy)
        self.save_button = QPushButton(self.tr("&Save as PNG…"))
        self.save_button.setObjectName("saveQrButton")
        self.save_button.setToolTip(self.tr("Save the QR code as a PNG picture (Ctrl+S)"))
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        for button in (self.copy_link_button, self.copy_image_button, self.save_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_link_button.clicked.connect(self.copy_link)
        self.copy_image_button.clicked.connect(self.copy_image)
        self.save_button.clicked.connect(self.save_png)
        buttons.rejected.connect(self.reject)
        return buttons

    def copy_link(self) -> None:
        QGuiApplication.clipboard().setText(self.link)
        self.status_label.setText(self.tr("Link copied."))

    def copy_image(self) -> None:
        QGuiApplication.clipboard().setImage(self.image)
        self.status_label.setText(self.tr("QR code copied as a picture."))

    def save_png(self) -> Path | None:
        """Ask where, then save the QR code there as a PNG; the file written, if any."""
        chosen = ask_export_file(
            self,
            self._settings,
            self.tr("Save QR code"),
            f"{self._file_stem}.png",
            [self.tr("PNG pictures (*.png)")],
        )
        if chosen is None:
            return None
        path = chosen[0]
        if path.suffix.lower() != ".png":
            path = path.with_name(path.name + ".png")
        return self.save_png_to(path)

    def save_png_to(self, path: Path) -> Path | None:
        try:
            write_file(path, png_bytes(self.code, SAVED_SCALE))
        except OSError as error:
            self.status_label.setText(describe_write_error(error, path))
            return None
        remember_export_folder(self._settings, path.parent)
        self.status_label.setText(self.tr("Saved as “%1”.").replace("%1", str(path)))
        return path
