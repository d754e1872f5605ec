"""Load the translations for the system's language, or the one the user chose."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from outreach_app.config import resources_dir

TRANSLATIONS_DIR = resources_dir() / "translations"
SUPPORTED_LANGUAGES = ("en", "zh_CN")


def install_translations(app: QApplication, language: str | None = None) -> QLocale:
    """Install the app's and Qt's own translations (dialog buttons) for `language` or the system.

    Returns the locale in use; dates and numbers follow it too.
    """
    locale = QLocale(language) if language else QLocale.system()
    QLocale.setDefault(locale)
    if locale.language() in (QLocale.Language.English, QLocale.Language.C):
        # English needs only its plural forms ("1 note", "2 notes").
        plurals = QTranslator(app)
        if plurals.load(str(TRANSLATIONS_DIR / "outreach_en.qm")):
            app.installTranslator(plurals)
        return locale
    ours = QTranslator(app)
    if ours.load(locale, "outreach", "_", str(TRANSLATIONS_DIR)):
        app.installTranslator(ours)
    qt_own = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_own.load(locale, "qtbase", "_", qt_dir):
        app.installTranslator(qt_own)
    return locale
