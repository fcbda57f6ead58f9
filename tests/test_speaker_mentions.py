"""Who a mention speaks for: reader comments, pronouns with nobody quoted before them, "it"."""

from __future__ import annotations

import pytest

from talkwatch.actors import Resolver, load_knowledge_base
from talkwatch.actors.shapes import SIDE_WORDS
from talkwatch.attribution import Attributor
from talkwatch.attribution.mentions import SIDE_PREPOSITIONS
from talkwatch.records import Resolution

BODY = (
    "Kremlin spokesman Dmitry Peskov said on Monday that the talks in Riyadh had been useful.\n\n"
    "“We are not in a hurry,” Peskov said.\n\n"
)
COMMENTS = (
    "Comments\n\n"
    "“Nobody in Europe wants to pay for this war for another ten years, and the voters know it.”\n\n"
    "Foreign Minister Sergei Lavrov said last week that the sanctions would never be lifted.\n\n"
    "He said that the ceasefire was a trap for the Ukrainian side.\n\n"
)
TEXT = BODY + COMMENTS


@pytest.fixture(scope="module")
def found(nlp):  # type: ignore[no-untyped-def]
    sections = [("body", 0, len(BODY)), ("comments", len(BODY), len(TEXT))]
    return Attributor().attribute(nlp(TEXT), sections)


def test_commenters_own_quotation_is_the_commenter_not_the_last_official(found) -> None:  # type: ignore[no-untyped-def]
    own = [a for a in found if a.quote(TEXT).startswith("Nobody in Europe")]
    assert len(own) == 1
    assert (own[0].section, own[0].speaker.text) == ("comments", "a reader")
    who = Resolver(load_knowledge_base(), TEXT, "2025-03-01").resolve(own[0].speaker)
    assert (who.speaker, who.party, who.source) == ("a reader", "NONE", "anonymous")


def test_politicians_words_reported_in_a_comment_stay_the_politicians(found) -> None:  # type: ignore[no-untyped-def]
    reported = [a for a in found if "never be lifted" in a.quote(TEXT)]
    assert [(a.section, a.speaker.text) for a in reported] == [
        ("comments", "Foreign Minister Sergei Lavrov")
    ]


def test_a_pronoun_in_a_comment_does_not_reach_back_into_the_article(found) -> None:  # type: ignore[no-untyped-def]
    (trap,) = [a for a in found if "trap" in a.quote(TEXT)]
    assert trap.speaker.text == "He"
    assert trap.speaker.antecedent is not None
    assert (
        trap.speaker.antecedent.text == "Foreign Minister Sergei Lavrov"
    )  # the comment's own speaker, not Peskov


def test_article_statements_keep_their_speakers(found) -> None:  # type: ignore[no-untyped-def]
    body = [(a.section, a.speaker.text) for a in found if a.section == "body"]
    assert body == [("body", "Kremlin spokesman Dmitry Peskov"), ("body", "Peskov")]


def test_a_pronoun_with_no_speaker_before_it_takes_the_person_named_before(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Maria Zakharova held her weekly briefing in Moscow on Thursday.\n\n"
        "She said the Istanbul talks had achieved nothing new for either side."
    )
    (found,) = Attributor().attribute(nlp(text), [("body", 0, len(text))])
    assert found.speaker.text == "She"
    assert found.speaker.antecedent is not None
    assert found.speaker.antecedent.text == "Maria Zakharova"



def test_a_name_that_only_qualifies_a_noun_is_no_antecedent(nlp) -> None:  # type: ignore[no-untyped-def]
    # the headline names Trump, then a Putin-Zelensky meeting: "He" is Trump
    text = (
        "Readers split over Trump's push for Putin-Zelensky peace talks\n\n"
        "He later confirmed that he had spoken to the Russian president to begin making "
        "arrangements."
    )
    (found,) = Attributor().attribute(nlp(text), [("body", 0, len(text))])
    assert found.speaker.antecedent is not None
    assert found.speaker.antecedent.text == "Trump"

