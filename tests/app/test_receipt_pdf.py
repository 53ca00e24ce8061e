"""The printed receipt: what it says, its paper, the 补打 and 作废 stamps, and the QR code."""

from __future__ import annotations

import io
import shutil
import subprocess
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.lib.pagesizes import A5
from reportlab.lib.units import mm

from app.domain.errors import DomainError
from app.services.cashier_dto import ReceiptLine, ReceiptView
from app.services.pdf import receipt_pdf
from app.services.pdf.receipt_pdf import ReceiptLabels, qr_payload, render_receipt

SHOTS = Path(__file__).resolve().parents[2] / "shots"
LINES = (
    ReceiptLine("2026-09-01 ~ 2026-10-31 第1档", 11, 1, 25_500, 34000, 8670, "tier"),
    ReceiptLine("2026-09-01 ~ 2026-10-31 第2档", 11, 2, 4_500, 41000, 1845, "tier"),
    ReceiptLine("违约金 2026-07 账单 30 天", 11, None, 0, 3000, 312, "late_fee"),
)
RECEIPT = ReceiptView(
    payment_id=9, receipt_no="01-00000123", kind="payment", voids_receipt_no=None,
    hall_name="东城燃气营业厅", hall_hotline="0769-96888", at=datetime(2026, 11, 23, 9, 15, 2),
    counter_no=2, operator="王小燕", account_no="1000234567", name_masked="张*明",
    address="南城区幸福路阳光小区12栋3单元502室", due_fen=10827, amount_fen=10827,
    tendered_fen=20000, change_fen=9173, balance_after_fen=0, tenders=(("cash", 10827),),
    lines=LINES, cumulative_litres=335_000, tier_no=2, tier_left_litres=165_000,
    purchase_count=None, check_value="a3f09c21be77",
)
IC = replace(
    RECEIPT, receipt_no="01-00000124", kind="ic_purchase", due_fen=14250, amount_fen=14250,
    tendered_fen=14250, change_fen=0, balance_after_fen=1200,
    tenders=(("wechat", 10000), ("cash", 4250)), cumulative_litres=205_000, tier_no=1,
    tier_left_litres=145_000, purchase_count=7,
    lines=(ReceiptLine("第1档", None, 1, 40_000, 34000, 13600, "ic_tier"),
           ReceiptLine("第2档", None, 2, 1_585, 41000, 650, "ic_tier")),
)
VOID = replace(
    RECEIPT, receipt_no="01-00000125", kind="void", voids_receipt_no="01-00000123",
    due_fen=-10827, amount_fen=-10827, tendered_fen=-10827, change_fen=0,
    tenders=(("cash", -10827),), lines=(), cumulative_litres=None, tier_no=None,
    tier_left_litres=None, reason="金额录入错误",
)


