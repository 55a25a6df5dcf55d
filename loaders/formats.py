"""Readers for each published format (text/Markdown, HTML, PDF), looked up by file suffix."""
from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Protocol

from graph.errors import ExtractionError, UnsupportedFormat
from loaders.document import Document, sha256_of, sidecar_metadata, split_front_matter

# Larger than any minutes, to refuse before reading: a PDF pack with scanned pages runs to a
# hundred MB or more, while a year's minutes as text or HTML are a few MB (UTF-16 doubles that).
MAX_BYTES = 200 * 1024 * 1024
MAX_TEXT_BYTES = 50 * 1024 * 1024
# Text read from any format: about 3,000 pages, ten seconds' extraction.
MAX_TEXT_CHARS = 10_000_000


class Loader(Protocol):
    suffixes: tuple[str, ...]

    def load(self, path: Path) -> Document: ...


def decode(data: bytes, name: str) -> str:
    """Text in whatever encoding councils publish: UTF-8, UTF-16 with a BOM, or Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:4096]:
        raise ExtractionError(f"{name}: looks binary (NUL bytes), not text minutes")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def size_limit(path: Path) -> int:
    return MAX_BYTES if path.suffix.lower() in PdfLoader.suffixes else MAX_TEXT_BYTES


def _read(path: Path) -> bytes:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ExtractionError(f"cannot read {path}: {(exc.strerror or str(exc)).lower()}") from exc
    if size == 0:
        raise ExtractionError(f"{path.name}: the file is empty")
    if size > size_limit(path):
        raise ExtractionError(f"{path.name}: {size / 2**20:.0f} MB is larger than minutes can be; "
                              "split it into one file per meeting")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ExtractionError(f"cannot read {path}: {(exc.strerror or str(exc)).lower()}") from exc


def _finish(path: Path, raw: bytes, text: str, fmt: str, metadata: dict | None = None) -> Document:
    text = normalise_text(text)
    if not text.strip():
        raise ExtractionError(f"{path.name}: no text in it")
    if len(text) > MAX_TEXT_CHARS:
        raise ExtractionError(f"{path.name}: {len(text):,} characters of text is larger than minutes can be; "
                              "split it into one file per meeting")
    meta = dict(metadata or {})
    meta.update(sidecar_metadata(path))
    return Document(name=path.name, text=text, sha256=sha256_of(raw), path=path, format=fmt, metadata=meta)


def normalise_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ").replace("\u200b", "")
    # Spaces and tabs at the end of every line but the last, as re.sub(r"[ \t]+\n", "\n") removed
    # them, without that pattern's rescan of a long run of spaces from each of its positions.
    lines = text.split("\n")
    return "\n".join([line.rstrip(" \t") for line in lines[:-1]] + lines[-1:])


_MD_INLINE = [
    (re.compile(r"<sup>(.*?)</sup>", re.I), r"\1"),
    (re.compile(r"</?\w+[^>]*>"), ""),
    (re.compile(r"\[([^\]]+)\]\([^)]+\)"), r"\1"),
    (re.compile(r"\*\*|__"), ""),
]


def markdown_to_text(text: str) -> str:
    """Headings and emphasis stripped; the words and line structure kept."""
    out = []
    for line in text.split("\n"):
        for pattern, repl in _MD_INLINE:
            line = pattern.sub(repl, line)
        line = re.sub(r"^\s{0,3}#{1,6}\s*", "", line)
        line = re.sub(r"^\s*\*\s+", "- ", line)
        out.append(line.rstrip())
    return "\n".join(out)


class TextLoader:
    suffixes = (".txt", ".md", ".markdown", ".text")

    def load(self, path: Path) -> Document:
        raw = _read(path)
        text = decode(raw, path.name)
        metadata, text = split_front_matter(text, path.name)
        if path.suffix.lower() in (".md", ".markdown") or re.search(r"^\s*#{1,6} |\*\*\w", text, re.M):
            text = markdown_to_text(text)
        return _finish(path, raw, text, "text", metadata)


class HtmlLoader:
    suffixes = (".html", ".htm", ".xhtml")
    BLOCKS = ("p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "br", "table", "section",
              "article", "ul", "ol", "dd", "dt", "blockquote", "pre", "header", "footer")

    def load(self, path: Path) -> Document:
        from bs4 import BeautifulSoup

        raw = _read(path)
        soup = BeautifulSoup(decode(raw, path.name), "html.parser")
        for tag in soup(["script", "style", "noscript", "nav", "head"]):
            tag.decompose()
        main = soup.find(id=re.compile("mgContent|content|main", re.I)) or soup.body or soup
        for row in main.find_all("tr"):
            cells = [c.get_text(" ", strip=True) for c in row.find_all(["td", "th"])]
            row.replace_with(soup.new_string("\n" + " | ".join(c for c in cells if c) + "\n"))
        text = block_text(main, self.BLOCKS)
        text = re.sub(r"[ \t]+", " ", text)
        text = re.sub(r"\n\s*\n+", "\n\n", text)
        return _finish(path, raw, text.strip(), "html")


def block_text(main, blocks: tuple[str, ...]) -> str:
    """main.get_text() with a line break before and after each block element inside `main`.

    One walk over the tree: inserting the breaks into the tree (insert_before / insert_after) made
    BeautifulSoup look for each tag's last descendant, quadratic in the depth of nested blocks.
    """
    from bs4 import NavigableString, Tag

    types = main.interesting_string_types or Tag.MAIN_CONTENT_STRING_TYPES
    if isinstance(types, type):
        types = {types}
    newline = "\n" if NavigableString in types else ""
    names = set(blocks)
    out: list[str] = []
    # A stack of what is still to do: a node to enter, or a string to emit once a block's children are done.
    stack: list = list(reversed(main.contents))
    while stack:
        node = stack.pop()
        if isinstance(node, str) and not isinstance(node, NavigableString):
            out.append(node)
        elif isinstance(node, Tag):
            if node.name in names:
                out.append(newline)
                stack.append(newline)
            stack.extend(reversed(node.contents))
        elif type(node) in types:
            out.append(str(node))
    return "".join(out)


# pypdf reports each damage it reads around ("Ignoring wrong pointing object 6 0") as a warning
# on stderr, without the file's name: noise between the progress bar and the summary. A PDF it
# cannot read raises, and becomes the one error line that names the file.
logging.getLogger("pypdf").setLevel(logging.ERROR)


class PdfLoader:
    suffixes = (".pdf",)

    def load(self, path: Path) -> Document:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError, PyPdfError

        raw = _read(path)
        try:
            reader = PdfReader(path)
            if reader.is_encrypted:
                try:
                    if not reader.decrypt(""):
                        raise ExtractionError(f"{path.name}: the PDF is encrypted; save an unlocked copy")
                except NotImplementedError as exc:
                    raise ExtractionError(f"{path.name}: the PDF is encrypted; save an unlocked copy") from exc
            pages = [page.extract_text() or "" for page in reader.pages]
        except ExtractionError:
            raise
        except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, OSError, AttributeError, IndexError,
                AssertionError, RecursionError, ZeroDivisionError) as exc:
            # A damaged PDF can fail anywhere inside the parser; to the user it is one thing.
            raise ExtractionError(f"{path.name}: not a readable PDF ({type(exc).__name__}: {exc})") from exc
        return _finish(path, raw, "\n\n".join(pages), "pdf")


_LOADERS: tuple[Loader, ...] = (TextLoader(), HtmlLoader(), PdfLoader())


def supported_suffixes() -> list[str]:
    return [s for loader in _LOADERS for s in loader.suffixes]


def loader_for(path: Path) -> Loader:
    suffix = path.suffix.lower()
    for loader in _LOADERS:
        if suffix in loader.suffixes:
            return loader
    raise UnsupportedFormat(f"{path.name}: no reader for '{suffix or 'no suffix'}' "
                            f"(known: {', '.join(supported_suffixes())})")


def load(path: Path | str) -> Document:
    """Read one file of minutes into a Document."""
    path = Path(path)
    if not path.exists():
        raise ExtractionError(f"{path}: no such file")
    return loader_for(path).load(path)
