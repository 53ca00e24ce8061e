"""The voice call: its text in both languages, voice choice, and that nothing ever breaks."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.config import resource_path
from ui.common.announcer import (
    MAX_PENDING,
    MAX_REPEATS,
    Announcer,
    RecordingAnnouncer,
    SpeechAnnouncer,
    TextAnnouncer,
    call_text,
    choose_voice,
    make_announcer,
)

# Loading QtTextToSpeech's plug-ins warns about engines that cannot start here (speechd without
# a speech server, PipeWire missing); those are exactly the machines make_announcer must survive.
ENGINE_NOISE = r"(?i)(text-to-speech|pipewire|speech-dispatcher|speechd|QTextToSpeech)"
pytestmark = pytest.mark.qt_log_ignore(ENGINE_NOISE)


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[QTranslator]:
    translator = QTranslator()
    assert translator.load(str(resource_path("translations", "gashall_zh_CN.qm")))
    QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


def mock_engine_available() -> bool:
    from PySide6.QtTextToSpeech import QTextToSpeech

    return "mock" in QTextToSpeech.availableEngines()


def test_call_text_in_english(qapp: QApplication) -> None:
    assert call_text("A001", 3) == "Number A001, please go to counter 3"


def test_call_text_in_chinese(chinese: QTranslator) -> None:
    text = call_text("A001", 3)
    if text == "Number A001, please go to counter 3":
        pytest.skip("the zh_CN translation does not have the call text yet")
    assert text == "请A001号到3号窗口办理"


def test_recording_announcer_keeps_texts_and_tells_listeners(qtbot: QtBot) -> None:
    announcer = RecordingAnnouncer()
    with qtbot.waitSignal(announcer.announced) as signal:
        announcer.announce("Number A001, please go to counter 3", 2)
    assert signal.args == ["Number A001, please go to counter 3"]
    announcer.announce("again", 0)
    announcer.announce("loud", 99)
    assert announcer.texts == ["Number A001, please go to counter 3", "again", "loud"]
    assert announcer.repeats == [2, 1, MAX_REPEATS]


def test_text_announcer_logs_and_emits(qtbot: QtBot, caplog: pytest.LogCaptureFixture) -> None:
    announcer = TextAnnouncer()
    caplog.set_level(logging.INFO, logger="ui.common.announcer")
    with qtbot.waitSignal(announcer.announced):
        announcer.announce("请A001号到3号窗口办理")
    assert "请A001号到3号窗口办理" in caplog.text


def test_make_announcer_never_raises(qtbot: QtBot) -> None:
    for language in ("zh_CN", "en"):
        announcer = make_announcer(language)
        assert isinstance(announcer, Announcer)
        with qtbot.waitSignal(announcer.announced):
            announcer.announce(call_text("B002", 2), 2)  # returns at once, speech or not
        announcer.deleteLater()


def test_an_unknown_engine_gives_a_text_announcer(qapp: QApplication) -> None:
    assert isinstance(make_announcer("zh_CN", engine="no-such-engine"), TextAnnouncer)


def test_a_broken_engine_module_gives_a_text_announcer(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(_engine: str | None) -> None:
        raise ImportError("libpulse.so.0: cannot open shared object file")

    monkeypatch.setattr("ui.common.announcer._working_engine", broken)
    assert isinstance(make_announcer("zh_CN"), TextAnnouncer)


@dataclass
class FakeVoice:
    voice_name: str
    locale_name: str

    def name(self) -> str:
        return self.voice_name

    def locale(self) -> QLocale:
        return QLocale(self.locale_name)


def test_a_chinese_voice_is_chosen_by_locale_then_by_name() -> None:
    english, taiwan = FakeVoice("Anne", "en_GB"), FakeVoice("Hanhan", "zh_TW")
    mainland = FakeVoice("Huihui", "zh_CN")
    assert choose_voice([english, taiwan, mainland], "zh_CN") is mainland
    assert choose_voice([english, taiwan], "zh_CN") is taiwan
    # espeak-style engines: no locale on the voices, the language is in the name
    nameless = [FakeVoice("default", "C"), FakeVoice("Mandarin (cmn)", "C")]
    assert choose_voice(nameless, "zh_CN") is nameless[1]
    assert choose_voice([FakeVoice("zh-yue", "C")], "zh_CN") is not None
    assert choose_voice([english], "zh_CN") is None
    assert choose_voice([taiwan, english], "en") is english


@pytest.mark.skipif(not mock_engine_available(), reason="Qt's mock speech engine is missing")
def test_the_mock_engine_speaks_with_a_voice_of_the_language(qtbot: QtBot) -> None:
    from PySide6.QtTextToSpeech import QTextToSpeech

    announcer = make_announcer("en", engine="mock")
    assert isinstance(announcer, SpeechAnnouncer)
    assert announcer.speech.voice().locale().language() == QLocale.Language.English
    announcer.announce("Number A001, please go to counter 3", 2)
    assert announcer.speech.state() == QTextToSpeech.State.Speaking  # queued, not waited for
    qtbot.waitUntil(lambda: announcer.speech.state() == QTextToSpeech.State.Ready, timeout=10000)
    assert announcer.pending == 0


@pytest.mark.skipif(not mock_engine_available(), reason="Qt's mock speech engine is missing")
def test_an_engine_error_leaves_the_text_and_silences_the_voice(qtbot: QtBot) -> None:
    from PySide6.QtTextToSpeech import QTextToSpeech

    announcer = make_announcer("zh_CN", engine="mock")
    assert isinstance(announcer, SpeechAnnouncer)
    announcer.speech.errorOccurred.emit(QTextToSpeech.ErrorReason.Playback, "no audio device")
    assert announcer.failed
    with qtbot.waitSignal(announcer.announced):
        announcer.announce("请A001号到3号窗口办理")
    assert announcer.pending == 0


@pytest.mark.skipif(not mock_engine_available(), reason="Qt's mock speech engine is missing")
def test_an_engine_that_never_finishes_is_not_queued_forever(qapp: QApplication) -> None:
    announcer = make_announcer("en", engine="mock")
    assert isinstance(announcer, SpeechAnnouncer)
    for number in range(MAX_PENDING * 2):  # no event processing: the engine never gets to finish
        announcer.announce(f"Number A{number:03}, please go to counter 1", 1)
    assert announcer.pending <= MAX_PENDING
    announcer.speech.stop()
