"""Words for reading speaker mentions: honorifics, title fillers, the heads of
descriptions that stand for an institution or an outlet, and small text helpers
(a mention's words, a name's run of capitalised words, nationality phrases).
Used by ``resolve``; nothing here knows about documents or the knowledge base."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache

from ..dates import WEEKDAYS
from .knowledge import fold

# Capitalised words before a name that are no first name besides spaCy's stop words: a
# sentence's opening ("When Patriot filed ...", "But Witkoff said") or a weekday ("Monday
# Witkoff"). Not the function words that are also first names (Will, May, Per), nor
# months (April, June).
MORE_NOT_GIVEN = frozenset(WEEKDAYS) | {
    "unlike",
    "despite",
    "following",
    "including",
    "according",
    "amid",
    "meanwhile",
}
GIVEN_STOP_WORDS = frozenset(["will", "may", "per"])


@cache
def not_given() -> frozenset[str]:
    """Read once, when a name is first resolved: importing spaCy's word list at start-up
    would cost every command the import of spaCy."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return (frozenset(STOP_WORDS) - GIVEN_STOP_WORDS) | MORE_NOT_GIVEN


def could_be_given(word: str) -> bool:
    """Whether a capitalised word before a surname can be a first name: not "When",
    "That's", "Unlike", "Monday"."""
    folded = fold(word)
    return folded.replace("-", "").isalpha() and folded not in not_given()


HONORIFICS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "sir",
        "lord",
        "madam",
        "mister",
        "gen",
        "col",
        "lt",
        "sgt",
        "gov",
        "governor",
        "rep",
        "sen",
        "rev",
        "prof",
        "attorney",
        "speaker",
        "mayor",
        "judge",
        "justice",
        "congressman",
        "congresswoman",
        "adm",
        "maj",
        "capt",
        "chairman",
        "chairwoman",
    ]
)
PARTICLES = frozenset(
    ["von", "van", "der", "de", "da", "di", "du", "la", "le", "al", "el", "bin", "ibn"]
)
_WORD = re.compile(r"[\w][\w.'’-]*")
INDEFINITE = frozenset(
    ["a", "an", "one", "two", "three", "four", "five", "several", "some", "many", "another"]
)
# Determiners that make a capitalised phrase a description, not a name ("All groups").
QUANTIFIED = INDEFINITE | frozenset(
    ["all", "most", "both", "few", "each", "every", "any", "no", "those", "these"]
)
# Words that fill out a title without naming anyone ("Minister of Foreign Affairs").
TITLE_FILLERS = frozenset(
    [
        "of",
        "the",
        "for",
        "and",
        "affairs",
        "foreign",
        "state",
        "defence",
        "defense",
        "general",
        "deputy",
        "chief",
        "head",
        "first",
        "senior",
        "top",
        "former",
        "acting",
        "national",
        "prime",
        "permanent",
        "international",
        "relations",
        "director-general",
        "interim",
    ]
)
# Texts an institution issues: "a Kremlin statement", "the White House readout" speak
# for the institution they name.
# Not "memorandum" nor "communique": "the Budapest Memorandum" and "the Istanbul
# communique" are named after a place, not issued by it.
DOCUMENT_HEADS = frozenset(["statement", "declaration", "readout", "release", "note"])
# Heads whose outlet reports: "reports from the Wall Street Journal", "sources in the FT".
REPORTING_HEADS = frozenset(["report", "reports", "reporting", "sources"])
# Heads of a description that stands for a news outlet ("the publication").
OUTLET_HEADS = frozenset(
    [
        "publication",
        "newspaper",
        "paper",
        "outlet",
        "agency",
        "broadcaster",
        "magazine",
        "daily",
        "network",
        "channel",
        "website",
        "site",
        "portal",
        "tabloid",
        "weekly",
    ]
)
OWN_VOICE_HEADS = frozenset(["office", "administration", "camp", "team"])
# Others related to the owner, who speak for themselves: "Ukraine's allies", "Putin's critics".
RELATIONAL_HEADS = frozenset(
    ["ally", "allies", "partner", "partners", "critic", "critics", "opponent", "opponents",
     "enemy", "enemies", "rival", "rivals", "backer", "backers", "supporters", "adversaries",
     "neighbours", "neighbors"]
)  # fmt: skip
INSTITUTION_HEADS = frozenset(
    [
        "ministry",
        "government",
        "administration",
        "office",
        "embassy",
        "mission",
        "presidency",
        "cabinet",
        "parliament",
        "council",
        "commission",
        "committee",
        "agency",
        "service",
        "staff",
        "command",
        "kremlin",
        "authorities",
    ]
)


@dataclass
class Words:
    """A mention split into words, with the folded form of each."""

    raw: list[str]
    folded: list[str]

    @classmethod
    def of(cls, text: str) -> Words:
        raw = [w.rstrip(".,") for w in _WORD.findall(text.replace("’", "'"))]
        raw = [w for w in raw if w]
        return cls(raw, [fold(w) for w in raw])


def same_given(given: str, name: str) -> bool:
    """Whether a written first name fits a known person's: a spelling of the same name
    (Sergei/Sergey, Dmytro/Dmitry, Volodymyr/Vladimir, Oleksandr/Alexander), not another
    name (Oleh/Serhii, Peter/Piers)."""
    if not given or len(given) <= 2 or " " not in name:
        return True
    known = fold(name).split()[0]
    same_consonants = _consonants(given) == _consonants(known)
    return same_consonants or SequenceMatcher(None, given, known).ratio() >= 0.7


