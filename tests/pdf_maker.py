"""Small PDFs written by the tests: pages of text and tables ruled with lines, in Chinese (the standard CJK font
STSong-Light through the UniGB-UCS2-H CMap, not embedded, as PDF readers resolve it without a font file), a font
without a Unicode mapping (text extracts as `(cid:123)`), and pages that are only an image (a scan)."""

from __future__ import annotations

import io
from dataclasses import dataclass, field

PAGE_WIDTH, PAGE_HEIGHT = 595, 842


@dataclass
class Page:
    """Drawing operations of one page; y is measured from the top of the page (as readers report it)."""

    ops: list[str] = field(default_factory=list)
    unmapped_text: bool = False  # write text in the font that has no Unicode mapping

    def text(self, x: float, top: float, s: str, size: float = 10) -> Page:
        font = "/F2" if self.unmapped_text else "/F1"
        code = s.encode("utf-16-be").hex().upper()
        self.ops.append(f"BT {font} {size} Tf {x} {PAGE_HEIGHT - top - size} Td <{code}> Tj ET")
        return self

    def table(self, rows: list[list[str | None]], x: float = 50, top: float = 100,
              widths: list[float] | None = None, row_height: float = 20, size: float = 10) -> Page:
        """A ruled table. A None cell is covered by the cell to its left (a merged cell: no rule between them)."""
        columns = max(len(r) for r in rows)
        widths = widths or [80] * columns
        xs = [x]
        for w in widths:
            xs.append(xs[-1] + w)
        ys = [top + i * row_height for i in range(len(rows) + 1)]
        for y in ys:
            self._line(xs[0], y, xs[-1], y)
        for r, row in enumerate(rows):
            cells = list(row) + [""] * (columns - len(row))
            for c in range(columns + 1):
                if c == 0 or c == columns or cells[c] is not None:
                    self._line(xs[c], ys[r], xs[c], ys[r + 1])
            for c, cell in enumerate(cells):
                if cell:
                    self.text(xs[c] + 3, ys[r] + (row_height - size) / 2, cell, size)
        return self

    def _line(self, x0: float, top0: float, x1: float, top1: float) -> None:
        self.ops.append(f"{x0} {PAGE_HEIGHT - top0} m {x1} {PAGE_HEIGHT - top1} l S")


_FONTS = (
    # F1: STSong-Light, Unicode (UCS-2) codes: readers map them to text through Adobe-GB1.
    "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [{cid1} 0 R] >>",
    "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) "
    "/Ordering (GB1) /Supplement 4 >> /FontDescriptor {desc} 0 R >>",
    # F2: an embedded-looking font with Identity-H codes and no ToUnicode map: nothing says what the codes mean.
    "<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Custom /Encoding /Identity-H /DescendantFonts [{cid2} 0 R] >>",
    "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+Custom /CIDSystemInfo << /Registry (Adobe) "
    "/Ordering (Identity) /Supplement 0 >> /FontDescriptor {desc} 0 R >>",
    "<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 "
    "/Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>",
)


def pdf_bytes(pages: list[Page], width: float = PAGE_WIDTH) -> bytes:
    objects: list[str] = []
    f1, cid1, f2, cid2, desc = 1, 2, 3, 4, 5
    ids = {"cid1": cid1, "cid2": cid2, "desc": desc}
    objects += [template.format(**ids) for template in _FONTS]
    pages_id = len(objects) + 1
    objects.append("")  # the page tree, written once the pages are known
    kids = []
    for page in pages:
        content = "\n".join(page.ops)
        objects.append(f"<< /Length {len(content.encode('latin-1'))} >>\nstream\n{content}\nendstream")
        objects.append(f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 {width} {PAGE_HEIGHT}] "
                       f"/Resources << /Font << /F1 {f1} 0 R /F2 {f2} 0 R >> >> /Contents {len(objects)} 0 R >>")
        kids.append(len(objects))
    objects[pages_id - 1] = f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>"
    objects.append(f"<< /Type /Catalog /Pages {pages_id} 0 R >>")
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root {len(objects)} 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def pdf_from_lines(lines: list[str], font_size: float = 6, rows_per_page: int = 60) -> bytes:
    """A text dump printed as a PDF, as the office that published it would have: TAB-cell lines as ruled tables
    (columns as wide as their longest cell), other lines as text, blank lines as space; a table that does not fit
    on a page runs on at the top of the next one."""
    pages: list[Page] = []
    page, used = Page(), 0
    top_margin, line_height = 30, font_size + 6
    char_width = font_size + 0.5

    def new_page() -> None:
        nonlocal page, used
        pages.append(page)
        page, used = Page(), 0

    index = 0
    while index < len(lines):
        line = lines[index]
        if "\t" not in line:
            if used >= rows_per_page:
                new_page()
            if line.strip():
                page.text(30, top_margin + used * line_height, line.strip(), font_size)
            used += 1
            index += 1
            continue
        run = []
        while index < len(lines) and "\t" in lines[index]:
            run.append(lines[index].split("\t"))
            index += 1
        columns = max(len(row) for row in run)
        rows = [[cell.strip() for cell in row] + [""] * (columns - len(row)) for row in run]
        widths = [max(12, max(len(row[c]) for row in rows) * char_width + 6) for c in range(columns)]
        while rows:
            if used >= rows_per_page:
                new_page()
            part, rows = rows[: rows_per_page - used], rows[rows_per_page - used:]
            page.table(part, x=20, top=top_margin + used * line_height, widths=widths, row_height=line_height,
                       size=font_size)
            used += len(part) + 1
    pages.append(page)
    return pdf_bytes(pages, width=max(PAGE_WIDTH, 60 + max(
        (sum(max(12, len(c.strip()) * char_width + 6) for c in ln.split("\t")) for ln in lines if "\t" in ln),
        default=0)))


def scanned_pdf_bytes(pages: int = 1) -> bytes:
    """A PDF of page images only, as a scanner makes it: no text layer at all."""
    from PIL import Image, ImageDraw

    images = []
    for n in range(pages):
        image = Image.new("RGB", (595, 842), "white")
        draw = ImageDraw.Draw(image)
        draw.rectangle((50, 100, 545, 300), outline="black")
        draw.line((50, 150, 545, 150), fill="black")
        draw.text((60, 110), f"scanned page {n + 1}", fill="black")
        images.append(image)
    buffer = io.BytesIO()
    images[0].save(buffer, format="PDF", save_all=True, append_images=images[1:])
    return buffer.getvalue()
