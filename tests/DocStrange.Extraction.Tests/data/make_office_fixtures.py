#!/usr/bin/env python3
"""Writes the small synthetic Office fixtures (features.docx, formats.xlsx) from hand-written XML.

Standard library only. Run from this folder; the files are committed, so this only documents how
they were made and remakes them when a case is added:  python3 make_office_fixtures.py
formats.xls is formats.xlsx saved by LibreOffice:
  soffice --headless --convert-to xls --outdir xls xlsx/formats.xlsx
"""
import zipfile

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' \
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"


def write(path, parts):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text)


def p(runs, style=None, num=None):
    ppr = ""
    if style or num:
        ppr = "<w:pPr>" + (f'<w:pStyle w:val="{style}"/>' if style else "") + \
              (f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>' if num else "") + "</w:pPr>"
    return f"<w:p>{ppr}{runs}</w:p>"


def r(text, props=""):
    return f'<w:r>{"<w:rPr>" + props + "</w:rPr>" if props else ""}<w:t xml:space="preserve">{text}</w:t></w:r>'


def docx():
    body = "".join([
        p(r("Feature tour"), "Title"),
        p(r("Runs"), "Heading1"),
        p(r("Plain, ") + r("bold", "<w:b/>") + r(", ") + r("italic", "<w:i/>") + r(", ") +
          r("code", '<w:rFonts w:ascii="Courier New" w:hAnsi="Courier New"/>') + r(" and ") +
          '<w:hyperlink r:id="rIdLink">' + r("a link") + "</w:hyperlink>" + r(".") +
          r(" Hidden words", "<w:vanish/>") + r(" A note") +
          '<w:r><w:footnoteReference w:id="1"/></w:r>' + r(" ends here.")),
        p(r("Lists"), "Heading2"),
        p(r("First lettered"), num=(2, 0)),
        p(r("Second lettered"), num=(2, 0)),
        p(r("Bullet inside"), num=(1, 1)),
        p(r("Numbered one"), num=(3, 0)),
        p(r("Numbered two"), num=(3, 0)),
        p(r("Restarted at one"), num=(4, 0)),
        p(r("Code"), "Heading2"),
        p(r("let x = 1;"), "Code"),
        p(r("let y = x + 1;"), "Code"),
        p(r("Line one") + "<w:r><w:br/></w:r>" + r("line two, after a break.")),
        p(r("Figure 1: a caption"), "Caption"),
        '<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/>'
        '<w:footerReference w:type="default" r:id="rIdFooter"/></w:sectPr>',
    ])
    styles = f"""<w:styles {W}>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Code"><w:name w:val="Source Code"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:basedOn w:val="Normal"/></w:style>
</w:styles>"""
    numbering = f"""<w:numbering {W}>
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="o"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
</w:numbering>"""
    footnotes = f"""<w:footnotes {W}>
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>{r(" The footnote text.")}</w:p></w:footnote>
</w:footnotes>"""
    rels = f"""<Relationships xmlns="{PKG_REL}">
<Relationship Id="rIdStyles" Type="{REL}/styles" Target="styles.xml"/>
<Relationship Id="rIdNumbering" Type="{REL}/numbering" Target="numbering.xml"/>
<Relationship Id="rIdFootnotes" Type="{REL}/footnotes" Target="footnotes.xml"/>
<Relationship Id="rIdHeader" Type="{REL}/header" Target="header1.xml"/>
<Relationship Id="rIdFooter" Type="{REL}/footer" Target="footer1.xml"/>
<Relationship Id="rIdLink" Type="{REL}/hyperlink" Target="https://example.com/docs" TargetMode="External"/>
</Relationships>"""
    wml = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    write("docx/features.docx", {
        "[Content_Types].xml": f"""<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="{wml}.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="{wml}.styles+xml"/>
<Override PartName="/word/numbering.xml" ContentType="{wml}.numbering+xml"/>
<Override PartName="/word/footnotes.xml" ContentType="{wml}.footnotes+xml"/>
<Override PartName="/word/header1.xml" ContentType="{wml}.header+xml"/>
<Override PartName="/word/footer1.xml" ContentType="{wml}.footer+xml"/>
</Types>""",
        "_rels/.rels": f"""<Relationships xmlns="{PKG_REL}"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/></Relationships>""",
        "word/_rels/document.xml.rels": rels,
        "word/document.xml": f"<w:document {W}><w:body>{body}</w:body></w:document>",
        "word/styles.xml": styles,
        "word/numbering.xml": numbering,
        "word/footnotes.xml": footnotes,
        "word/header1.xml": f"<w:hdr {W}>{p(r('Running header'))}</w:hdr>",
        "word/footer1.xml": f"<w:ftr {W}>{p(r('Page footer'))}</w:ftr>",
    })


def c(ref, value, t=None, s=None, f=None):
    attrs = f' r="{ref}"' + (f' t="{t}"' if t else "") + (f' s="{s}"' if s is not None else "")
    if t == "inlineStr":
        return f'<c{attrs}><is><t>{value}</t></is></c>'
    return f'<c{attrs}>{"<f>" + f + "</f>" if f else ""}<v>{value}</v></c>'


def xlsx():
    sml = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    strings = ["Item", "Date", "Share", "Price", "Ratio", "Done", "Total", "Region", "North", "South", "Merged title", "Secret"]
    sst = "".join(f"<si><t>{s}</t></si>" for s in strings)
    # Styles: 0 General, 1 m/d/yyyy (14), 2 0.0% (custom 164), 3 currency (custom 165), 4 "# ?/?" (12), 5 yyyy-mm-dd hh:mm (custom 166), 6 #,##0.00 (4)
    styles = f"""<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="3"><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="[$€-407]#,##0.00;[Red]-[$€-407]#,##0.00"/>
<numFmt numFmtId="166" formatCode="yyyy\\-mm\\-dd\\ hh:mm"/></numFmts>
<cellXfs count="7"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="12"/><xf numFmtId="166"/><xf numFmtId="4"/></cellXfs>
</styleSheet>"""
    rows1 = [
        [c("A1", 0, "s"), c("B1", 1, "s"), c("C1", 2, "s"), c("D1", 3, "s"), c("E1", 4, "s"), c("F1", 5, "s")],
        [c("A2", "Widget", "inlineStr"), c("B2", 45306, s=1), c("C2", 0.125, s=2), c("D2", 1234.5, s=3), c("E2", 0.75, s=4), c("F2", 1, "b")],
        [c("A3", "Gadget", "inlineStr"), c("B3", 45307.5, s=5), c("C3", 1, s=2), c("D3", -20, s=3), c("E3", 2.5, s=4), c("F3", 0, "b")],
        [c("A4", 6, "s"), c("D4", 1214.5, s=6, f="SUM(D2:D3)"), c("E4", "#DIV/0!", "e", f="1/0")],
    ]
    sheet1 = "".join(f'<row r="{i + 1}">{"".join(cells)}</row>' for i, cells in enumerate(rows1))
    # Second sheet: a merged title over a region, an empty row and column gap, a second region.
    sheet2 = (f'<row r="2">{c("B2", 10, "s")}</row>'
              f'<row r="3">{c("B3", 7, "s")}{c("C3", 3, "s")}</row>'
              f'<row r="4">{c("B4", 8, "s")}{c("C4", 1.5)}</row>'
              f'<row r="5">{c("B5", 9, "s")}{c("C5", 2)}</row>'
              f'<row r="8">{c("F8", "Notes", "inlineStr")}</row>'
              f'<row r="9">{c("F9", "second region", "inlineStr")}</row>')
    sheet3 = f'<row r="1">{c("A1", 11, "s")}</row>'
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    write("xlsx/formats.xlsx", {
        "[Content_Types].xml": f"""<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="{sml}.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{sml}.worksheet+xml"/>
<Override PartName="/xl/worksheets/sheet2.xml" ContentType="{sml}.worksheet+xml"/>
<Override PartName="/xl/worksheets/sheet3.xml" ContentType="{sml}.worksheet+xml"/>
<Override PartName="/xl/sharedStrings.xml" ContentType="{sml}.sharedStrings+xml"/>
<Override PartName="/xl/styles.xml" ContentType="{sml}.styles+xml"/>
</Types>""",
        "_rels/.rels": f"""<Relationships xmlns="{PKG_REL}"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>""",
        "xl/_rels/workbook.xml.rels": f"""<Relationships xmlns="{PKG_REL}">
<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="{REL}/worksheet" Target="worksheets/sheet2.xml"/>
<Relationship Id="rId3" Type="{REL}/worksheet" Target="worksheets/sheet3.xml"/>
<Relationship Id="rId4" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>
<Relationship Id="rId5" Type="{REL}/styles" Target="styles.xml"/>
</Relationships>""",
        "xl/workbook.xml": f"""<workbook {ns} xmlns:r="{REL}"><sheets>
<sheet name="Values" sheetId="1" r:id="rId1"/><sheet name="Regions" sheetId="2" r:id="rId2"/>
<sheet name="Hidden" sheetId="3" state="hidden" r:id="rId3"/></sheets></workbook>""",
        "xl/sharedStrings.xml": f'<sst {ns} count="{len(strings)}" uniqueCount="{len(strings)}">{sst}</sst>',
        "xl/styles.xml": styles,
        "xl/worksheets/sheet1.xml": f"<worksheet {ns}><sheetData>{sheet1}</sheetData></worksheet>",
        "xl/worksheets/sheet2.xml": f'<worksheet {ns}><sheetData>{sheet2}</sheetData><mergeCells count="1"><mergeCell ref="B2:C2"/></mergeCells></worksheet>',
        "xl/worksheets/sheet3.xml": f"<worksheet {ns}><sheetData>{sheet3}</sheetData></worksheet>",
    })


if __name__ == "__main__":
    docx()
    xlsx()
