"""A second cue inside reported speech: "said A, adding that B", "said A and warned B".

The second cue reports a point of its own. It is cut out of the first statement
and becomes a statement by the speaker who makes it: the first cue's speaker when
the clause has no named subject of its own, the clause's subject when it has one.
A report of what someone said ("X said Y, Ukrinform reports") is X's statement.
Sentences written in wire-news style.
"""

from __future__ import annotations

import pytest

from talkwatch.attribution import Attributor
from talkwatch.records import Attribution


@pytest.fixture(scope="module")
def attribute(nlp):  # type: ignore[no-untyped-def]
    attributor = Attributor()

    def run(text: str) -> list[tuple[str, str]]:
        found: list[Attribution] = attributor.attribute(nlp(text), [("body", 0, len(text))])
        return [(a.speaker.text, a.quote(text)) for a in found]

    return run


def test_adding_that_is_a_second_statement_by_the_same_speaker(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Lavrov said Moscow has received no official signals from Washington regarding "
        "these proposals, adding that policy remains under the outgoing administration."
    )
    assert attribute(text) == [
        ("Lavrov", "Moscow has received no official signals from Washington regarding these proposals"),
        ("Lavrov", "policy remains under the outgoing administration"),
    ]


def test_a_participle_after_a_cue_of_its_own_belongs_to_that_cues_speaker(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Peskov indicated that Moscow was discussing a neutral status for Ukraine, but a "
        "Ukrainian official rejected the model, saying the security model can only be Ukrainian."
    )
    speakers = {quote: speaker for speaker, quote in attribute(text)}
    assert speakers["the security model can only be Ukrainian"] == "a Ukrainian official"


def test_citing_a_reason_stays_inside_the_statement(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Zelensky said negotiating with Putin was futile, citing him as a dishonest actor."
    )
    assert attribute(text) == [
        ("Zelensky", "negotiating with Putin was futile, citing him as a dishonest actor")
    ]


def test_a_conjoined_question_is_its_own_statement(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Putin said there were nuances and specifically asked who would monitor such a "
        "ceasefire along the whole front line."
    )
    assert attribute(text) == [
        ("Putin", "there were nuances"),
        ("Putin", "who would monitor such a ceasefire along the whole front line"),
    ]


def test_a_conjoined_warning_after_he_belongs_to_the_first_speaker(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Trump said he would order a thorough review of the nation's defences and warned "
        "against hackers from China, Russia and North Korea."
    )
    assert attribute(text) == [
        ("Trump", "he would order a thorough review of the nation's defences"),
        ("Trump", "against hackers from China, Russia and North Korea"),
    ]


def test_a_conjoined_cue_is_the_reporters_even_after_a_named_subject(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Peskov said the Kremlin had not yet received the proposal and stressed that "
        "Moscow was ready for talks."
    )
    assert attribute(text) == [
        ("Peskov", "the Kremlin had not yet received the proposal"),
        ("Peskov", "Moscow was ready for talks"),
    ]


def test_a_conjoined_act_without_a_clause_stays_in_the_statement(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Zelensky said Russia had promised a ceasefire for Easter and then announced a new "
        "offensive in the Sumy region."
    )
    assert attribute(text) == [
        (
            "Zelensky",
            "Russia had promised a ceasefire for Easter and then announced a new offensive "
            "in the Sumy region",
        )
    ]


def test_a_conjunct_in_the_reported_tense_stays_in_the_statement(attribute) -> None:  # type: ignore[no-untyped-def]
    # "say" is the reporter's present; "refused" is the past of what the police report
    text = "Police say the gunman posed a deadly threat and refused to drop his rifle."
    assert attribute(text) == [
        ("Police", "the gunman posed a deadly threat and refused to drop his rifle"),
    ]


def test_a_clause_parsed_as_an_adverbial_is_what_was_said(attribute) -> None:  # type: ignore[no-untyped-def]
    text = "Trump said after the convention he would not accept the endorsement of his rival."
    ((speaker, quote),) = attribute(text)
    assert speaker == "Trump"
    assert quote.endswith("he would not accept the endorsement of his rival")


def test_a_cue_after_before_in_a_plan_is_not_a_statement(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Kyiv said it would consult its allies before announcing that new sanctions "
        "would follow."
    )
    assert attribute(text) == [
        ("Kyiv", "it would consult its allies before announcing that new sanctions would follow")
    ]


def test_while_another_speaker_said_is_that_speakers(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Kremlin said the speech was extremely confrontational while Putin's foreign "
        "minister said the speech amounted to a threat against Russia."
    )
    assert attribute(text) == [
        ("The Kremlin", "the speech was extremely confrontational"),
        ("Putin's foreign minister", "the speech amounted to a threat against Russia"),
    ]


