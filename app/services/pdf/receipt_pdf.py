"""The receipt (燃气费收据 / IC卡购气收据 / 作废凭证) as a PDF for the 80 mm roll or an A5 sheet."""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A5
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from app.domain.money import format_yuan
from app.domain.tariff import format_m3, format_price
from app.services.cashier_dto import ReceiptLine, ReceiptView
from app.services.pdf.fonts import cjk_font
from app.services.pdf.ticket_pdf import wrap

PAPERS = ("80mm", "A5")
_WIDTH = {"80mm": 80 * mm, "A5": A5[0]}
_MARGIN = {"80mm": 4 * mm, "A5": 12 * mm}
_SCALE = {"80mm": 1.0, "A5": 1.15}
_QR_MM = {"80mm": 26, "A5": 30}
_LEADING = 1.3
_TIER_CN = "〇一二三四五六七八九十"
_NO_LINE_START = "）」』】〕》〉，。、；：！？,.;:!?)]"  # closing marks never begin a line


@dataclass(frozen=True)
class ReceiptLabels:
    """The printed words of a receipt; the UI passes them translated into the user's language."""

    title_payment: str = "燃气费收据"
    title_ic: str = "IC卡购气收据"
    title_void: str = "作废凭证"
    title_correction: str = "更正凭证"
    receipt_no: str = "收据号："
    time: str = "日期时间："
    counter: str = "窗口：{counter}号"
    clerk: str = "营业员：{clerk}"
    account: str = "户号："
    name: str = "户名："
    address: str = "地址："
    details: str = "缴费明细"
    ic_details: str = "购气明细"
    tier_line: str = "{m3} m³ × {price} = {amount}"
    cumulative: str = "年度累计用气：{m3} 立方米"
    tier_left: str = "第{tier_cn}档还剩余 {left} 立方米"
    tier_open: str = "当前用气处于第{tier_cn}档"
    purchase_count: str = "购气次数：第 {count} 次"
    due: str = "应缴金额"
    tendered: str = "实收金额"
    change: str = "找零"
    tenders: str = "支付方式"
    balance: str = "账户余额"
    balance_owed: str = "尚欠金额"
    yuan: str = "{amount} 元"
    reprint: str = "补打（第 {count} 次）"
    reprint_reason: str = "补打原因：{reason}"
    void: str = "作废"
    voids: str = "作废原收据：{receipt_no}"
    void_reason: str = "作废原因：{reason}"
    voided: str = "已作废"
    voided_by: str = "作废凭证号：{receipt_no}"
    check: str = "校验码：{check}"
    hotline: str = "服务热线：{hotline}"
    notice: str = "请当面点清，妥善保管本收据"
    cash: str = "现金"
    pos: str = "银行卡(POS)"
    wechat: str = "微信"
    alipay: str = "支付宝"
    transfer: str = "转账"
    cheque: str = "支票"

    def tender_name(self, code: str) -> str:
        """The printed name of a tender code (cash, pos, wechat, alipay, transfer, cheque)."""
        return str(getattr(self, code, code)) if code in _TENDER_CODES else code

    def title(self, kind: str) -> str:
        """The document's title for a payment kind."""
        return {"ic_purchase": self.title_ic, "void": self.title_void,
                "correction": self.title_correction}.get(kind, self.title_payment)


_TENDER_CODES = ("cash", "pos", "wechat", "alipay", "transfer", "cheque")


@dataclass(frozen=True)
class _Row:
    """One printed row: left text (and right-aligned text), size, space above, and style.

    Styles: plain, bold, title (centred bold), centre, stamp (boxed, centred), rule, qr.
    """

    text: str
    size: float
    gap: float = 1.5
    style: str = "plain"
    right: str = ""

    @property
    def height(self) -> float:
        if self.style == "rule":
            return self.gap
        if self.style == "qr":
            return self.gap + self.size
        if self.style == "stamp":
            return self.gap + self.size * 1.6
        return self.gap + self.size * _LEADING


def qr_payload(receipt: ReceiptView) -> str:
    """What the QR code carries: ``receipt_no|check_value``, verifiable against the ledger chain."""
    return f"{receipt.receipt_no}|{receipt.check_value}"


