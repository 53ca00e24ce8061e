"""The daily close sheet (日收费结账单) as an A4 PDF, per clerk or for the whole hall."""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm as _mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from app.domain.money import format_yuan
from app.services.cashier_dto import CloseSheet, CloseSheetRow
from app.services.pdf.fonts import cjk_font

MM: float = _mm
_MARGIN = 14 * MM
_ROW = 6.2 * MM
_ITEM_W = 40 * MM
_COUNT_W = 13 * MM
TENDER_COLUMNS = ("cash", "pos", "wechat", "alipay", "transfer", "cheque")


@dataclass(frozen=True)
class DayCloseLabels:
    """The printed words of the sheet; the UI passes them translated into the user's language."""

    title: str = "{hall}日收费结账单"
    day: str = "日期：{day}"
    clerk: str = "营业员：{clerk}"
    whole_hall: str = "全厅"
    closed: str = "已日结"
    not_closed: str = "未日结"
    item: str = "项目"
    count: str = "笔数"
    cash: str = "现金"
    pos: str = "银行卡(POS)"
    wechat: str = "微信"
    alipay: str = "支付宝"
    transfer: str = "转账"
    cheque: str = "支票"
    total: str = "合计"
    gas: str = "燃气收费"
    ic: str = "IC卡购气"
    void: str = "作废"
    refund: str = "退款/更正"
    residential: str = "居民"
    non_residential: str = "非居民"
    non_ic_meter: str = "非IC卡表"
    ic_meter: str = "IC卡表"
    subtotal: str = "{name}小计"
    section_total: str = "{name}合计"
    grand_total: str = "总计（实收）"
    receipts: str = "收据号：{first} 至 {last}"
    no_receipts: str = "收据号：无"
    voids: str = "作废：{count} 笔，金额 {amount} 元"
    reprints: str = "补打：{count} 次"
    float: str = "备用金"
    cash_in: str = "存入"
    cash_out: str = "取出"
    cash_taken: str = "现金实收"
    expected: str = "应有现金"
    counted: str = "实点现金"
    difference: str = "长短款"
    not_counted: str = "班次未结"
    sign_clerk: str = "营业员"
    sign_lead: str = "营业班长"
    sign_finance: str = "财务"
    sign_date: str = "日期"

    def row_name(self, label: str) -> str:
        """The printed name of a sheet row key such as ``gas.residential.ic`` or ``void``."""
        parts = label.split(".")
        if label == "total":
            return self.grand_total
        section = str(getattr(self, parts[0], parts[0]))
        if len(parts) == 1:
            return self.section_total.format(name=section)
        user = str(getattr(self, parts[1], parts[1]))
        if len(parts) == 2:
            return user if parts[0] == "ic" else self.subtotal.format(name=user)
        meter = self.ic_meter if parts[2] == "ic" else self.non_ic_meter
        return f"{user} · {meter}"

    def section_name(self, label: str) -> str:
        """The heading printed above a section's rows."""
        return str(getattr(self, label.split(".")[0], label))


def render_day_close(
    sheet: CloseSheet, labels: DayCloseLabels | None = None, font_path: str | None = None
) -> bytes:
    """The close sheet as an A4 PDF with the Chinese font embedded.

    Raises:
        DomainError: ``pdf.no_cjk_font`` when no Chinese font can be found.
    """
    words = labels or DayCloseLabels()
    font = cjk_font(font_path).name
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, pageCompression=1)
    canvas.setTitle(words.title.format(hall=sheet.hall_name))
    canvas.setAuthor(sheet.hall_name)
    canvas.setCreator("GasHall")
    y = _heading(canvas, sheet, words, font, A4[1] - _MARGIN)
    y = _table(canvas, sheet.rows, words, font, y - 4 * MM)
    y = _summary(canvas, sheet, words, font, y - 7 * MM)
    _signatures(canvas, words, font, max(y - 16 * MM, _MARGIN + 6 * MM))
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def _heading(canvas: Canvas, sheet: CloseSheet, words: DayCloseLabels, font: str,
             top: float) -> float:
    width = A4[0]
    title = words.title.format(hall=sheet.hall_name)
    size: float = min(18.0, 18 * (width - 2 * _MARGIN) / max(stringWidth(title, font, 18), 1.0))
    _text(canvas, title, font, size, (width - stringWidth(title, font, size)) / 2, top - size,
          bold=True)
    y = top - size - 9 * MM
    clerk = sheet.username if sheet.username is not None else words.whole_hall
    _text(canvas, words.day.format(day=sheet.day.isoformat()), font, 10, _MARGIN, y)
    _text(canvas, words.clerk.format(clerk=clerk), font, 10, _MARGIN + 55 * MM, y)
    state = words.closed if sheet.closed else words.not_closed
    _text(canvas, state, font, 10, width - _MARGIN - stringWidth(state, font, 10), y,
          bold=sheet.closed)
    return y - 2 * MM


