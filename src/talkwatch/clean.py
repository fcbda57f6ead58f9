"""Turn decoded text (plain, Markdown or HTML) into a clean Document.

Cleaning normalises Unicode and whitespace, drops page furniture (share
buttons, "Print Friendly", ad blocks, footnote markers), re-flows hard-wrapped
lines into paragraphs, and splits a reader comment thread from the article
body. Paragraphs in the cleaned text are separated by one blank line.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import urlsplit

import yaml

from . import nested_html
from .datafiles import load_yaml
from .dates import dated
from .records import Document, RawInput, Section
from .reflow import (
    COMMENTS_HEADING,
    LINE_END,
    is_hard_wrapped,
    reflow,
    rejoin,
    wrapped_inside_paragraphs,
)

PARAGRAPH_BREAK = "\n\n"

_CONTROLS = [c for c in [*range(0x20), *range(0x7F, 0xA0)] if chr(c) not in "\t\n\r\x0b\x0c\x85"]
_INVISIBLE = dict.fromkeys([*map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), *_CONTROLS], None)
_SPACES = re.compile(r"[ \t\x0b\x0c\x85\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
# Archive and typewriter styles of the double quotation mark: two apostrophes (''…'', as in
# newspaper archives) and two backticks (``…'', as in tokenised text). Two apostrophes
# between letters ("O''Brien") are kept, and so are inches after a digit ("6'2''",
# "an 8'' gun"): as a mark they would close a quotation that runs on past them.
_TWO_MARKS = re.compile(r"``|(?<![A-Za-z0-9])''|(?<!\d)''(?![A-Za-z0-9])")
_FOOTNOTE = re.compile(r"(?<=[\w.,;:!?\"”’)])\[\d{1,3}\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+(?=\s|$)")

_FURNITURE = re.compile(
    r"""^(
        share(\s+(this|the))?(\s+(article|story|post|page))?(\s+(on|via)\s+\w+)?
      | (tweet|email|e-mail|print|facebook|twitter|whatsapp|telegram|linkedin|reddit|copy\s+link)
      | print\s+friendly(,?\s*pdf\s*(&|and)\s*email)?
      | advertisement | sponsored( content)?
      | story\s+continues\s+(below|after)\s+(the\s+)?advertisement
      | (click|tap)\s+here\b.* | subscribe\b.{0,60} | sign\s+up\b.{0,80}newsletter.*
      | learn\s+more\s+about\s+\w+\W*
      | (reply|log\s+in\s+to\s+reply|report(\s+comment)?|like|\d+\s+likes?)\s*[↓↑]?
      | source:?
    )\s*[.…]*$""",
    re.IGNORECASE | re.VERBOSE,
)
_AD_BLOCK_HEADING = re.compile(
    r"^(you\s+might\s+(also\s+)?like|recommended(\s+for\s+you)?|around\s+the\s+web"
    r"|related\s+(articles|stories|posts|coverage)|more\s+from\s+.{1,40}|trending(\s+now)?"
    r"|from\s+our\s+partners|promoted\s+stories)\s*:?$",
    re.IGNORECASE,
)

_COMMENT_DATE_LINE = re.compile(
    r"^(on\s+)?([A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4}|\d{4}-\d\d-\d\d)"
    r"(\s*(at|,|-|–)?\s*\d{1,2}[:.]\d\d\s*([ap]\.?m\.?)?)?\s*(said|says|wrote)?:?$",
    re.IGNORECASE,
)
_COMMENTER_SAYS = re.compile(r"^[\w .'’-]{2,40}\s+(says|said|wrote)\s*:$", re.IGNORECASE)
_REPLY_LINE = re.compile(r"^(reply|log\s+in\s+to\s+reply)\s*[↓↑]?$", re.IGNORECASE)

HEADLINE_WORDS = 20
_NOSCRIPT = re.compile(r"<noscript\b.*?</noscript\s*>", re.IGNORECASE | re.DOTALL)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", re.DOTALL)


@dataclass(frozen=True)
class Page:
    """Text and metadata pulled out of one input before paragraph cleaning."""

    body: str
    comments: str = ""
    title: str = ""
    author: str = ""
    date: str | None = None
    url: str = ""
    site: str = ""


def normalise(text: str) -> str:
    """Unicode NFC, Unix newlines, single spaces, no invisible or control characters.

    Two apostrophes or backticks standing for a double quotation mark become one.
    """
    text = unicodedata.normalize("NFC", repair_mojibake(text)).translate(_INVISIBLE)
    text = _TWO_MARKS.sub('"', text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(lines)


# UTF-8 read as Windows-1252 somewhere upstream: "NausÄ—da" for "Nausėda", "â€™" for "’".
# A lead byte of a two- or three-byte sequence as its Windows-1252 letter, then one or
# two continuation bytes as theirs (0x80-0xBF: the C1 block's Windows-1252 signs, then
# the Latin-1 signs).
_CONTINUATION = "".join(
    bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(0x80, 0xC0)
)
_CONTINUATIONS = f"[{re.escape(_CONTINUATION)}]"
_MOJIBAKE = re.compile(f"(?:[\xc2-\xdf]{_CONTINUATIONS}|[\xe0-\xef]{_CONTINUATIONS}{{2}})+")


# Latin letters and signs, Greek, Cyrillic, general punctuation, the euro and trade marks.
_NEWS_CHARACTER = re.compile("[\u00a0-\u024f\u0370-\u03ff\u0400-\u04ff\u2010-\u206f\u20ac\u2122]")


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 text decoded as Windows-1252 where it shows ("NausÄ—da" -> "Nausėda");
    runs that do not decode as UTF-8 stay as written."""

    def repaired(match: re.Match[str]) -> str:
        try:
            fixed = match.group(0).encode("cp1252").decode("utf-8")
        except UnicodeError:
            return match.group(0)
        # only into the letters and signs news is written in: "Heiß…" is no mojibake of
        # an N'Ko letter, nor "CAFÉ—" of an IPA one
        return fixed if all(_NEWS_CHARACTER.match(c) for c in fixed) else match.group(0)

    return _MOJIBAKE.sub(repaired, text)


