"""The outside tools that read back what the app writes: LibreOffice, pdftotext, pdffonts."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest


def tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed; run bash .ci/setup")
    return found


def pdf_text(path: Path) -> str:
    return subprocess.run(
        [tool("pdftotext"), "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout


def squash(text: str) -> str:
    """Without any white space: table cells wrap and LibreOffice spaces out Latin in Chinese."""
    return "".join(text.split())


def pdf_pages(path: Path) -> int:
    info = subprocess.run(
        [tool("pdfinfo"), str(path)], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def pdf_fonts(path: Path) -> str:
    return subprocess.run(
        [tool("pdffonts"), str(path)], capture_output=True, text=True, check=True, timeout=60
    ).stdout


CJK_FONT_NAMES = ("WenQuanYi", "CJK", "DroidSansFallback", "Hei", "Song", "Ming")


def has_cjk_font(path: Path) -> bool:
    return any(name in pdf_fonts(path) for name in CJK_FONT_NAMES)


def pages_as_png(pdf: Path, prefix: Path, resolution: int = 70) -> list[Path]:
    """pdftoppm's rendering of every page, for people to look at (see the test's docstring)."""
    subprocess.run(
        [tool("pdftoppm"), "-r", str(resolution), "-png", str(pdf), str(prefix)],
        check=True,
        timeout=120,
    )
    return sorted(prefix.parent.glob(f"{prefix.name}-*.png"))


def libreoffice_to_pdf(document: Path, out_dir: Path, profile: Path) -> Path:
    """Convert with LibreOffice headless, in a profile of its own (never the user's)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [
            tool("soffice"),
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            str(document),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    converted = out_dir / (document.stem + ".pdf")
    assert converted.is_file(), f"LibreOffice did not convert: {result.stdout}{result.stderr}"
    return converted
