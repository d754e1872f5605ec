"""Writing an export to disk: whole or not at all, with progress and a way to stop.

An export is built in memory, then written to a temporary file beside the target and renamed
over it: a cancelled or failed export (disk full, no permission) never leaves half a file, and
never damages a file of the same name that was there before. No Qt: the GUI reports progress
from `Progress` callbacks, which run on the worker thread.
"""

from __future__ import annotations

import enum
import errno
import os
import secrets
import threading
from collections.abc import Callable
from pathlib import Path


class ExportCancelled(Exception):
    """The user stopped the export; nothing was written."""


class Progress:
    """Shared by the thread that exports (`step`) and the one that may cancel (`cancel`)."""

    def __init__(self, report: Callable[[int, int], None] | None = None) -> None:
        self._report = report
        self._cancelled = threading.Event()

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def check(self) -> None:
        if self._cancelled.is_set():
            raise ExportCancelled

    def step(self, done: int, total: int) -> None:
        """`done` of `total` parts are finished; raises ExportCancelled once cancelled."""
        self.check()
        if self._report is not None:
            self._report(done, total)


def temporary_sibling(path: Path) -> Path:
    """A hidden name in the same folder, so that the final rename cannot cross file systems."""
    return path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")


def final_path(path: Path) -> Path:
    """The file a temporary sibling stands for; any other path as it is."""
    name = path.name
    if name.startswith(".") and name.endswith(".part") and name.count(".") >= 3:
        return path.with_name(name[1:].rsplit(".", 2)[0])
    return path


def write_file(path: Path, data: bytes, progress: Progress | None = None) -> None:
    """Write `data` to `path` atomically: after a cancel or an error `path` is as it was."""
    temporary = temporary_sibling(path)
    try:
        with open(temporary, "xb") as stream:
            stream.write(data)
            stream.flush()
            # A full disk may only say so when the data really reaches it.
            os.fsync(stream.fileno())
        if progress is not None:
            progress.check()
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_files(files: list[tuple[Path, bytes]], progress: Progress | None = None) -> list[Path]:
    """Write several files (invitations for every site): all of them, or none on cancel or error.

    Every file is first written beside its target; only when all are complete are they renamed
    into place, so a full disk half way leaves no partial set behind.
    """
    written: list[tuple[Path, Path]] = []
    try:
        for index, (path, data) in enumerate(files):
            if progress is not None:
                progress.step(index, len(files))
            temporary = temporary_sibling(path)
            written.append((temporary, path))
            with open(temporary, "xb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
        if progress is not None:
            progress.step(len(files), len(files))
        for temporary, path in written:
            os.replace(temporary, path)
    except BaseException:
        for temporary, _path in written:
            temporary.unlink(missing_ok=True)
        raise
    return [path for _temporary, path in written]


class WriteProblem(enum.StrEnum):
    """Why a file could not be written, in a form the UI turns into a sentence."""

    DISK_FULL = "disk_full"
    NOT_ALLOWED = "not_allowed"
    READ_ONLY = "read_only"
    NO_FOLDER = "no_folder"
    NAME_INVALID = "name_invalid"
    IN_USE = "in_use"
    OTHER = "other"


_PROBLEMS: dict[int, WriteProblem] = {
    errno.ENOSPC: WriteProblem.DISK_FULL,
    errno.EDQUOT: WriteProblem.DISK_FULL,
    errno.EFBIG: WriteProblem.DISK_FULL,
    errno.EACCES: WriteProblem.NOT_ALLOWED,
    errno.EPERM: WriteProblem.NOT_ALLOWED,
    errno.EROFS: WriteProblem.READ_ONLY,
    errno.ENOENT: WriteProblem.NO_FOLDER,
    errno.ENOTDIR: WriteProblem.NO_FOLDER,
    errno.EISDIR: WriteProblem.NAME_INVALID,
    errno.ENAMETOOLONG: WriteProblem.NAME_INVALID,
    errno.EINVAL: WriteProblem.NAME_INVALID,
    errno.EBUSY: WriteProblem.IN_USE,
    errno.ETXTBSY: WriteProblem.IN_USE,
}


def write_problem(error: OSError) -> WriteProblem:
    # Windows reports a file open in another program (Word has the .docx open) as winerror 32.
    if getattr(error, "winerror", None) in (32, 33):
        return WriteProblem.IN_USE
    return _PROBLEMS.get(error.errno or 0, WriteProblem.OTHER)
