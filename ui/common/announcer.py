"""Voice calls (语音叫号) through QtTextToSpeech, or only shown and logged where no engine works."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol, TypeVar

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Signal

if TYPE_CHECKING:  # QtTextToSpeech is loaded only when a voice is wanted (it needs libpulse)
    from PySide6.QtTextToSpeech import QTextToSpeech

log = logging.getLogger(__name__)

MAX_REPEATS = 5
MAX_PENDING = 12  # utterances queued; more means the engine is stuck, so start afresh
# Words in voice names of engines that list voices without a locale (espeak, some SAPI voices)
VOICE_NAME_HINTS: dict[QLocale.Language, tuple[str, ...]] = {
    QLocale.Language.Chinese: ("zh", "chinese", "mandarin", "cmn", "huihui", "yaoyao",
                               "kangkang", "xiaoxiao", "yunxi", "中文", "普通话"),
    QLocale.Language.English: ("english", "en-", "en_"),
}


def call_text(number: str, counter: int) -> str:
    """The spoken and shown call: "Number A001, please go to counter 3" (请A001号到3号窗口办理)."""
    text = QCoreApplication.translate(
        "Announcer", "Number {number}, please go to counter {counter}")
    return text.format(number=number, counter=counter)


class Announcer(QObject):
    """Says a text in the hall; the base class only logs it and tells listeners.

    ``announce`` returns at once: nothing ever waits for the speech to finish.
    """

    announced = Signal(str)  # the text, once per announce() whatever the repeats

    def announce(self, text: str, repeats: int = 1) -> None:
        """Announce ``text``; a voice says it ``repeats`` times (1 to ``MAX_REPEATS``)."""
        repeats = max(1, min(repeats, MAX_REPEATS))
        log.info("announce (x%d): %s", repeats, text)
        self.announced.emit(text)
        self._speak(text, repeats)

    def _speak(self, text: str, repeats: int) -> None:
        """Subclasses with a voice say the text here; never block."""


class TextAnnouncer(Announcer):
    """No voice engine: the text is logged and emitted for the windows to show."""


class RecordingAnnouncer(Announcer):
    """For tests: keeps every announced text and its repeats."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.texts: list[str] = []
        self.repeats: list[int] = []

    def _speak(self, text: str, repeats: int) -> None:
        self.texts.append(text)
        self.repeats.append(repeats)


class SpeechAnnouncer(Announcer):
    """Speaks through a QTextToSpeech engine in the chosen language's voice.

    When the engine reports an error the announcer goes on without a voice (still logging and
    emitting); when it never finishes speaking, the queue is dropped rather than left to grow.
    """

    def __init__(self, speech: QTextToSpeech, language: str,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        speech.setParent(self)
        self.speech = speech
        self.voice_name = _use_voice(speech, language)
        self.failed = False
        self._pending = 0
        speech.errorOccurred.connect(self._on_error)
        speech.stateChanged.connect(self._on_state)

    @property
    def pending(self) -> int:
        """Utterances handed to the engine and not yet finished."""
        return self._pending

    def _speak(self, text: str, repeats: int) -> None:
        if self.failed:
            return
        if self._pending >= MAX_PENDING:
            log.warning("speech engine %s is not finishing; dropping %d queued texts",
                        self.speech.engine(), self._pending)
            self.speech.stop()
            self._pending = 0
        for _ in range(repeats):
            self.speech.enqueue(text)
            self._pending += 1

    def _on_state(self, state: object) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        if state == QTextToSpeech.State.Ready:
            self._pending = 0

    def _on_error(self, reason: object, message: str) -> None:
        log.warning("speech engine %s failed (%s): %s; calls are shown only",
                    self.speech.engine(), reason, message)
        self.failed = True


class _Voice(Protocol):
    def name(self) -> str: ...  # noqa: D102 - the QVoice methods used here

    def locale(self) -> QLocale: ...  # noqa: D102


VoiceT = TypeVar("VoiceT", bound=_Voice)


def choose_voice(voices: Sequence[VoiceT], language: str) -> VoiceT | None:
    """The best voice for ``language`` ("zh_CN", "en"): same locale, same language, or by name.

    Engines that list voices without a locale are matched by words in the voice's name
    (``VOICE_NAME_HINTS``, e.g. "zh", "Chinese", "Mandarin", "cmn").
    """
    wanted = QLocale(language)
    for matches in (
        lambda v: v.locale().name() == wanted.name(),
        lambda v: v.locale().language() == wanted.language(),
        lambda v: any(h in v.name().lower() for h in VOICE_NAME_HINTS.get(wanted.language(), ())),
    ):
        found = [v for v in voices if matches(v)]
        if found:
            return found[0]
    return None


def _use_voice(speech: QTextToSpeech, language: str) -> str:
    every = speech.allVoices(None)  # type: ignore[arg-type]  # None: every locale (the stub lacks it)
    voice = choose_voice(every, language)
    if voice is None:
        log.warning("speech engine %s has no voice for %s; using its default voice",
                    speech.engine(), language)
        return speech.voice().name()
    speech.setVoice(voice)
    return voice.name()


def make_announcer(
    language: str, engine: str | None = None, parent: QObject | None = None
) -> Announcer:
    """A speaking announcer for ``language``, or a TextAnnouncer where no engine works.

    Args:
        language: "zh_CN" or "en": the voice to look for.
        engine: A QtTextToSpeech engine name ("mock" in tests); ``None`` tries each installed one.
        parent: The announcer's owner.

    Never raises: any failure to load or start an engine gives a TextAnnouncer.
    """
    try:
        speech = _working_engine(engine)
        if speech is not None:
            return SpeechAnnouncer(speech, language, parent)
    except Exception:  # noqa: BLE001 - a broken engine must never stop the hall's windows
        log.warning("text-to-speech could not be started", exc_info=True)
    log.info("no text-to-speech engine works; calls are shown and logged only")
    return TextAnnouncer(parent)


def _working_engine(engine: str | None) -> QTextToSpeech | None:
    from PySide6.QtTextToSpeech import QTextToSpeech

    names = [engine] if engine else [e for e in QTextToSpeech.availableEngines() if e != "mock"]
    for name in names:
        speech = QTextToSpeech(name)
        if speech.state() != QTextToSpeech.State.Error:
            log.info("text-to-speech engine: %s", speech.engine())
            return speech
        log.info("text-to-speech engine %s: %s", name, speech.errorString())
        speech.deleteLater()
    return None
