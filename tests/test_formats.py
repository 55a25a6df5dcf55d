"""The readers: text, Markdown, HTML and PDF in, a Document with plain text and metadata out.

Real input is the five samples in examples/minutes; made-up input is written to tmp_path (or is
the ModernGov-like page in tests/fixtures/). Failures must be ExtractionError / UnsupportedFormat
naming the file, never a stray exception.
"""
from __future__ import annotations

import re

import pytest

from graph.errors import ExtractionError, PartnershipGraphError, UnsupportedFormat
from graph.model import Label, Rel
from helpers import FIXTURES, assert_same_people, attendees, items, meeting, presenters, sample_path
from loaders.extract import extract
from loaders.formats import load, markdown_to_text, supported_suffixes

MINUTES = """Safer Communities Partnership Board

Minutes of a meeting held on 23 July 2021

Board Members Present:

Fiona Bateman – Independent Chair, Barnet Safeguarding Adults Board

1. Welcome and Introductions

The Chairman welcomed all to the meeting.
"""


def the_meeting(doc):
    g = extract(doc)
    found = list(g.of_label(Label.MEETING))
    assert len(found) == 1
    return found[0]


# =============================================================================================== text

class TestText:
    @pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
    def test_every_sample_loads(self, prefix):
        path = sample_path(prefix)
        doc = load(path)
        assert doc.name == path.name
        assert doc.path == path
        assert doc.format == "text"
        assert re.fullmatch(r"[0-9a-f]{64}", doc.sha256)
        assert "\r" not in doc.text and "\xa0" not in doc.text
        assert len(doc.lines) > 50

    def test_sha256_is_of_the_file_bytes(self, tmp_path):
        import hashlib

        path = tmp_path / "m.txt"
        path.write_text(MINUTES, encoding="utf-8")
        assert load(path).sha256 == hashlib.sha256(path.read_bytes()).hexdigest()

    def test_plain_text_keeps_its_lines(self, tmp_path):
        path = tmp_path / "minutes.txt"
        path.write_text(MINUTES.replace("\n", "\r\n"), encoding="utf-8")
        doc = load(path)
        assert doc.lines[0] == "Safer Communities Partnership Board"
        assert "Fiona Bateman – Independent Chair, Barnet Safeguarding Adults Board" in doc.lines
        assert doc.text.count("\n") == MINUTES.count("\n")

    def test_markdown_of_the_pdf_pack_is_stripped(self):
        doc = load(sample_path("001"))          # a .txt holding Markdown: detected by its headings and bold
        assert "**" not in doc.text
        assert "<sup>" not in doc.text
        assert not re.search(r"^#", doc.text, re.M)
        assert "Board Members Present:" in doc.lines
        assert "Action: Ms McElligott/Mr Tan" in doc.lines
        assert "The minutes of the meeting held on 22nd January 2021 were approved as a correct record." in doc.lines
        assert "tracy.scollin@barnet.gov.uk" in doc.text and "mailto:" not in doc.text

    def test_md_file(self, tmp_path):
        path = tmp_path / "minutes.md"
        path.write_text(
            "## **Safer Communities Partnership Board**\n\n"
            "Minutes of a meeting held on 23<sup>rd</sup> July 2021\n\n"
            "### **1. WELCOME**\n\n"
            "* Contact [Tracy Scollin](mailto:tracy@example.org)\n\n"
            "__Action: All__\n", encoding="utf-8")
        doc = load(path)
        assert doc.lines == ["Safer Communities Partnership Board", "", "Minutes of a meeting held on 23rd July 2021",
                             "", "1. WELCOME", "", "- Contact Tracy Scollin", "", "Action: All", ""]
        assert the_meeting(doc).date == "2021-07-23"

    def test_markdown_to_text_keeps_words_and_lines(self):
        text = markdown_to_text("# Title\n\nsome **bold** and 22<sup>nd</sup>\n<span class='x'>kept</span>")
        assert text.split("\n") == ["Title", "", "some bold and 22nd", "kept"]

    def test_utf16_with_bom(self, tmp_path):
        path = tmp_path / "utf16.txt"
        path.write_bytes(MINUTES.replace("Chairman", "Chairman’s deputy").encode("utf-16"))
        doc = load(path)
        assert doc.text.startswith("Safer Communities Partnership Board")     # no BOM left
        assert "Chairman’s deputy" in doc.text
        assert "Fiona Bateman – Independent Chair" in doc.text
        assert the_meeting(doc).date == "2021-07-23"

    def test_windows_1252(self, tmp_path):
        path = tmp_path / "cp1252.txt"
        path.write_bytes(b"Safer Communities Partnership Board\r\n\r\nMs McElligott\x92s report \x96 "
                         b"\x93Family Services\x94 \x80100k\r\n")
        doc = load(path)
        assert "Ms McElligott’s report – “Family Services” €100k" in doc.text

    def test_utf8_with_bom(self, tmp_path):
        path = tmp_path / "bom.txt"
        path.write_bytes("\ufeff".encode("utf-8") + MINUTES.encode("utf-8"))
        assert load(path).lines[0] == "Safer Communities Partnership Board"


