"""The file dialogs of every export: all open in the folder the last export went to."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from outreach_app.ui.exports.runner import export_folder, remember_export_folder
from outreach_app.ui.settings import AppSettings


def ask_export_file(
    parent: QWidget,
    settings: AppSettings,
    caption: str,
    file_name: str,
    filters: Sequence[str],
) -> tuple[Path, str] | None:
    """The file chosen to export to and the filter it was chosen under; None when cancelled.

    The chosen folder becomes the one every export dialog opens in next.
    """
    chosen, chosen_filter = QFileDialog.getSaveFileName(
        parent,
        caption,
        str(export_folder(settings) / file_name),
        ";;".join(filters),
        filters[0] if filters else "",
    )
    if not chosen:
        return None
    path = Path(chosen)
    remember_export_folder(settings, path.parent)
    return path, chosen_filter


def ask_export_folder(parent: QWidget, settings: AppSettings, caption: str) -> Path | None:
    """The folder chosen to export into, remembered for the next export; None when cancelled."""
    chosen = QFileDialog.getExistingDirectory(parent, caption, str(export_folder(settings)))
    if not chosen:
        return None
    remember_export_folder(settings, Path(chosen))
    return Path(chosen)
