"""Issue lexicon on statements written for the purpose, covering every issue code."""

from __future__ import annotations

from pathlib import Path

import pytest

from talkwatch.issues import IssueFileError, load_issue_classifier
from talkwatch.records import ISSUES

LEXICON = load_issue_classifier()

CASES = [
    ("We cannot trade land for peace.", {"territory"}),
    ("Kyiv gave up land in the east.", {"territory"}),
    ("Zelensky said Ukraine would never cede Zaporizhzhia.", {"territory"}),
    ("Ukraine will not give up its land.", {"territory"}),
    ("Obama warned against ceding the presidency to Trump.", set()),
    ("Hungary will cede the rotating presidency in July.", set()),
    ("The governing bodies of the alliance met in Vilnius.", set()),
    ("Moscow will not accept NATO troops in Ukraine.", {"foreign_forces"}),
    # troops of an alliance country: foreign forces, and the alliance's reach ("a NATO country")
    ("Moscow will not accept any NATO country's troops.", {"foreign_forces", "european_security"}),
    # a new user's sentences: a halt with "all" between, a future "in NATO"
    ("Kyiv is ready to halt all hostilities for Easter.", {"ceasefire"}),
    # a new user's articles
    ("We are ready to stop the fire on the current line of contact.", {"ceasefire"}),
    ("We have put an all-for-all exchange on the table.", {"humanitarian", "talks"}),
    ("Firefighters managed to stop the fire at the depot.", set()),  # a reviewer's
    ("Ukraine's future lies in NATO.", {"neutrality"}),
    ("Russia handed over the bodies of 6,000 Ukrainian soldiers.", {"humanitarian"}),
    # the Union named is no membership of it; a presidential candidate neither
    ("The European Union will not lift sanctions on Russia.", {"sanctions"}),
    ("Ukraine must become a member of the European Union by 2030.", {"eu_membership"}),
    ("The presidential candidate promised a deal.", set()),
    # a battle in a region is no claim to it; assets are not frozen ones
    ("Ukrainian forces held their positions in the Kursk region.", set()),
    ("The ball is now in Russia's court.", set()),  # an idiom, no court of law
    ("Putin must answer before the court in The Hague.", {"accountability"}),
    ("The company moved its assets abroad.", set()),
    ("The EU will use frozen Russian assets to rebuild Ukraine.", {"compensation"}),
    ("The sides traded land mine accusations for hours.", set()),
    # the Black Sea is a place: grain shipped across it is trade, ships left alone a truce
    ("The fleet sailed from the Black Sea coast on Monday.", set()),
    ("The Black Sea grain deal expired in July.", {"economy"}),
    ("Both sides agreed to ensure safe navigation in the Black Sea.", {"ceasefire"}),
    # attacks on energy sites, which a partial ceasefire halts (the sites are the economy's)
    (
        "the two sides have cut back attacks on each other's energy infrastructure",
        {"ceasefire", "economy"},
    ),
    ("to refrain from causing harm to the energy facilities", {"ceasefire", "economy"}),
    ("Energy prices rose again in the winter.", {"economy"}),
    # the world's food supply, which the grain deals were about
    ("food security must not become a weapon", {"economy"}),
    # troops of a bloc on the country's soil; taking part in talks and a mandate to
    # negotiate are not foreign forces
    ("Moscow would not accept troops from NATO countries being deployed in Ukraine", {"foreign_forces"}),
    ("Orban had no mandate from the EU to negotiate with Moscow", {"talks"}),
    # leaders talking, and an envoy's visit, are the talks
    ("There is a mutual understanding that such a conversation is necessary", {"talks"}),
    ("Turkish Foreign Minister Hakan Fidan would visit Russia", {"talks"}),
    ("Ukraine will never give up Crimea or the Donbas", {"territory"}),
    ("Russian forces must pull back to the lines of February 2022", {"withdrawal"}),
    ("a 30-day ceasefire along the entire front", {"ceasefire"}),
    ("Austrian or Swedish models of neutrality", {"neutrality"}),
    # Ukraine's status is neutrality; a neutral venue or mediator is not
    ("Ukraine would be given a permanently neutral status", {"neutrality"}),
    ("Lukashenko offered Minsk as a neutral venue for a deal", set()),
    # the order in Europe, not a country named nor NATO troops sent to Ukraine
    ("Leaders from France, Finland and Poland met in Paris on Tuesday.", set()),
    ("the presence of NATO troops in Ukraine in any role", {"foreign_forces"}),
    ("Russia's war threatens the whole security architecture of Europe", {"european_security"}),
    ("Ukraine refuses to join military unions", {"neutrality"}),
    ("Ukraine needs legally binding security guarantees", {"security_guarantees"}),
    ("Russia demands the demilitarization of Ukraine", {"military_limits"}),
    ("a halt to arms deliveries", {"military_limits"}),
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
    # words real coverage uses (read from the development corpus's misses)
    ("Warsaw does not foresee sending Polish soldiers to Ukraine", {"foreign_forces"}),
    ("Paris had not ruled out sending troops", {"foreign_forces"}),
    ("Ukraine's security must be ensured", {"security_guarantees"}),
    ("Kyiv must accept the new realities on the ground", {"territory"}),
    ("Ukraine must abandon its NATO ambitions", {"neutrality"}),
    ("the Americans could invest in the Zaporozhye NPP", {"nuclear"}),
    ("a lasting solution rather than freezing the Ukraine conflict", {"ceasefire"}),
    ("Ukraine could consider a temporary freeze of the front line", {"ceasefire"}),
    # "language" as wording is no language right
    ("the allies could offer Article 5-like language to cover a security guarantee",
     {"security_guarantees"}),
    ("Kyiv must repeal its law on the state language", {"citizenship_rights"}),
    # a contingent of troops, not a deal "contingent on" something
    ("any foreign contingent on Ukrainian soil is unacceptable", {"foreign_forces"}),
    ("the deal was contingent on the lifting of sanctions", {"sanctions"}),
    # accession to NATO is the alliance question, not EU membership
    ("Moscow will never accept Ukraine's accession to NATO", {"neutrality"}),
    ("Kyiv hopes to start the accession process with Brussels this year", {"eu_membership"}),
    ("Ukraine's accession to the bloc could begin next year", {"eu_membership"}),
    # British usage, and the alliance by its common name
    ("Russia will not have a veto over our membership of NATO", {"neutrality"}),
    ("the alliance's door remained open to Ukraine", {"neutrality"}),
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


def test_a_long_quote_naming_no_issue_takes_it_from_the_rest_of_its_sentence() -> None:
    quote = "the other side was not serious and kept changing what it wanted every single day"
    sentence = f"Asked about the proposed truce, Peskov said {quote}."
    assert LEXICON.classify(quote, sentence).codes == ("ceasefire",)
    named = "the sanctions would stay in place whatever the other side wanted every day"
    assert LEXICON.classify(named, f"On the truce, Peskov said {named}.").codes == ("sanctions",)


TALKS_ARTICLE = (
    "Delegations of Russia and Ukraine met in Geneva on Tuesday for a second round of "
    "talks. The negotiations lasted four hours.\n\n"
    '"Progress has been made," the Kremlin spokesman said.'
)


def test_a_statement_naming_no_issue_is_about_the_talks_in_an_article_about_them() -> None:
    assert LEXICON.about_talks(TALKS_ARTICLE)
    statements = [
        ("Progress has been made,", '"Progress has been made," he said.'),
        ("Crimea is Russian", "He said Crimea is Russian."),
    ]
    progress, crimea = LEXICON.classify_many(statements, about_talks=True)
    assert progress.codes == ("talks",)
    assert progress.evidence == ("talks: (no issue named, in an article about the talks)",)
    assert crimea.codes == ("territory",)
    (alone,) = LEXICON.classify_many(statements[:1], about_talks=False)
    assert alone.codes == ()


def test_an_article_is_about_the_talks_only_when_it_names_them_often_enough() -> None:
    war = "Shelling hit Kharkiv overnight. \"It was a terrible night,\" the mayor said."
    assert not LEXICON.about_talks(war)
    # one passing mention, or words that also mean other things, are not enough
    assert not LEXICON.about_talks(war + " Talks are not planned.")
    assert not LEXICON.about_talks(war + " The settlement was shelled. Officials met there.")
    # a long report that names the talks twice is about something else
    long_report = " ".join(["Artillery fire continued along the front line."] * 200)
    assert not LEXICON.about_talks(long_report + " Peace talks stalled. Negotiations ended.")
    assert LEXICON.about_talks(war + " Peace talks stalled. Negotiations ended.")


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


def test_a_halt_to_the_fighting_is_a_ceasefire_and_ending_the_war_is_not() -> None:
    assert "ceasefire" in LEXICON.classify("the army was ordered to cease attacks on ports").codes
    assert "ceasefire" in LEXICON.classify("two steps to de-escalate the situation").codes
    assert "ceasefire" in LEXICON.classify("Russia would only end the fighting now").codes
    assert "ceasefire" not in LEXICON.classify("a 28-point proposal to end the war").codes


def test_a_star_inside_a_term_ends_that_word_with_any_ending() -> None:
    assert LEXICON.classify("they halted the fighting for Easter").codes == ("ceasefire",)
    assert LEXICON.classify("both sides stopped shooting at dawn").codes == ("ceasefire",)


def test_a_halt_to_one_kind_of_strike_is_a_partial_ceasefire() -> None:
    for quote in (
        "both sides agreed to suspend strikes on energy infrastructure for 30 days",
        "talks aimed at an agreement to halt attacks on power plants",
        "Kyiv and Moscow reached a tacit agreement not to strike each other's refineries",
        "Ukraine agreed to refrain from using military force in the Black Sea",
        "a plan that would freeze the conflict along the current line",
    ):
        assert "ceasefire" in LEXICON.classify(quote).codes, quote


def test_pressure_on_russia_is_sanctions_and_legitimate_interests_are_no_governance() -> None:
    assert "sanctions" in LEXICON.classify("economic pressure on Moscow must remain strong").codes
    assert "sanctions" in LEXICON.classify("we must keep up the pressure on Russia").codes
    interests = LEXICON.classify("a peace that respects the legitimate interests of all parties")
    assert "governance" not in interests.codes
    assert "governance" in LEXICON.classify("Zelensky's legitimacy as president").codes
    assert "governance" not in LEXICON.classify("Russia and its leadership are not ready").codes