def test_it_as_the_speaker_of_a_learned_cue_refers_to_the_institution_named_before(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Institute for the Study of War published a new assessment on Sunday.\n\n"
        "It argued that Russian forces were regrouping near Pokrovsk for a new push."
    )
    (found,) = Attributor().attribute(nlp(text), [("body", 0, len(text))])
    assert found.speaker.text == "It"
    assert found.speaker.antecedent is not None
    assert found.speaker.antecedent.text == "The Institute for the Study of War"
    assert Attributor(mode="rules").attribute(nlp(text), [("body", 0, len(text))]) == []


def test_he_after_a_named_subject_is_that_person_not_the_last_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Kremlin spokesman Dmitry Peskov said on Monday that Moscow saw no basis for talks.\n\n"
        "Volodymyr Zelenskyy joined the G7 leaders by video link on Tuesday. "
        "He demanded that Moscow withdraw all its troops from Ukraine."
    )
    found = Attributor().attribute(nlp(text), [("body", 0, len(text))])
    (demand,) = [a for a in found if "withdraw" in a.quote(text)]
    assert demand.speaker.text == "He"
    assert demand.speaker.antecedent is not None
    assert demand.speaker.antecedent.text == "Volodymyr Zelenskyy"
    (first,) = [a for a in found if "no basis" in a.quote(text)]
    assert first.speaker.text == "Kremlin spokesman Dmitry Peskov"


def test_he_after_a_titled_name_is_the_whole_name(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Kremlin spokesman Dmitry Peskov said on Monday that Moscow saw no basis for talks. "
        "Trump's envoy Steve Witkoff arrived in Moscow on Tuesday. "
        "He said that a deal was within reach."
    )
    found = Attributor().attribute(nlp(text), [("body", 0, len(text))])
    (deal,) = [a for a in found if "deal" in a.quote(text)]
    assert deal.speaker.antecedent is not None
    assert deal.speaker.antecedent.text == "Steve Witkoff"


def test_he_with_no_new_subject_between_stays_the_last_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Kremlin spokesman Dmitry Peskov said on Monday that Moscow saw no basis for talks. "
        "The remarks came a day after a call with Zelenskyy's office. "
        "He said the Kremlin would wait for a reply."
    )
    found = Attributor().attribute(nlp(text), [("body", 0, len(text))])
    (reply,) = [a for a in found if "reply" in a.quote(text)]
    assert reply.speaker.antecedent is not None
    assert reply.speaker.antecedent.text == "Kremlin spokesman Dmitry Peskov"


def test_a_name_in_apposition_to_a_title_is_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Earlier, the head of the Russian delegation, Vladimir Medinsky, said there would "
        "be a statement after the talks."
    )
    (found,) = Attributor().attribute(nlp(text), [("body", 0, len(text))])
    assert found.speaker.text == "Vladimir Medinsky"
    assert found.speaker.description == "the head of the Russian delegation"
    who = Resolver(load_knowledge_base(), text, "2022-03-29").resolve(found.speaker)
    assert (who.speaker, who.party, who.source) == ("Vladimir Medinsky", "RUS", "named")


def test_a_name_in_apposition_to_a_title_naming_someone_else_is_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Zelensky's adviser, Mykola Hrytsenko, said the talks in Geneva were useful."
    (found,) = Attributor().attribute(nlp(text), [("body", 0, len(text))])
    assert (found.speaker.text, found.speaker.description) == (
        "Mykola Hrytsenko",
        "Zelensky's adviser",
    )