# =============================================================================================== HTML

@pytest.fixture(scope="module")
def page():
    return load(FIXTURES / "moderngov_meeting.html")


class TestHtml:
    def test_reads_the_content_keeping_lines(self, page):
        assert page.format == "html"
        assert page.name == "moderngov_meeting.html"
        assert page.lines[0] == "Agenda and minutes"
        assert "Safer Communities Partnership Board - Friday 23rd July 2021 10.00 am" in page.lines
        assert "Venue: Hendon Town Hall, The Burroughs, London NW4 4BQ. View directions" in page.lines
        assert "Welcome and Introductions" in page.lines
        # <br> inside a paragraph starts a new line
        assert "Sam Rosengard, Barnet Prevent Coordinator presented his slides." in page.lines
        assert "The Board noted the update." in page.lines

    def test_table_rows_become_cells_joined_by_bars(self, page):
        assert "Name | Organisation" in page.lines
        assert "Fiona Bateman | Barnet Safeguarding Adults Board" in page.lines
        assert "Ray Booth | Barnet Mencap" in page.lines         # &nbsp; and inline spans flattened

    def test_script_style_navigation_and_chrome_dropped(self, page):
        for noise in ("mgSession", "display: none", "Home", "Committees >", "Copyright notice", "<"):
            assert noise not in page.text, noise

    def test_page_extracts_end_to_end(self, page):
        g = extract(page)
        m = meeting(g, page.name)
        assert m.date == "2021-07-23"
        assert m.body == "Safer Communities Partnership Board"
        assert [(i.number, i.title) for i in items(g, m)] == [("1", "Welcome and Introductions"),
                                                               ("2", "Prevent Strategy Update")]
        assert_same_people(attendees(g, m), ["Fiona Bateman", "Alice Bird", "Ray Booth", "Sam Rosengard"])
        assert [p.name for p in presenters(g, items(g, m)[1])] == ["Sam Rosengard"]

    def test_html_without_a_content_div_and_windows_1252(self, tmp_path):
        path = tmp_path / "plain.htm"
        path.write_bytes(b"<html><body><h2>Safer Communities Partnership Board</h2>"
                         b"<p>Ms McElligott\x92s report</p><table><tr><td>A</td><td></td><td>B</td></tr></table>"
                         b"</body></html>")
        doc = load(path)
        assert doc.lines[0] == "Safer Communities Partnership Board"
        assert "Ms McElligott’s report" in doc.lines
        assert "A | B" in doc.lines                                # empty cells dropped

    def test_html_with_no_text(self, tmp_path):
        path = tmp_path / "empty.html"
        path.write_text("<html><head><title>x</title></head><body><script>1</script></body></html>")
        with pytest.raises(ExtractionError, match="empty.html"):
            load(path)


# =============================================================================================== PDF

