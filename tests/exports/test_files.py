from __future__ import annotations

import errno
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from outreach_app.exports.files import (
    ExportCancelled,
    Progress,
    WriteProblem,
    final_path,
    temporary_sibling,
    write_file,
    write_files,
    write_problem,
)


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_file_is_written_whole_and_replaces_the_old_one(tmp_path: Path) -> None:
    target = tmp_path / "2026-11-23 安全生产调度 纪要.pdf"
    target.write_bytes(b"old")
    write_file(target, b"new content")
    assert target.read_bytes() == b"new content"
    assert names(tmp_path) == [target.name]


def test_a_cancel_leaves_no_file_and_keeps_the_old_one(tmp_path: Path) -> None:
    progress = Progress()
    progress.cancel()
    write_file_target = tmp_path / "new.pdf"
    with pytest.raises(ExportCancelled):
        write_file(write_file_target, b"data", progress)
    assert names(tmp_path) == []
    kept = tmp_path / "kept.pdf"
    kept.write_bytes(b"old")
    with pytest.raises(ExportCancelled):
        write_file(kept, b"data", progress)
    assert kept.read_bytes() == b"old" and names(tmp_path) == ["kept.pdf"]


def test_progress_reports_until_cancelled() -> None:
    seen: list[tuple[int, int]] = []
    progress = Progress(lambda done, total: seen.append((done, total)))
    progress.step(1, 3)
    progress.cancel()
    with pytest.raises(ExportCancelled):
        progress.step(2, 3)
    assert seen == [(1, 3)] and progress.cancelled


def test_several_files_are_written_all_or_none(tmp_path: Path) -> None:
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    assert write_files([(first, b"A"), (second, b"B")]) == [first, second]
    assert first.read_bytes() == b"A" and second.read_bytes() == b"B"

    missing = tmp_path / "no such folder" / "c.ics"
    with pytest.raises(FileNotFoundError):
        write_files([(first, b"A2"), (missing, b"C")])
    assert first.read_bytes() == b"A"  # untouched: the set failed as a whole
    assert names(tmp_path) == ["a.ics", "b.ics"]

    seen: list[tuple[int, int]] = []

    def cancel_after_first(done: int, total: int) -> None:
        seen.append((done, total))
        if done == 1:
            progress.cancel()

    progress = Progress(cancel_after_first)
    with pytest.raises(ExportCancelled):
        write_files([(first, b"A3"), (second, b"B3")], progress)
    assert first.read_bytes() == b"A" and names(tmp_path) == ["a.ics", "b.ics"]
    assert seen == [(0, 2), (1, 2)]


def test_temporary_names_map_back_to_the_file_they_stand_for(tmp_path: Path) -> None:
    target = tmp_path / "2026-11-23 a.b 纪要.pdf"
    temporary = temporary_sibling(target)
    assert temporary.parent == tmp_path and temporary.name.startswith(".")
    assert final_path(temporary) == target
    assert final_path(tmp_path / ".bashrc") == tmp_path / ".bashrc"
    assert final_path(target) == target


@pytest.mark.parametrize(
    ("number", "problem"),
    [
        (errno.ENOSPC, WriteProblem.DISK_FULL),
        (errno.EDQUOT, WriteProblem.DISK_FULL),
        (errno.EACCES, WriteProblem.NOT_ALLOWED),
        (errno.EPERM, WriteProblem.NOT_ALLOWED),
        (errno.EROFS, WriteProblem.READ_ONLY),
        (errno.ENOENT, WriteProblem.NO_FOLDER),
        (errno.ENAMETOOLONG, WriteProblem.NAME_INVALID),
        (errno.EIO, WriteProblem.OTHER),
    ],
)
def test_write_problems_are_named(number: int, problem: WriteProblem) -> None:
    assert write_problem(OSError(number, os.strerror(number))) is problem


def unwritable_target(tmp_path: Path) -> Path:
    """A place this process may not write: /sys for root (who may write anywhere else)."""
    if os.geteuid() == 0:
        return Path("/sys/outreach-export-test.pdf")
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o500)
    return folder / "minutes.pdf"


def test_a_folder_without_permission_is_reported_as_such(tmp_path: Path) -> None:
    target = unwritable_target(tmp_path)
    with pytest.raises(PermissionError) as raised:
        write_file(target, b"data")
    assert write_problem(raised.value) is WriteProblem.NOT_ALLOWED
    assert not target.exists()


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 64 KiB tmpfs, where mounting is allowed (root); skipped elsewhere."""
    mount_point = tmp_path / "tiny"
    mount_point.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount_point)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {mounted.stderr.strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", str(mount_point)], check=True)


def test_a_full_disk_is_reported_and_leaves_nothing_behind(tiny_disk: Path) -> None:
    kept = tiny_disk / "minutes.pdf"
    kept.write_bytes(b"the previous export")
    with pytest.raises(OSError) as raised:
        write_file(kept, os.urandom(256 * 1024))
    assert write_problem(raised.value) is WriteProblem.DISK_FULL
    assert kept.read_bytes() == b"the previous export"
    assert names(tiny_disk) == ["minutes.pdf"]


def test_the_writers_and_their_models_load_no_qt() -> None:
    modules = [
        "outreach_app.exports.files",
        "outreach_app.exports.minutes_docx",
        "outreach_app.core.minutes_document",
        "outreach_app.core.ics",
    ]
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "print(','.join(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken')))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == ""