def test_an_outlet_quoting_a_person_as_saying_reports_that_persons_words(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "“Moscow will keep insisting on the root causes of the crisis,” "
        "Komsomolskaya Pravda quoted Lavrov as saying. "
        "Interfax cited Peskov as saying that the next round would be held in Istanbul. "
        "Zakharova was quoted by TASS as saying that Moscow was ready for talks."
    )
    found = Attributor().attribute(nlp(text), [("body", 0, len(text))])
    assert [(a.speaker.text, a.quote(text)) for a in found] == [
        ("Lavrov", "Moscow will keep insisting on the root causes of the crisis,"),
        ("Peskov", "the next round would be held in Istanbul"),
        ("Zakharova", "Moscow was ready for talks"),
    ]


def test_a_name_the_parser_hangs_on_an_institution_still_names_the_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "A spokesman for the Kremlin, Dmitry Peskov, said the talks were useful."
    (found,) = Attributor().attribute(nlp(text), [("body", 0, len(text))])
    assert found.speaker.text == "Dmitry Peskov"


def test_a_name_after_a_title_inside_the_subject_names_that_title_not_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "A spokesman for Britain's prime minister, Keir Starmer, said the talks were useful."
    (found,) = Attributor().attribute(nlp(text), [("body", 0, len(text))])
    assert found.speaker.text == "A spokesman"


def test_he_after_a_title_with_a_name_in_apposition_is_that_name(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Vance said Kyiv would have to give up territory.\n\n"
        "The chief of staff of Ukrainian President Volodymyr Zelenskyy, Andriy Yermak, "
        "arrived in London on Tuesday. A “full and unconditional ceasefire” would be a first "
        "step toward peace, he said in a Telegram post."
    )
    found = Attributor().attribute(nlp(text), [("body", 0, len(text))])
    assert [a.speaker.text for a in found] == ["Vance", "he"]
    assert found[1].speaker.antecedent is not None
    assert found[1].speaker.antecedent.text == "Andriy Yermak"


def test_he_never_stands_for_an_interview_or_a_report(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "An interview with Russian Foreign Minister Sergey Lavrov has revealed that the "
        "rift between Moscow and Kyiv is deep.\n\n"
        "Speaking to NBC News, Lavrov made it clear that no summit is planned. He stressed "
        "that a meeting could only happen once there is a prepared agenda."
    )
    found = Attributor().attribute(nlp(text), [("body", 0, len(text))])
    (stressed,) = [a for a in found if "prepared agenda" in a.quote(text)]
    assert stressed.speaker.antecedent is not None
    assert stressed.speaker.antecedent.text == "Lavrov"


def test_he_skips_a_description_that_names_no_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Kremlin spokesman Dmitry Peskov said on Monday that the talks had been useful. "
        "A statement from the summit said the grain corridor must stay open. "
        "He added that Moscow was ready for a second round."
    )
    found = Attributor().attribute(nlp(text), [("body", 0, len(text))])
    (added,) = [a for a in found if "second round" in a.quote(text)]
    assert added.speaker.antecedent is not None
    assert added.speaker.antecedent.text == "Kremlin spokesman Dmitry Peskov"


def test_he_after_a_surname_the_tagger_reads_as_an_organisation_is_that_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Lavrov said on Tuesday that the talks in Istanbul had failed. He added that Moscow "
        "would not send another delegation."
    )
    found = Attributor().attribute(nlp(text), [("body", 0, len(text))])
    resolver = Resolver(load_knowledge_base(), text, "2025-05-20")
    assert [resolver.resolve(a.speaker).speaker for a in found] == ["Sergey Lavrov"] * 2


def _resolved(nlp, text: str, day: str) -> list[tuple[str, Resolution]]:  # type: ignore[no-untyped-def]
    """(mention, resolution) of each statement found in ``text``, in the text's order."""
    resolver = Resolver(load_knowledge_base(), text, day)
    found = Attributor().attribute(nlp(text), [("body", 0, len(text))])
    return [(a.speaker.text, resolver.resolve(a.speaker)) for a in found]


def _speakers(nlp, text: str, day: str = "2024-06-01") -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """(mention, resolved speaker) of each statement found in ``text``."""
    return [(mention, found.speaker) for mention, found in _resolved(nlp, text, day)]


