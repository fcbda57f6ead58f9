"""Plain typed records that flow one way through the pipeline.

ingest -> RawInput -> clean -> Document -> attribution -> Attribution
       -> actors / issues / stance / dates -> Statement -> store

Every span is a pair of character offsets into ``Document.text`` (the cleaned
text that is stored), so any statement can be traced back to its sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

KINDS = ("direct", "indirect", "mixed")
STANCES = ("demand", "offer", "accept", "reject", "conditional", "deny", "assess")
SOURCES = ("named", "anonymous")
SECTIONS = ("body", "comments")
# Where a side's positions come from: the article, not the readers' comments below it.
# A comment that quotes Peskov is a reader's account of him; it is stored, exported and
# shown, but it is no evidence of Russia's line.
POSITION_SECTION = "body"
# A document (as ``d``) no later version of its article revises (``revisions``): only such
# documents' statements count towards positions, shifts and the counts beside them.
COUNTED_DOCUMENT = "d.superseded_by IS NULL"
ISSUES = (
    "territory",
    "withdrawal",
    "ceasefire",
    "neutrality",
    "security_guarantees",
    "military_limits",
    "foreign_forces",
    "sanctions",
    "governance",
    "accountability",
    "citizenship_rights",
    "compensation",
    "humanitarian",
    "demining",
    "economy",
    "eu_membership",
    "nuclear",
    "verification",
    "talks",
    "european_security",
)

# A statement whose speaker speaks for no side: "" (not known) or NONE (the guide's code for
# an outlet, an analyst, a commenter). Positions, shifts and the stance rules leave it out.
NO_SIDE = ("", "NONE")
NO_SIDE_SQL = "(" + ", ".join(f"'{code}'" for code in NO_SIDE) + ")"  # for "party NOT IN"


def has_side(party: str) -> bool:
    """Whether a statement's party is a side of the talks (not unknown, not NONE)."""
    return party not in NO_SIDE


# Joins the parts of a split quote, as ANNOTATION.md prescribes.

QUOTE_JOINER = " \u2026 "


@dataclass(frozen=True)
class Span:
    """Half-open character range ``[start, end)`` in a document's cleaned text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad span {self.start}..{self.end}")

    def text(self, source: str) -> str:
        return source[self.start : self.end]

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class RawInput:
    """Bytes as read from a file, URL or stdin, before any cleaning."""

    name: str  # what users call it: file name, URL or "<stdin>" ("<stdin 3f2a9c1b>" once cleaned)
    origin: str  # full path, URL, or "-"
    data: bytes
    media_type: str = "text/plain"  # text/plain, text/markdown or text/html
    declared_date: str | None = None  # ISO date given by the user (--date)
    feed_date: str | None = None  # ISO date of the feed entry that linked it
    path: str = ""  # a file's path as given or found in a folder, for messages

    @property
    def label(self) -> str:
        """How messages name the input: its path when it has one, else its name."""
        return self.path or self.name


@dataclass(frozen=True)
class Section:
    name: str  # "body" or "comments"
    start: int
    end: int


@dataclass(frozen=True)
class Document:
    """A cleaned document. ``id`` is the SHA-256 of the cleaned text."""

    id: str
    name: str
    origin: str
    text: str
    original: str
    sections: tuple[Section, ...]
    title: str = ""
    author: str = ""
    date: str | None = None  # ISO 8601 date, when known
    url: str = ""
    date_source: str = ""  # given, metadata, feed, url, dateline or file name (dates.dated)
    site: str = ""  # the site a web page came from: its name, else its host

    def section_at(self, offset: int) -> str:
        for section in self.sections:
            if section.start <= offset < section.end:
                return section.name
        return "body"


@dataclass(frozen=True)
class Mention:
    """How the text names a speaker, before resolution to an actor.

    ``kind`` is one of ``name`` (a proper name, perhaps with a title),
    ``descriptor`` (``a Ukrainian official``, ``the Kremlin spokesman``),
    ``institution`` (``the Kremlin``, ``Moscow``, ``the White House``) or
    ``pronoun`` (``he``, ``she``, ``they``). For a pronoun the attribution
    stage fills ``antecedent`` with the mention it stands for, when it found one.
    """

    text: str
    span: Span
    kind: str
    antecedent: Mention | None = None
    description: str = ""  # an appositive or relative clause about the speaker


@dataclass(frozen=True)
class Attribution:
    """One attributed statement as the attribution stage finds it."""

    quote_spans: tuple[Span, ...]
    kind: str  # direct, indirect, mixed
    speaker: Mention
    cue: str  # lemma of the cue: "say", "according to", "reject", ...
    cue_span: Span | None
    sentence_span: Span
    section: str = "body"

    def quote(self, text: str) -> str:
        return QUOTE_JOINER.join(span.text(text) for span in self.quote_spans)


@dataclass(frozen=True)
class Resolution:
    """A speaker mention resolved to an actor and the side it speaks for."""

    speaker: str  # canonical name, or a lower-case descriptor for the unnamed
    party: str  # ISO alpha-3, EU, NATO, UN, or NONE
    source: str  # named or anonymous
    actor_id: str = ""  # id in the knowledge base, empty for unknown actors


@dataclass(frozen=True)
class Statement:
    """A fully analysed statement, ready to store and export."""

    doc_id: str
    doc: str
    quote: str
    quote_spans: tuple[Span, ...]
    speaker: str
    party: str
    source: str
    kind: str
    issues: tuple[str, ...]
    stance: str
    section: str
    sentence: str
    sentence_span: Span
    cue: str = ""
    cue_span: Span | None = None
    speaker_mention: str = ""
    speaker_span: Span | None = None
    actor_id: str = ""
    issue_evidence: tuple[str, ...] = ()
    stance_reason: str = ""
    date: str | None = None
    # the words that place it before its text's own time ("had demanded"), "" for one
    # taken in the text (talkwatch.earlier)
    earlier: str = ""
    extras: dict[str, str] = field(default_factory=dict)
    id: int | None = None  # the store's row id, once stored

    @property
    def span(self) -> Span:
        """The whole quote, first part to last."""
        return Span(self.quote_spans[0].start, self.quote_spans[-1].end)



def shown_speaker(speaker: str, mention: str = "", source: str = "named") -> str:
    """A speaker as tables show it: a name as stored; an unnamed speaker's descriptor
    (stored lower case) with the capitals its mention had, when it is the same words,
    but for the capital that only opened a sentence ("A US official" -> "a US official",
    "Officials" -> "officials"; "European Union leaders", "NATO diplomats" as written)."""
    if source != "anonymous" or not mention:
        return speaker
    written = mention.replace("’", "'")
    if written.lower() != speaker:
        return speaker
    first = written.split(" ", 1)[0]
    proper = first[1:2].isupper() or _PROPER_ADJECTIVE.search(first) is not None
    return written if proper else speaker[:1] + written[1:]


# Words that keep their capital anywhere: "European", "Ukrainian", "Chinese", "Western".
_PROPER_ADJECTIVE = re.compile(r"^[A-Z][a-z]+(an|ese|ish|ern|i)$")
