"""Make Chinese text render everywhere, whatever fonts the machine has."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from outreach_app.config import resources_dir

_log = logging.getLogger(__name__)

# Fonts known to cover Simplified Chinese, in order of preference: one shipped in resources/fonts,
# then the common Linux packages (fonts-wqy-microhei, fonts-noto-cjk).
SYSTEM_CJK_FONTS = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
)
# Families that the operating system already resolves for Chinese on Windows and macOS.
PLATFORM_CJK_FAMILIES = (
    "Microsoft YaHei",
    "PingFang SC",
    "Noto Sans CJK SC",
    "WenQuanYi Micro Hei",
)


def _candidate_files() -> list[Path]:
    shipped = sorted((resources_dir() / "fonts").glob("*.[to]t[fc]"))
    return [*shipped, *(Path(p) for p in SYSTEM_CJK_FONTS)]


def _cjk_family() -> str | None:
    """Register the first CJK font file found (shipped, then the system's) and return its family;
    else a platform family with Chinese glyphs, if there is one."""
    for path in _candidate_files():
        if not path.is_file():
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if families:
            return families[0]
    available = set(QFontDatabase.families())
    return next((f for f in PLATFORM_CJK_FAMILIES if f in available), None)


def install_cjk_font(app: QApplication) -> str | None:
    """Register a CJK font and put it behind the default family as a fallback; return its family."""
    family = _cjk_family()
    if family is None:
        _log.warning("no font with Chinese glyphs found; Chinese text may show as boxes")
        return None
    font = QFont(app.font())
    font.setFamilies([app.font().family(), family])
    app.setFont(font)
    return family


_document_family: list[str | None] = []


def document_cjk_family() -> str | None:
    """A family with Chinese glyphs for documents the app writes (PDF), registered once.

    Call it on the GUI thread; the family name can then be used on any thread.
    """
    if not _document_family:
        _document_family.append(_cjk_family())
    return _document_family[0]
