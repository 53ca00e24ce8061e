"""The Simplified Chinese translation is complete, current and compiled."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

from tools.update_translations import TS, lrelease, lupdate


def messages(ts: Path) -> dict[tuple[str, str], str | None]:
    root = ET.parse(ts).getroot()
    found = {}
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            done = translation is not None and translation.get("type") is None
            forms = [] if translation is None else translation.findall("numerusform")
            text = translation.text if done and translation is not None else None
            if done and forms:  # a plural entry: its forms each stand alone (Chinese has one)
                text = forms[0].text
            found[(name, message.findtext("source", ""))] = text
    return found


def test_every_string_of_the_code_is_in_the_ts_file(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    shutil.copy(TS, fresh)
    lupdate(fresh)
    assert set(messages(fresh)) == set(messages(TS)), "run python tools/update_translations.py"


def test_every_string_is_translated() -> None:
    untranslated = [key for key, text in messages(TS).items() if not text]
    assert untranslated == []


def test_placeholders_survive_translation() -> None:
    import re

    for (context, source), text in messages(TS).items():
        names = sorted(re.findall(r"\{\w*\}|%\d|%n", source))
        assert sorted(re.findall(r"\{\w*\}|%\d|%n", text or "")) == names, (context, source)


def test_compiled_file_is_current(tmp_path: Path) -> None:
    compiled = tmp_path / "check.qm"
    lrelease(TS, compiled)
    assert compiled.read_bytes() == TS.with_suffix(".qm").read_bytes()