def test_while_another_side_refuses_is_the_reporters_claim(attribute) -> None:  # type: ignore[no-untyped-def]
    text = "Peskov said Moscow remains open to talks while Kyiv refuses to engage in dialogue."
    assert attribute(text) == [
        ("Peskov", "Moscow remains open to talks while Kyiv refuses to engage in dialogue")
    ]


def test_before_saying_is_a_second_statement_by_the_same_speaker(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Putin said his terms were very simple, before saying Ukraine's troops must leave "
        "the four regions."
    )
    assert attribute(text) == [
        ("Putin", "his terms were very simple"),
        ("Putin", "Ukraine's troops must leave the four regions"),
    ]


def test_after_saying_belongs_to_the_subject_of_a_passive_main_clause(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        "After saying that Russia was ready for talks in Istanbul, Peskov was asked "
        "about the delegation."
    )
    assert attribute(text) == [("Peskov", "Russia was ready for talks in Istanbul")]
    # the one praised or asked is still the one who said it; an active clause's
    # subject as before
    text = "Lavrov was criticised for saying that Ukraine had no right to exist as a state."
    assert attribute(text) == [("Lavrov", "Ukraine had no right to exist as a state")]


def test_a_cue_the_parse_joined_to_a_relative_clause_is_a_second_point(attribute) -> None:  # type: ignore[no-untyped-def]
    # "demanded", past as "rejected", where the relative clause's "limit" is not
    text = (
        "Zelensky rejected any deal that would limit the size of Ukraine's armed forces "
        "and demanded binding security guarantees."
    )
    assert attribute(text) == [
        ("Zelensky", "any deal that would limit the size of Ukraine's armed forces"),
        ("Zelensky", "binding security guarantees"),
    ]
    # a verb in the relative clause's own tense stays in it
    text = "Lavrov rejected a plan that would send troops and deploy aircraft to Ukraine."
    assert attribute(text) == [
        ("Lavrov", "a plan that would send troops and deploy aircraft to Ukraine")
    ]


def test_a_cue_the_parse_joined_to_the_gerund_of_a_cue_phrase_is_a_second_point(attribute) -> None:  # type: ignore[no-untyped-def]
    # the parse hangs "called" (past, as "accused") on "sabotaging" (a gerund)
    text = (
        "In a statement, the Kremlin accused Kyiv of sabotaging the talks and called on "
        "Washington to rein in its ally."
    )
    assert attribute(text) == [
        ("the Kremlin", "Kyiv of sabotaging the talks"),
        ("the Kremlin", "to rein in its ally"),
    ]
    # a gerund's own conjunct, a gerund too, stays in the accusation
    text = "Lavrov accused the West of arming Kyiv and prolonging the war in Ukraine."
    assert attribute(text) == [("Lavrov", "the West of arming Kyiv and prolonging the war in Ukraine")]


def test_as_he_claimed_is_a_second_statement_by_the_first_speaker(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Lavrov said extending the grain deal was becoming complicated as he claimed "
        "it was not being correctly implemented."
    )
    assert attribute(text) == [
        ("Lavrov", "extending the grain deal was becoming complicated"),
        ("Lavrov", "it was not being correctly implemented"),
    ]


def test_though_he_noted_is_a_second_statement_by_the_same_speaker(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Lavrov said several Western capitals were interested in a settlement, though he "
        "noted that none of them had approached Moscow directly."
    )
    assert attribute(text) == [
        ("Lavrov", "several Western capitals were interested in a settlement"),
        ("Lavrov", "none of them had approached Moscow directly"),
    ]


def test_a_cue_in_a_relative_clause_reports_its_own_point(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Zelensky criticised the Russian delegation for its ultimatums, which he said were "
        "designed to block any ceasefire."
    )
    assert attribute(text) == [
        ("Zelensky", "the Russian delegation for its ultimatums"),
        ("he", "were designed to block any ceasefire"),
    ]


def test_who_says_speaks_for_the_person_it_follows(attribute) -> None:  # type: ignore[no-untyped-def]
    text = "The plan was drafted by Witkoff, who says it could end the war within weeks."
    assert attribute(text) == [("Witkoff", "it could end the war within weeks")]


def test_declining_to_comment_is_no_statement(attribute) -> None:  # type: ignore[no-untyped-def]
    assert attribute("Peskov declined to comment on the talks in Istanbul.") == []
    assert attribute("A Kremlin spokesman declined to say whether Putin would attend.") == []
    # nor is what the unsaid words would have said
    assert attribute("Zelensky refused to confirm that Ukraine had accepted the US proposal.") == []
    # refusing an act is a statement
    assert attribute("Moscow refused to withdraw its troops from the Kursk region.") == [
        ("Moscow", "to withdraw its troops from the Kursk region"),
    ]


