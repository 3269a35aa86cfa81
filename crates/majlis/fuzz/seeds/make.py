"""Writes the seed inputs of the majlis fuzz targets: forms as the pages
send them. Run from this folder: python3 make.py"""
from urllib.parse import urlencode
import zlib

TOKEN = "0123456789abcdef0123456789abcdef"
forms = {
    "login": [("csrf", TOKEN), ("email", "ayse@example.org"), ("password", "p\u202ew0rd"), ("next", "/account?lang=tr")],
    "practice-about": [("csrf", TOKEN), ("orig", "tr"), ("title", "Dil kursları"), ("municipality", "2"), ("themes", "1"), ("themes", "3"),
                       ("countries", "TR"), ("year", "2024"), ("period", "2023-2025"), ("summary", "Gaz\u202eiantep\u0000")],
    "event": [("csrf", TOKEN), ("kind", "workshop"), ("title", "Sprachförderung"), ("starts", "2026-03-01T10:00"), ("ends", "2026-03-01T16:00"),
              ("timezone", "Europe/Istanbul"), ("country", "TR"), ("online", "on"), ("online_url", "https://meet.example/x"), ("capacity", "40"),
              ("needs_approval", "on"), ("series", "1"), ("organisation", "2")],
    "session": [("csrf", TOKEN), ("kind", "consultation-clinic"), ("title", "Clinic"), ("day", "1"), ("starts", "10:00"), ("ends", "11:30"), ("parent", "2")],
    "dilemma": [("csrf", TOKEN), ("question", "Wie halten wir Ehrenamtliche?"), ("orig", "de"), ("visibility", "members"), ("municipality", "1"), ("themes", "2")],
    "contribution": [("csrf", TOKEN), ("kind", "idea"), ("body", "السكن أولاً"), ("practice", "3"), ("url", "/practices/3"), ("key", "k-1")],
    "outcomes": [("csrf", TOKEN), ("report", "1"), ("practices", "2"), ("total", "35"), ("by_country", "TR=20"), ("by_country", "DE=15")],
    "edition": [("csrf", TOKEN), ("orig", "en"), ("year", "2026"), ("title_en", "Compendium"), ("introduction_ar", "مقدمة"), ("theme", "housing")],
    "filters": [("kind", "guide"), ("theme", "housing"), ("country", "tr"), ("language", "ar"), ("year", "2025"), ("status", "open"), ("event", "iftar-2026")],
}
for name, pairs in forms.items():
    with open("form/" + name, "w", encoding="utf-8") as f:
        f.write(urlencode(pairs))

redirects = ["/", "/account", "/municipalities?country=TR", "/events/iftar-2026?lang=ar", "/search?q=a%20b", "/practices/12#files",
             "/events/café", "//evil.example", "/\\evil.example", "/%2F/evil.example", "/%252F/evil.example", "/%E2%80%AEgnp.exe",
             "/%C2%85/x", "https://evil.example", "/\t/evil.example"]
for i, r in enumerate(redirects):
    with open("redirect/%02d" % i, "w", encoding="utf-8") as f:
        f.write(r)


def part(name, value=None, filename=None, content=b"", ctype=None):
    head = 'Content-Disposition: form-data; name="%s"' % name
    if filename is not None:
        head += '; filename="%s"' % filename
    head = head.encode("utf-8")
    if ctype:
        head += b"\r\nContent-Type: " + ctype.encode()
    body = content if value is None else value.encode("utf-8")
    return b"--majlisfuzz\r\n" + head + b"\r\n\r\n" + body + b"\r\n"


pdf = (b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Count 0 /Kids [] >> endobj\n"
       b"trailer << /Root 1 0 R >>\n%%EOF\n")
resource = (part("csrf", TOKEN) + part("kind", "guide") + part("orig", "ar") + part("title", "دليل\u202e") + part("themes", "1")
            + part("version_lang", "ar") + part("version_title", "v1") + part("version_file", filename="دليل.pdf", content=pdf, ctype="application/pdf")
            + part("extra_file", filename="", content=b"") + b"--majlisfuzz--\r\n")
link = part("csrf", TOKEN) + part("kind", "link") + part("orig", "en") + part("version_url", "https://example.org/x") + b"--majlisfuzz--\r\n"
wrong = part("title", "x") + part("csrf", TOKEN) + b"--majlisfuzz--\r\n"
png = part("csrf", TOKEN) + part("image", filename="a.png", content=b"\x89PNG\r\n\x1a\n" + zlib.compress(b"x" * 300)) + b"--majlisfuzz--\r\n"
# First byte: the size of the chunks the body arrives in (1 + 17 * byte).
for name, body, chunk in [("resource", resource, 255), ("resource-small-chunks", resource, 0), ("link", link, 3),
                          ("token-not-first", wrong, 255), ("png", png, 9)]:
    with open("multipart/" + name, "wb") as f:
        f.write(bytes([chunk]) + body)
