"""唱收唱付: the words said and shown for a payment's three figures, and the tender names."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout

from app.domain.cashier import Tender
from app.domain.money import format_yuan

_CONTEXT = "CallOut"
_CALL_OUT = QT_TRANSLATE_NOOP(
    "CallOut",
    "Amount due {due} yuan, received {tendered} yuan, change {change} yuan, please count it")
_TENDER_NAMES: dict[str, str] = {
    Tender.CASH: QT_TRANSLATE_NOOP("CallOut", "Cash"),
    Tender.POS: QT_TRANSLATE_NOOP("CallOut", "Bank card (POS)"),
    Tender.WECHAT: QT_TRANSLATE_NOOP("CallOut", "WeChat Pay"),
    Tender.ALIPAY: QT_TRANSLATE_NOOP("CallOut", "Alipay"),
    Tender.TRANSFER: QT_TRANSLATE_NOOP("CallOut", "Bank transfer"),
    Tender.CHEQUE: QT_TRANSLATE_NOOP("CallOut", "Cheque"),
}


_CAPTIONS = (QT_TRANSLATE_NOOP("CallOut", "Amount due"), QT_TRANSLATE_NOOP("CallOut", "Tendered"),
             QT_TRANSLATE_NOOP("CallOut", "Change"))


class Figures(NamedTuple):
    """The three figures of 唱收唱付, in fen."""

    due_fen: int
    tendered_fen: int
    change_fen: int


def plain_yuan(fen: int) -> str:
    """An amount to say or to type: ``1234.50`` (no thousands commas)."""
    return format_yuan(fen).replace(",", "")


def call_out_text(figures: Figures) -> str:
    """What the counter says (您本次应缴燃气费 X 元，收您 Y 元，找您 Z 元，请当面点清)."""
    text = QCoreApplication.translate(_CONTEXT, _CALL_OUT)
    return text.format(due=plain_yuan(figures.due_fen),
                       tendered=plain_yuan(figures.tendered_fen),
                       change=plain_yuan(figures.change_fen))


def tender_name(code: str) -> str:
    """The shown name of a tender code (现金, 银行卡(POS), 微信 …); unknown codes as they are."""
    source = _TENDER_NAMES.get(code)
    return QCoreApplication.translate(_CONTEXT, source) if source else code


def figure_boxes() -> tuple[QGridLayout, list[QLabel]]:
    """The three large figures side by side (due, tendered, change) and their value labels."""
    grid = QGridLayout()
    grid.setHorizontalSpacing(12)
    labels: list[QLabel] = []
    for column, caption in enumerate(_CAPTIONS):
        box = QFrame()
        box.setObjectName("figureBox")
        inner = QVBoxLayout(box)
        title = QLabel(QCoreApplication.translate(_CONTEXT, caption))
        title.setObjectName("figureCaption")
        figure = QLabel()
        figure.setObjectName("figure")
        figure.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if column == 2:
            figure.setProperty("role", "change")
        inner.addWidget(title)
        inner.addWidget(figure)
        grid.addWidget(box, 0, column)
        labels.append(figure)
    return grid, labels
