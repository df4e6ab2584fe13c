#!/usr/bin/env python3
"""Writes the hand-made PDF fixtures of the extraction tests into ../data/pdf/.

Standard library only. Each PDF uses the standard 14 fonts (Helvetica, Helvetica-Bold, Courier),
so text positions are exact and the files stay small. Run it again after changing a fixture, then
rewrite the golden files with UPDATE_GOLDEN=1 and review the diff.

    python3 tests/DocStrange.Extraction.Tests/Fixtures/make_pdf_fixtures.py
"""
import os
import random

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "pdf")
FONTS = {"F1": "Helvetica", "F2": "Helvetica-Bold", "F3": "Courier", "F4": "Helvetica-Oblique"}


def esc(text):
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


class Page:
    def __init__(self, width=612, height=792):
        self.width, self.height, self.ops = width, height, []

    def text(self, x, y, s, size=10, font="F1"):
        self.ops.append(f"BT /{font} {size} Tf {x} {y} Td ({esc(s)}) Tj ET")

    def line(self, x1, y1, x2, y2, width=0.5):
        self.ops.append(f"{width} w {x1} {y1} m {x2} {y2} l S")

    def rect(self, x, y, w, h, fill=None):
        if fill is None:
            self.ops.append(f"0.5 w {x} {y} {w} {h} re S")
        else:
            self.ops.append(f"{fill} g {x} {y} {w} {h} re f 0 g")

    def paragraph(self, x, y, lines, size=10, leading=13, font="F1"):
        for i, s in enumerate(lines):
            self.text(x, y - i * leading, s, size, font)
        return y - len(lines) * leading


def write(name, pages):
    objects = []

    def add(body):
        objects.append(body)
        return len(objects)

    catalog = add(None)
    pages_id = add(None)
    font_ids = {key: add(f"<< /Type /Font /Subtype /Type1 /BaseFont /{base} /Encoding /WinAnsiEncoding >>")
                for key, base in FONTS.items()}
    fonts = " ".join(f"/{k} {v} 0 R" for k, v in font_ids.items())
    kids = []
    for page in pages:
        stream = "\n".join(page.ops).encode("latin-1")
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        kids.append(add(f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 {page.width} {page.height}] "
                        f"/Resources << /Font << {fonts} >> >> /Contents {content} 0 R >>"))
    objects[catalog - 1] = f"<< /Type /Catalog /Pages {pages_id} 0 R >>"
    objects[pages_id - 1] = f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>"
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        data = body if isinstance(body, bytes) else body.encode("latin-1")
        out += b"%d 0 obj\n" % i + data + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, catalog, xref)
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(out)
    return bytes(out)


def ruled_table():
    p = Page()
    p.text(72, 740, "Regional Sales", 16, "F2")
    p.paragraph(72, 712, ["Sales grew in every region last year. The table below gives the figures",
                          "for the last two years, in thousands of units."], 10)
    p.text(72, 672, "Table 1: Sales by region and year", 9)
    top, xs = 660, [72, 192, 312, 432]
    ys = [top, top - 20, top - 40, top - 60, top - 80, top - 100]
    for y in [ys[0], ys[2], ys[3], ys[4], ys[5]]:
        p.line(xs[0], y, xs[3], y)
    p.line(xs[1], ys[1], xs[3], ys[1])           # under "Sales" only: "Region" spans two rows
    for x in [xs[0], xs[1], xs[3]]:
        p.line(x, ys[0], x, ys[5])
    p.line(xs[2], ys[1], xs[2], ys[5])           # not through "Sales": it spans two columns
    p.text(78, ys[0] - 24, "Region", 10, "F2")
    p.text(198, ys[0] - 14, "Sales", 10, "F2")
    p.text(198, ys[1] - 14, "2023", 10, "F2")
    p.text(318, ys[1] - 14, "2024", 10, "F2")
    for i, (a, b, c) in enumerate([("North", "10", "12"), ("South", "8", "9"), ("East", "7", "11")]):
        y = ys[2 + i] - 14
        p.text(78, y, a)
        p.text(198, y, b)
        p.text(318, y, c)
    p.paragraph(72, 530, ["East grew fastest, by more than half, while South stayed almost flat."], 10)
    write("ruled_table.pdf", [p])


def borderless_table():
    p = Page()
    p.text(72, 740, "Order Summary", 16, "F2")
    p.paragraph(72, 712, ["The order below was shipped on 3 March. Prices are per unit, without tax."], 10)
    rows = [("Item", "Quantity", "Unit price"), ("Steel bolts M8", "200", "0.12"), ("Washers", "200", "0.03"),
            ("Hex nuts M8", "150", "0.05"), ("Spring washers", "50", "0.04"), ("Cable ties, black", "100", "0.02")]
    y = 680
    for i, (a, b, c) in enumerate(rows):
        font = "F2" if i == 0 else "F1"
        p.text(72, y, a, 10, font)
        p.text(250, y, b, 10, font)
        p.text(360, y, c, 10, font)
        y -= 16
    p.paragraph(72, y - 14, ["All parts come from the same supplier and were checked on arrival."], 10)
    write("borderless_table.pdf", [p])