def _consonants(name: str) -> str:
    """A name's consonants, with transliteration variants folded: x/ks, g/h, kh/h, and
    doubled letters once (Kyrylo/Kirill, Heorhii/Georgy)."""
    name = name.replace("x", "ks").replace("kh", "h").replace("g", "h")
    name = re.sub(r"[aeiouyj'-]", "", name)
    return re.sub(r"(.)\1+", r"\1", name)


def bare(word: str) -> str:
    """A word without its possessive ending ("Kremlin's" -> "Kremlin")."""
    return word[:-2] if word.endswith("'s") else word


def name_run(words: Words, title_words: frozenset[str]) -> list[str]:
    """The last run of capitalised words, without the titles in front of it."""
    run: list[str] = []
    for raw, folded in zip(words.raw, words.folded, strict=True):
        if raw[:1].isupper() or (run and folded in PARTICLES):
            run.append(raw)
        else:
            run = []
    titled = [i for i, w in enumerate(run[:-1]) if fold(w) in title_words]
    if titled:  # "New Jersey Gov. Chris Christie": the name starts after the last title
        run = run[titled[-1] + 1 :]
    return [bare(w) for w in run]


class PhraseFinder:
    """Finds the first nationality word or phrase in a text and returns its party."""

    def __init__(self, phrases: dict[str, str]) -> None:
        self.phrases = phrases
        ordered = sorted(phrases, key=len, reverse=True)
        alternatives = "|".join(re.escape(p) for p in ordered if p)
        self.pattern = re.compile(r"(?<![\w.])(" + alternatives + r")(?![\w])") if ordered else None

    def __call__(self, text: str) -> str | None:
        if self.pattern is None:
            return None
        for match in self.pattern.finditer(fold(text, drop_article=False)):
            word = match.group(1)
            if word == "us" and "US" not in text:
                continue  # the pronoun, not the country
            return self.phrases[word]
        return None


# An auxiliary or a modal: the words before it make a clause, not a name's description.
CLAUSE = re.compile(
    r"\b(will|would|was|were|is|are|has|have|had|can|could|should|must|did|does|may|might)\b",
    re.IGNORECASE,
)

# A name that ends so is a news outlet's: a medium by its head alone ("... Magazine"),
# or an agency or a channel of news ("Ukrainian News Agency").
MEDIA_HEADS = frozenset(["newspaper", "magazine", "tabloid", "broadcaster", "publication"])
NEWS_WORDS = frozenset(["news", "press", "information", "media", "television", "tv", "radio"])


def introduction(text: str, name: str, people_heads: frozenset[str]) -> tuple[str, str]:
    """The words of its sentence before a name's first appearance in ``text``, and just
    after it: where an unknown person's side may be read."""
    at = text.find(name)
    if at < 0:
        return "", ""
    before = re.split(r"[.!?\n]\s", text[max(0, at - 100) : at])[-1]
    after = re.split(r"[.!?\n]", text[at + len(name) : at + len(name) + 80])[0]
    # "... would leave for Moscow, spokesman Zane Dangor said": a title after a comma
    # that closes a clause (what was said) opens the speaker's phrase; not after a
    # phrase that names the side ("The Ukrainian delegation, headed by minister X",
    # "Russia's envoy, aide X, said")
    said, comma, title = before.rpartition(",")
    if comma and CLAUSE.search(said) and set(Words.of(title).folded) & people_heads:
        before = title
    return before, after


def is_news_outlet(folded: list[str]) -> bool:
    """Whether the capitalised words of a name make a news outlet's name; not a state
    agency ("the International Atomic Energy Agency")."""
    if not folded:
        return False
    return folded[-1] in MEDIA_HEADS or (
        folded[-1] in OUTLET_HEADS and any(w in NEWS_WORDS for w in folded[:-1])
    )


def gives_title(written: Sequence[str], titles: Iterable[str]) -> bool:
    """Whether a mention's folded words give one of ``titles`` as held now, not as a
    former one ("Nato Secretary-General Jens Stoltenberg"; not "former NATO chief")."""
    # "NATO's chief"; "then-Foreign Minister", "ex-NATO chief": the prefix a word of its own
    words = [w.removesuffix("'s") for w in written]
    words = [re.sub(r"^(then|ex)-", r"\1 ", w) for w in words]
    mention = " ".join(words)
    for title in titles:
        at = f" {mention} ".find(f" {fold(title)} ")
        before = mention[:at].split()[-3:] if at >= 0 else []  # "former Ukrainian foreign ..."
        if at >= 0 and not FORMER & set(before):
            return True
    return False


def says_former(written: Sequence[str]) -> bool:
    """Whether a mention's folded words call a post a former one ("ex-NATO chief")."""
    return bool(FORMER & {part for w in written for part in w.split("-")})


# "then-Foreign Minister Kuleba" is the post he held when he spoke: not a former one
FORMER = frozenset(["former", "ex", "onetime", "erstwhile"])


def what_a_title_says(title: str) -> list[str]:
    """The words that say what a title's holder is: "head" in "head of the Office of the
    President" (its holder is no president), "chief" in "Zelensky's chief of staff"."""
    own = fold(title).split(" of ")[0]
    return [w for w in own.split() if not w.endswith("'s")]