def test_offering_no_details_is_no_statement(attribute) -> None:  # type: ignore[no-untyped-def]
    assert (
        attribute(
            "Representatives from Russia and Ukraine offered no further details on possible "
            "progress made in the talks."
        )
        == []
    )
    assert attribute("Peskov offered no comment on the report from Riyadh.") == []
    assert attribute("Putin gave no indication of when the Russian delegation would travel.") == []
    # a "no" that is itself the position is a statement
    assert attribute("Russia signaled no objections to Ukraine's possible NATO membership.") == [
        ("Russia", "no objections to Ukraine's possible NATO membership"),
    ]


def test_a_relay_that_closes_the_sentence_is_not_part_of_what_was_said(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Kuleba said that negotiations with Russia are only possible if its troops "
        "withdraw, Ukrinform reports."
    )
    assert attribute(text) == [
        ("Kuleba", "negotiations with Russia are only possible if its troops withdraw"),
    ]
    # a condition the parse hangs under the relay stays in what was said
    text = "Kuleba said that negotiations are possible only if troops withdraw, Ukrinform reports."
    assert attribute(text) == [("Kuleba", "negotiations are possible only if troops withdraw")]
    # what a cue's object names before its infinitive is part of what was urged: the
    # thing asked for and who is asked, as the annotators write it
    text = "Peskov urged patience to allow the talks in Istanbul to succeed."
    assert attribute(text) == [("Peskov", "patience to allow the talks in Istanbul to succeed")]
    text = "Zelensky urged Russia to withdraw its troops from Ukraine."
    assert attribute(text) == [("Zelensky", "Russia to withdraw its troops from Ukraine")]
    # another speaker's report closed by a semicolon before a cue is not what that cue
    # reports (a new user's article: Ukraine "refused" Lavrov's words, then a false shift)
    text = (
        "Lavrov added that the Russian government had long been prepared to negotiate with "
        "Kiev; however, Ukraine repeatedly refused."
    )
    assert attribute(text) == [
        ("Lavrov", "the Russian government had long been prepared to negotiate with Kiev")
    ]
    # nor is a report of one's own closed by a semicolon before a cue that says its own
    # words after it (a new user's sentence: the quote held "Sergei Lavrov said")
    text = (
        "Sergei Lavrov said Russia would never accept foreign peacekeepers in Ukraine; he "
        'called the idea "unacceptable".'
    )
    assert attribute(text) == [
        ("Sergei Lavrov", "Russia would never accept foreign peacekeepers in Ukraine"),
        ("he", 'the idea "unacceptable"'),
    ]
    # but words a dash hands to the cue are its speaker's (a reviewer's sentences)
    for said in (
        "Russia agreed to a ceasefire on energy targets — Dmitry Peskov said.",
        "Kyiv has refused to negotiate — Maria Zakharova said.",
        "Moscow has offered a ceasefire from May 8 — Yuri Ushakov said.",
    ):
        (speaker,) = [speaker for speaker, _ in attribute(said)]
        assert speaker == said.split("— ")[1].removesuffix(" said."), said
    # "advocating for" after a refusal is the same speaker's second point (a new user's)
    text = "Zelensky rejected the three-day truce, instead advocating for a 30-day ceasefire."
    assert attribute(text) == [
        ("Zelensky", "the three-day truce"),
        ("Zelensky", "for a 30-day ceasefire"),
    ]
    # an outlet that "adds" or "writes" what someone said relays it as one that reports
    text = "Trump said he hopes to return main territory to Ukraine, the portal adds."
    assert attribute(text) == [("Trump", "he hopes to return main territory to Ukraine")]
    text = "Kuleba said Kyiv would not sign the memorandum, the newspaper writes."
    assert attribute(text) == [("Kuleba", "Kyiv would not sign the memorandum")]


def test_a_conjunction_the_parse_left_at_the_end_is_completed_or_dropped(attribute) -> None:  # type: ignore[no-untyped-def]
    # a conjunct with no verb of its own completes what was said
    text = (
        "Putin has repeatedly asserted that the Russian side is ready to talk about peace "
        "in Ukraine, but exclusively on its own terms."
    )
    assert attribute(text) == [
        (
            "Putin",
            "the Russian side is ready to talk about peace in Ukraine, but exclusively on "
            "its own terms",
        )
    ]
    # one with a verb is a point of its own: the "and" before it is no part of the first
    text = (
        "He stated that Russia is investing 40% of its state budget on defence and warned "
        "that Russia might be ready to attack NATO territory by 2027."
    )
    assert [quote for _, quote in attribute(text)] == [
        "Russia is investing 40% of its state budget on defence",
        "Russia might be ready to attack NATO territory by 2027",
    ]