def test_a_persons_of_phrase_says_where_they_are_from(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Senator Roger Wicker of Mississippi said the ceasefire talks in Geneva would fail "
        "without American pressure on Moscow."
    )
    assert _speakers(nlp, text) == [("Senator Roger Wicker", "Roger Wicker")]


def test_a_title_keeps_its_of_phrase(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The head of the Russian delegation said the talks in Istanbul had been useful."
    assert _speakers(nlp, text)[0][0] == "The head of the Russian delegation"


def test_a_different_first_name_is_a_different_person(nlp) -> None:  # type: ignore[no-untyped-def]
    # the knowledge base knows the broadcaster Piers Morgan; Peter Morgan is someone else
    text = (
        "Peter Morgan, a lawyer for the Sierra Club, said the talks on the grain corridor "
        "had been a waste of time."
    )
    assert _speakers(nlp, text) == [("Peter Morgan", "Peter Morgan")]


def test_a_dateline_and_a_leading_adverb_are_not_part_of_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "BRUSSELS - European leaders said on Friday that the talks in Geneva must include "
        "Ukraine from the start.\n\n"
        "Even China said the ceasefire talks should go ahead without preconditions."
    )
    assert [m for m, _ in _speakers(nlp, text)] == ["European leaders", "China"]


def test_he_after_a_quotation_is_the_person_the_sentence_describes(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Viktor Orban was received last week in Kyiv by Volodymyr Zelensky.\n\n"
        "Now, the Hungarian prime minister arrives in Moscow with an ambition: “Hungary "
        "will soon be the only country in Europe that talks to both sides,” he says."
    )
    resolver = Resolver(load_knowledge_base(), text, "2024-07-05")
    found = Attributor().attribute(nlp(text), [("body", 0, len(text))])
    quoted = [a for a in found if a.quote(text).startswith("Hungary will soon")]
    assert [resolver.resolve(a.speaker).speaker for a in quoted] == ["Viktor Orban"]


def test_he_after_a_quotation_about_someone_is_still_the_last_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    # the subject the quotation goes on about is not who speaks
    text = (
        "Zelensky spoke to reporters in Kyiv on Monday.\n\n"
        "Putin “is not interested in peace,” he said."
    )
    assert [speaker for _, speaker in _speakers(nlp, text, "2025-03-01")] == ["Volodymyr Zelensky"]


def test_those_close_to_a_person_are_not_that_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Andrii Sybiha met the envoys in Geneva on Monday. Those close to him said he would "
        "name a new negotiator within days."
    )
    assert _speakers(nlp, text) == [("Those close to him", "those close to him")]
    resolver = Resolver(load_knowledge_base(), text, "2025-03-14")
    group = resolver.resolve_text("Those close to him")
    assert group.source == "anonymous"


def test_a_relative_clause_deep_in_the_speakers_phrase_describes_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The special representative of the Chinese government Li Hui, who visited Ukraine, "
        "Russia and European countries, stated that no side has closed the door to talks."
    )
    assert _speakers(nlp, text, "2023-05-27") == [
        ("The special representative of the Chinese government Li Hui", "Li Hui")
    ]


def test_he_after_a_person_who_went_further_is_that_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Dmitry Peskov said the sanctions would not change Russia's position on the talks. "
        "Marek D. wrote that it is the same line as always, but Medvedev went much further. "
        "He called the sanctions an act of war against Russia."
    )
    assert _speakers(nlp, text, "2025-10-23")[-1] == ("He", "Dmitry Medvedev")
    # a clause that goes on about the speaker brings in nobody new
    text = (
        "“He really does love us,” Melanie said, and soon the balloons were dropping, Trump "
        "was waving to the crowd, and she was switching off the television. “It’s finished,” "
        "she said."
    )
    assert [speaker for _, speaker in _speakers(nlp, text, "2016-09-01")][-1] != "Donald Trump"


