"""Issue lexicon on statements written for the purpose, covering every issue code."""

from __future__ import annotations

from pathlib import Path

import pytest

from talkwatch.issues import IssueFileError, load_issue_classifier
from talkwatch.records import ISSUES

LEXICON = load_issue_classifier()

CASES = [
    ("Ukraine will never give up Crimea or the Donbas", {"territory"}),
    ("Russian forces must pull back to the lines of February 2022", {"withdrawal"}),
    ("a 30-day ceasefire along the entire front", {"ceasefire"}),
    ("Austrian or Swedish models of neutrality", {"neutrality"}),
    ("Ukraine needs legally binding security guarantees", {"security_guarantees"}),
    ("Russia demands the demilitarization of Ukraine", {"military_limits"}),
    ("no foreign troops or peacekeepers on Ukrainian soil", {"foreign_forces"}),
    ("sanctions will stay until Moscow changes course", {"sanctions"}),
    ("elections cannot be held under martial law", {"governance"}),
    ("a special tribunal for the crime of aggression", {"accountability"}),
    ("the rights of Russian speakers and the Orthodox church", {"citizenship_rights"}),
    ("frozen Russian assets should pay for reconstruction", {"compensation"}),
    ("a full exchange of prisoners of war", {"humanitarian"}),
    ("demining of farmland will take decades", {"demining"}),
    ("a joint fund for Ukraine's rare earth minerals", {"economy"}),
    ("Ukraine's EU membership by 2030", {"eu_membership"}),
    ("the Zaporizhzhia nuclear power plant must be returned", {"nuclear"}),
    ("international monitors to verify any truce", {"verification", "ceasefire"}),
    ("a second round of talks in Istanbul next week", {"talks"}),
    ("NATO must roll back its infrastructure to the 1997 lines", {"european_security"}),
    ("morale is extremely high among the fighters", set()),
]


@pytest.mark.parametrize(("quote", "issues"), CASES)
def test_issue_codes(quote: str, issues: set[str]) -> None:
    assert set(LEXICON.classify(quote).codes) == issues


def test_every_issue_code_is_exercised() -> None:
    assert set().union(*(issues for _, issues in CASES)) == set(ISSUES)


def test_evidence_names_the_matching_words() -> None:
    result = LEXICON.classify("Crimea is ours, the sanctions are theft")
    assert result.evidence == ("territory: crimea", "sanctions: sanctions")


def test_short_quote_takes_its_issue_from_the_sentence() -> None:
    sentence = "Zelensky called the ceasefire offer “another Russian manipulation”."
    result = LEXICON.classify("another Russian manipulation", sentence)
    assert result.codes == ("ceasefire",)


TALKS_ARTICLE = (
    "Delegations of Russia and Ukraine met in Geneva on Tuesday for a second round of "
    "talks. The negotiations lasted four hours.\n\n"
    '"Progress has been made," the Kremlin spokesman said.'
)


def test_a_statement_naming_no_issue_is_about_the_talks_in_an_article_about_them() -> None:
    statements = [
        ("Progress has been made,", '"Progress has been made," he said.'),
        ("Crimea is Russian", "He said Crimea is Russian."),
    ]
    progress, crimea = LEXICON.classify_many(statements, TALKS_ARTICLE)
    assert progress.codes == ("talks",)
    assert progress.evidence == ("talks: (no issue named, in an article about the talks)",)
    assert crimea.codes == ("territory",)


def test_a_statement_naming_no_issue_has_none_in_other_articles() -> None:
    sentence = '"It was a terrible night," the mayor said.'
    article = "Shelling hit Kharkiv overnight. " + sentence
    (result,) = LEXICON.classify_many([("It was a terrible night,", sentence)], article)
    assert result.codes == ()
    # one passing mention of talks does not make the article about them
    article += " Talks are not planned."
    (result,) = LEXICON.classify_many([("It was a terrible night,", sentence)], article)
    assert result.codes == ()


def test_words_inside_other_words_do_not_match() -> None:
    assert LEXICON.classify("the landlord was trading stories").codes == ()


def test_user_lexicon_extends_the_shipped_one(tmp_path: Path) -> None:
    extra = tmp_path / "issues.yaml"
    extra.write_text("demining:\n  - sappers\n")
    classifier = load_issue_classifier([extra])
    assert classifier.classify("sappers are at work").codes == ("demining",)
    extra.write_text("weather:\n  - rain\n")
    with pytest.raises(IssueFileError, match="'weather' is not an issue code"):
        load_issue_classifier([extra])
