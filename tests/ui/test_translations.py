"""Every visible string is translated into Chinese, and the app speaks it under a Chinese locale."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from pytestqt.qtbot import QtBot

from outreach_app.app import build_main_window
from outreach_app.ui.context import UiContext
from outreach_app.ui.i18n import TRANSLATIONS_DIR
from tests.ui.conftest import until_loaded

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = TRANSLATIONS_DIR / "outreach_zh_CN.ts"
PLURALS_FILE = TRANSLATIONS_DIR / "outreach_en.ts"


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is missing; it comes with PySide6")
    return found


@pytest.mark.parametrize(
    ("ts_file", "options"), [(TS_FILE, []), (PLURALS_FILE, ["-pluralonly"])], ids=["zh_CN", "en"]
)
def test_every_string_in_the_source_is_translated(
    tmp_path: Path, ts_file: Path, options: list[str]
) -> None:
    # lupdate re-reads the code into a copy: any new tr() string shows up as unfinished.
    copy = tmp_path / ts_file.name
    shutil.copy(ts_file, copy)
    sources = sorted(str(p) for p in (ROOT / "outreach_app").rglob("*.py"))
    subprocess.run(
        [_tool("pyside6-lupdate"), *options, *sources, "-ts", str(copy), "-no-obsolete"],
        check=True,
        capture_output=True,
    )
    untranslated = [
        message.findtext("source")
        for message in ET.parse(copy).getroot().iter("message")
        if (translation := message.find("translation")) is not None
        and translation.get("type") == "unfinished"
    ]
    assert untranslated == [], f"translate these in {ts_file}"


@pytest.mark.parametrize("ts_file", [TS_FILE, PLURALS_FILE], ids=["zh_CN", "en"])
def test_the_compiled_translation_matches_its_source(tmp_path: Path, ts_file: Path) -> None:
    compiled = tmp_path / ts_file.with_suffix(".qm").name
    subprocess.run(
        [_tool("pyside6-lrelease"), str(ts_file), "-qm", str(compiled)],
        check=True,
        capture_output=True,
    )
    assert compiled.read_bytes() == ts_file.with_suffix(".qm").read_bytes(), (
        f"run pyside6-lrelease {ts_file}"
    )


def test_english_plurals_read_naturally(use_language: Callable[[str], QLocale]) -> None:
    use_language("en")
    one = QCoreApplication.translate("SiteImportDialog", "%n site(s) imported.", "", 1)
    many = QCoreApplication.translate("SiteImportDialog", "%n site(s) imported.", "", 3)
    assert (one, many) == ("1 site imported.", "3 sites imported.")


async def test_the_window_speaks_chinese_under_a_chinese_locale(
    context: UiContext, qtbot: QtBot, use_language: Callable[[str], QLocale]
) -> None:
    locale = use_language("zh_CN")
    assert locale.language() is QLocale.Language.Chinese
    window = build_main_window(context)
    qtbot.addWidget(window)
    titles = [window.navigation.item(row).text() for row in range(window.navigation.count())]
    assert titles == ["连线", "站点", "记录", "审阅", "督办事项", "统计"]
    assert window.menuBar().actions()[0].text() == "文件(&F)"
    assert QCoreApplication.translate("labels", "Policy briefing") == "政策宣讲"
    assert QCoreApplication.translate("messages", "the file is empty") == "文件是空的"
    await until_loaded(window.pages["review"].widget)


def test_the_browser_pages_name_the_official_as_the_app_does(
    use_language: Callable[[str], QLocale],
) -> None:
    use_language("zh_CN")
    official = QCoreApplication.translate("MinutesHtml", "Official")
    static = ROOT / "outreach_app" / "server" / "static"
    texts = {
        page.name: page.read_text(encoding="utf-8")
        for page in static.iterdir()
        if page.suffix in (".js", ".html")
    }
    assert f'official: "{official}",' in texts["strings.js"]
    assert [name for name, text in texts.items() if "官员" in text] == []
