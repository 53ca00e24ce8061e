"""The printed queue ticket: what it says, how wide it is, and its embedded Chinese font."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm

from app.domain.errors import DomainError
from app.services.dto import TicketSlip
from app.services.pdf.fonts import cjk_font
from app.services.pdf.ticket_pdf import TicketLabels, render_ticket, wrap

SHOTS = Path(__file__).resolve().parents[2] / "shots"
SLIP = TicketSlip(
    ticket_id=7, number="A012", category="缴费", issued_at=datetime(2026, 11, 23, 8, 30, 12),
    ahead=3, wait_minutes=9, priority=False, account_no="", hall_name="东城燃气营业厅",
    hotline="0769-96888",
)


def pdf_text(path: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(path).pages)


def page_width_mm(path: Path) -> float:
    return float(PdfReader(path).pages[0].mediabox.width) / mm


@pytest.mark.parametrize("width", [58, 80])
def test_ticket_says_number_hall_category_ahead_and_hotline(tmp_path: Path, width: int) -> None:
    path = render_ticket(SLIP, tmp_path / "ticket.pdf", width)
    text = pdf_text(path)
    for expected in ("A012", "东城燃气营业厅", "缴费", "前方等待 3 人", "预计等待约 9 分钟",
                     "服务热线：0769-96888", "取号时间：2026-11-23 08:30:12"):
        assert expected in text
    assert "绿色通道" not in text and "户号" not in text
    assert page_width_mm(path) == pytest.approx(width, abs=0.1)
    assert len(PdfReader(path).pages) == 1


def test_green_channel_and_account_are_printed(tmp_path: Path) -> None:
    slip = replace(SLIP, priority=True, account_no="1000234567", ahead=0)
    text = pdf_text(render_ticket(slip, tmp_path / "ticket.pdf"))
    assert "绿色通道" in text
    assert "户号：1000234567" in text
    assert "前方等待 0 人" in text
    assert "预计等待" not in text  # nobody ahead: no estimate


def test_labels_come_from_the_caller(tmp_path: Path) -> None:
    labels = TicketLabels(ahead="Ahead of you: {ahead}", wait="About {minutes} minutes",
                          hotline="Hotline: {hotline}")
    text = pdf_text(render_ticket(SLIP, tmp_path / "ticket.pdf", 58, labels=labels))
    assert "Ahead of you: 3" in text and "About 9 minutes" in text
    assert "Hotline: 0769-96888" in text


def test_the_chinese_font_is_embedded(tmp_path: Path) -> None:
    reader = PdfReader(render_ticket(SLIP, tmp_path / "ticket.pdf"))
    fonts = [f.get_object() for f in reader.pages[0]["/Resources"]["/Font"].values()]
    descriptors = [f["/FontDescriptor"].get_object() for f in fonts if "/FontDescriptor" in f]
    assert any("/FontFile2" in d for d in descriptors), "the CJK font must travel in the PDF"


def test_a_long_hall_name_wraps_within_the_narrow_roll(tmp_path: Path) -> None:
    name = "东莞市某某燃气有限公司南城区幸福路客户服务营业厅（第二分厅）"
    path = render_ticket(replace(SLIP, hall_name=name), tmp_path / "ticket.pdf", 58)
    assert name in "".join(pdf_text(path).split())
    assert page_width_mm(path) == pytest.approx(58, abs=0.1)


def test_wrap_breaks_between_hanzi_and_keeps_words_whole() -> None:
    font = cjk_font().name
    lines = wrap("请留意叫号屏幕和语音提示 Please watch the display board", font, 10, 100)
    assert len(lines) > 1
    from reportlab.pdfbase.pdfmetrics import stringWidth

    assert all(stringWidth(line, font, 10) <= 100 for line in lines)
    assert "display" in " ".join(lines).split()


def test_a_missing_font_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DomainError) as caught:
        render_ticket(SLIP, tmp_path / "ticket.pdf", font_path=str(tmp_path / "none.ttf"))
    assert caught.value.key == "pdf.no_cjk_font"
    assert not (tmp_path / "ticket.pdf").exists()


def test_only_roll_widths(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        render_ticket(SLIP, tmp_path / "ticket.pdf", 70)


def test_a_font_is_registered_once() -> None:
    first, second = cjk_font(), cjk_font()
    assert first == second
    assert cjk_font(str(first.path)).name == first.name


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_screenshot_of_a_ticket(tmp_path: Path) -> None:
    slip = replace(SLIP, priority=True, account_no="1000234567")
    path = render_ticket(slip, tmp_path / "ticket.pdf", 80)
    SHOTS.mkdir(exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", "150", "-singlefile", str(path),
                    str(SHOTS / "ticket_80mm")], check=True)
    assert (SHOTS / "ticket_80mm.png").stat().st_size > 5000
