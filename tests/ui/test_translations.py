"""Every visible string is translated into Chinese, and the app speaks it under a Chinese locale."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from outreach_app.app import build_main_window
from outreach_app.ui.context import UiContext
from outreach_app.ui.i18n import TRANSLATIONS_DIR, install_translations
from tests.ui.conftest import until

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = TRANSLATIONS_DIR / "outreach_zh_CN.ts"


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is missing; it comes with PySide6")
    return found


def test_every_string_in_the_source_has_a_chinese_translation(tmp_path: Path) -> None:
    # lupdate re-reads the code into a copy: any new tr() string shows up as unfinished.
    copy = tmp_path / TS_FILE.name
    shutil.copy(TS_FILE, copy)
    sources = sorted(str(p) for p in (ROOT / "outreach_app").rglob("*.py"))
    subprocess.run(
        [_tool("pyside6-lupdate"), *sources, "-ts", str(copy), "-no-obsolete"],
        check=True,
        capture_output=True,
    )
    untranslated = [
        message.findtext("source")
        for message in ET.parse(copy).getroot().iter("message")
        if message.find("translation") is not None
        and message.find("translation").get("type") == "unfinished"  # type: ignore[union-attr]
    ]
    assert untranslated == [], "translate these in resources/translations/outreach_zh_CN.ts"


def test_the_compiled_translation_matches_its_source(tmp_path: Path) -> None:
    compiled = tmp_path / "outreach_zh_CN.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), str(TS_FILE), "-qm", str(compiled)],
        check=True,
        capture_output=True,
    )
    assert compiled.read_bytes() == (TRANSLATIONS_DIR / "outreach_zh_CN.qm").read_bytes(), (
        "run pyside6-lrelease resources/translations/outreach_zh_CN.ts"
    )


async def test_the_window_speaks_chinese_under_a_chinese_locale(
    context: UiContext, qtbot: QtBot, qapp: QApplication
) -> None:
    locale = install_translations(qapp, "zh_CN")
    try:
        assert locale.language() is QLocale.Language.Chinese
        window = build_main_window(context)
        qtbot.addWidget(window)
        titles = [window.navigation.item(row).text() for row in range(window.navigation.count())]
        assert titles == ["连线", "站点", "记录", "审阅"]
        assert window.menuBar().actions()[0].text() == "文件(&F)"
        assert QCoreApplication.translate("labels", "Policy briefing") == "政策宣讲"
        assert QCoreApplication.translate("messages", "the file is empty") == "文件是空的"
        await until(lambda: not window.pages["review"].widget.presenter.is_busy)  # type: ignore[attr-defined]
    finally:
        # Later tests expect English: take the Chinese translators out again.
        for translator in qapp.findChildren(QTranslator):
            qapp.removeTranslator(translator)
            translator.deleteLater()
        QLocale.setDefault(QLocale(QLocale.Language.English))