def handmade_pdf(pages: list[list[str]]) -> bytes:
    """A minimal valid PDF, one text line per Tj, Helvetica, offsets computed: no library involved."""
    def escape(s: str) -> str:
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    objects: dict[int, bytes] = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    }
    kids = []
    for k, lines in enumerate(pages):
        page, content = 4 + 2 * k, 5 + 2 * k
        kids.append(f"{page} 0 R")
        stream = ("BT /F1 11 Tf 72 760 Td 14 TL\n" + "".join(f"({escape(l)}) Tj T*\n" for l in lines) + "ET").encode("cp1252")
        objects[page] = (f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                         f"/Resources << /Font << /F1 3 0 R >> >> /Contents {content} 0 R >>").encode()
        objects[content] = b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"
    objects[2] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>".encode()
    out = bytearray(b"%PDF-1.4\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n"
    xref = len(out)
    size = max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        out += b"%010d 00000 n \n" % offsets[number]
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    return bytes(out)


PDF_PAGES = [
    ["Safer Communities Partnership Board", "Minutes of meeting held on 19 July 2013 Committee Room 2, Hendon Town Hall",
     "", "1 Welcome & Introductions", "The Chairman welcomed the Board to the meeting."],
    ["2 Gangs Update", "DCI Garry Randall provided the board with a presentation on youth violence (2013/14).",
     "ACTION: Ann Graham"],
]


class TestPdf:
    def test_handmade_pdf(self, tmp_path):
        path = tmp_path / "minutes.pdf"
        path.write_bytes(handmade_pdf(PDF_PAGES))
        doc = load(path)
        assert doc.format == "pdf"
        assert doc.name == "minutes.pdf"
        assert "Minutes of meeting held on 19 July 2013 Committee Room 2, Hendon Town Hall" in doc.lines
        assert "DCI Garry Randall provided the board with a presentation on youth violence (2013/14)." in doc.lines
        # the pages in order
        assert doc.text.index("Welcome & Introductions") < doc.text.index("Gangs Update")
        g = extract(doc)
        m = meeting(g, "minutes.pdf")
        assert m.date == "2013-07-19"
        assert [(i.number, i.title) for i in items(g, m)] == [("1", "Welcome & Introductions"), ("2", "Gangs Update")]

    def test_matplotlib_pdf(self, tmp_path):
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        from matplotlib.backends.backend_pdf import PdfPages

        path = tmp_path / "figure.pdf"
        with matplotlib.rc_context({"pdf.fonttype": 42}), PdfPages(path) as pdf:
            for lines in PDF_PAGES:
                fig = plt.figure(figsize=(8.27, 11.69))
                for k, line in enumerate(lines):
                    fig.text(0.08, 0.95 - 0.03 * k, line, fontsize=10)
                pdf.savefig(fig)
                plt.close(fig)
        doc = load(path)
        assert doc.format == "pdf"
        squashed = " ".join(doc.text.split())
        assert "Minutes of meeting held on 19 July 2013" in squashed
        assert "ACTION: Ann Graham" in squashed
        assert squashed.index("Welcome") < squashed.index("Gangs Update")

    def test_pdf_with_no_text(self, tmp_path):
        path = tmp_path / "scan.pdf"
        path.write_bytes(handmade_pdf([[]]))
        with pytest.raises(ExtractionError, match="scan.pdf"):
            load(path)

    def test_encrypted_pdf(self, tmp_path):
        from pypdf import PdfReader, PdfWriter

        plain = tmp_path / "plain.pdf"
        plain.write_bytes(handmade_pdf(PDF_PAGES))
        writer = PdfWriter()
        for page in PdfReader(plain).pages:
            writer.add_page(page)
        writer.encrypt(user_password="secret", owner_password="owner")
        path = tmp_path / "locked.pdf"
        with path.open("wb") as fh:
            writer.write(fh)
        with pytest.raises(ExtractionError, match="locked.pdf.*encrypted"):
            load(path)

    @pytest.mark.parametrize("data", [b"%PDF-1.4\nnot really a pdf\n", b"\x00\x01\x02" * 50,
                                      handmade_pdf(PDF_PAGES)[:200]])
    def test_broken_pdf(self, tmp_path, data):
        path = tmp_path / "broken.pdf"
        path.write_bytes(data)
        with pytest.raises(ExtractionError, match="broken.pdf"):
            load(path)


# =============================================================================================== failures

class TestFailures:
    def test_empty_file(self, tmp_path):
        path = tmp_path / "empty.txt"
        path.write_bytes(b"")
        with pytest.raises(ExtractionError, match="empty.txt"):
            load(path)

    def test_whitespace_only_file(self, tmp_path):
        path = tmp_path / "blank.txt"
        path.write_text(" \n\t\n\xa0\n", encoding="utf-8")
        with pytest.raises(ExtractionError, match="blank.txt"):
            load(path)

    @pytest.mark.parametrize("suffix", [".txt", ".html", ".md"])
    def test_binary_file(self, tmp_path, suffix):
        path = tmp_path / f"image{suffix}"
        path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(range(256)))
        with pytest.raises(ExtractionError, match=f"image{re.escape(suffix)}"):
            load(path)

    def test_missing_file(self, tmp_path):
        path = tmp_path / "nowhere" / "minutes.txt"
        with pytest.raises(ExtractionError, match="minutes.txt"):
            load(path)

    @pytest.mark.parametrize("name", ["minutes.docx", "minutes.rtf", "minutes"])
    def test_unknown_suffix(self, tmp_path, name):
        path = tmp_path / name
        path.write_text(MINUTES, encoding="utf-8")
        with pytest.raises(UnsupportedFormat, match=re.escape(name)) as info:
            load(path)
        assert isinstance(info.value, PartnershipGraphError)
        assert info.value.hint

    def test_suffixes_are_case_insensitive(self, tmp_path):
        path = tmp_path / "MINUTES.TXT"
        path.write_text(MINUTES, encoding="utf-8")
        assert load(path).format == "text"

    def test_the_supported_suffixes(self):
        assert {".txt", ".md", ".html", ".htm", ".pdf"} <= set(supported_suffixes())