def read_markdown(text: str) -> Page:
    """Front matter gives metadata; Markdown syntax is reduced to plain text."""
    meta: dict[str, object] = {}
    match = _FRONT_MATTER.match(text)
    if match:
        try:
            loaded = load_yaml(match.group(1))  # words stay words: 'title: No'
        except yaml.YAMLError:
            loaded = None
        meta = loaded if isinstance(loaded, dict) else {}
        text = text[match.end() :]
    # a heading that opens the text is its headline when the front matter names none
    heading = re.match(r"\s*#{1,6}[ \t]+([^\n]+?)[ \t#]*(?:\n|$)", text)
    if heading and not meta.get("title"):
        meta["title"] = heading.group(1)
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)  # images
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)  # links
    text = re.sub(r"^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+(?=\S))", "", text, flags=re.MULTILINE)
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"\1", text)
    paragraphs = [" ".join(block.split("\n")) for block in re.split(r"\n\s*\n", text)]
    return Page(
        body="\n".join(p for p in paragraphs if p.strip()),
        title=str(meta.get("title") or ""),
        author=str(meta.get("author") or ""),
        date=_iso_date(meta.get("date")),
        url=str(meta.get("url") or ""),
    )


def read_html(html: str) -> Page:
    """Extract the article, its comment thread and metadata with trafilatura."""
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    html = _NOSCRIPT.sub("", html)  # "enable JavaScript" notices are not the article
    found = trafilatura.bare_extraction(
        html, include_comments=True, with_metadata=True, favor_recall=True
    )
    if found is None or isinstance(found, dict) or not (found.text or "").strip():
        if nested_html.depth(html) > nested_html.DEEP:  # deeper than the extractor goes
            return Page(body=nested_html.block_text(html))
        return Page(body="")
    return Page(
        body=found.text or "",
        comments=found.comments or "",
        title=found.title or "",
        author=found.author or "",
        date=_iso_date(found.date),
        url=found.url or "",
        # the extractor may take a headline for the site's name: "Riyadh talks: ... | News"
        site="" if (found.sitename or "") == (found.title or "") else found.sitename or "",
    )


def _iso_date(value: object) -> str | None:
    if value is None:
        return None
    match = re.match(r"\d{4}-\d\d-\d\d", str(value))
    return match.group(0) if match else None


def drop_furniture(lines: list[str]) -> list[str]:
    """Remove share buttons, ad blocks and footnote markers, line by line."""
    kept: list[str] = []
    in_ad_block = False
    for line in lines:
        if _AD_BLOCK_HEADING.match(line):
            in_ad_block = True
            continue
        if in_ad_block:
            if not line or _looks_like_prose(line):
                in_ad_block = False
            else:
                continue
        if _FURNITURE.match(line):
            continue
        kept.append(_FOOTNOTE.sub("", line))
    return kept


def _looks_like_prose(line: str) -> bool:
    return len(line.split()) >= 12 and bool(LINE_END.search(line))