def render_receipt(
    receipt: ReceiptView,
    labels: ReceiptLabels | None = None,
    paper: str = "80mm",
    font_path: str | None = None,
) -> bytes:
    """The receipt as PDF bytes with the Chinese font embedded.

    Args:
        receipt: The committed payment, void or IC purchase, with its reprint count.
        labels: The printed words; Chinese by default.
        paper: ``"80mm"`` (a page as tall as the content) or ``"A5"`` (portrait sheets).
        font_path: A CJK font file from the settings; ``None`` searches the system.

    Raises:
        DomainError: ``pdf.no_cjk_font`` when no Chinese font can be found.
        ValueError: for a paper other than 80mm or A5.
    """
    if paper not in PAPERS:
        raise ValueError(f"receipt paper must be one of {PAPERS}, not {paper}")
    font = cjk_font(font_path).name
    width, margin = _WIDTH[paper], _MARGIN[paper]
    qr_size = _QR_MM[paper] * mm
    rows = receipt_rows(receipt, labels or ReceiptLabels(), font, width - 2 * margin,
                        _SCALE[paper], qr_size if paper == "80mm" else None)
    content = sum(row.height for row in rows) + 2 * margin
    height = content if paper == "80mm" else A5[1]
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(width, height), pageCompression=1)
    canvas.setTitle(receipt.receipt_no)
    canvas.setAuthor(receipt.hall_name)
    canvas.setCreator("GasHall")
    if paper == "A5":  # the sheet is wide: the QR code sits in the top right corner
        renderPDF.draw(qr_drawing(qr_payload(receipt), qr_size), canvas,
                       width - margin - qr_size, height - margin - qr_size)
    _draw(canvas, rows, font, margin, width, height, qr_payload(receipt))
    canvas.save()
    return out.getvalue()


def receipt_rows(
    receipt: ReceiptView, labels: ReceiptLabels, font: str, width: float, scale: float = 1.0,
    qr_size: float | None = 26 * mm,
) -> list[_Row]:
    """The receipt's rows from top to bottom, long texts wrapped to ``width`` points.

    ``qr_size`` None leaves the QR code out of the rows (A5 draws it in the corner, so the
    titles keep clear of it).
    """
    builder = _Builder(font, width, scale)
    title_width = width if qr_size else width - 2 * (_QR_MM["A5"] + 2) * mm
    builder.text(receipt.hall_name, 12, 0.0, "title", title_width)
    builder.text(labels.title(receipt.kind), 14, 2, "title", title_width)
    _stamps(builder, receipt, labels)
    builder.rule()
    _header(builder, receipt, labels)
    builder.rule()
    _lines(builder, receipt, labels)
    _amounts(builder, receipt, labels)
    builder.rule()
    if qr_size:
        builder.rows.append(_Row("", qr_size, 4, "qr"))
    builder.text(labels.check.format(check=receipt.check_value), 8, 2, "centre")
    if receipt.hall_hotline:
        builder.text(labels.hotline.format(hotline=receipt.hall_hotline), 10, 3, "title")
    builder.text(labels.notice, 8, 2, "centre")
    return builder.rows


class _Builder:
    """Collects rows, wrapping texts and keeping a label with its right-aligned value."""

    def __init__(self, font: str, width: float, scale: float) -> None:
        self.font, self.width, self.scale = font, width, scale
        self.rows: list[_Row] = []

    def text(self, text: str, size: float, gap: float = 1.5, style: str = "plain",
             width: float | None = None) -> None:
        size *= self.scale
        for i, part in enumerate(_wrap(text, self.font, size, width or self.width)):
            self.rows.append(_Row(part, size, gap if i == 0 else 0.0, style))

    def pair(self, left: str, right: str, size: float = 9, gap: float = 1.5,
             style: str = "plain") -> None:
        size *= self.scale
        room = self.width - stringWidth(right, self.font, size) - size
        parts = _wrap(left, self.font, size, max(room, self.width / 3))
        for i, part in enumerate(parts):
            last = i == len(parts) - 1
            self.rows.append(_Row(part, size, gap if i == 0 else 0.0, style, right if last else ""))

    def fits(self, left: str, right: str, size: float) -> bool:
        """Whether ``left`` and ``right`` share one row with a space between."""
        size *= self.scale
        used = stringWidth(left, self.font, size) + stringWidth(right, self.font, size)
        return bool(used + size <= self.width)

    def rule(self, gap: float = 4.0) -> None:
        self.rows.append(_Row("", 0, gap, "rule"))

    def stamp(self, text: str, size: float) -> None:
        self.rows.append(_Row(text, size * self.scale, 4, "stamp"))