def _columns() -> list[tuple[float, float]]:
    """(left, width) of every column: item, count, six tenders, total."""
    money_w = (A4[0] - 2 * _MARGIN - _ITEM_W - _COUNT_W) / (len(TENDER_COLUMNS) + 1)
    cols = [(_MARGIN, _ITEM_W), (_MARGIN + _ITEM_W, _COUNT_W)]
    left = _MARGIN + _ITEM_W + _COUNT_W
    for _ in range(len(TENDER_COLUMNS) + 1):
        cols.append((left, money_w))
        left += money_w
    return cols


def _table(canvas: Canvas, rows: tuple[CloseSheetRow, ...], words: DayCloseLabels, font: str,
           top: float) -> float:
    cols = _columns()
    header = [words.item, words.count, *(str(getattr(words, c)) for c in TENDER_COLUMNS),
              words.total]
    canvas.setFillGray(0.85)
    canvas.rect(_MARGIN, top - _ROW, A4[0] - 2 * _MARGIN, _ROW, stroke=0, fill=1)
    canvas.setFillGray(0)
    for (left, width), name in zip(cols, header, strict=True):
        size = _fit(name, font, 8.5, width - 2 * MM)
        _text(canvas, name, font, size, left + (width - stringWidth(name, font, size)) / 2,
              top - _ROW + 2 * MM, bold=True)
    y = top - _ROW
    section = ""
    for row in rows:
        if row.label != "total" and row.label.split(".")[0] != section:
            section = row.label.split(".")[0]
            y -= _ROW
            _text(canvas, words.section_name(section), font, 9, cols[0][0] + 1.5 * MM,
                  y + 2 * MM, bold=True)
            _rule(canvas, y, 0.3)
        y -= _ROW
        _table_row(canvas, row, words, font, cols, y)
    _grid(canvas, cols, top, y)
    return y


def _table_row(canvas: Canvas, row: CloseSheetRow, words: DayCloseLabels, font: str,
               cols: list[tuple[float, float]], y: float) -> None:
    depth = row.label.count(".")
    summed = row.label == "total" or depth < (1 if row.label.startswith("ic.") else 2)
    if row.label == "total" or depth == 0:
        canvas.setFillGray(0.93)
        canvas.rect(_MARGIN, y, A4[0] - 2 * _MARGIN, _ROW, stroke=0, fill=1)
        canvas.setFillGray(0)
    indent = (1.5 + 4 * depth) * MM if row.label != "total" else 1.5 * MM
    name = words.row_name(row.label)
    _text(canvas, name, font, _fit(name, font, 8.5, _ITEM_W - indent - MM), _MARGIN + indent,
          y + 2 * MM, bold=summed)
    cells = [str(row.count) if row.count or summed else ""]
    cells += [_money(row.by_tender.get(code, 0), summed) for code in TENDER_COLUMNS]
    cells.append(_money(row.total_fen, summed))
    for (left, width), cell in zip(cols[1:], cells, strict=True):
        size = _fit(cell, font, 8.5, width - 2 * MM)
        _text(canvas, cell, font, size, left + width - MM - stringWidth(cell, font, size),
              y + 2 * MM, bold=summed)
    _rule(canvas, y, 0.8 if row.label == "total" else 0.3)


def _money(fen: int, always: bool) -> str:
    return format_yuan(fen) if fen or always else ""


def _grid(canvas: Canvas, cols: list[tuple[float, float]], top: float, bottom: float) -> None:
    canvas.setLineWidth(0.8)
    canvas.rect(_MARGIN, bottom, A4[0] - 2 * _MARGIN, top - bottom)
    canvas.setLineWidth(0.3)
    for left, _width in cols[1:]:
        canvas.line(left, top, left, bottom)


