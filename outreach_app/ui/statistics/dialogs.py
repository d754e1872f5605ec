"""The statistics page's dialogs: closing (publishing) a month, and reopening it with a reason."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget


def confirm_close(parent: QWidget, month: str) -> bool:
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("StatisticsDialogs", "Close and publish %1").replace(
            "%1", month
        ),
        QCoreApplication.translate(
            "StatisticsDialogs",
            "Keep the figures of %1 as they are now, for publication? Reports and exports of"
            " the month will show them from now on; what the record counts differently later"
            " is shown beside them as a dated revision. Only a reviewer can reopen the month,"
            " saying why.",
        ).replace("%1", month),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes


def ask_reopen_reason(parent: QWidget, month: str) -> str:
    """Why the month is reopened; empty when the person cancels or gives no reason."""
    reason, accepted = QInputDialog.getText(
        parent,
        QCoreApplication.translate("StatisticsDialogs", "Reopen %1").replace("%1", month),
        QCoreApplication.translate(
            "StatisticsDialogs",
            "Why is %1 reopened? Its publication stays on record with your reason.",
        ).replace("%1", month),
        QLineEdit.EchoMode.Normal,
    )
    return reason.strip() if accepted else ""