def _stamps(builder: _Builder, receipt: ReceiptView, labels: ReceiptLabels) -> None:
    if receipt.kind == "void":
        builder.stamp(labels.void, 16)
    if receipt.voided_by_receipt_no:
        builder.stamp(labels.voided, 16)
        builder.text(labels.voided_by.format(receipt_no=receipt.voided_by_receipt_no), 9, 2,
                     "centre")
    if receipt.copy_no > 0:
        builder.stamp(labels.reprint.format(count=receipt.copy_no), 12)
        if receipt.reason:
            builder.text(labels.reprint_reason.format(reason=receipt.reason), 9, 2, "centre")


def _header(builder: _Builder, receipt: ReceiptView, labels: ReceiptLabels) -> None:
    builder.pair(labels.receipt_no, receipt.receipt_no, 10, 0.0, "bold")
    builder.pair(labels.time, receipt.at.strftime("%Y-%m-%d %H:%M:%S"))
    builder.pair(labels.counter.format(counter=receipt.counter_no),
                 labels.clerk.format(clerk=receipt.operator))
    builder.pair(labels.account, receipt.account_no, 10, 1.5, "bold")
    builder.pair(labels.name, receipt.name_masked)
    if receipt.address:
        builder.text(labels.address + receipt.address, 9)
    if receipt.kind == "void" and receipt.voids_receipt_no:
        builder.text(labels.voids.format(receipt_no=receipt.voids_receipt_no), 9, 3, "bold")
    if receipt.kind == "void" and receipt.reason:
        builder.text(labels.void_reason.format(reason=receipt.reason), 9)


def _lines(builder: _Builder, receipt: ReceiptView, labels: ReceiptLabels) -> None:
    if receipt.lines:
        heading = labels.ic_details if receipt.kind == "ic_purchase" else labels.details
        builder.text(heading, 10, 0.0, "bold")
        for line in receipt.lines:
            _line(builder, line, labels)
    if receipt.cumulative_litres is not None:
        builder.text(labels.cumulative.format(m3=format_m3(receipt.cumulative_litres)), 9, 3)
    if receipt.tier_no is not None:
        tier = {"tier": receipt.tier_no, "tier_cn": _tier_cn(receipt.tier_no)}
        if receipt.tier_left_litres is not None:
            left = format_m3(receipt.tier_left_litres)
            builder.text(labels.tier_left.format(left=left, **tier), 9)
        else:
            builder.text(labels.tier_open.format(**tier), 9)
    if receipt.purchase_count is not None:
        builder.text(labels.purchase_count.format(count=receipt.purchase_count), 9)
    if receipt.lines or receipt.cumulative_litres is not None or receipt.purchase_count:
        builder.rule()


def _line(builder: _Builder, line: ReceiptLine, labels: ReceiptLabels) -> None:
    amount = format_yuan(line.amount_fen)
    if line.kind == "late_fee" or not line.litres:
        builder.pair(line.text, amount)
        return
    figures = labels.tier_line.format(m3=format_m3(line.litres), price=format_price(line.price),
                                      amount=amount)
    if builder.fits(line.text, figures, 9):
        builder.pair(line.text, figures)
        return
    builder.text(line.text, 9)
    builder.pair("", figures, 9, 0.0)