def test_he_after_a_persons_answer_as_subject_is_that_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "By accepting the American truce in Jeddah, Kyiv has shifted the burden onto the "
        "Kremlin. Vladimir Putin's answer on Thursday was a masterpiece of the genre. He said "
        "Russia supported the idea of halting the fighting."
    )
    assert _speakers(nlp, text, "2025-03-14")[-1] == ("He", "Vladimir Putin")


def antecedents(nlp, text: str) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    found = Attributor().attribute(nlp(text), [("body", 0, len(text))])
    return [
        (a.quote(text), a.speaker.antecedent.text if a.speaker.antecedent else a.speaker.text)
        for a in found
    ]


@pytest.mark.parametrize(
    ("text", "quote", "surname"),
    [
        pytest.param(
            "Ukrainian President Volodymyr Zelensky said on Monday that Kyiv wanted a just "
            "peace.\n\nHungarian Prime Minister Viktor Orban has kept in touch with Vladimir "
            "Putin, and he has consistently called for a ceasefire in Ukraine before Christmas.",
            "for a ceasefire in Ukraine before Christmas",
            "Orban",
            id="the subject its own sentence names before it",
        ),
        pytest.param(
            "President Volodymyr Zelensky said the front was holding.\n\nAnd while Foreign "
            "Minister Dmytro Kuleba spoke this week of a peace summit in February, he also "
            "said Russia would be invited only if it faced prosecution for war crimes.",
            "Russia would be invited only if it faced prosecution for war crimes",
            "Kuleba",
            id="the subject of a while-clause before it",
        ),
        pytest.param(
            "Ukrainian President Volodymyr Zelensky said the call achieved nothing.\n\n"
            "Hungarian Prime Minister Viktor Orban spoke to Vladimir Putin for an hour. In "
            "Orban's statement on the call, he said Hungary was taking every possible "
            "diplomatic step toward a ceasefire.",
            "Hungary was taking every possible diplomatic step toward a ceasefire",
            "Orban",
            id="the owner of what was said on its own verb",
        ),
        pytest.param(
            "Kremlin spokesman Dmitry Peskov said Volodymyr Zelensky was not ready for talks, "
            "and he added that Moscow would wait for a serious proposal.",
            "Moscow would wait for a serious proposal",
            "Peskov",
            id="not a person someone else reports on",
        ),
        pytest.param(
            "Kremlin spokesman Dmitry Peskov spoke to reporters about French President "
            'Emmanuel Macron on Tuesday.\n\nMacron "continues to talk about sending troops to '
            'Ukraine. This is a very dangerous trend," he added.',
            "continues to talk about sending troops to Ukraine. This is a very dangerous trend,",
            "Peskov",
            id="not the subject of the words it reports",
        ),
    ],
)
def test_he_is_who_a_reader_takes_him_for(nlp, text: str, quote: str, surname: str) -> None:  # type: ignore[no-untyped-def]
    said, who = antecedents(nlp, text)[-1]
    assert (said, who.split()[-1]) == (quote, surname)


def test_a_name_at_the_end_of_a_titles_phrase_is_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Russian First Deputy Permanent Representative to the UN Dmitry Polyanskiy wrote "
        "that Kyiv was not ready for peace talks."
    )
    assert antecedents(nlp, text) == [("Kyiv was not ready for peace talks", "Dmitry Polyanskiy")]


def test_an_institutions_name_at_the_end_of_a_title_is_no_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The chairman of the Russian State Duma Committee on International Affairs said "
        "that Kyiv was not ready for peace talks."
    )
    ((_, who),) = antecedents(nlp, text)
    assert who.startswith("The chairman of the Russian State Duma Committee")
    found = Attributor().attribute(nlp(text), [("body", 0, len(text))])
    resolved = Resolver(load_knowledge_base(), text, "2025-03-01").resolve(found[0].speaker)
    assert resolved.source == "anonymous" and resolved.party == "RUS"


