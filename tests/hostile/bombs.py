#!/usr/bin/env python3
"""Generates hostile documents ("bombs") for the hostile-input suite: small files that inflate, nest,
recurse or declare sizes far beyond what a reader should ever hold. Nothing is stored in the
repository: every file is made here, deterministically, from the standard library alone.

    python3 tests/hostile/bombs.py OUT_DIR [--full] [--only NAME[,NAME...]]

Each bomb has a bounded size (small enough for the suite in script/test) and a full size (the real
thing: parts inflating to gigabytes, nesting a hundred thousand deep). `BOMBS` lists them with the
outcomes the service may give; hostile.py submits them.
"""
import argparse
import binascii
import os
import random
import struct
import sys
import zlib

MiB = 1 << 20
GiB = 1 << 30

# ---------------------------------------------------------------------------------------------- ZIP


class ZipWriter:
    """A minimal ZIP writer (deflate or stored, no ZIP64) that can stream a large entry, add one whose
    compressed bytes were made once, and lie about an entry's uncompressed size."""

    def __init__(self, path):
        self.f = open(path, "wb")
        self.entries = []  # (name, crc, csize, usize, offset, method)

    def _local(self, name, crc, csize, usize, method):
        n = name.encode()
        self.f.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0x21, crc, csize, usize, len(n), 0) + n)

    def add(self, name, data, level=6, declared_size=None):
        """One entry from bytes; declared_size (a lie) replaces the true uncompressed size when given."""
        compressed = zlib.compress(data, level)[2:-4] if level else data
        self.add_raw(name, compressed, binascii.crc32(data), len(data) if declared_size is None else declared_size, 8 if level else 0)

    def add_raw(self, name, compressed, crc, usize, method=8):
        offset = self.f.tell()
        self._local(name, crc, len(compressed), usize, method)
        self.f.write(compressed)
        self.entries.append((name, crc, len(compressed), usize, offset, method))

    def add_stream(self, name, chunks, level=6):
        """One entry from an iterable of byte chunks, deflated as it goes; the header is patched after."""
        offset = self.f.tell()
        self._local(name, 0, 0, 0, 8)
        deflate = zlib.compressobj(level, zlib.DEFLATED, -15)
        crc = usize = csize = 0
        for chunk in chunks:
            crc = binascii.crc32(chunk, crc)
            usize += len(chunk)
            out = deflate.compress(chunk)
            csize += len(out)
            self.f.write(out)
        out = deflate.flush()
        csize += len(out)
        self.f.write(out)
        if usize >= 1 << 32 or csize >= 1 << 32:
            raise ValueError("entry too large for a ZIP without ZIP64")
        end = self.f.tell()
        self.f.seek(offset + 14)
        self.f.write(struct.pack("<III", crc, csize, usize))
        self.f.seek(end)
        self.entries.append((name, crc, csize, usize, offset, 8))

    def close(self):
        start = self.f.tell()
        for name, crc, csize, usize, offset, method in self.entries:
            n = name.encode()
            self.f.write(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, method, 0, 0x21, crc, csize, usize,
                                     len(n), 0, 0, 0, 0, 0, offset) + n)
        size = self.f.tell() - start
        self.f.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(self.entries), len(self.entries), size, start, 0))
        self.f.close()


CONTENT_TYPES_DOCX = b"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"""
RELS_DOCX = b"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"""
W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
DOC_HEAD = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ' + W + b"><w:body>"
DOC_TAIL = b"</w:body></w:document>"


def docx(path, document_chunks, extra=(), stream_level=6):
    z = ZipWriter(path)
    z.add("[Content_Types].xml", CONTENT_TYPES_DOCX)
    z.add("_rels/.rels", RELS_DOCX)
    z.add_stream("word/document.xml", document_chunks, stream_level)
    for name, data in extra:
        z.add(name, data)
    z.close()