def _amounts(builder: _Builder, receipt: ReceiptView, labels: ReceiptLabels) -> None:
    def yuan(fen: int) -> str:
        return labels.yuan.format(amount=format_yuan(fen))

    builder.pair(labels.due, yuan(receipt.due_fen), 12, 0.0, "bold")
    builder.pair(labels.tendered, yuan(receipt.tendered_fen), 10)
    builder.pair(labels.change, yuan(receipt.change_fen), 10)
    if receipt.tenders:
        builder.text(labels.tenders, 9, 3)
        for code, fen in receipt.tenders:
            builder.pair("  " + labels.tender_name(code), format_yuan(fen))
    if receipt.balance_after_fen >= 0:
        builder.pair(labels.balance, yuan(receipt.balance_after_fen), 10, 3)
    else:
        builder.pair(labels.balance_owed, yuan(-receipt.balance_after_fen), 10, 3)


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """The ticket's wrapping, and a closing mark never starts a line: its neighbour comes too."""
    lines = wrap(text, font, size, width)
    for i in range(1, len(lines)):
        if lines[i][:1] in _NO_LINE_START and len(lines[i - 1]) > 1:
            lines[i - 1], lines[i] = lines[i - 1][:-1], lines[i - 1][-1] + lines[i]
    return lines


def _tier_cn(tier: int) -> str:
    return _TIER_CN[tier] if 0 <= tier < len(_TIER_CN) else str(tier)


def _draw(canvas: Canvas, rows: list[_Row], font: str, margin: float, width: float,
          height: float, payload: str) -> None:
    y = height - margin
    for row in rows:
        if y - row.height < margin * 0.5 and row.style != "rule":  # A5: go on to a new sheet
            canvas.showPage()
            y = height - margin
        y -= row.height
        canvas.saveState()  # render mode, dash and colours must not leak into the next row
        _draw_row(canvas, row, font, margin, width, y, payload)
        canvas.restoreState()
    canvas.showPage()


def _draw_row(canvas: Canvas, row: _Row, font: str, margin: float, width: float, y: float,
              payload: str) -> None:
    if row.style == "rule":
        canvas.setDash(2, 2)
        canvas.setLineWidth(0.6)
        canvas.line(margin, y, width - margin, y)
        return
    if row.style == "qr":
        renderPDF.draw(qr_drawing(payload, row.size), canvas, (width - row.size) / 2, y)
        return
    if row.style == "stamp":
        _draw_stamp(canvas, row, font, width, y)
        return
    baseline = y + row.size * 0.3
    if row.style in ("title", "centre"):
        left = (width - stringWidth(row.text, font, row.size)) / 2
    else:
        left = margin
    _text(canvas, row.text, font, row.size, left, baseline, row.style in ("bold", "title"))
    if row.right:
        right_x = width - margin - stringWidth(row.right, font, row.size)
        _text(canvas, row.right, font, row.size, right_x, baseline, row.style == "bold")


def _draw_stamp(canvas: Canvas, row: _Row, font: str, width: float, y: float) -> None:
    text_width = stringWidth(row.text, font, row.size)
    pad = row.size * 0.4
    left = (width - text_width) / 2
    canvas.setLineWidth(1.6)
    canvas.rect(left - pad, y + row.size * 0.1, text_width + 2 * pad, row.size * 1.35)
    _text(canvas, row.text, font, row.size, left, y + row.size * 0.45, True)


def _text(canvas: Canvas, text: str, font: str, size: float, x: float, baseline: float,
          bold: bool) -> None:
    obj = canvas.beginText(x, baseline)
    obj.setFont(font, size)
    if bold:  # the CJK fonts have no bold face: stroke the outline as well
        obj.setTextRenderMode(2)
        canvas.setLineWidth(size * 0.035)
    obj.textLine(text)
    canvas.drawText(obj)
    if bold:
        canvas.setLineWidth(1)


def qr_drawing(payload: str, size: float) -> Drawing:
    """A square drawing of ``size`` points holding the QR code of ``payload``."""
    widget = QrCodeWidget(payload, barLevel="M")
    x1, y1, x2, y2 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x2 - x1), 0, 0, size / (y2 - y1), 0, 0])
    drawing.add(widget)
    return drawing
