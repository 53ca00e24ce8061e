"""The queue ticket (排队小票) as a PDF for a 58 or 80 mm roll printer."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from app.services.dto import TicketSlip
from app.services.pdf.fonts import cjk_font

TICKET_WIDTHS = (58, 80)
_MARGIN_MM = {58: 5.0, 80: 4.0}
_SCALE = {58: 0.8, 80: 1.0}  # type sizes on the narrow roll
_LEADING = 1.25
# A run of letters/digits stays together; each Hanzi (or other character) may end a line.
_TOKENS = re.compile(r"[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+|\s+|.")


@dataclass(frozen=True)
class TicketLabels:
    """The printed words of a ticket; the UI passes them translated into the user's language."""

    ahead: str = "前方等待 {ahead} 人"
    wait: str = "预计等待约 {minutes} 分钟"
    priority: str = "绿色通道"
    account: str = "户号：{account}"
    issued: str = "取号时间：{time}"
    notice: str = "请留意叫号屏幕和语音提示"
    hotline: str = "服务热线：{hotline}"


@dataclass(frozen=True)
class _Line:
    """One printed line: text and size in points, space above it, and how it is drawn."""

    text: str
    size: float
    gap: float = 2.0
    style: str = "plain"  # plain, bold, inverse (white on black), rule (a dashed line)

    @property
    def height(self) -> float:
        return self.gap + (self.size * _LEADING if self.style != "rule" else 0.0)


def render_ticket(
    slip: TicketSlip,
    path: Path,
    width_mm: int = 80,
    font_path: str | None = None,
    labels: TicketLabels | None = None,
) -> Path:
    """Write the ticket of ``slip`` as a one-page PDF as wide as the roll, with the font embedded.

    Args:
        slip: The issued ticket.
        path: Where to write the PDF (its folder is created).
        width_mm: The roll's width, 58 or 80 mm; the page is as tall as the content.
        font_path: A CJK font file from the settings; ``None`` searches the system.
        labels: The printed words; Chinese by default.

    Returns:
        ``path``.

    Raises:
        DomainError: ``pdf.no_cjk_font`` when no Chinese font can be found.
        ValueError: for a width other than 58 or 80 mm.
    """
    if width_mm not in TICKET_WIDTHS:
        raise ValueError(f"ticket width must be one of {TICKET_WIDTHS} mm, not {width_mm}")
    font = cjk_font(font_path).name
    margin = _MARGIN_MM[width_mm] * mm
    text_width = width_mm * mm - 2 * margin
    lines = ticket_lines(slip, labels or TicketLabels(), font, text_width, _SCALE[width_mm])
    height = 2 * margin + sum(line.height for line in lines)
    path.parent.mkdir(parents=True, exist_ok=True)
    canvas = Canvas(str(path), pagesize=(width_mm * mm, height), pageCompression=1)
    canvas.setTitle(slip.number)
    canvas.setAuthor(slip.hall_name)
    canvas.setCreator("GasHall")
    _draw(canvas, lines, font, width_mm * mm, height - margin)
    canvas.showPage()
    canvas.save()
    return path


def ticket_lines(
    slip: TicketSlip, labels: TicketLabels, font: str, width: float, scale: float = 1.0
) -> list[_Line]:
    """The ticket's lines from top to bottom, long texts wrapped to ``width`` points."""
    def wrapped(text: str, size: float, gap: float = 2.0, style: str = "plain") -> list[_Line]:
        parts = wrap(text, font, size * scale, width)
        return [_Line(part, size * scale, gap if i == 0 else 0.0, style)
                for i, part in enumerate(parts)]

    lines = [*wrapped(slip.hall_name, 12, 0.0, "bold"), _Line("", 0, 6, "rule")]
    lines.append(_Line(slip.number, _fit(slip.number, font, 56 * scale, width), 6, "bold"))
    lines += wrapped(slip.category, 15, 2, "bold")
    if slip.priority:
        lines += wrapped(labels.priority, 12, 6, "inverse")
    lines += wrapped(labels.ahead.format(ahead=slip.ahead), 12, 8)
    if slip.ahead and slip.wait_minutes:
        lines += wrapped(labels.wait.format(minutes=slip.wait_minutes), 11)
    if slip.account_no:
        lines += wrapped(labels.account.format(account=slip.account_no), 10, 4)
    time = slip.issued_at.strftime("%Y-%m-%d %H:%M:%S")
    lines += wrapped(labels.issued.format(time=time), 9, 4)
    lines += [_Line("", 0, 6, "rule"), *wrapped(labels.notice, 9, 6)]
    if slip.hotline:
        lines += wrapped(labels.hotline.format(hotline=slip.hotline), 10, 3, "bold")
    return lines


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Break ``text`` into lines no wider than ``width``: between Hanzi, or at spaces."""
    lines: list[str] = []
    current = ""
    for token in _TOKENS.findall(text):
        if stringWidth(current + token, font, size) <= width:
            current += token
            continue
        if current.strip():
            lines.append(current.rstrip())
        current = "" if token.isspace() else token
        while stringWidth(current, font, size) > width and len(current) > 1:
            cut = _longest_fit(current, font, size, width)
            lines.append(current[:cut])
            current = current[cut:]
    if current.strip() or not lines:
        lines.append(current.rstrip())
    return lines


def _longest_fit(text: str, font: str, size: float, width: float) -> int:
    cut = len(text) - 1
    while cut > 1 and stringWidth(text[:cut], font, size) > width:
        cut -= 1
    return cut


def _fit(text: str, font: str, size: float, width: float) -> float:
    """The largest size up to ``size`` at which ``text`` fits on one line."""
    measured: float = stringWidth(text, font, size)
    return min(size, size * width / max(measured, 1.0))


def _draw(canvas: Canvas, lines: list[_Line], font: str, page_width: float, top: float) -> None:
    y = top
    for line in lines:
        y -= line.height
        if line.style == "rule":
            canvas.setDash(2, 2)
            canvas.setLineWidth(0.6)
            canvas.line(page_width * 0.05, y, page_width * 0.95, y)
            canvas.setDash()
            continue
        canvas.saveState()  # render mode and colours must not leak into the next line
        _draw_text(canvas, line, font, page_width / 2, y + line.size * 0.3)
        canvas.restoreState()


def _draw_text(canvas: Canvas, line: _Line, font: str, centre: float, baseline: float) -> None:
    text_width = stringWidth(line.text, font, line.size)
    left = centre - text_width / 2
    if line.style == "inverse":
        pad = line.size * 0.3
        canvas.rect(left - pad, baseline - line.size * 0.25, text_width + 2 * pad,
                    line.size * 1.15, stroke=0, fill=1)
        canvas.setFillGray(1.0)
    text = canvas.beginText(left, baseline)
    text.setFont(font, line.size)
    if line.style == "bold":  # the CJK fonts have no bold face: stroke the outline as well
        text.setTextRenderMode(2)
        canvas.setLineWidth(line.size * 0.035)
    text.textLine(line.text)
    canvas.drawText(text)