def test_a_name_in_apposition_to_a_title_the_tagger_reads_as_an_organisation(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "His chief of staff, Rustem Umerov, has denied agreeing to the plan, claiming he was "
        "only involved in technical discussions."
    )
    assert [who for _, who in antecedents(nlp, text)] == ["Rustem Umerov", "Rustem Umerov"]


def test_he_is_a_person_a_title_names_even_when_the_tagger_reads_an_organisation(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "German Chancellor Olaf Scholz spoke with Putin. Canadian Prime Minister Justin "
        "Trudeau supported the call. Scholz himself believes that his phone call was the "
        "right move, although he acknowledged that there has been little change in "
        "Putin's views on the war."
    )
    quote, who = antecedents(nlp, text)[-1]
    assert quote == "there has been little change in Putin's views on the war"
    assert who == "Scholz"


def test_a_name_in_apposition_before_a_clause_about_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Trump's special envoy for Ukraine, Keith Kellogg, speaking on Fox News, described "
        "the plan as a work in progress."
    )
    assert [who for _, who in antecedents(nlp, text)] == ["Keith Kellogg"]


@pytest.mark.parametrize(
    "sentence",
    [
        "In response to Zelensky's offer, he said Moscow would study the text.",
        "Despite Trump's threats, he said Moscow would study the text.",
        "Putin's spokesman was silent, but he said Moscow would study the text.",
    ],
)
def test_he_is_not_the_owner_of_what_was_not_said(nlp, sentence: str) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Kremlin spokesman Dmitry Peskov said on Monday that the talks had been useful. " + sentence
    )
    quote, who = antecedents(nlp, text)[-1]
    assert quote == "Moscow would study the text"
    assert who.split()[-1] == "Peskov"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The US ambassador to the United Arab Emirates said the talks would resume.",
            "The US ambassador",
        ),
        ("Russia's envoy to Papua New Guinea said the talks would resume.", "Russia's envoy"),
    ],
)
def test_a_place_at_the_end_of_a_titles_phrase_is_no_name(nlp, text: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    assert [who for _, who in antecedents(nlp, text)] == [speaker]


def test_a_date_the_parse_takes_for_a_second_subject_does_not_speak(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Kremlin spokesperson Dmitry Peskov on Wednesday, Dec 14 responded to the peace "
        "proposal, saying it was out of the question to withdraw all Russian troops."
    )
    assert [who for _, who in antecedents(nlp, text)] == ["Kremlin spokesperson Dmitry Peskov"]


def test_he_in_a_parenthetical_cue_after_a_titled_lead_in(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Volodymyr Zelensky said the ball was now in Moscow's court.\n\n"
        "Foreign Minister Andrii Sybiha was blunter still: Russia, he wrote, was the only "
        "party that still had to say yes."
    )
    said, who = antecedents(nlp, text)[-1]
    assert said == "Russia … was the only party that still had to say yes"
    assert who.endswith("Andrii Sybiha")


@pytest.mark.parametrize("verb", ["thinks", "hopes", "knows"])
def test_he_is_not_a_person_in_a_clause_the_speaker_believes(nlp, verb: str) -> None:  # type: ignore[no-untyped-def]
    text = (
        f"Kremlin spokesman Dmitry Peskov {verb} Volodymyr Zelensky is not ready for talks, "
        "and he added that Moscow would wait for a serious proposal."
    )
    said, who = antecedents(nlp, text)[-1]
    assert (said, who.split()[-1]) == ("Moscow would wait for a serious proposal", "Peskov")


def test_she_after_a_name_with_particles_is_that_whole_name(nlp) -> None:  # type: ignore[no-untyped-def]
    # the small model tags "Ursula von der" a person and "Leyen" a place
    text = (
        "“Sanctions must be lifted before any agreement is signed,” Russian Deputy Foreign "
        "Minister Sergei Ryabkov said.\n\n"
        "European Commission President Ursula von der Leyen said the EU would keep sanctions "
        "in place. “There will be no sanctions relief while Russian troops remain in "
        "Ukraine,” she said."
    )
    assert _speakers(nlp, text, "2025-07-01")[-1] == ("she", "Ursula von der Leyen")
    doc = nlp(text)
    assert "Ursula von der Leyen" in [e.text for e in doc.ents if e.label_ == "PERSON"]
    # a day after a name is no part of it
    dated = nlp("US President Donald Trump Monday said Russia must agree.")
    assert [(e.text, e.label_) for e in dated.ents if e.label_ in ("PERSON", "DATE")] == [
        ("Donald Trump", "PERSON"),
        ("Monday", "DATE"),
    ]


def _sides(nlp, text: str, day: str = "2025-06-03") -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    """(speaker, party, source) of each statement found in ``text``."""
    return [(r.speaker, r.party, r.source) for _, r in _resolved(nlp, text, day)]


@pytest.mark.parametrize(
    ("sentence", "side"),
    [
        (
            "A source in the Ukrainian delegation told Reuters that Kyiv would not accept any "
            "limits on the size of its army.",
            ("a source in the ukrainian delegation", "UKR", "anonymous"),
        ),
        (
            "A source close to the Kremlin said Putin would not travel to Istanbul.",
            ("a source close to the kremlin", "RUS", "anonymous"),
        ),
        (
            "An official from the Russian Defence Ministry said the exchange would take place "
            "on Friday.",
            ("an official from the russian defence ministry", "RUS", "anonymous"),
        ),
        (  # an outlet's description that names it is the outlet, of no side
            "Turkish Foreign Minister Hakan Fidan would visit Russia, Russia's state RIA news "
            "agency reported.",
            ("RIA Novosti", "NONE", "named"),
        ),
        (  # officials in a seat of government are its officials
            "But officials in Kyiv say agreeing to neutrality is a red line they will not cross.",
            ("officials in kyiv", "UKR", "anonymous"),
        ),
        (  # the outlet whose reports they are speaks
            "Earlier reports from the Wall Street Journal indicated that the team is "
            "considering a plan to delay Ukraine's membership of NATO.",
            ("Wall Street Journal", "NONE", "named"),
        ),
    ],
)
def test_a_phrase_after_an_unnamed_speaker_tells_whose_it_is(nlp, sentence, side) -> None:  # type: ignore[no-untyped-def]
    assert _sides(nlp, sentence) == [side]


@pytest.mark.parametrize(
    ("sentence", "side"),
    [
        (  # a place says where, not whose
            "A Western diplomat in Moscow said the talks would resume in June.",
            ("a western diplomat", "", "anonymous"),
        ),
        (  # a diplomat in a capital may be anyone's
            "A diplomat in Moscow said the talks would resume in June.",
            ("a diplomat", "", "anonymous"),
        ),
        (  # an event or a text neither
            "A diplomat at the NATO summit said the ceasefire talks would resume in June.",
            ("a diplomat", "", "anonymous"),
        ),
        (
            "A source familiar with the Russian proposal said Washington would accept a "
            "ceasefire.",
            ("a source", "", "anonymous"),
        ),
        (  # people of a body are unnamed, however many
            "On Monday, officials at the Russian embassy said the talks would resume.",
            ("officials at the russian embassy", "RUS", "anonymous"),
        ),
        (
            "Sources in the Kremlin said Putin would not travel to Istanbul.",
            ("sources in the kremlin", "RUS", "anonymous"),
        ),
    ],
)
def test_only_a_body_after_an_unnamed_speaker_tells_whose_it_is(nlp, sentence, side) -> None:  # type: ignore[no-untyped-def]
    assert _sides(nlp, sentence) == [side]


def test_the_mention_and_the_resolver_read_the_same_side_words() -> None:
    assert (SIDE_PREPOSITIONS - {"to"}) | {"close"} == SIDE_WORDS  # "close to the Kremlin"


def test_she_is_the_woman_quoted_before_and_he_never_a_woman(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The European Union will not lift sanctions on Russia, EU foreign policy chief Kaja "
        "Kallas said on Monday.\n\n"
        "Russian Foreign Minister Sergei Lavrov said the lifting of sanctions must be part of "
        "any agreement on shipping in the Black Sea.\n\n"
        "She said that the bloc was also working on a plan to use frozen Russian assets."
    )
    assert _speakers(nlp, text, "2025-03-24")[-1] == ("She", "Kaja Kallas")
    text = (
        "Kremlin spokesman Dmitry Peskov said the talks in Riyadh had been useful.\n\n"
        "Foreign Ministry spokeswoman Maria Zakharova said Moscow saw no reason for haste.\n\n"
        "“We are not in a hurry,” he added."
    )
    assert _speakers(nlp, text, "2025-03-24")[-1] == ("he", "Dmitry Peskov")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (  # "Marine" is no woman's name here
            "Andrii Sybiha said Kyiv was ready for talks.\n\nMarine Corps Commandant General "
            "Eric Smith said the troops would stay.\n\n“We are not leaving,” he added.",
            "Eric Smith",
        ),
        (  # a place ending as a Slavic woman's surname does is no woman
            "Andrii Sybiha said Kyiv was ready for talks.\n\nThe foreign minister of Moldova "
            "said his country backed the plan. “We are not afraid,” he added.",
            "Moldova",
        ),
        (  # of two subjects the parse gives a sentence, the nearer is the person named
            "On Thursday Maria Zakharova said such a deployment would be unacceptable.\n\n"
            "Ukrainian presidential chief of staff Andriy Yermak welcomed the plan. “Strong "
            "guarantees are the only way,” he wrote on Telegram.",
            "Andriy Yermak",
        ),
    ],
)
def test_he_is_no_woman_and_no_word_is_taken_for_a_womans(nlp, text, speaker) -> None:  # type: ignore[no-untyped-def]
    assert _speakers(nlp, text, "2025-03-24")[-1][1] == speaker