def test_what_follows_a_colon_spells_out_what_was_said(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Mr. McKinley notes that we're at a rare economic moment where three things are "
        "happening at once: Home values are rising nicely in many parts of the country, "
        "interest rates are low and lenders are a bit looser than they were in the recent past."
    )
    ((speaker, quote),) = attribute(text)
    assert speaker == "Mr. McKinley"
    assert quote.startswith("we're at a rare economic moment")
    assert quote.endswith("looser than they were in the recent past")


def test_a_participle_after_while_is_a_second_point(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Peskov said the talks would continue, while stressing that Moscow would not accept "
        "a ceasefire."
    )
    assert [quote for _, quote in attribute(text)] == [
        "the talks would continue",
        "Moscow would not accept a ceasefire",
    ]
    text = (
        "Lavrov said Moscow had received the plan through unofficial channels “and is ready "
        "to discuss it,” while noting there are “a number of questions that require "
        "clarification.”"
    )
    assert [quote for _, quote in attribute(text)] == [
        "Moscow had received the plan through unofficial channels “and is ready to discuss it,”",
        "there are “a number of questions that require clarification.”",
    ]


def test_a_verbless_conjunct_the_parse_hangs_on_the_cue_completes_what_was_said(attribute) -> None:  # type: ignore[no-untyped-def]
    text = "Andrii Sybiha said Ukraine was ready for a ceasefire, but only with firm security guarantees."
    assert attribute(text) == [
        ("Andrii Sybiha", "Ukraine was ready for a ceasefire, but only with firm security guarantees")
    ]


def test_a_subject_the_parse_took_for_the_cues_object_is_part_of_what_was_said(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Ukraine has insisted a full withdrawal of Russian troops from all Ukrainian territory "
        "is necessary for peace negotiations to begin."
    )
    assert attribute(text) == [
        (
            "Ukraine",
            "a full withdrawal of Russian troops from all Ukrainian territory is necessary for "
            "peace negotiations to begin",
        )
    ]
    # without the hearers the parse joined to it
    text = (
        "Kremlin spokesman Dmitry Peskov told reporters Lavrov and Yuri Ushakov, a foreign "
        "policy advisor to Putin, would fly to Riyadh on Monday."
    )
    ((_, quote),) = attribute(text)
    assert quote.startswith("Lavrov and Yuri Ushakov") and quote.endswith("Riyadh on Monday")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "As Reuters reported on Monday, the talks in Istanbul will resume next week.",
            [("Reuters", "the talks in Istanbul will resume next week")],
        ),
        (
            "The talks in Istanbul will resume next week, as Peskov said.",
            [("Peskov", "The talks in Istanbul will resume next week")],
        ),
        # a promise kept, told by the author, is no statement
        ("Russia withdrew its troops from Kherson, as Putin had promised.", []),
    ],
)
def test_as_x_reported_vouches_for_the_clause_it_hangs_on(attribute, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert attribute(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Foreign Minister Dmytro Kuleba said in an interview that negotiations are only "
            "possible if Russian troops withdraw, Ukrinform reports.",
            [("Foreign Minister Dmytro Kuleba", "negotiations are only possible if Russian troops withdraw")],
        ),
        (
            "AFP reports British Prime Minister Keir Starmer said the senior officials would "
            "meet in Geneva next week.",
            [("British Prime Minister Keir Starmer", "the senior officials would meet in Geneva next week")],
        ),
    ],
)
def test_a_report_of_what_someone_said_is_that_speakers_statement(attribute, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert attribute(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The Financial Times reported that Kyiv requested a summit during the G7 meeting.",
            [("The Financial Times", "Kyiv requested a summit during the G7 meeting")],
        ),
        # a report that says more than what someone said
        (
            "The Wall Street Journal reported that Witkoff flew to Moscow because Putin had "
            "said he was ready for a summit.",
            [
                (
                    "The Wall Street Journal",
                    "Witkoff flew to Moscow because Putin had said he was ready for a summit",
                )
            ],
        ),
    ],
)
def test_a_report_of_more_than_words_stays_the_reporters(attribute, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert attribute(text) == expected


def test_a_report_the_parse_hangs_on_what_it_reports_is_the_reporters(nlp) -> None:  # type: ignore[no-untyped-def]
    # after a headline the parse hangs "reported" on "agreed" (a new user's article): the
    # statement is the paper's, and neither it nor "citing ..." is the negotiators'
    text = (
        "Peace talks\n\nThe Financial Times reported on Thursday, citing people familiar "
        "with the matter, that Russian negotiators had agreed in principle to freeze the "
        "fighting along the current front line."
    )
    found = Attributor().attribute(nlp(text), [("body", 13, len(text))])
    assert [(a.speaker.text, a.quote(text)) for a in found] == [
        (
            "The Financial Times",
            "Russian negotiators had agreed in principle to freeze the fighting along the "
            "current front line",
        )
    ]
