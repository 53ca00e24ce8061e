"""Install GasHall's and Qt's own translations for the chosen language."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.config import resource_path

log = logging.getLogger(__name__)

LANGUAGES = ("zh_CN", "en")  # the translations GasHall ships; "en" is the source language


def pick_language(setting: str, system: QLocale | None = None) -> str:
    """The language to show: the setting if it names one we ship, else the system's.

    Any Chinese system locale gets Simplified Chinese, everything else English.
    """
    if setting in LANGUAGES:
        return setting
    system = system or QLocale.system()
    return "zh_CN" if system.language() == QLocale.Language.Chinese else "en"


def install_translators(app: QCoreApplication, setting: str) -> list[QTranslator]:
    """Load and install the translators for the language; missing files are logged, not fatal.

    Returns the installed translators (the application owns them as children).
    """
    language = pick_language(setting)
    QLocale.setDefault(QLocale(language))
    if language == "en":
        return []
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    files = (
        (f"gashall_{language}.qm", str(resource_path("translations"))),
        (f"qtbase_{language}.qm", qt_folder),
    )
    installed = []
    for name, folder in files:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
        else:
            log.info("translation %s not found in %s", name, folder)
    return installed
