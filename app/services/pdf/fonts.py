"""The Chinese (CJK) TrueType font for every printed document, registered with reportlab once."""

from __future__ import annotations

import logging
import os
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app.domain.errors import DomainError

log = logging.getLogger(__name__)

FONT_NAME = "GasHallCJK"

_LINUX_FONTS = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
    "/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    "/usr/share/fonts/truetype/arphic/ukai.ttc",
    "/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",  # CFF outlines: often refused
)
_MAC_FONTS = ("/System/Library/Fonts/STHeiti Light.ttc", "/Library/Fonts/Arial Unicode.ttf")
_WINDOWS_FONTS = ("msyh.ttc", "msyh.ttf", "simsun.ttc", "simhei.ttf")

_lock = threading.Lock()  # tickets and receipts are rendered on worker threads
_registered: dict[Path, str] = {}
_unusable: set[Path] = set()


@dataclass(frozen=True)
class CjkFont:
    """A CJK font registered with reportlab: the name to draw with and the file it came from."""

    name: str
    path: Path


def font_candidates() -> list[Path]:
    """TrueType fonts with Chinese glyphs, in order of preference, where they usually are."""
    windows = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
    ordered = [windows / name for name in _WINDOWS_FONTS]
    posix = [Path(p) for p in (*_LINUX_FONTS, *_MAC_FONTS)]
    return ordered + posix if sys.platform == "win32" else posix + ordered


def cjk_font(font_path: str | None = None) -> CjkFont:
    """Register (once) and return the configured font, else the first usable one found.

    Args:
        font_path: A TrueType/TTC file chosen in the settings; ``None`` or "" searches the system.

    Raises:
        DomainError: ``pdf.no_cjk_font`` when no usable Chinese font exists.
    """
    candidates = [Path(font_path)] if font_path else font_candidates()
    with _lock:
        for path in candidates:
            name = _registered.get(path) or _register(path)
            if name:
                return CjkFont(name, path)
    raise DomainError.of("pdf.no_cjk_font", path=font_path or "")


def _register(path: Path) -> str:
    """Register one font file under a new name; "" when it is missing or unreadable."""
    if path in _unusable or not path.is_file():
        return ""
    name = FONT_NAME if not _registered else f"{FONT_NAME}{len(_registered) + 1}"
    try:
        pdfmetrics.registerFont(TTFont(name, str(path), subfontIndex=0))
    except Exception:  # noqa: BLE001 - reportlab raises many kinds; a bad font means "try the next"
        log.info("font %s is not usable by reportlab", path, exc_info=True)
        _unusable.add(path)
        return ""
    _registered[path] = name
    log.info("Chinese font for printing: %s", path)
    return name
