"""A reviewer opens a session's recording at the moment a note was taken."""

from __future__ import annotations

import fractions
from datetime import datetime
from pathlib import Path

import av
import numpy as np
from PySide6.QtCore import QUrl
from PySide6.QtMultimedia import QMediaPlayer
from pytestqt.qtbot import QtBot

from outreach_app.core.model import (
    Role,
    Session,
    SessionKind,
    SessionSite,
    SessionStatus,
    Site,
    User,
)
from outreach_app.storage.repository import Repository
from outreach_app.ui.context import UiContext
from outreach_app.ui.review.recording_player import RecordingPlayer
from outreach_app.ui.review.view import ReviewView
from tests.ui.conftest import Repo, until

LIVE_AT = datetime(2026, 11, 20, 9, 0)


def write_recording(path: Path, seconds: int) -> None:
    """A real MP4 like the recorder's: H.264 at 10 fps and AAC, `seconds` long."""
    with av.open(str(path), mode="w", format="mp4") as container:
        video = container.add_stream("libx264", rate=10)
        video.width, video.height, video.pix_fmt = 160, 120, "yuv420p"
        for number in range(seconds * 10):
            frame = av.VideoFrame.from_ndarray(
                np.full((120, 160, 3), number % 255, dtype=np.uint8), format="rgb24"
            )
            frame.pts, frame.time_base = number, fractions.Fraction(1, 10)
            container.mux(video.encode(frame))
        container.mux(video.encode(None))


def test_the_player_opens_at_the_given_moment(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "session.mp4"
    write_recording(path, 6)
    player = RecordingPlayer(path, 4.0)
    qtbot.addWidget(player)
    player.show()
    qtbot.waitUntil(
        lambda: (
            player.player.mediaStatus()
            in (QMediaPlayer.MediaStatus.BufferedMedia, QMediaPlayer.MediaStatus.EndOfMedia)
        ),
        timeout=5000,
    )
    qtbot.waitUntil(lambda: player.player.position() >= 3900, timeout=5000)
    assert player.slider.maximum() >= 5900


def test_a_missing_file_is_said_plainly(qtbot: QtBot, tmp_path: Path) -> None:
    player = RecordingPlayer(tmp_path / "gone.mp4", 0)
    qtbot.addWidget(player)
    assert "missing" in player.problem_label.text() and not player.play_button.isEnabled()


async def test_a_note_links_to_the_recording_and_opens_it_there(
    context: UiContext, qtbot: QtBot, repo: Repo, tmp_path: Path
) -> None:
    path = tmp_path / "recordings" / "winter.mp4"
    path.parent.mkdir()
    write_recording(path, 8)

    def seed(r: Repository) -> int:
        r.actor = User("陈静", Role.REVIEWER)
        site = r.sites.save_site(Site("红旗村"))
        session_id = r.sessions.save_session(
            Session(
                "冬季保供连线",
                SessionKind.POLICY_BRIEFING,
                "王建国",
                LIVE_AT,
                60,
                status=SessionStatus.SCHEDULED,
                sites=[SessionSite(site, 0, 30)],
            )
        )
        r.clock = lambda: LIVE_AT
        r.sessions.set_session_status(session_id, SessionStatus.LIVE)
        r.clock = lambda: LIVE_AT.replace(second=2)  # recording started 2 s after going live
        r.calls.start_recording(session_id, str(path))
        r.notes.add_question(session_id, site, "供暖正常吗？", offset_seconds=5)
        r.notes.add_question(session_id, site, "还有别的问题吗？", offset_seconds=1)  # before it
        r.clock = lambda: LIVE_AT.replace(second=10)
        r.sessions.set_session_status(session_id, SessionStatus.ENDED)
        return session_id

    session_id = repo(seed)
    context.clock = lambda: datetime(2026, 11, 23, 9, 0)
    view = ReviewView(context)
    qtbot.addWidget(view)
    view.show()
    await until(lambda: view.presenter.record is not None)
    view.presenter.open_session(session_id)
    await until(lambda: view.presenter.record is not None and view.presenter.record.recordings)
    html = view.minutes.minutes_browser.toHtml()
    assert html.count("play:") == 1 and "play:5" in html
    view.minutes._link_clicked(QUrl("play:5"))
    player = view.minutes.recording_player
    assert player is not None and player.isVisible()
    await until(lambda: player.player.position() >= 2900, timeout=5)
    player.close()