def find_comment_thread(paragraphs: list[str]) -> int | None:
    """Index of the paragraph where a reader comment thread starts, if any."""
    for i, para in enumerate(paragraphs):
        if COMMENTS_HEADING.match(para) and i > 0:
            return i
    signatures = [i for i, p in enumerate(paragraphs) if _is_comment_signature(paragraphs, i)]
    replies = sum(1 for p in paragraphs if _REPLY_LINE.match(p))
    if len(signatures) >= 2 or (signatures and replies):
        first = signatures[0]
        return first if first > 0 else None
    return None


def _is_comment_signature(paragraphs: list[str], i: int) -> bool:
    """A commenter line: `Name says:`, or a short name line followed by a date line."""
    para = paragraphs[i]
    if _COMMENTER_SAYS.match(para):
        return True
    following = paragraphs[i + 1] if i + 1 < len(paragraphs) else ""
    return (
        len(para.split()) <= 5
        and not LINE_END.search(para)
        and bool(_COMMENT_DATE_LINE.match(following))
    )


def paragraphs_of(text: str) -> list[str]:
    """Clean paragraphs of plain text: furniture dropped, hard wraps re-flowed."""
    lines = drop_furniture(normalise(text).split("\n"))
    if is_hard_wrapped(lines):
        return reflow(lines)
    if wrapped_inside_paragraphs(lines):
        return rejoin(lines)
    return [line for line in lines if line]


def headline(paragraphs: list[str]) -> str:
    """A plain text's first paragraph when it is a headline: short, with no sentence
    punctuation at its end, and followed by the article ("Kremlin comments on
    Zelensky victory plan"). Its statements restate the article's, so it is kept in
    the text but outside the body."""
    if len(paragraphs) < 2:
        return ""
    first = paragraphs[0]
    short = len(first.split()) <= HEADLINE_WORDS
    return first if short and not LINE_END.search(first) else ""


def is_comments_heading(line: str) -> bool:
    """Whether a line is a heading over reader comments ("Reader comments", "12 comments",
    "Leave a reply")."""
    return COMMENTS_HEADING.match(line.strip()) is not None


def assemble(
    body: list[str], comments: list[str], title: str = ""
) -> tuple[str, tuple[Section, ...]]:
    """Join paragraphs into the stored text and mark the body and comments spans; a
    leading ``title`` paragraph stays in the text and out of the body."""
    body = [p for p in body if not _REPLY_LINE.match(p)]
    comments = [p for p in comments if not _REPLY_LINE.match(p)]
    body_text = PARAGRAPH_BREAK.join(body)
    first = len(title) + len(PARAGRAPH_BREAK) if title and body[:1] == [title] else 0
    if not comments:
        return body_text, (Section("body", first, len(body_text)),)
    start = len(body_text) + len(PARAGRAPH_BREAK) if body_text else 0
    text = PARAGRAPH_BREAK.join([*body, *comments])
    return text, (Section("body", first, len(body_text)), Section("comments", start, len(text)))


def read_page(text: str, media_type: str) -> Page:
    if media_type == "text/html":
        return read_html(text)
    if media_type == "text/markdown":
        return read_markdown(text)
    return Page(body=text)


def clean(raw: RawInput, decoded: str) -> Document:
    """Build the Document for one decoded input. The text may come out empty."""
    page = read_page(decoded, raw.media_type)
    body = paragraphs_of(page.body)
    comments = paragraphs_of(page.comments)
    thread = find_comment_thread(body)
    if thread is not None:
        body, comments = body[:thread], body[thread:] + comments
    title = page.title or (headline(body) if raw.media_type == "text/plain" else "")
    text, sections = assemble(body, comments, title)
    web = raw.origin if raw.origin.startswith(("http://", "https://")) else ""
    day, source = dated(
        text, raw.name, raw.declared_date, page.date, raw.feed_date, web or page.url
    )
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Document(
        id=digest,
        # texts piped in one after another are told apart: "<stdin 3f2a9c1b>"
        name=f"<stdin {digest[:8]}>" if raw.origin == "-" else raw.name,
        origin=raw.origin,
        text=text,
        original=decoded,
        sections=sections,
        title=title,
        author=page.author,
        date=day,
        url=page.url or web,
        date_source=source,
        site=page.site or (urlsplit(web).hostname or "" if web else ""),
    )


# The fewest words a page's longest paragraph has when the page holds an article: a page
# of menus and buttons ("Home | Share", "Buy") has none.
MIN_PROSE_WORDS = 6


def has_prose(document: Document) -> bool:
    """Whether the article part of a cleaned page holds a sentence of prose."""
    return any(
        len(paragraph.split()) >= MIN_PROSE_WORDS
        for section in document.sections
        if section.name == "body"
        for paragraph in document.text[section.start : section.end].split(PARAGRAPH_BREAK)
    )
