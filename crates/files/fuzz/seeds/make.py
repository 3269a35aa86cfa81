"""Writes the seed inputs of the majlis-files fuzz targets (small files,
built like the crate's test fixtures in tests/common). Run from this folder:
python3 make.py"""
import io, zipfile, zlib

CT = b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'
DOCX = '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="w"><w:body><w:p><w:pPr><w:tabs><w:tab w:val="left"/></w:tabs></w:pPr><w:r><w:t xml:space="preserve">Dil kursları &amp; İstanbul</w:t><w:tab/><w:t>تعلم اللغة</w:t><w:br/></w:r></w:p><w:p><w:r><w:t>Sprachkurse&#x21;</w:t></w:r></w:p></w:body></w:document>'.encode()
SLIDE = '<p:sld xmlns:p="p" xmlns:a="a"><p:cSld><p:spTree><p:sp><p:txBody><a:p><a:r><a:t>Logement</a:t></a:r><a:br/><a:r><a:t>السكن</a:t></a:r></a:p></p:txBody></p:sp></p:spTree></p:cSld></p:sld>'.encode()
SHARED = '<sst xmlns="x"><si><t>Employment</t></si><si><r><t>İstihdam</t></r><rPh><t>ignored</t></rPh></si></sst>'.encode()
SHEET = '<worksheet xmlns="x"><sheetData><row><c t="inlineStr"><is><t>Arbeit</t></is></c></row></sheetData></worksheet>'.encode()
ODT = '<office:document-content xmlns:office="o" xmlns:text="t"><office:body><office:text><text:h>Accueil</text:h><text:p>Cours<text:tab/>de langue<text:s/>à Lyon<text:line-break/>التوظيف</text:p></office:text></office:body></office:document-content>'.encode()


def zipped(entries):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in entries:
            method = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            z.writestr(zipfile.ZipInfo(name, (2026, 1, 1, 0, 0, 0)), data, compress_type=method)
    return buf.getvalue()


def odf(mime):
    return zipped([("mimetype", mime.encode()), ("content.xml", ODT)])


def pdf(pages, compress):
    """A PDF with one Helvetica font and one content stream per page."""
    n = len(pages)
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            ("<< /Type /Pages /Count %d /Kids [%s] >>" % (n, " ".join("%d 0 R" % (4 + 2 * i) for i in range(n)))).encode(),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    for i, text in enumerate(pages):
        objs.append(("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (5 + 2 * i)).encode())
        content = ("BT /F1 12 Tf 50 800 Td (%s) Tj 0 -14 Td [(Kern)-120(ed)] TJ ET" % text).encode()
        if compress:
            data = zlib.compress(content)
            objs.append(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream")
        else:
            objs.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, o in enumerate(objs):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


docx = zipped([("[Content_Types].xml", CT), ("_rels/.rels", b"<Relationships/>"), ("word/document.xml", DOCX)])
pptx = zipped([("[Content_Types].xml", CT), ("ppt/presentation.xml", b"<p:presentation/>"), ("ppt/slides/slide2.xml", SLIDE), ("ppt/slides/slide1.xml", SLIDE)])
xlsx = zipped([("[Content_Types].xml", CT), ("xl/workbook.xml", b"<workbook/>"), ("xl/sharedStrings.xml", SHARED), ("xl/worksheets/sheet1.xml", SHEET)])
docm = zipped([("[Content_Types].xml", CT), ("word/document.xml", DOCX), ("word/vbaProject.bin", b"\0" * 64)])
bomb = zipped([("[Content_Types].xml", CT), ("word/document.xml", b"<w:t>" + b"a" * 3_000_000 + b"</w:t>")])
for name, data in [("docx", docx), ("pptx", pptx), ("xlsx", xlsx), ("docm", docm), ("bomb.docx", bomb),
                   ("odt", odf("application/vnd.oasis.opendocument.text")),
                   ("ods", odf("application/vnd.oasis.opendocument.spreadsheet")),
                   ("odp", odf("application/vnd.oasis.opendocument.presentation")),
                   ("plain.zip", zipped([("a.txt", b"hello")])),
                   ("pdf", pdf(["Language cafes"], False)),
                   ("png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0"),
                   ("jpeg", b"\xff\xd8\xff\xe0\0\x10JFIF\0"), ("webp", b"RIFF\x24\0\0\0WEBPVP8 "),
                   ("doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 24), ("html", b"<!doctype html><p>x")]:
    write("sniff/" + name, data)
write("pdf_text/one-page.pdf", pdf(["Language cafes in the town hall"], False))
write("pdf_text/two-pages-flate.pdf", pdf(["Housing support (Lyon)", "Employment \\(jobs\\)"], True))
write("pdf_text/three-pages.pdf", pdf(["First", "Second", "Third"], True))
# office_text: first byte picks the format (0 docx, 1 pptx, 2 xlsx, 3 odt, 4 ods, 5 odp), NUL separates parts.
write("office_text/docx", b"\x00" + DOCX)
write("office_text/pptx", b"\x01" + SLIDE + b"\x00" + SLIDE)
write("office_text/xlsx", b"\x02" + SHARED + b"\x00" + SHEET)
write("office_text/odt", b"\x03" + ODT)
write("office_text/ods", b"\x04" + ODT)
