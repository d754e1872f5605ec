"""Reading a file to import (sites, demands), off the GUI thread."""

from __future__ import annotations

from pathlib import Path


class ImportFileError(Exception):
    """The file to import cannot be read. `template` is translated by the view."""

    def __init__(self, template: str, **params: object) -> None:
        super().__init__(template.format(**params))
        self.template = template
        self.params = params


def read_import_bytes(path: Path, limit: int) -> bytes:
    """Runs off the GUI thread: at most `limit` + 1 bytes of a file to import (one byte more than
    allowed tells a file at the limit from a larger one)."""
    try:
        file = path.open("rb")
    except OSError as exc:
        raise ImportFileError(
            "cannot open {file}: {error}", file=path.name, error=exc.strerror or exc
        ) from exc
    try:
        with file:
            return file.read(limit + 1)
    except OSError as exc:
        raise ImportFileError(
            "cannot read {file}: {error}", file=path.name, error=exc.strerror or exc
        ) from exc
