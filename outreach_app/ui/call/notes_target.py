"""The line above the notes beside the video: which site they are taken for.

Notes follow the site that has the floor. Taking them for another site is a choice made here
(or from the run sheet's menu), never a side effect of selecting a row, and while it lasts the
line says so in the warning colour, with the way back to the floor beside it.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from outreach_app.call.link_state import PeerState
from outreach_app.core.model import SessionSite
from outreach_app.ui.call.run_sheet import state_colour, warning_colour


class NotesTarget(QWidget):
    siteChosen = Signal(int)  # a site chosen deliberately
    backToFloorRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notesTarget")
        self.combo = QComboBox()
        self.combo.setObjectName("notesSiteCombo")
        self.combo.setAccessibleName(self.tr("Notes for"))
        self.combo.setToolTip(
            self.tr(
                "Notes follow the site that has the floor; choose another site to take notes for it"
            )
        )
        label = QLabel(self.tr("N&otes for:"))
        label.setBuddy(self.combo)
        self.state_label = QLabel()
        self.state_label.setObjectName("notesTargetState")
        self.state_label.setWordWrap(True)
        self.back_button = QPushButton(self.tr("Back to the floor"))
        self.back_button.setObjectName("backToFloorButton")
        self.back_button.setToolTip(self.tr("Take notes for the site that has the floor again"))
        self.back_button.hide()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(label)
        row.addWidget(self.combo, 1)
        row.addWidget(self.state_label, 1)
        row.addWidget(self.back_button)
        self.combo.activated.connect(self._chosen)
        self.back_button.clicked.connect(self.backToFloorRequested)

    def set_sites(self, slots: list[SessionSite]) -> None:
        with QSignalBlocker(self.combo):
            self.combo.clear()
            for slot in sorted(slots, key=lambda s: s.position):
                self.combo.addItem(f"{slot.position + 1}. {slot.site_name}", slot.site_id)

    def show_target(self, site_id: int | None, floor: int | None) -> None:
        """`site_id`: the site the notes are taken for; `floor`: the one that has the floor."""
        with QSignalBlocker(self.combo):
            self.combo.setCurrentIndex(self.combo.findData(site_id))
        away = floor is not None and site_id is not None and site_id != floor
        if floor is None:
            text, colour = self.tr("Nobody has the floor"), ""
        elif away:
            text = self.tr("⚠ Not the site on the floor")
            colour = warning_colour(self.palette()).name()
        else:
            text = self.tr("● Has the floor")
            colour = state_colour(PeerState.CONNECTED, self.palette()).name()
        self.state_label.setText(text)
        self.state_label.setStyleSheet(
            f"#notesTargetState {{ color: {colour}; font-weight: bold; }}" if colour else ""
        )
        self.back_button.setVisible(away)

    def _chosen(self, index: int) -> None:
        site_id = self.combo.itemData(index)
        if site_id is not None:
            self.siteChosen.emit(int(site_id))