# =============================================================================================== metadata

class TestMetadata:
    def test_front_matter_supplies_body_date_url_and_wins(self, tmp_path):
        path = tmp_path / "scpb.txt"
        path.write_text("---\nbody: Safer Communities Partnership Board\ndate: 2021-07-30\n"
                        "url: https://barnet.moderngov.co.uk/ieListDocuments.aspx?MId=10756\nvenue: Online\n"
                        "ignored: yes\n---\n" + MINUTES, encoding="utf-8")
        doc = load(path)
        assert doc.metadata == {"body": "Safer Communities Partnership Board", "date": "2021-07-30",
                                "url": "https://barnet.moderngov.co.uk/ieListDocuments.aspx?MId=10756",
                                "venue": "Online"}
        assert not doc.text.startswith("---") and "ignored" not in doc.text
        g = extract(doc)
        m = meeting(g, "scpb.txt")
        assert m.date == "2021-07-30"                        # not the text's 23 July 2021
        assert m.date_source == "metadata"
        assert m.url == "https://barnet.moderngov.co.uk/ieListDocuments.aspx?MId=10756"
        assert m.venue == "Online"
        documents = list(g.of_label(Label.DOCUMENT))
        assert [d.url for d in documents] == [m.url]

    def test_front_matter_supplies_a_date_the_text_lacks(self, tmp_path):
        path = tmp_path / "000.txt"
        path.write_text("---\ndate: 2023-03-17\n---\n" + sample_path("000").read_text(encoding="utf-8"),
                        encoding="utf-8")
        m = the_meeting(load(path))
        assert (m.date, m.date_source) == ("2023-03-17", "metadata")

    def test_sidecar_supplies_metadata(self, tmp_path):
        path = tmp_path / "004.txt"
        path.write_text(sample_path("004").read_text(encoding="utf-8"), encoding="utf-8")
        (tmp_path / "004.txt.meta.yaml").write_text(
            "date: 2018-07-20\nbody: Safer Communities Partnership Board\n"
            "url: https://barnet.moderngov.co.uk/mgAi.aspx?ID=1234\n", encoding="utf-8")
        doc = load(path)
        assert doc.metadata["date"] == "2018-07-20"
        g = extract(doc)
        m = meeting(g, "004.txt")
        assert (m.date, m.date_source) == ("2018-07-20", "metadata")
        assert m.body == "Safer Communities Partnership Board"
        assert m.body_source == "metadata"
        assert [o.name for o in g.nodes.values() if o.id in {r.target for r in g.rels_of(Rel.MEETING_OF)}] \
            == ["Safer Communities Partnership Board"]

    def test_sidecar_named_by_stem_and_for_html(self, tmp_path):
        path = tmp_path / "page.html"
        path.write_text((FIXTURES / "moderngov_meeting.html").read_text(encoding="utf-8"), encoding="utf-8")
        (tmp_path / "page.meta.yaml").write_text("date: 2021-07-24\n", encoding="utf-8")
        m = the_meeting(load(path))
        assert (m.date, m.date_source) == ("2021-07-24", "metadata")   # the page says 23rd July 2021

    def test_sidecar_wins_over_front_matter(self, tmp_path):
        path = tmp_path / "m.txt"
        path.write_text("---\ndate: 2021-07-01\nbody: Front Matter Board\n---\n" + MINUTES, encoding="utf-8")
        (tmp_path / "m.txt.meta.yaml").write_text("date: 2021-07-02\n", encoding="utf-8")
        doc = load(path)
        assert doc.metadata == {"date": "2021-07-02", "body": "Front Matter Board"}

    def test_bad_sidecar_is_an_extraction_error(self, tmp_path):
        path = tmp_path / "m.txt"
        path.write_text(MINUTES, encoding="utf-8")
        (tmp_path / "m.txt.meta.yaml").write_text("date: [2021-07-02\n", encoding="utf-8")
        with pytest.raises(ExtractionError, match="m.txt.meta.yaml"):
            load(path)

    def test_a_rule_is_not_front_matter(self, tmp_path):
        path = tmp_path / "rule.txt"
        path.write_text("---\n" + MINUTES, encoding="utf-8")
        doc = load(path)
        assert doc.metadata == {}
        assert "Safer Communities Partnership Board" in doc.text