def text_of(data: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def squeezed(data: bytes) -> str:
    return "".join(text_of(data).split())


@pytest.mark.parametrize("paper", ["80mm", "A5"])
def test_a_payment_receipt_says_number_amounts_and_tier_lines(paper: str) -> None:
    text = text_of(render_receipt(RECEIPT, ReceiptLabels(), paper))
    for expected in ("东城燃气营业厅", "燃气费收据", "01-00000123", "2026-11-23 09:15:02",
                     "窗口：2号", "营业员：王小燕", "1000234567", "张*明", "阳光小区",
                     "2026-09-01 ~ 2026-10-31 第1档", "25.5 m³ × 3.40 = 86.70",
                     "4.5 m³ × 4.10 = 18.45", "违约金 2026-07 账单 30 天", "3.12",
                     "年度累计用气：335 立方米", "第二档还剩余 165 立方米", "应缴金额",
                     "108.27 元", "实收金额", "200.00 元", "找零", "91.73 元", "现金",
                     "账户余额", "0.00 元", "服务热线：0769-96888", "校验码：a3f09c21be77"):
        assert expected in text, expected
    assert "补打" not in text and "作废" not in text and "购气次数" not in text


def test_page_sizes_80mm_roll_and_a5() -> None:
    roll = PdfReader(io.BytesIO(render_receipt(RECEIPT))).pages
    assert len(roll) == 1
    assert float(roll[0].mediabox.width) / mm == pytest.approx(80, abs=0.1)
    assert float(roll[0].mediabox.height) / mm > 100  # as tall as the content
    sheet = PdfReader(io.BytesIO(render_receipt(RECEIPT, paper="A5"))).pages
    assert len(sheet) == 1
    box = sheet[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(A5, abs=0.5)
    with pytest.raises(ValueError):
        render_receipt(RECEIPT, paper="A4")


def test_an_ic_purchase_receipt_shows_the_split_and_the_purchase_count() -> None:
    text = text_of(render_receipt(IC))
    for expected in ("IC卡购气收据", "购气明细", "40 m³ × 3.40 = 136.00",
                     "1.585 m³ × 4.10 = 6.50", "购气次数：第 7 次", "第一档还剩余 145 立方米",
                     "微信", "100.00", "42.50", "账户余额", "12.00 元"):
        assert expected in text, expected


def test_a_reprint_is_stamped_with_its_count_and_reason() -> None:
    text = text_of(render_receipt(replace(RECEIPT, copy_no=2, reason="打印机卡纸")))
    assert "补打（第 2 次）" in text
    assert "补打原因：打印机卡纸" in text
    assert "01-00000123" in text


def test_a_void_is_stamped_and_names_the_receipt_it_voids() -> None:
    text = text_of(render_receipt(VOID))
    for expected in ("作废凭证", "作废", "01-00000125", "作废原收据：01-00000123",
                     "作废原因：金额录入错误", "-108.27 元"):
        assert expected in text, expected
    voided = text_of(render_receipt(replace(RECEIPT, copy_no=1, voided_by_receipt_no="01-9")))
    assert "已作废" in voided and "作废凭证号：01-9" in voided and "补打（第 1 次）" in voided


def test_owed_balance_and_labels_from_the_caller() -> None:
    labels = ReceiptLabels(title_payment="Gas receipt", due="Amount due", cash="Cash",
                           balance_owed="Still owed", reprint="COPY {count}")
    text = text_of(render_receipt(replace(RECEIPT, balance_after_fen=-5000, copy_no=1),
                                  labels))
    assert "Gas receipt" in text and "Amount due" in text and "Cash" in text
    assert "Still owed" in text and "50.00 元" in text and "COPY 1" in text


def test_the_qr_code_carries_receipt_number_and_check_value(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert qr_payload(RECEIPT) == "01-00000123|a3f09c21be77"
    drawn: list[str] = []
    real = receipt_pdf.qr_drawing

    def spy(payload: str, size: float):  # type: ignore[no-untyped-def]
        drawn.append(payload)
        drawing = real(payload, size)
        widgets = [c for c in drawing.contents if isinstance(c, QrCodeWidget)]
        assert widgets and widgets[0].value == payload
        return drawing

    monkeypatch.setattr(receipt_pdf, "qr_drawing", spy)
    render_receipt(RECEIPT)
    render_receipt(RECEIPT, paper="A5")
    assert drawn == ["01-00000123|a3f09c21be77"] * 2


def test_long_texts_wrap_inside_the_roll() -> None:
    address = "南城区幸福路阳光小区12栋3单元502室（东门进入，靠近物业管理处，请致电后上门）"
    data = render_receipt(replace(RECEIPT, address=address, hall_name="东莞市某某燃气有限公司"
                                  "南城区幸福路客户服务营业厅（第二分厅）"))
    assert address in squeezed(data)
    lines = text_of(data).splitlines()
    assert sum(1 for line in lines if "阳光小区" in line or "物业" in line or "上门" in line) >= 2
    assert not any(line.startswith(("）", "，")) for line in lines)  # never begins a line


def test_a_missing_font_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DomainError) as caught:
        render_receipt(RECEIPT, font_path=str(tmp_path / "none.ttf"))
    assert caught.value.key == "pdf.no_cjk_font"


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_screenshots_of_receipts(tmp_path: Path) -> None:
    SHOTS.mkdir(exist_ok=True)
    for name, data in (("c2_receipt_80mm", render_receipt(RECEIPT)),
                       ("c2_receipt_ic_reprint_80mm",
                        render_receipt(replace(IC, copy_no=2, reason="打印机卡纸"))),
                       ("c2_receipt_void_80mm", render_receipt(VOID)),
                       ("c2_receipt_a5", render_receipt(RECEIPT, paper="A5"))):
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(data)
        subprocess.run(["pdftoppm", "-png", "-r", "110", "-singlefile", str(path),
                        str(SHOTS / name)], check=True)
        assert (SHOTS / f"{name}.png").stat().st_size > 5000