COLUMN_TEXT = [
    "The year brought steady growth in all of the", "markets we serve. Orders rose in the spring",
    "and again before the end of the year, when new", "customers in the north placed their first",
    "large orders with us. We kept our prices", "stable while the cost of materials went up.",
]
RIGHT_TEXT = [
    "Our teams opened two new offices and hired", "forty people. Training took more time than",
    "planned, but the new staff now handle most", "of the orders from the eastern region. We",
    "expect the offices to pay for themselves", "within two years of their opening.",
]


def report_with_columns():
    pages = []
    for n in range(1, 4):
        p = Page()
        p.text(72, 760, "ACME Annual Report 2024", 8)
        p.line(72, 752, 540, 752)
        p.text(280, 40, f"Page {n} of 3", 8)
        y = 720
        if n == 1:
            p.text(72, 712, "Annual Report", 24, "F2")
            y = 676
        p.text(72, y, f"{n}. {['Overview', 'Markets', 'Outlook'][n - 1]}", 13, "F2")
        p.paragraph(72, y - 22, [f"{s}" for s in COLUMN_TEXT] + [f"Part {n} of the left column ends here."], 10)
        p.paragraph(320, y - 22, RIGHT_TEXT + [f"Part {n} of the right column ends here."], 10)
        if n == 1:
            base = y - 22 - 8 * 13
            p.text(72, base, "Revenue reached 12 million", 10)
            p.text(198, base + 4, "1", 6)
            p.text(204, base, "by December.", 10)
            p.text(72, 80, "1 Figures are unaudited and rounded to the nearest million.", 7)
        pages.append(p)
    write("report_with_columns.pdf", pages)


def code_listing():
    p = Page()
    p.text(72, 740, "Adding Numbers", 16, "F2")
    p.paragraph(72, 712, ["The function below adds two numbers and prints the result of one call."], 10)
    code = ["function add(a, b) {", "    return a + b;", "}", "", "console.log(add(3, 5));"]
    y = 684
    for s in code:
        if s:
            p.text(72 + 6 * (len(s) - len(s.lstrip(" "))), y, s.lstrip(" "), 10, "F3")
        y -= 12
    p.text(72, y - 8, "Listing 1: A small function", 9)
    p.paragraph(72, y - 36, ["Calling it with 3 and 5 prints 8."], 10)
    write("code_listing.pdf", [p])


def nested_list():
    p = Page()
    p.text(72, 740, "Packing List", 16, "F2")
    items = [(0, "\x95", "Clothes"), (1, "\x96", "Two shirts"), (1, "\x96", "A warm jacket"), (0, "\x95", "Documents"),
             (1, "\x96", "Passport"), (2, "\x96", "A copy of the passport"), (0, "\x95", "Snacks for the trip")]
    y = 712
    for level, bullet, text in items:
        x = 72 + 18 * level
        p.text(x, y, bullet, 10)
        p.text(x + 12, y, text, 10)
        y -= 15
    write("nested_list.pdf", [p])


def paper_with_rule_table():
    """A two-column paper page: centred title and authors, columns, a table drawn with three rules only."""
    p = Page()
    p.text(160, 740, "Fast Layout Analysis of Documents", 18, "F2")
    p.text(250, 716, "Ann Author and Bob Writer", 11)
    p.text(72, 690, "1 Introduction", 12, "F2")
    left = ["Documents come in many layouts. Reading", "them in order needs the columns, the", "tables and the figures of each page to be", "found first, then put in the order a", "reader would follow from the top."]
    right = ["The table below lists the time taken on", "each collection of documents, in pages", "per second on one core of a laptop.", "Larger collections take longer to read", "because their pages hold more text."]
    p.paragraph(72, 670, left, 10)
    p.paragraph(320, 670, right, 10)
    p.text(320, 590, "Table 1: Speed by collection", 9)
    xs = [320, 400, 460, 520]
    p.line(320, 582, 540, 582)
    for x, h in zip(xs, ["Set", "Pages", "Time", "Rate"]):
        p.text(x, 570, h, 9, "F2")
    p.line(320, 565, 540, 565)
    for i, row in enumerate([("Letters", "120", "2.1", "57"), ("Reports", "840", "19.0", "44"), ("Papers", "310", "6.2", "50")]):
        for x, v in zip(xs, row):
            p.text(x, 552 - i * 13, v, 9)
    p.line(320, 520, 540, 520)
    p.paragraph(72, 590, ["Section 2 describes the method and", "section 3 the results we measured."], 10)
    p.text(300, 50, "1", 9)
    write("paper_with_rule_table.pdf", [p])


def broken_files(valid):
    write("zero_pages.pdf", [])
    cut = valid[: len(valid) * 2 // 5]
    with open(os.path.join(OUT, "truncated.pdf"), "wb") as f:
        f.write(cut)
    rnd = random.Random(3)
    with open(os.path.join(OUT, "corrupt.pdf"), "wb") as f:
        f.write(b"%PDF-1.7\n" + bytes(rnd.randrange(256) for _ in range(3000)))


if __name__ == "__main__":
    ruled_table()
    borderless_table()
    report_with_columns()
    code_listing()
    nested_list()
    paper_with_rule_table()
    with open(os.path.join(OUT, "report_with_columns.pdf"), "rb") as f:
        broken_files(f.read())