def paragraphs(total, text=b"All work and no play makes Jack a dull boy. "):
    """word/document.xml chunks: paragraphs of one repeated sentence, `total` bytes in all."""
    para = b"<w:p><w:r><w:t>" + text * 4 + b"</w:t></w:r></w:p>"
    block = para * (MiB // len(para))
    yield DOC_HEAD
    left = total
    while left > len(block):
        yield block
        left -= len(block)
    yield DOC_TAIL


def varied_paragraphs(total, seed):
    """Paragraphs that deflate about 1:60 (under the 250:1 ratio rule): distinct 48 KiB blocks, further
    apart than deflate's 32 KiB window, each with a few random words per paragraph."""
    rng = random.Random(seed)
    words = [bytes(rng.choice(b"abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(3, 9))) for _ in range(64)]
    blocks = []
    for _ in range(8):
        parts = []
        size = 0
        while size < 48 * 1024:
            sentence = b" ".join(rng.choice(words) for _ in range(6)) + b". The quick brown fox jumps over the lazy dog again and again. "
            p = b"<w:p><w:r><w:t>" + sentence * 3 + b"</w:t></w:r></w:p>"
            parts.append(p)
            size += len(p)
        blocks.append(b"".join(parts))
    yield DOC_HEAD
    left, i = total, 0
    while left > 0:
        yield blocks[i % len(blocks)]
        left -= len(blocks[i % len(blocks)])
        i += 1
    yield DOC_TAIL


def bomb_docx_ratio(path, size):
    """Breaks the ratio rule: one part of `size` bytes deflated about 1000:1."""
    docx(path, paragraphs(size, b"A" * 1000), stream_level=9)


def bomb_docx_total(path, size):
    """Breaks the total rule: parts just under the 1 MiB ratio floor (so no ratio check) whose sum is `size`."""
    z = ZipWriter(path)
    z.add("[Content_Types].xml", CONTENT_TYPES_DOCX)
    z.add("_rels/.rels", RELS_DOCX)
    z.add("word/document.xml", DOC_HEAD + b"<w:p><w:r><w:t>hello</w:t></w:r></w:p>" + DOC_TAIL)
    blob = b"<x>" + b"A" * (MiB - 16) + b"</x>"
    compressed = zlib.compress(blob, 9)[2:-4]
    crc = binascii.crc32(blob)
    for i in range(size // len(blob) + 1):
        z.add_raw(f"word/media/pad{i}.bin", compressed, crc, len(blob))
    z.close()


def bomb_docx_within(path, size):
    """Passes every zip rule: one part of `size` bytes deflated under 250:1, inside the 2 GiB total."""
    docx(path, varied_paragraphs(size, seed=7), stream_level=6)


def bomb_docx_liar(path, size):
    """A part whose central directory says 1 KiB but whose deflate stream inflates to `size` bytes."""
    z = ZipWriter(path)
    z.add("[Content_Types].xml", CONTENT_TYPES_DOCX)
    z.add("_rels/.rels", RELS_DOCX)
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    out, crc = [], 0
    for chunk in paragraphs(size, b"A" * 1000):
        crc = binascii.crc32(chunk, crc)
        out.append(deflate.compress(chunk))
    out.append(deflate.flush())
    z.add_raw("word/document.xml", b"".join(out), crc, 1024)
    z.close()


def bomb_docx_laughs(path, levels):
    """Billion laughs: a DTD whose entities expand 10**levels times, in word/document.xml."""
    dtd = [b'<!ENTITY lol0 "lol">']
    for i in range(1, levels + 1):
        dtd.append(b"<!ENTITY lol%d \"%s\">" % (i, b"".join(b"&lol%d;" % (i - 1) for _ in range(10))))
    doc = (b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE w:document [' + b"".join(dtd) + b"]>\n<w:document " + W
           + b"><w:body><w:p><w:r><w:t>&lol%d;</w:t></w:r></w:p></w:body></w:document>" % levels)
    z = ZipWriter(path)
    z.add("[Content_Types].xml", CONTENT_TYPES_DOCX)
    z.add("_rels/.rels", RELS_DOCX)
    z.add("word/document.xml", doc)
    z.close()


def bomb_docx_deep(path, depth):
    """Elements nested `depth` deep in word/document.xml (tables in tables: the DOM is built recursively)."""
    open_ = b"<w:tbl><w:tr><w:tc>"
    close = b"<w:p/></w:tc></w:tr></w:tbl>"

    def chunks():
        yield DOC_HEAD
        yield open_ * depth
        yield b"<w:p><w:r><w:t>deep</w:t></w:r></w:p>"
        yield close * depth
        yield DOC_TAIL
    # Stored, not deflated: deflated, a part this repetitive trips the ratio rule before its depth is seen.
    docx(path, chunks(), stream_level=0)


CONTENT_TYPES_XLSX = b"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>%s<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"""
S = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
R = b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def xlsx(path, sheets, shared_strings):
    """sheets: a list of (name, compressed-or-bytes) where each item is bytes (deflated here) or a
    (compressed, crc, size) triple made once and reused."""
    overrides = b"".join(b'<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' % (i + 1)
                         for i in range(len(sheets)))
    workbook = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook ' + S + b" " + R + b"><sheets>"
                + b"".join(b'<sheet name="S%d" sheetId="%d" r:id="rId%d"/>' % (i + 1, i + 1, i + 1) for i in range(len(sheets)))
                + b"</sheets></workbook>")
    rels = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + b"".join(b'<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>' % (i + 1, i + 1) for i in range(len(sheets)))
            + b'<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
    z = ZipWriter(path)
    z.add("[Content_Types].xml", CONTENT_TYPES_XLSX % overrides)
    z.add("_rels/.rels", b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    z.add("xl/workbook.xml", workbook)
    z.add("xl/_rels/workbook.xml.rels", rels)
    z.add("xl/sharedStrings.xml", shared_strings)
    for i, sheet in enumerate(sheets):
        if isinstance(sheet, tuple):
            z.add_raw(f"xl/worksheets/sheet{i + 1}.xml", *sheet)
        else:
            z.add(f"xl/worksheets/sheet{i + 1}.xml", sheet)
    z.close()


def sheet(rows):
    return b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ' + S + b"><sheetData>" + rows + b"</sheetData></worksheet>"


def shared(*strings):
    return (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst ' + S + b' count="%d" uniqueCount="%d">' % (len(strings), len(strings))
            + b"".join(b"<si><t>" + s + b"</t></si>" for s in strings) + b"</sst>")


def bomb_xlsx_shared(path, cells):
    """One shared string just under the 1 MiB ratio floor, referred to by `cells` cells (the sheet stays
    under the floor too, up to ~45,000 cells, so the zip rules pass and the cell-text limit is what holds)."""
    text = b"A" * (MiB - 4096)
    per_row = 100
    row = b"<row>" + b'<c t="s"><v>0</v></c>' * per_row + b"</row>"
    xlsx(path, [sheet(row * (cells // per_row))], shared(text))


def bomb_xlsx_sheets(path, size):
    """Passes every zip rule: sheets just under the 1 MiB ratio floor (each deflated ~1000:1), `size` bytes in all."""
    row = b"<row>" + b'<c t="s"><v>0</v></c>' * 50 + b"</row>"
    body = sheet(row * ((MiB - 4096) // len(row)))
    compressed = zlib.compress(body, 9)[2:-4]
    entry = (compressed, binascii.crc32(body), len(body))
    xlsx(path, [entry] * max(1, size // len(body)), shared(b"x"))


def bomb_xlsx_laughs(path, levels):
    """Billion laughs in xl/sharedStrings.xml, the part that is streamed rather than checked up front."""
    dtd = [b'<!ENTITY lol0 "lol">']
    for i in range(1, levels + 1):
        dtd.append(b"<!ENTITY lol%d \"%s\">" % (i, b"".join(b"&lol%d;" % (i - 1) for _ in range(10))))
    sst = (b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE sst [' + b"".join(dtd) + b"]>\n<sst " + S
           + b' count="1" uniqueCount="1"><si><t>&lol%d;</t></si></sst>' % levels)
    xlsx(path, [sheet(b'<row><c t="s"><v>0</v></c></row>')], sst)


# ---------------------------------------------------------------------------------------------- PDF


def pdf(path, objects):
    """objects: bodies of objects 1..n (1 must be the catalog). A body is bytes, or (dict, stream)."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i
        if isinstance(body, tuple):
            head, stream = body
            out += head[:-2] + b" /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"
        else:
            out += body
        out += b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for o in offsets:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    with open(path, "wb") as f:
        f.write(out)


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def one_page(path, content, media=b"0 0 612 792", xobjects=(), extra=()):
    """A one-page PDF: objects 1 catalog, 2 pages, 3 page, 4 font, 5 content, then xobjects (6, 7, ...)."""
    xo = b" ".join(b"/X%d %d 0 R" % (i, 6 + i) for i in range(len(xobjects)))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [" + media + b"] /Resources << /Font << /F1 4 0 R >> /XObject << " + xo + b" >> >> /Contents 5 0 R >>",
        FONT,
        content,
        *xobjects,
        *extra,
    ]
    pdf(path, objects)


def deflated(data_chunks, level=9):
    deflate = zlib.compressobj(level)
    return b"".join(deflate.compress(c) for c in data_chunks) + deflate.flush()


def bomb_pdf_flate(path, size):
    """A content stream that inflates to `size` bytes (of `q Q` pairs: each an operation to parse), then a line of text."""
    block = b"q Q " * (MiB // 4)

    def chunks():
        for _ in range(size // len(block)):
            yield block
        yield b"BT /F1 12 Tf 72 720 Td (after the flood) Tj ET\n"
    one_page(path, (b"<< /Filter /FlateDecode >>", deflated(chunks())))


def bomb_pdf_textops(path, count):
    """One page with `count` one-letter text operations, each at its own place in 1 pt type."""
    def chunks():
        yield b"BT /F1 1 Tf\n"
        line = []
        for i in range(count):
            line.append(b"1 0 0 1 %d %d Tm (%c) Tj\n" % (10 + (i % 590), 10 + (i // 590) % 770, 97 + i % 26))
            if len(line) == 4096:
                yield b"".join(line)
                line = []
        yield b"".join(line) + b"ET\n"
    one_page(path, (b"<< /Filter /FlateDecode >>", deflated(chunks(), 6)))


def bomb_pdf_mediabox(path, _):
    """A 14400 x 14400 pt page (200 inches square, the largest PDF allows) with no text: it goes to OCR."""
    content = b"0 0 0 rg 100 100 14200 14200 re S 5000 5000 4000 4000 re f\n"
    one_page(path, (b"<< >>", content), media=b"0 0 14400 14400")


def bomb_pdf_recursive(path, _):
    """Form XObjects that draw themselves: X0 draws X0; X1 draws X2, which draws X1."""
    form = b"<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> /XObject << %s >> >> >>"
    xobjects = [
        (form % b"/Self 6 0 R", b"BT /F1 12 Tf 72 700 Td (self) Tj ET /Self Do\n"),
        (form % b"/Other 8 0 R", b"BT /F1 12 Tf 72 680 Td (ping) Tj ET /Other Do\n"),
        (form % b"/Other 7 0 R", b"BT /F1 12 Tf 72 660 Td (pong) Tj ET /Other Do\n"),
    ]
    one_page(path, (b"<< >>", b"BT /F1 12 Tf 72 720 Td (recursion) Tj ET /X0 Do /X1 Do\n"), xobjects=xobjects)


def bomb_pdf_fanout(path, levels):
    """Form XObjects in a chain, each drawing the next ten times: 10**levels draws of one letter (within the depth limit)."""
    form = b"<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> /XObject << %s >> >> >>"
    xobjects = []
    for i in range(levels):
        obj = 6 + i
        if i == levels - 1:
            xobjects.append((form % b"", b"BT /F1 2 Tf 72 72 Td (x) Tj ET\n"))
        else:
            xobjects.append((form % (b"/N %d 0 R" % (obj + 1)), b"q 1 0 0 1 0.1 0.1 cm /N Do Q\n" * 10))
    one_page(path, (b"<< >>", b"BT /F1 12 Tf 72 720 Td (fan out) Tj ET /X0 Do\n"), xobjects=xobjects)


# -------------------------------------------------------------------------------------------- images


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", binascii.crc32(kind + data))


def bomb_png_dims(path, side):
    """A PNG whose header declares side x side pixels (RGBA), with one tiny data chunk."""
    ihdr = struct.pack(">IIBBBBB", side, side, 8, 6, 0, 0, 0)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) + png_chunk(b"IDAT", zlib.compress(b"\0" * 1024)) + png_chunk(b"IEND", b""))


def bomb_png_flate(path, side):
    """A real grey PNG of side x side pixels (under the pixel limit), all white: its data deflates ~1000:1."""
    row = b"\0" + b"\xff" * side
    deflate = zlib.compressobj(9)
    body = b"".join(deflate.compress(row) for _ in range(side)) + deflate.flush()
    ihdr = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) + png_chunk(b"IDAT", body) + png_chunk(b"IEND", b""))


def bomb_tiff_dims(path, side):
    """A little-endian TIFF whose one page declares side x side pixels (8-bit grey, one strip)."""
    entries = [
        (256, 4, 1, side), (257, 4, 1, side), (258, 3, 1, 8), (259, 3, 1, 1), (262, 3, 1, 1),
        (273, 4, 1, 8), (277, 3, 1, 1), (278, 4, 1, side), (279, 4, 1, min(side * side, 0xFFFFFFFF)),
    ]
    ifd = struct.pack("<H", len(entries))
    for tag, kind, count, value in entries:
        ifd += struct.pack("<HHI", tag, kind, count) + (struct.pack("<HH", value, 0) if kind == 3 else struct.pack("<I", value))
    ifd += struct.pack("<I", 0)
    data = b"\0" * 64
    with open(path, "wb") as f:
        f.write(b"II*\0" + struct.pack("<I", 8 + len(data)) + data + ifd)


# ------------------------------------------------------------------------------------ HTML, Markdown


def bomb_html_nested(path, depth):
    with open(path, "wb") as f:
        f.write(b"<!DOCTYPE html><html><head><title>deep</title></head><body>")
        f.write(b"<div><ul><li>" * (depth // 3))
        f.write(b"deep")
        f.write(b"</li></ul></div>" * (depth // 3))
        f.write(b"</body></html>\n")


def bomb_md_nested(path, depth):
    """Block quotes nested `depth` deep, then lists in block quotes, then brackets `depth` deep."""
    with open(path, "wb") as f:
        f.write(b"# Deep\n\n")
        f.write(b">" * depth + b" quoted\n\n")
        f.write(b"> - " * (depth // 4) + b"item\n\n")
        f.write(b"[" * depth + b"link" + b"]" * depth + b"(x)\n\n")
        f.write(b"*" * depth + b"emphasis" + b"*" * depth + b"\n")


# ------------------------------------------------------------------------------------------ the list

# name, file extension, generator, bounded size, full size, what it is, outcomes the service may give
# (a documented error code, or "completed" where converting it within the budgets is legitimate).
LIMITS = {"RESOURCE_LIMIT"}
BOMBS = [
    ("docx-zip-ratio", "docx", bomb_docx_ratio, 64 * MiB, 2 * GiB - 64 * MiB, "a part deflated ~1000:1 (breaks the 250:1 rule)", {"FILE_TOO_LARGE"}),
    ("docx-zip-total", "docx", bomb_docx_total, 2 * GiB + 8 * MiB, 3 * GiB, "2,000+ parts under the 1 MiB ratio floor, > 2 GiB in all", {"FILE_TOO_LARGE"}),
    ("docx-zip-within", "docx", bomb_docx_within, 24 * MiB, 1 * GiB, "one part deflated under 250:1 (passes every zip rule)", {"completed", "RESOURCE_LIMIT", "FILE_TOO_LARGE"}),
    ("docx-zip-liar", "docx", bomb_docx_liar, 64 * MiB, 2 * GiB, "a part that says 1 KiB and inflates far more", {"UNREADABLE_DOCUMENT", "RESOURCE_LIMIT", "FILE_TOO_LARGE"}),
    ("docx-xml-laughs", "docx", bomb_docx_laughs, 9, 12, "billion laughs: a DTD expanding 10^n times", {"UNREADABLE_DOCUMENT"}),
    ("docx-xml-deep", "docx", bomb_docx_deep, 20_000, 100_000, "tables nested n deep in word/document.xml", {"UNREADABLE_DOCUMENT"}),
    ("xlsx-shared-strings", "xlsx", bomb_xlsx_shared, 200, 45_000, "n cells all showing one ~1 MiB shared string", {"FILE_TOO_LARGE"}),
    ("xlsx-zip-sheets", "xlsx", bomb_xlsx_sheets, 64 * MiB, 2 * GiB - 64 * MiB, "sheets under the ratio floor, n bytes of cells in all", {"completed", "RESOURCE_LIMIT", "FILE_TOO_LARGE"}),
    ("xlsx-xml-laughs", "xlsx", bomb_xlsx_laughs, 9, 12, "billion laughs in xl/sharedStrings.xml", {"UNREADABLE_DOCUMENT"}),
    ("pdf-flate", "pdf", bomb_pdf_flate, 128 * MiB, 1 * GiB, "a content stream inflating to n bytes", {"completed", "RESOURCE_LIMIT", "FILE_TOO_LARGE", "UNREADABLE_DOCUMENT"}),
    ("pdf-text-ops", "pdf", bomb_pdf_textops, 100_000, 1_000_000, "n one-letter text operations on one page", {"completed", "RESOURCE_LIMIT"}),
    ("pdf-mediabox", "pdf", bomb_pdf_mediabox, 0, 0, "a 14400 x 14400 pt page without text (OCR)", {"completed", "RESOURCE_LIMIT", "OCR_FAILED", "FILE_TOO_LARGE"}),
    ("pdf-xobject-recursive", "pdf", bomb_pdf_recursive, 0, 0, "form XObjects that draw themselves", {"completed", "UNREADABLE_DOCUMENT"}),
    ("pdf-xobject-fanout", "pdf", bomb_pdf_fanout, 7, 12, "forms drawing the next one 10 times, n deep", {"completed", "RESOURCE_LIMIT", "UNREADABLE_DOCUMENT"}),
    ("png-dims", "png", bomb_png_dims, 100_000, 1_000_000, "a PNG header declaring n x n pixels", {"FILE_TOO_LARGE"}),
    ("png-flate", "png", bomb_png_flate, 2_000, 7_900, "a real white n x n PNG (under the pixel limit)", {"completed", "OCR_FAILED", "RESOURCE_LIMIT"}),
    ("tiff-dims", "tiff", bomb_tiff_dims, 100_000, 1_000_000, "a TIFF page declaring n x n pixels", {"FILE_TOO_LARGE"}),
    ("html-nested", "html", bomb_html_nested, 30_000, 300_000, "div/ul/li nested n deep", {"completed", "RESOURCE_LIMIT", "UNREADABLE_DOCUMENT"}),
    ("md-nested", "md", bomb_md_nested, 20_000, 200_000, "block quotes, lists, brackets, emphasis n deep", {"completed", "RESOURCE_LIMIT", "UNREADABLE_DOCUMENT"}),
]


def generate(folder, full=False, only=None):
    """Writes the bombs into folder; yields (name, path, size parameter, description, allowed outcomes)."""
    os.makedirs(folder, exist_ok=True)
    for name, ext, make, bounded, big, what, allowed in BOMBS:
        if only and name not in only:
            continue
        size = big if full else bounded
        path = os.path.join(folder, f"{name}.{ext}")
        make(path, size)
        yield name, path, size, what, allowed


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder")
    parser.add_argument("--full", action="store_true", help="the real sizes (default: the bounded ones)")
    parser.add_argument("--only", help="comma-separated bomb names")
    args = parser.parse_args()
    only = set(args.only.split(",")) if args.only else None
    for name, path, size, what, _ in generate(args.folder, args.full, only):
        print(f"{name:24} {os.path.getsize(path):>12,} bytes  n={size:,}  {what}")


if __name__ == "__main__":
    sys.exit(main())
