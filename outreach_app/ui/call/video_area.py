"""The pictures of the call: the site with the floor large, with the official's own camera in its
corner and a warning under it when its link is poor, and the other sites as thumbnails."""

from __future__ import annotations

import functools
from typing import Final

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from outreach_app.call.link_state import PeerState
from outreach_app.call.official_engine import LinkStatistics
from outreach_app.core.model import Session
from outreach_app.ui.call.presenter import CallPresenter
from outreach_app.ui.call.run_sheet import state_text, warning_colour
from outreach_app.ui.call.site_tile import (
    THUMBNAIL_SIZE,
    SiteTile,
    audio_only_button_text,
    describe_statistics,
)
from outreach_app.ui.widgets.video import VideoView

FLOOR_FPS: Final = 50
SELF_VIEW_FPS: Final = 10
SELF_VIEW_SIZE: Final = QSize(160, 120)


class VideoArea(QWidget):
    """Shows the presenter's pictures and link states; a double-click on a thumbnail gives that
    site the floor."""

    def __init__(
        self, presenter: CallPresenter, next_shortcut: str, parent: QWidget | None = None
    ) -> None:
        """`next_shortcut`: the key that gives the floor to the next site, named in a hint."""
        super().__init__(parent)
        self.presenter = presenter
        self._next_shortcut = next_shortcut
        self._tiles: dict[int, SiteTile] = {}
        self.floor_caption = QLabel()
        self.floor_caption.setObjectName("floorCaption")
        caption_font = self.floor_caption.font()
        caption_font.setBold(True)
        self.floor_caption.setFont(caption_font)
        self.floor_view = VideoView(fps=FLOOR_FPS, minimum=QSize(320, 240))
        self.floor_view.setObjectName("floorView")
        self.floor_view.setAccessibleName(self.tr("Video of the site that has the floor"))
        # The official's own picture sits in the corner of the large one, as in any video call.
        self.self_view = VideoView(
            fps=SELF_VIEW_FPS, minimum=SELF_VIEW_SIZE, framed=True, parent=self.floor_view
        )
        self.self_view.setFixedSize(SELF_VIEW_SIZE)
        self.self_view.setObjectName("selfView")
        self.self_view.setAccessibleName(self.tr("Your own camera"))
        self.self_view.setToolTip(self.tr("Your own camera"))
        self.self_view.set_source(self.presenter.self_view_frame)
        self.floor_view.installEventFilter(self)

        self.thumbnails = QWidget()
        self.thumbnails_layout = QHBoxLayout(self.thumbnails)
        self.thumbnails_layout.setContentsMargins(0, 0, 0, 0)
        self.thumbnails_layout.addStretch()
        scroller = QScrollArea()
        scroller.setObjectName("thumbnailStrip")
        scroller.setWidget(self.thumbnails)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroller.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        # Picture, name, state, two lines of quality, and the poor-link line with its button.
        scroller.setFixedHeight(THUMBNAIL_SIZE.height() + 150)

        # Under the large picture: the floor site's link is poor, and what to do about it.
        self.floor_link_bar = QFrame()
        self.floor_link_bar.setObjectName("floorLinkBar")
        self.floor_link_label = QLabel()
        self.floor_link_label.setObjectName("floorLinkLabel")
        self.floor_link_label.setWordWrap(True)
        self.floor_audio_only_button = QPushButton()
        self.floor_audio_only_button.setObjectName("floorAudioOnly")
        self.floor_audio_only_button.clicked.connect(self._toggle_floor_audio_only)
        bar_layout = QHBoxLayout(self.floor_link_bar)
        bar_layout.setContentsMargins(6, 2, 6, 2)
        bar_layout.addWidget(self.floor_link_label, 1)
        bar_layout.addWidget(self.floor_audio_only_button)
        self.floor_link_bar.setVisible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.floor_caption)
        layout.addWidget(self.floor_view, 1)
        layout.addWidget(self.floor_link_bar)
        layout.addWidget(scroller)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.floor_view and event.type() == QEvent.Type.Resize:
            margin = 8
            self.self_view.move(
                self.floor_view.width() - self.self_view.width() - margin,
                self.floor_view.height() - self.self_view.height() - margin,
            )
        return super().eventFilter(watched, event)

    def build_tiles(self, session: Session) -> None:
        for tile in self._tiles.values():
            tile.deleteLater()
        self._tiles = {}
        for index, slot in enumerate(sorted(session.sites, key=lambda s: s.position)):
            tile = SiteTile(slot.site_id, slot.site_name)
            tile.video.set_source(functools.partial(self.presenter.latest_frame, slot.site_id))
            tile.floorRequested.connect(self.presenter.give_floor)
            tile.audioOnlyRequested.connect(self.presenter.set_audio_only)
            tile.lowerHandRequested.connect(self.presenter.lower_hand)
            self.thumbnails_layout.insertWidget(index, tile)
            self._tiles[slot.site_id] = tile

    def show_site_state(self, site_id: int, state: PeerState) -> None:
        tile = self._tiles.get(site_id)
        if tile is not None:
            tile.set_state(state)

    def show_hands(self, hands: list[int]) -> None:
        """Each waiting site's place among the raised hands, on its thumbnail."""
        for site_id, tile in self._tiles.items():
            tile.set_hand(hands.index(site_id) + 1 if site_id in hands else None)

    def show_statistics(self, site_id: int, statistics: LinkStatistics | None) -> None:
        tile = self._tiles.get(site_id)
        if tile is not None:
            tile.set_statistics(statistics)
        if site_id == self.presenter.floor_site_id:
            self.floor_view.setToolTip(describe_statistics(statistics))

    def show_link(self, site_id: int) -> None:
        poor, audio_only = self.presenter.link_poor(site_id), self.presenter.audio_only(site_id)
        tile = self._tiles.get(site_id)
        if tile is not None:
            tile.set_link(poor, audio_only)
        if site_id == self.presenter.floor_site_id:
            self.show_floor_link(site_id)

    def show_floor_link(self, site_id: int | None) -> None:
        if site_id is None:
            self.floor_link_bar.setVisible(False)
            return
        poor, audio_only = self.presenter.link_poor(site_id), self.presenter.audio_only(site_id)
        self.floor_link_bar.setVisible(poor or audio_only)
        name = self.presenter.site_name(site_id)
        if audio_only:
            text = self.tr("%1 is on sound only: its link is too poor for video.")
        else:
            text = self.tr(
                "The link to %1 is poor: its video will stutter or freeze. Sound only keeps"
                " the conversation going."
            )
        self.floor_link_label.setText(text.replace("%1", name))
        colour = warning_colour(self.palette()).name()
        self.floor_link_label.setStyleSheet(f"#floorLinkLabel {{ color: {colour}; }}")
        self.floor_audio_only_button.setText(audio_only_button_text(audio_only))

    def _toggle_floor_audio_only(self) -> None:
        site_id = self.presenter.floor_site_id
        if site_id is not None:
            self.presenter.set_audio_only(site_id, not self.presenter.audio_only(site_id))

    def show_floor(self, site_id: int | None) -> None:
        """The site that has the floor large (None: the official's own camera), the others as
        thumbnails."""
        for tile_site, tile in self._tiles.items():
            tile.setVisible(tile_site != site_id)
        self.self_view.setVisible(site_id is not None)
        if site_id is None:
            self.floor_view.set_source(self.presenter.self_view_frame)
            self.floor_view.set_placeholder(self.tr("Your camera"))
            self.floor_view.setToolTip("")
        else:
            self.floor_view.set_source(functools.partial(self.presenter.latest_frame, site_id))

    def show_caption(self, site_id: int | None) -> None:
        """What the large picture shows, above it (and in its place until video comes)."""
        if site_id is None:
            self.floor_caption.setText(
                self.tr(
                    "Your camera — nobody has the floor; %1 starts with the first site."
                ).replace("%1", self._next_shortcut)
                if self.presenter.is_live
                else self.tr("Your camera")
            )
            return
        name = self.presenter.site_name(site_id)
        state = self.presenter.state(site_id)
        self.floor_caption.setText(f"{name} — {state_text(state)}")
        self.floor_view.set_placeholder(
            self.tr("Waiting for video from %1…").replace("%1", name)
            if state is PeerState.CONNECTED
            else state_text(state)
        )

    def show_ended(self) -> None:
        self.floor_caption.setText(self.tr("The session has ended. Notes can still be edited."))
        # The camera is closed: its name in the big picture would suggest it still sends.
        self.floor_view.set_placeholder(self.tr("The session has ended"))