def test_the_end_of_the_reported_clause_is_not_part_of_the_speakers_phrase(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The talks held by Russian and Ukrainian delegations in Istanbul were constructive, "
        "Russian delegation head Vladimir Medinsky said as the talks' round ended."
    )
    (found,) = Attributor().attribute(nlp(text), [("body", 0, len(text))])
    assert found.speaker.text == "Russian delegation head Vladimir Medinsky"
    assert found.quote(text).endswith("in Istanbul were constructive")


def test_a_speakers_mention_holds_no_paragraph_break(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "We only agreed on an exchange of prisoners, — said Umerov\n\n"
        "Yes, Russia and Ukraine plan to exchange all seriously ill prisoners of war."
    )
    found = Attributor().attribute(nlp(text), [("body", 0, len(text))])
    assert [a.speaker.text for a in found] == ["Umerov"]


def test_he_after_an_unnamed_source_is_that_source_not_a_name_in_its_words(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Talks in Istanbul between Turkey's top diplomat and a Russian delegation have ended, "
        "a foreign ministry source said. The meeting with the delegation headed by Vladimir "
        "Medinsky finished late on Thursday, the source added. \u201cTomorrow there will be more "
        "talks in different formats,\u201d he said."
    )
    assert [who for _, who in antecedents(nlp, text)] == [
        "a foreign ministry source",
        "the source",
        "the source",
    ]


def test_both_before_two_names_is_no_part_of_the_first(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Both Putin and Trump described their call as productive and encouraging."
    assert [who for _, who in antecedents(nlp, text)] == ["Putin"]


def test_neither_of_two_names_said_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Neither Peskov nor Lavrov said Russia would accept a ceasefire."
    assert antecedents(nlp, text) == []