def _summary(canvas: Canvas, sheet: CloseSheet, words: DayCloseLabels, font: str,
             top: float) -> float:
    if sheet.first_receipt_no:
        receipts = words.receipts.format(first=sheet.first_receipt_no,
                                         last=sheet.last_receipt_no or "")
    else:
        receipts = words.no_receipts
    _text(canvas, receipts, font, 10, _MARGIN, top)
    voids = words.voids.format(count=sheet.voids, amount=format_yuan(sheet.voided_fen))
    _text(canvas, voids, font, 10, _MARGIN + 100 * MM, top)
    _text(canvas, words.reprints.format(count=sheet.reprints), font, 10, _MARGIN, top - 6 * MM)
    cash_taken = next((r.by_tender.get("cash", 0) for r in sheet.rows if r.label == "total"), 0)
    counted = (format_yuan(sheet.counted_cash_fen) if sheet.counted_cash_fen is not None
               else words.not_counted)
    difference = (_signed(sheet.difference_fen) if sheet.difference_fen is not None
                  else words.not_counted)
    cells = [(words.float, format_yuan(sheet.float_fen)),
             (words.cash_in, format_yuan(sheet.cash_in_fen)),
             (words.cash_out, format_yuan(sheet.cash_out_fen)),
             (words.cash_taken, format_yuan(cash_taken)),
             (words.expected, format_yuan(sheet.expected_cash_fen)),
             (words.counted, counted), (words.difference, difference)]
    return _cash_box(canvas, cells, font, top - 10 * MM)


def _cash_box(canvas: Canvas, cells: list[tuple[str, str]], font: str, top: float) -> float:
    """Two rows: names above, figures below, one column per figure."""
    width = (A4[0] - 2 * _MARGIN) / len(cells)
    canvas.setFillGray(0.93)
    canvas.rect(_MARGIN, top - _ROW, A4[0] - 2 * _MARGIN, _ROW, stroke=0, fill=1)
    canvas.setFillGray(0)
    for i, (name, value) in enumerate(cells):
        left = _MARGIN + i * width
        for text, y, bold in ((name, top - _ROW, True), (value, top - 2 * _ROW, False)):
            size = _fit(text, font, 9, width - 2 * MM)
            _text(canvas, text, font, size, left + (width - stringWidth(text, font, size)) / 2,
                  y + 2 * MM, bold=bold)
        if i:
            canvas.setLineWidth(0.3)
            canvas.line(left, top, left, top - 2 * _ROW)
    canvas.setLineWidth(0.8)
    canvas.rect(_MARGIN, top - 2 * _ROW, A4[0] - 2 * _MARGIN, 2 * _ROW)
    canvas.setLineWidth(0.3)
    canvas.line(_MARGIN, top - _ROW, A4[0] - _MARGIN, top - _ROW)
    return top - 2 * _ROW


def _signatures(canvas: Canvas, words: DayCloseLabels, font: str, y: float) -> None:
    width = (A4[0] - 2 * _MARGIN) / 3
    canvas.setLineWidth(0.5)
    for i, name in enumerate((words.sign_clerk, words.sign_lead, words.sign_finance)):
        left = _MARGIN + i * width
        label = f"{name}："
        _text(canvas, label, font, 10, left, y)
        start = left + stringWidth(label, font, 10) + MM
        canvas.line(start, y - MM, left + width - 6 * MM, y - MM)
        date_label = f"{words.sign_date}："
        _text(canvas, date_label, font, 9, left, y - 9 * MM)
        start = left + stringWidth(date_label, font, 9) + MM
        canvas.line(start, y - 10 * MM, left + width - 6 * MM, y - 10 * MM)


def _signed(fen: int) -> str:
    return f"+{format_yuan(fen)}" if fen > 0 else format_yuan(fen)


def _rule(canvas: Canvas, y: float, width: float) -> None:
    canvas.setLineWidth(width)
    canvas.line(_MARGIN, y, A4[0] - _MARGIN, y)


def _fit(text: str, font: str, size: float, width: float) -> float:
    measured: float = stringWidth(text, font, size)
    return min(size, size * width / max(measured, 1.0))


def _text(canvas: Canvas, text: str, font: str, size: float, x: float, y: float,
          bold: bool = False) -> None:
    obj = canvas.beginText(x, y)
    obj.setFont(font, size)
    if bold:  # the CJK fonts have no bold face: stroke the outline as well
        obj.setTextRenderMode(2)
        canvas.setLineWidth(size * 0.03)
    obj.textLine(text)
    canvas.drawText(obj)
