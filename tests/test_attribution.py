"""Attribution rules on sentences written in wire-news style."""

from __future__ import annotations

import pytest

from talkwatch.attribution import Attributor
from talkwatch.records import Attribution


@pytest.fixture(scope="module")
def attribute(nlp):  # type: ignore[no-untyped-def]
    attributor = Attributor()

    def run(text: str) -> list[Attribution]:
        return attributor.attribute(nlp(text), [("body", 0, len(text))])

    return run


def summary(text: str, found: list[Attribution]) -> list[tuple[str, str, str]]:
    return [(a.kind, a.speaker.text, a.quote(text)) for a in found]


def test_direct_quote_with_cue_after(attribute) -> None:  # type: ignore[no-untyped-def]
    text = "“The talks were useful,” Kremlin spokesman Dmitry Peskov told reporters on Monday."
    assert summary(text, attribute(text)) == [
        ("direct", "Kremlin spokesman Dmitry Peskov", "The talks were useful,")
    ]


def test_direct_quote_with_verb_before_subject(attribute) -> None:  # type: ignore[no-untyped-def]
    text = "“We are ready to meet in Istanbul,” said Rustem Umerov, Ukraine's defence minister."
    ((kind, speaker, quote),) = summary(text, attribute(text))
    assert (kind, speaker, quote) == (
        "direct",
        "Rustem Umerov",
        "We are ready to meet in Istanbul,",
    )


def test_a_modal_of_the_quotation_hung_on_the_cue_is_not_the_cues(attribute) -> None:  # type: ignore[no-untyped-def]
    # the parse hangs the quotation's "will" on "said" ("it will [have it] at some point")
    text = (
        "“If Moscow does not sign the deal yet, it will at some point, probably sooner "
        "rather than later,” said Rustem Umerov, Ukraine's defence minister."
    )
    ((kind, speaker, quote),) = summary(text, attribute(text))
    assert (kind, speaker) == ("direct", "Rustem Umerov")
    assert quote.startswith("If Moscow does not sign the deal yet")
    # the reporter's own modal still makes the saying hypothetical
    text = "Umerov would say that Kyiv is ready to sign the deal in Istanbul."
    assert attribute(text) == []


def test_direct_quote_with_cue_before_and_colon(attribute) -> None:  # type: ignore[no-untyped-def]
    text = "Sybiha told reporters in Kyiv: “No one will trade our land for a pause.”"
    assert summary(text, attribute(text)) == [
        ("direct", "Sybiha", "No one will trade our land for a pause.")
    ]


def test_split_quote_is_one_statement(attribute) -> None:  # type: ignore[no-untyped-def]
    text = "“A ceasefire is possible,” she said, “but only with guarantees that hold.”"
    ((kind, speaker, quote),) = summary(text, attribute(text))
    assert kind == "direct" and speaker == "she"
    assert quote == "A ceasefire is possible, … but only with guarantees that hold."


def test_a_quotation_inside_a_second_cues_clause_is_not_the_first_quotes_continuation(
    attribute,
) -> None:  # type: ignore[no-untyped-def]
    text = (
        "“We see no link to the talks,” the mayor said, adding that it would take "
        "“more hours” before details emerge."
    )
    assert summary(text, attribute(text)) == [
        ("direct", "the mayor", "We see no link to the talks,"),
        ("mixed", "the mayor", "it would take “more hours” before details emerge"),
    ]


def test_narration_before_a_colon_is_not_part_of_what_follows_the_cue(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The leak set off another round of recriminations on Friday: Ukrainian officials "
        "said they were increasingly convinced that the draft had been written in Moscow."
    )
    assert summary(text, attribute(text)) == [
        (
            "indirect",
            "Ukrainian officials",
            "they were increasingly convinced that the draft had been written in Moscow",
        )
    ]


def test_an_infinitive_cue_under_an_implicative_verb_was_said(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Kremlin continues to insist that any settlement must recognise the new borders. "
        "Peskov may continue to insist that Moscow is ready."
    )
    assert summary(text, attribute(text)) == [
        ("indirect", "The Kremlin", "any settlement must recognise the new borders")
    ]


def test_quote_continued_in_the_next_sentence_joins_the_statement(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        "“We have sent our proposals,” Medinsky said. “Now we wait for an answer "
        "from the other side.”"
    )
    ((_kind, _speaker, quote),) = summary(text, attribute(text))
    assert quote == "We have sent our proposals, … Now we wait for an answer from the other side."


def test_indirect_speech_with_that_clause(attribute) -> None:  # type: ignore[no-untyped-def]
    text = "Lavrov said that Moscow would not accept European troops in Ukraine."
    assert summary(text, attribute(text)) == [
        ("indirect", "Lavrov", "Moscow would not accept European troops in Ukraine")
    ]


def test_two_points_joined_by_but_that_are_two_statements(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A senior Ukrainian official said that Kyiv is ready for talks — but that it will "
        "not recognise any annexation."
    )
    found = summary(text, attribute(text))
    assert [q for _, _, q in found] == [
        "Kyiv is ready for talks",
        "it will not recognise any annexation",
    ]
    assert {s for _, s, _ in found} == {"A senior Ukrainian official"}


def test_mixed_speech_keeps_the_quoted_fragment(attribute) -> None:  # type: ignore[no-untyped-def]
    text = "Macron said any ceasefire must be “verifiable and durable” before troops deploy."
    ((kind, speaker, quote),) = summary(text, attribute(text))
    assert (kind, speaker) == ("mixed", "Macron")
    assert quote.startswith("any ceasefire must be “verifiable and durable”")


def test_participle_adds_a_second_statement(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Moscow has dismissed calls for an unconditional ceasefire, insisting that "
        "any truce must address the root causes of the conflict."
    )
    found = summary(text, attribute(text))
    assert found == [
        ("indirect", "Moscow", "calls for an unconditional ceasefire"),
        ("indirect", "Moscow", "any truce must address the root causes of the conflict"),
    ]


def test_according_to_an_outlet(attribute) -> None:  # type: ignore[no-untyped-def]
    text = "According to the Financial Times, the two sides have agreed on a draft of 15 points."
    assert summary(text, attribute(text)) == [
        ("indirect", "the Financial Times", "the two sides have agreed on a draft of 15 points")
    ]


def test_pronoun_speaker_links_to_the_last_speaker(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Foreign ministry spokeswoman Maria Zakharova said the talks had made progress.\n\n"
        "She also said Moscow does not intend to occupy Kyiv."
    )
    first, second = attribute(text)
    assert second.speaker.kind == "pronoun"
    assert second.speaker.antecedent is not None
    assert second.speaker.antecedent.text == first.speaker.text


def test_anonymous_descriptor_is_the_speaker(attribute) -> None:  # type: ignore[no-untyped-def]
    text = "Two European diplomats familiar with the talks said the draft leaves Crimea aside."
    ((a),) = attribute(text)
    assert a.speaker.text == "Two European diplomats"
    assert a.speaker.kind == "descriptor"
    assert "familiar with the talks" in a.speaker.description


def test_appositive_is_description_not_speaker(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Mykhailo Podolyak, an adviser to President Volodymyr Zelensky, said the security "
        "model must rest on legally binding guarantees."
    )
    ((a),) = attribute(text)
    assert a.speaker.text == "Mykhailo Podolyak"
    assert "adviser" in a.speaker.description


def test_block_quote_after_a_colon_paragraph(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        'The general explained:\n\n"There will be no quick breakthrough.\n\n'
        'We need new technology to change the balance."'
    )
    ((a),) = attribute(text)
    assert a.kind == "direct" and a.speaker.text == "The general"
    assert a.quote(text).startswith("There will be no quick breakthrough.")


def test_a_paragraph_without_marks_after_an_introducing_colon_is_a_block_quotation(
    attribute,
) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Peskov spoke to reporters on Tuesday about the next round in Istanbul.\n\n"
        "The Kremlin spokesman added:\n\n"
        "We are ready to continue the negotiations. The memorandum is being drafted.\n\n"
        "The Ukrainian foreign ministry did not respond to a request for comment."
    )
    assert summary(text, attribute(text)) == [
        (
            "direct",
            "The Kremlin spokesman",
            "We are ready to continue the negotiations. The memorandum is being drafted.",
        )
    ]


def test_a_paragraph_after_a_colon_that_reports_someone_else_is_no_block_quotation(
    attribute,
) -> None:  # type: ignore[no-untyped-def]
    text = "Peskov said:\n\nZelensky, meanwhile, said on Monday that the talks would fail."
    assert summary(text, attribute(text)) == [
        ("indirect", "Zelensky", "the talks would fail")
    ]


@pytest.mark.parametrize(
    "introducer",
    [
        "The minister listed three demands:",  # no cue of speech
        "Peskov said three things stood in the way:",  # the cue reports a clause of its own
        "Asked about the memorandum, officials in Kyiv said on Tuesday evening after a long "
        "meeting of the cabinet:",  # more than a few words after the cue
    ],
)
def test_a_colon_paragraph_that_is_no_bare_cue_introduces_no_block_quotation(
    attribute, introducer: str
) -> None:  # type: ignore[no-untyped-def]
    text = f"{introducer}\n\nThe withdrawal of troops from the region before any talks begin."
    assert not any(a.quote(text).startswith("The withdrawal") for a in attribute(text))


def test_a_quotation_a_document_says_is_the_documents_though_a_relay_follows(
    attribute,
) -> None:  # type: ignore[no-untyped-def]
    text = (
        "“Kyiv must withdraw from Donetsk, Luhansk, Zaporizhzhia and Kherson,” the memorandum "
        "says, according to Russian state media."
    )
    assert summary(text, attribute(text)) == [
        (
            "direct",
            "the memorandum",
            "Kyiv must withdraw from Donetsk, Luhansk, Zaporizhzhia and Kherson,",
        )
    ]


def test_the_name_after_a_dateline_speaks_and_the_day_it_spoke_is_no_part_of_it(
    attribute,
) -> None:  # type: ignore[no-untyped-def]
    text = (
        "RIYADH, March 11, 2025 (Reuters) - Ukraine said on Tuesday it was ready to accept a "
        "U.S. proposal for an immediate 30-day ceasefire."
    )
    assert summary(text, attribute(text)) == [
        (
            "indirect",
            "Ukraine",
            "it was ready to accept a U.S. proposal for an immediate 30-day ceasefire",
        )
    ]


def test_asking_not_to_be_named_is_no_statement(attribute) -> None:  # type: ignore[no-untyped-def]
    text = "A senior Ukrainian official, who asked not to be named, said the talks would resume."
    assert summary(text, attribute(text)) == [
        ("indirect", "A senior Ukrainian official", "the talks would resume")
    ]
    # asking others not to say something is a request, said
    text = "Zelensky asked the allies not to disclose which countries would send troops."
    assert [speaker for _, speaker, _ in summary(text, attribute(text))] == ["Zelensky"]


def test_uncued_quote_right_after_a_quote_continues_its_speaker(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        "“This was planned well in advance,” the officer said.\n\n"
        "“Nobody in Washington was surprised by what followed that week.”"
    )
    found = attribute(text)
    assert len(found) == 1
    assert found[0].quote(text).endswith("what followed that week.")


def test_scare_quotes_are_not_statements(attribute) -> None:  # type: ignore[no-untyped-def]
    text = "Putin's early pledge to “denazify” Ukraine has faded from official speeches."
    assert attribute(text) == []


def test_authors_own_opinion_is_not_a_statement(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        "I think the Kremlin has accepted that there is no good outcome. Zelensky might "
        "accept a hard deal if Europe offers guarantees."
    )
    assert attribute(text) == []


def test_hypothetical_and_questions_are_not_statements(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        "What does Kyiv do if Moscow offers a withdrawal from the north? "
        "If Putin said that tomorrow, nobody would believe him."
    )
    assert attribute(text) == []


def test_short_object_of_a_stance_verb_is_not_a_statement(attribute) -> None:  # type: ignore[no-untyped-def]
    text = "Zelensky rejects such talks."
    assert attribute(text) == []


def test_statement_spans_point_into_the_text(attribute) -> None:  # type: ignore[no-untyped-def]
    text = "Peskov said on Friday that the memorandum was still being drafted."
    ((a),) = attribute(text)
    assert text[a.quote_spans[0].start : a.quote_spans[0].end] == a.quote(text)
    assert text[a.sentence_span.start : a.sentence_span.end] == text
    assert a.cue == "say" and a.cue_span is not None
    assert text[a.cue_span.start : a.cue_span.end] == "said"


def test_and_that_keeps_one_statement(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Peskov said that the proposals had been received and that Moscow would study "
        "them carefully."
    )
    ((a),) = attribute(text)
    assert a.quote(text) == (
        "the proposals had been received and that Moscow would study them carefully"
    )


def test_phrasal_cues_and_object_with_preposition(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Warsaw has repeatedly pushed back against sending troops to Ukraine and has called "
        "for the allies to finance air defence instead. The premier voiced frustration over "
        "the slow pace of the talks."
    )
    found = summary(text, attribute(text))
    assert [(cue_quote) for _, _, cue_quote in found] == [
        "against sending troops to Ukraine",
        "for the allies to finance air defence instead",
        "frustration over the slow pace of the talks",
    ]


def test_continuation_chains_over_a_short_narrative_paragraph(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        "“The front has stabilised,” the official said.\n\n"
        "Losses on both sides remain heavy.\n\n"
        "“Neither army can break through before the spring thaw ends.”\n\n"
        "“That is why the generals want to talk now, not later.”"
    )
    found = attribute(text)
    assert [a.quote(text)[:20] for a in found] == [
        "The front has stabil",
        "Neither army can bre",
        "That is why the gene",
    ]
    assert {a.speaker.text for a in found} == {"the official"}


def test_stance_verb_inside_a_condition_is_not_a_statement(attribute) -> None:  # type: ignore[no-untyped-def]
    text = "If Russia is serious about accepting verifiable guarantees, the war could end soon."
    assert attribute(text) == []


def test_a_question_reported_by_a_verb_of_asking(attribute) -> None:  # type: ignore[no-untyped-def]
    text = "Peskov asked what kind of guarantees the Europeans could offer Kyiv."
    assert summary(text, attribute(text)) == [
        ("indirect", "Peskov", "what kind of guarantees the Europeans could offer Kyiv")
    ]


INTERVIEW = (
    "Interview of the Foreign Minister to a news agency\n\n"
    "Question: Is Moscow ready to resume the talks in Istanbul?\n\n"
    "Sergei Lavrov: We have always said that we are ready to continue the talks, "
    "but Kyiv has to accept the realities on the ground.\n\n"
    "Question: What about the guarantees?\n\n"
    "Sergei Lavrov: Any guarantees must cover the security of Russia as well."
)


def test_transcript_turns_are_direct_statements_of_their_speaker(attribute) -> None:  # type: ignore[no-untyped-def]
    found = summary(INTERVIEW, attribute(INTERVIEW))
    assert found == [
        ("direct", "Sergei Lavrov",
         "We have always said that we are ready to continue the talks, but Kyiv has to accept "
         "the realities on the ground"),
        ("direct", "Sergei Lavrov", "Any guarantees must cover the security of Russia as well"),
    ]  # fmt: skip


def test_one_line_with_a_name_and_a_colon_is_no_transcript(attribute) -> None:  # type: ignore[no-untyped-def]
    text = "Peskov: the talks are possible\n\nThe Kremlin gave no date for a new round."
    assert attribute(text) == []


def test_paragraph_labels_are_no_speakers(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Quote: the meeting in Copenhagen was useful for everyone.\n\n"
        "Details: representatives of forty states took part in the meeting."
    )
    assert attribute(text) == []


def test_a_quotation_ending_the_content_keeps_its_closing_mark(attribute) -> None:  # type: ignore[no-untyped-def]
    text = "Zelensky said talks with Putin would be an “impossibility.”"
    assert summary(text, attribute(text)) == [
        ("mixed", "Zelensky", "talks with Putin would be an “impossibility.”")
    ]


def test_a_quotation_that_ends_a_clause_before_its_cue_is_mixed_speech(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        "For Ukraine, giving up the Donbas before a ceasefire “is a non-starter,” "
        "said Mykhailo Podolyak."
    )
    assert summary(text, attribute(text)) == [
        (
            "mixed",
            "Mykhailo Podolyak",
            "For Ukraine, giving up the Donbas before a ceasefire “is a non-starter,”",
        )
    ]


def test_that_read_as_a_pronoun_before_a_clause_is_its_complementiser(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Dmitry Peskov said on Dec. 13 that Kyiv needs to accept new territorial "
        "“realities,” which include Moscow's claims to four regions."
    )
    ((kind, speaker, quote),) = summary(text, attribute(text))
    assert (kind, speaker) == ("mixed", "Dmitry Peskov")
    assert quote.startswith("Kyiv needs to accept new territorial “realities,”")


def test_a_quote_split_by_a_cue_with_a_long_description_is_one_statement(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        "“The memorandum is a serious basis for work,” said Oleksandr Merezhko, chairman of "
        "the foreign affairs committee of Ukraine's parliament and a member of the ruling "
        "party. “It does not settle the question of territory.”"
    )
    assert summary(text, attribute(text)) == [
        (
            "direct",
            "Oleksandr Merezhko",
            "The memorandum is a serious basis for work, … It does not settle the question "
            "of territory.",
        )
    ]


def test_a_cue_inside_reported_words_is_left_out_of_them(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The proposed buffer zone, Vance said, would be heavily fortified. "
        "Therefore, he said, the insistence on guarantees is driven by European security."
    )
    assert [quote for _, _, quote in summary(text, attribute(text))] == [
        "The proposed buffer zone … would be heavily fortified",
        "the insistence on guarantees is driven by European security",
    ]
    opening = "In the end, he said, the deal would have to be signed by both presidents."
    assert [quote for _, _, quote in summary(opening, attribute(opening))] == [
        "the deal would have to be signed by both presidents"
    ]
    purpose = "To understand the war, Zelensky said, one should visit the front line."
    assert [quote for _, _, quote in summary(purpose, attribute(purpose))] == [
        "To understand the war … one should visit the front line"
    ]


def test_a_headline_above_the_body_gives_no_statement(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Stalemate not an option, says Zelensky\n\n"
        "President Volodymyr Zelensky said that stalemate is not an option for Ukraine."
    )
    body = text.index("President")
    found = Attributor().attribute(nlp(text), [("body", body, len(text))])
    assert [a.quote(text) for a in found] == ["stalemate is not an option for Ukraine"]


def test_made_it_clear_reports_its_clause(attribute) -> None:  # type: ignore[no-untyped-def]
    text = "Ukraine has made it clear that it will not enter into talks with Russia."
    assert summary(text, attribute(text)) == [
        ("indirect", "Ukraine", "it will not enter into talks with Russia")
    ]
    plain = "Peskov made clear that Moscow would not accept the plan."
    assert [q for _, _, q in summary(plain, attribute(plain))] == [
        "Moscow would not accept the plan"
    ]


def test_accused_and_blamed_report_whom_and_for_what(attribute) -> None:  # type: ignore[no-untyped-def]
    text = "Trump accused Zelensky of failing to strike a deal with Russia in 2022."
    assert [q for _, _, q in summary(text, attribute(text))] == [
        "Zelensky of failing to strike a deal with Russia in 2022"
    ]


def test_a_programme_title_before_a_that_clause_is_not_the_quote(attribute) -> None:  # type: ignore[no-untyped-def]
    for text in (
        "Sybiha tells the BBC’s “Today” programme that “nobody in Kyiv” will accept a "
        "frozen conflict.",
        "Sybiha tells CNN’s “State of the Union” on Sunday that “nobody in Kyiv” will "
        "accept a frozen conflict.",
    ):
        assert summary(text, attribute(text)) == [
            ("mixed", "Sybiha", "“nobody in Kyiv” will accept a frozen conflict")
        ], text


def test_a_cue_in_a_past_when_clause_is_a_statement(attribute) -> None:  # type: ignore[no-untyped-def]
    # "when" in the past says when it was said; "if" still says it was not
    text = (
        "When Zelensky noted that Russia had ignored the Easter truce, Peskov replied that "
        "the truce had held."
    )
    assert [q for _, _, q in summary(text, attribute(text))] == [
        "Russia had ignored the Easter truce",
        "the truce had held",
    ]
    text = "If Zelensky says that the truce has failed, the talks will end."
    assert attribute(text) == []


def test_a_quoted_phrase_the_parse_makes_a_subject_is_not_the_speaker(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        "“Hillary Clinton’s campaign is in panic mode. Full panic mode,” said Leslie Wimes, "
        "a South Florida-based president of the Democratic African-American Women Caucus."
    )
    assert summary(text, attribute(text)) == [
        ("direct", "Leslie Wimes", "Hillary Clinton’s campaign is in panic mode. Full panic mode,")
    ]


def test_those_with_a_description_is_a_group_of_speakers(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Those close to him say that, in addition to Sybiha, he would have to consider a new "
        "negotiator."
    )
    assert summary(text, attribute(text)) == [
        (
            "indirect",
            "Those close to him",
            "in addition to Sybiha, he would have to consider a new negotiator",
        )
    ]
    # a bare demonstrative is no speaker
    assert attribute("Those are the terms, and these said nothing new about the talks.") == []


def test_a_dateline_the_parse_makes_a_subject_does_not_speak(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Jeddah, Saudi Arabia (CNN) — Ukrainian President Volodymyr Zelensky said Tuesday "
        "that Ukraine had accepted a 30-day ceasefire."
    )
    assert [(k, s) for k, s, _ in summary(text, attribute(text))] == [
        ("indirect", "Ukrainian President Volodymyr Zelensky")
    ]


def test_a_claim_keeps_its_that_clause_and_a_hyphenated_name_keeps_its_first_part(
    attribute,
) -> None:  # type: ignore[no-untyped-def]
    text = "Lavrov dismissed the claim that Moscow had rejected the American proposal."
    assert [q for _, _, q in summary(text, attribute(text))] == [
        "the claim that Moscow had rejected the American proposal"
    ]
    text = "NATO-Ukraine Council members said the alliance would keep supplying air defence."
    assert [s for _, s, _ in summary(text, attribute(text))] == ["NATO-Ukraine Council members"]


def test_a_dateline_that_opens_the_paragraph_is_not_what_was_said(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        "KYIV, November 3, 2025 — Ukraine will never recognise the occupation of its "
        "territory, Andrii Sybiha said."
    )
    assert [(k, s, q) for k, s, q in summary(text, attribute(text))] == [
        (
            "indirect",
            "Andrii Sybiha",
            "Ukraine will never recognise the occupation of its territory",
        )
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'KYIV, July 9, 2025 (Reuters) - "Ukraine will never accept neutrality imposed by '
            'force," Foreign Minister Andrii Sybiha said on Wednesday.',
            ("direct", "Ukraine will never accept neutrality imposed by force,"),
        ),
        (
            'MOSCOW, March 3 (Reuters) - "We are ready to talk," Kremlin spokesman Dmitry '
            "Peskov told reporters.",
            ("direct", "We are ready to talk,"),
        ),
        # below a title the parse made the place the head of the clause, and the
        # statement was lost
        (
            'Talks, day 4\n\nKYIV, July 8, 2025 — Ukraine will "never accept" '
            "neutrality, Sybiha said.",
            ("mixed", 'Ukraine will "never accept" neutrality'),
        ),
    ],
)
def test_a_quotation_after_a_dateline_is_only_the_words_said(  # type: ignore[no-untyped-def]
    attribute, text: str, expected: tuple[str, str]
) -> None:
    assert [(k, q) for k, _, q in summary(text, attribute(text))] == [expected]


def test_two_places_joined_by_a_hyphen_are_no_dateline_for_the_parse(nlp) -> None:  # type: ignore[no-untyped-def]
    # "EU - Ukraine" opens the words said; a dateline has a date, an agency, a comma or
    # a dash of its own
    doc = nlp("Talks, day 4\n\nEU - Ukraine accession talks must start this year, she said.")
    assert [s.text.strip() for s in doc.sents][1:] == [
        "EU - Ukraine accession talks must start this year, she said."
    ]
    dated = nlp("Talks, day 4\n\nBRUSSELS, May 2 - Accession talks must start, she said.")
    assert [s.text.strip() for s in dated.sents][1:] == [
        "BRUSSELS, May 2 -",
        "Accession talks must start, she said.",
    ]


@pytest.mark.parametrize(
    "dateline",
    [
        "April 10, 2025 — ",
        "10 April 2025 – ",
        "GENEVA - ",
        # below a headline, the parse ends a sentence after the place when an
        # abbreviated month follows
        "Prisoner swap\n\nMOSCOW, Nov. 20, 2026 — ",
    ],
)
def test_a_dateline_of_a_date_alone_is_not_what_was_said(attribute, dateline: str) -> None:  # type: ignore[no-untyped-def]
    text = (
        f"{dateline}Russia and Ukraine agreed to exchange 175 prisoners each, the "
        "Ukrainian coordination headquarters said."
    )
    assert [q for _, _, q in summary(text, attribute(text))] == [
        "Russia and Ukraine agreed to exchange 175 prisoners each"
    ]


def test_hearers_the_parse_joins_to_the_reported_subject_are_not_what_was_said(attribute) -> None:  # type: ignore[no-untyped-def]
    text = "Ukrainian Foreign Minister Andrii Sybiha told reporters Kyiv would not cede territory."
    assert [q for _, _, q in summary(text, attribute(text))] == ["Kyiv would not cede territory"]


def test_a_phrase_after_a_comma_that_the_cue_governs_is_not_what_was_said(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Volodymyr Zelensky rejected the proposal for a frozen front line as a capitulation, "
        "with remarks that angered officials in Washington."
    )
    assert [q for _, _, q in summary(text, attribute(text))] == [
        "the proposal for a frozen front line as a capitulation"
    ]


def test_a_contrast_with_rather_than_stays_in_the_object_that_was_said(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Moscow has remained cautiously optimistic, emphasizing the need for a comprehensive "
        "crisis resolution rather than freezing the Ukraine conflict."
    )
    assert [q for _, _, q in summary(text, attribute(text))] == [
        "the need for a comprehensive crisis resolution rather than freezing the Ukraine conflict"
    ]


def test_a_quotation_whose_cue_the_parse_left_without_a_subject(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The U.S. Department of Justice is investigating the shooting.\n\n"
        "“I will just make this promise to you: We will achieve justice in this case,” "
        "Tulsa police Chief Chuck Jordan said Monday. “I want to assure our community: "
        "We will achieve justice.”"
    )
    assert summary(text, attribute(text)) == [
        (
            "direct",
            "Chuck Jordan",
            "I will just make this promise to you: We will achieve justice in this case, … "
            "I want to assure our community: We will achieve justice.",
        )
    ]


def test_a_not_inside_the_quotation_does_not_negate_its_cue(attribute) -> None:  # type: ignore[no-untyped-def]
    text = "“Are we where we need to be on a ceasefire? Probably not,” Ms. Moore said."
    assert [(s, q) for _, s, q in summary(text, attribute(text))] == [
        ("Ms. Moore", "Are we where we need to be on a ceasefire? Probably not,")
    ]
    assert (
        summary(
            "Dmitry Peskov did not say whether talks would resume in May.",
            attribute("Dmitry Peskov did not say whether talks would resume in May."),
        )
        == []
    )


def test_a_cue_the_tagger_read_as_a_plural_noun(attribute) -> None:  # type: ignore[no-untyped-def]
    text = "But Trump claims that he should be the exception to the rule on taxes."
    assert summary(text, attribute(text)) == [
        ("indirect", "Trump", "he should be the exception to the rule on taxes")
    ]


def test_a_that_clause_the_parse_hangs_on_the_occasion_of_speaking(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Dmytro Kuleba, the Foreign Minister, told AP in an interview that Ukraine would like "
        "to convene a peace conference at the UN by February."
    )
    assert [(s, q) for _, s, q in summary(text, attribute(text))] == [
        ("Dmytro Kuleba", "Ukraine would like to convene a peace conference at the UN by February")
    ]
    text = (
        "Both countries confirmed a meeting between only Putin and Trump, despite initial "
        "suggestions that Ukrainian President Volodymyr Zelenskyy might take part."
    )
    assert [q for _, _, q in summary(text, attribute(text))] == [
        "a meeting between only Putin and Trump"
    ]


def test_a_source_line_is_not_what_was_said(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Kyiv wants a just peace.\n\n"
        "Source: Andrii Yermak, head of the Office of the President, as European Pravda writes\n\n"
        "As Reuters reported, the talks were postponed until May."
    )
    assert [(s, q) for _, s, q in summary(text, attribute(text))] == [
        ("Reuters", "the talks were postponed until May")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Dmitry Peskov commented on speculation that Putin and Zelensky would meet in Istanbul.",
        "Sergey Lavrov commented on an assessment that the war could last until 2027.",
    ],
)
def test_a_that_clause_on_a_noun_of_what_others_said_is_not_the_speakers(
    attribute, text: str
) -> None:  # type: ignore[no-untyped-def]
    assert summary(text, attribute(text)) == []


def test_a_labelled_line_with_a_verb_of_its_own_still_reports(attribute) -> None:  # type: ignore[no-untyped-def]
    text = "Breaking: As Reuters reported, the delegations met in Istanbul on Friday."
    assert [(s, q) for _, s, q in summary(text, attribute(text))] == [
        ("Reuters", "the delegations met in Istanbul on Friday")
    ]


@pytest.mark.parametrize("title", ["", "Talks in Geneva\n\n"])
def test_a_dated_dateline_is_not_part_of_the_speakers_words(attribute, title: str) -> None:  # type: ignore[no-untyped-def]
    text = (
        f"{title}GENEVA, April 10, 2025 - Ukrainian Foreign Minister Andrii Sybiha said on "
        "Thursday that Kyiv would never recognise Russian control over Crimea."
    )
    assert [s for _, s, _ in summary(text, attribute(text))] == [
        "Ukrainian Foreign Minister Andrii Sybiha"
    ]


def test_a_direct_quote_whose_speakers_title_the_parse_hung_inside_it(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        "“We will hold another meeting within a month, month-and-a-half and we will move "
        "towards (holding) a summit,” presidential chief of staff Andriy Yermak told "
        "journalists during a briefing in Kyiv."
    )
    assert summary(text, attribute(text)) == [
        (
            "direct",
            "Andriy Yermak",
            "We will hold another meeting within a month, month-and-a-half and we will "
            "move towards (holding) a summit,",
        )
    ]
    # words after the quotation that are no title leave it to the other rules
    text = "“This is, of course, a threat” against Russia, Sergei Lavrov told reporters."
    assert summary(text, attribute(text)) == [
        ("mixed", "Sergei Lavrov", "This is, of course, a threat” against Russia")
    ]


def test_a_name_the_parse_hung_on_the_phrase_before_its_cue_speaks(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        "In a statement posted on Facebook, National Defense and Security Council Secretary "
        "Rustem Umerov said Ukraine appreciated the meetings held Sunday between the US and "
        "Ukrainian delegations."
    )
    assert summary(text, attribute(text)) == [
        (
            "indirect",
            "National Defense and Security Council Secretary Rustem Umerov",
            "Ukraine appreciated the meetings held Sunday between the US and Ukrainian "
            "delegations",
        )
    ]


def test_insisting_on_something_reports_it_and_a_later_on_is_no_particle(attribute) -> None:  # type: ignore[no-untyped-def]
    text = "Ukraine insisted on the release of all prisoners and the return of civilians."
    (found,) = attribute(text)
    assert (found.cue, found.quote(text)) == (
        "insist on",
        "on the release of all prisoners and the return of civilians",
    )
    text = "Cyril Ramaphosa called the peace mission impactful on Sunday in Pretoria."
    assert [a.cue for a in attribute(text)] == ["call"]


def test_a_relay_of_someone_elses_words_leaves_them_theirs(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        "As Ukrinform previously reported, on Wednesday, Russian Foreign Minister Sergey "
        "Lavrov stated that Moscow proposed holding the second round of talks in Istanbul."
    )
    assert summary(text, attribute(text)) == [
        (
            "indirect",
            "Russian Foreign Minister Sergey Lavrov",
            "Moscow proposed holding the second round of talks in Istanbul",
        )
    ]
    text = "As Reuters reported, the talks in Istanbul were postponed until June."
    assert summary(text, attribute(text)) == [
        ("indirect", "Reuters", "the talks in Istanbul were postponed until June")
    ]


def test_a_source_line_citing_someone_is_no_statement(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Source: TASS and RIA Novosti, Kremlin-aligned Russian news outlets, citing Peskov "
        "at a briefing"
    )
    assert attribute(text) == []


def test_a_phrasal_cue_keeps_its_particle_across_an_adverb_and_a_time(attribute) -> None:  # type: ignore[no-untyped-def]
    cases = [
        ("Zelensky called again for an immediate and unconditional ceasefire.", "call for",
         "for an immediate and unconditional ceasefire"),
        ("Zelensky called on Monday for an unconditional ceasefire.", "call for",
         "for an unconditional ceasefire"),
        ("Peskov pushed strongly back against the proposal.", "push back",
         "against the proposal"),
        ("Kyiv has called for the international community to respect its borders.", "call for",
         "for the international community to respect its borders"),
    ]  # fmt: skip
    for text, cue, quote in cases:
        assert [(a.cue, a.quote(text)) for a in attribute(text)] == [(cue, quote)], text


def test_a_name_inside_the_reported_clause_is_not_its_speaker(attribute) -> None:  # type: ignore[no-untyped-def]
    text = "The delegation arrived from Kyiv, Ukrainian presidential aide Ihor Zhovkva said."
    assert all("Zhovkva" not in a.quote(text) for a in attribute(text))


def test_a_quotation_named_then_called_something_is_the_callers_mixed_words(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Peskov also called Ukraine's demand to \"immediately hand over the memorandum\" "
        "unconstructive."
    )
    assert summary(text, attribute(text)) == [
        (
            "mixed",
            "Peskov",
            "Ukraine's demand to \"immediately hand over the memorandum\" unconstructive",
        )
    ]
    # what it was called is quoted: the words run from the thing named, as annotators
    # mark them ("the proposal a “complete sham”", "it an “ultimatum.”")
    text = 'Zakharova called the plan "a road to nowhere".'
    assert summary(text, attribute(text)) == [
        ("mixed", "Zakharova", 'the plan "a road to nowhere"')
    ]


def test_a_second_infinitive_the_parse_hung_on_the_cue_is_part_of_what_was_said(attribute) -> None:  # type: ignore[no-untyped-def]
    text = "Mrs. Clinton promised to meet and in some cases exceed his goals on emissions."
    assert [a.quote(text) for a in attribute(text)] == [
        "to meet and in some cases exceed his goals on emissions"
    ]
    # a second act of the speaker's own, in the past, is not
    text = "Zelensky promised to end the war and said he would meet Putin."
    assert [a.quote(text) for a in attribute(text)] == ["to end the war", "he would meet Putin"]


def test_a_writers_aside_closing_the_reported_words_is_not_said(attribute) -> None:  # type: ignore[no-untyped-def]
    # "— a proposal Moscow has rejected" is the writer's: it would decide the stance
    text = (
        "Rustem Umerov said the sides would meet again in Istanbul to exchange prisoners "
        "— a proposal Moscow has rejected."
    )
    assert summary(text, attribute(text)) == [
        ("indirect", "Rustem Umerov", "the sides would meet again in Istanbul to exchange prisoners")
    ]
    text = "Peskov said Russia wants a neutral Ukraine, an idea that Kyiv has long rejected."
    assert summary(text, attribute(text)) == [("indirect", "Peskov", "Russia wants a neutral Ukraine")]
    # a phrase the speaker is said to have called something stays the speaker's
    text = "Umerov said the sides would meet in Istanbul, a city he called neutral ground."
    assert summary(text, attribute(text)) == [
        ("indirect", "Umerov", "the sides would meet in Istanbul, a city he called neutral ground")
    ]


def test_words_closed_by_a_dash_before_the_cue_run_from_the_paragraphs_start(
    attribute,
) -> None:  # type: ignore[no-untyped-def]
    # the typography of Ukrainian and Russian news: no quotation marks, a dash before the cue
    text = (
        "Intro paragraph.\n\nThe first phase of the talks is over. We exchanged documents and "
        "agreed to meet again in Istanbul, — said Rustem Umerov."
    )
    assert summary(text, attribute(text)) == [
        (
            "indirect",
            "Rustem Umerov",
            "The first phase of the talks is over. We exchanged documents and agreed to meet "
            "again in Istanbul",
        )
    ]
    # nor with the English dash alone: " — officials said" closes its own sentence
    text = "Russia has shelled Kharkiv for weeks. The city is in ruins — Ukrainian officials said."
    assert summary(text, attribute(text)) == [
        ("indirect", "Ukrainian officials", "The city is in ruins")
    ]
    # without the dash, a cue after the words reports its own sentence only
    text = "The talks ended on Friday. Both sides exchanged documents, Umerov said."
    assert summary(text, attribute(text)) == [("indirect", "Umerov", "Both sides exchanged documents")]
    # nor does it reach over another speaker's words
    text = (
        "Peskov said the talks were over. We agreed to meet again in Istanbul, — Umerov said."
    )
    assert summary(text, attribute(text)) == [
        ("indirect", "Peskov", "the talks were over"),
        ("indirect", "Umerov", "We agreed to meet again in Istanbul"),
    ]


def test_a_paragraph_a_dash_opens_is_the_speakers_up_to_the_dash_before_the_cue(
    attribute,
) -> None:  # type: ignore[no-untyped-def]
    # dialogue typography: a dash opens the words and a bare dash closes them, over an
    # ellipsis that the parse does not end a sentence with
    text = (
        "Intro paragraph.\n\n- We cannot leave Donbas... For the Russians it is a springboard "
        "for new offensives - said Zelensky."
    )
    assert summary(text, attribute(text)) == [
        (
            "indirect",
            "Zelensky",
            "We cannot leave Donbas... For the Russians it is a springboard for new offensives",
        )
    ]
    # the speaker's own "we agreed" inside those words is no other speaker's cue
    text = (
        "Intro paragraph.\n\n— We agreed to meet again in Istanbul. The next round is in "
        "June, — Umerov said."
    )
    ((_kind, speaker, quote),) = summary(text, attribute(text))
    assert (speaker, quote) == (
        "Umerov",
        "We agreed to meet again in Istanbul. The next round is in June",
    )
    # nor reaches before words that report someone else's
    text = (
        "Intro paragraph.\n\n- Ukraine's position is clear. Zelensky told reporters we are "
        "ready for a ceasefire - said Yermak."
    )
    quotes = [quote for _, speaker, quote in summary(text, attribute(text)) if speaker == "Yermak"]
    assert quotes and not quotes[0].startswith("Ukraine's position")
    # a bare dash closes nothing in a paragraph no dash opened
    text = "Intro paragraph.\n\nThe talks are over. The city is in ruins - officials said."
    assert summary(text, attribute(text)) == [("indirect", "officials", "The city is in ruins")]


def test_the_items_of_a_list_after_a_cue_and_a_colon_are_what_was_said(
    attribute,
) -> None:  # type: ignore[no-untyped-def]
    items = (
        "\n\n- an exchange of 1,000 prisoners for 1,000;\n\n- an agreement to prepare a meeting "
        "of the leaders.\n\nThe talks lasted two hours."
    )
    # each item a part of the words, without its marker, as a split quotation's parts
    listed = "an exchange of 1,000 prisoners for 1,000 … an agreement to prepare a meeting of the leaders"
    # a speaker listing points: the items are the words
    text = "Defence minister Rustem Umerov named two results of the meeting in Istanbul:" + items
    assert summary(text, attribute(text)) == [("indirect", "Defence minister Rustem Umerov", listed)]
    # reported words that end in a colon: the items complete them
    text = "Defence minister Rustem Umerov said the meeting had two results:" + items
    assert summary(text, attribute(text)) == [
        ("indirect", "Defence minister Rustem Umerov", "the meeting had two results … " + listed)
    ]
    # a colon with no list after it, or a list after the writer's own words, is no statement
    text = "The meeting in Istanbul had two results:" + items
    assert summary(text, attribute(text)) == []


def test_an_inverted_aside_speaks_by_the_subject_after_its_verb(attribute) -> None:  # type: ignore[no-untyped-def]
    # the parse gives "say" two subjects, "The problem" and "sources"
    text = (
        "The problem, say sources involved in the discussions, is that any security "
        "guarantee that has teeth would lock the West into a conflict."
    )
    assert summary(text, attribute(text)) == [
        (
            "indirect",
            "sources",
            "The problem … is that any security guarantee that has teeth would lock the West "
            "into a conflict",
        )
    ]
    # so does an inverted cue the parse makes the sentence's root
    text = "The negotiations, said Umerov, were constructive."
    assert summary(text, attribute(text)) == [
        ("indirect", "Umerov", "The negotiations … were constructive")
    ]
    # in the usual order the subject before the verb speaks
    text = "The deal, the official said, allows Russia to keep its troops."
    assert summary(text, attribute(text)) == [
        ("indirect", "the official", "The deal … allows Russia to keep its troops")
    ]


def test_a_present_conjunct_the_parse_hangs_on_a_past_cue_goes_on_with_the_words(
    attribute,
) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Russia has repeatedly said that possible NATO membership for Kyiv was a cause of the "
        "war, is unacceptable and that Ukraine must be neutral."
    )
    assert summary(text, attribute(text)) == [
        (
            "indirect",
            "Russia",
            "possible NATO membership for Kyiv was a cause of the war, is unacceptable and "
            "that Ukraine must be neutral",
        )
    ]
    # a conjunct with a subject of its own is the writer's
    text = "Zelensky has said Ukraine was ready to talk, and Russia answers with missiles."
    assert summary(text, attribute(text)) == [("indirect", "Zelensky", "Ukraine was ready to talk")]
    # in the present by its auxiliary: "have been" goes on with the words
    text = (
        "Sybiha told reporters that Russian promises could be worthless, and have been "
        "broken in every round of talks."
    )
    assert summary(text, attribute(text)) == [
        (
            "indirect",
            "Sybiha",
            "Russian promises could be worthless, and have been broken in every round of talks",
        )
    ]
    # unless the cue is in that tense too: the speaker's own acts
    text = "Lavrov has said Russia was ready to talk, and has visited Beijing twice this year."
    assert summary(text, attribute(text)) == [("indirect", "Lavrov", "Russia was ready to talk")]


def test_an_adverb_before_that_tells_when_it_was_said(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Russian Foreign Ministry said earlier that on March 17, a phone conversation "
        "took place between Lavrov and Rubio."
    )
    assert summary(text, attribute(text)) == [
        (
            "indirect",
            "The Russian Foreign Ministry",
            "on March 17, a phone conversation took place between Lavrov and Rubio",
        )
    ]


def test_an_ordinal_the_parse_takes_for_a_subject_is_no_speaker(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Ukraine and Russia carried out a new exchange of prisoners on Sunday, the first "
        "under the deal agreed in Istanbul, officials said."
    )
    assert [(speaker, quote) for _, speaker, quote in summary(text, attribute(text))] == [
        ("officials", "Ukraine and Russia carried out a new exchange of prisoners on Sunday")
    ]


def test_a_condition_the_parse_joined_to_the_cue_stays_in_the_reported_clause(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        "He said Ukraine was ready to discuss a ceasefire along the current front line, but "
        "only if European troops were deployed as a reassurance force."
    )
    assert [quote for _, _, quote in summary(text, attribute(text))] == [
        "Ukraine was ready to discuss a ceasefire along the current front line, but only if "
        "European troops were deployed as a reassurance force"
    ]


def test_a_verb_with_an_infinitive_of_its_own_after_a_closed_quotation_is_no_cue_of_it(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        'Andriy Yermak said Russia was "playing for time." He called on the United States '
        "and Europe to impose new sanctions on Russian oil exports."
    )
    assert [(speaker, quote) for _, speaker, quote in summary(text, attribute(text))] == [
        ("Andriy Yermak", 'Russia was "playing for time."'),
        ("He", "to impose new sanctions on Russian oil exports"),
    ]
    # a quotation that is a sentence of its own is the next sentence's speaker's
    text = '"We will not give up an inch of our land." Zelensky vowed to fight on.'
    assert ("Zelensky", "We will not give up an inch of our land.") in [
        (speaker, quote) for _, speaker, quote in summary(text, attribute(text))
    ]


def test_a_noun_of_trust_takes_its_object_after_in(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Ukraine's foreign minister expressed cautious interest Tuesday in China's ideas for "
        "a peace deal."
    )
    assert [quote for _, _, quote in summary(text, attribute(text))] == [
        "cautious interest Tuesday in China's ideas for a peace deal"
    ]
    # where something was said is no part of it
    text = "Lavrov welcomed the Turkish proposal in an interview on Monday."
    assert [quote for _, _, quote in summary(text, attribute(text))] == ["the Turkish proposal"]


def test_what_a_quotation_names_runs_from_the_thing_named(attribute) -> None:  # type: ignore[no-untyped-def]
    text = "Mykhailo Podolyak called the proposal a “complete sham” on Monday."
    assert summary(text, attribute(text)) == [
        ("mixed", "Mykhailo Podolyak", "the proposal a “complete sham”")
    ]
    # "what he called" is the thing named itself: the quotation alone
    text = "Ban Ki-moon condemned what he called a “brazen breach” of U.N. resolutions."
    assert [quote for _, _, quote in summary(text, attribute(text))] == ["brazen breach"]


def test_the_hearer_before_that_is_no_part_of_mixed_words(attribute) -> None:  # type: ignore[no-untyped-def]
    text = (
        'Putin told Trump that a lasting peace required eliminating the "root causes" of '
        "the conflict."
    )
    quotes = [quote for _, _, quote in summary(text, attribute(text))]
    assert quotes and all(not quote.startswith("Trump") for quote in quotes)
    assert quotes[0].startswith("a lasting peace required eliminating")


def test_the_sentence_before_this_was_stated_by_is_the_speakers(attribute) -> None:  # type: ignore[no-untyped-def]
    # the order of wire services that translate from Russian and Ukrainian
    text = (
        "Intro paragraph.\n\nThe summit in Burgenstock will not reach a final agreement but "
        "aims to create the basis for a just peace.\n\nThis was emphasized by Swiss President "
        "Viola Amherd during the opening of the summit."
    )
    assert summary(text, attribute(text)) == [
        (
            "indirect",
            "Swiss President Viola Amherd",
            "The summit in Burgenstock will not reach a final agreement but aims to create "
            "the basis for a just peace",
        )
    ]
    # not words another cue already reports, nor what a thing "confirmed"
    text = (
        "Intro paragraph.\n\nThe ambassador repeated his denial that China had called for a "
        "ceasefire. This was also denied by the Chinese foreign ministry."
    )
    assert [speaker for _, speaker, _ in summary(text, attribute(text))] == ["The ambassador"]
    text = "Intro paragraph.\n\nThe front line has not moved in weeks. This was confirmed by satellite images."
    assert attribute(text) == []
    # nor what was not, never or could be said by someone (a reviewer's sentences)
    for cue in ("was not confirmed", "was never said", "could be confirmed"):
        text = (
            "Intro paragraph.\n\nRussia will withdraw its troops from Kherson next month. "
            f"This {cue} by Kremlin spokesman Dmitry Peskov."
        )
        assert attribute(text) == [], cue


def test_a_closing_cue_the_parse_hangs_as_a_conjunct_reports_the_clause_before(
    attribute,
) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Ukraine is ready to sign a full ceasefire, but only if Russia stops shelling cities "
        "first, President Volodymyr Zelensky said on Wednesday."
    )
    assert summary(text, attribute(text)) == [
        (
            "indirect",
            "President Volodymyr Zelensky",
            "Ukraine is ready to sign a full ceasefire, but only if Russia stops shelling "
            "cities first",
        )
    ]
    # whom it was said to is no report of the cue's own (a reviewer's sentence)
    told = text.replace("said on Wednesday", "told reporters in Kyiv")
    assert [quote for _, _, quote in summary(told, attribute(told))] == [
        "Ukraine is ready to sign a full ceasefire, but only if Russia stops shelling cities first"
    ]
    # a conjoined cue with a report of its own reports that, not the clause before
    text = "Russia attacked Kyiv overnight, and Zelensky said it was terror."
    assert summary(text, attribute(text)) == [("indirect", "Zelensky", "it was terror")]


def test_a_condition_the_parse_makes_a_conjunct_of_the_cue_stays_in_the_words(nlp) -> None:  # type: ignore[no-untyped-def]
    # after a headline the parse hangs "with" on "said" as a conjunct (a reviewer's sentence)
    text = (
        "Talks\n\nZelensky said Ukraine was ready to discuss a neutral status, but only "
        "with legally binding security guarantees."
    )
    found = Attributor().attribute(nlp(text), [("body", 7, len(text))])
    assert [a.quote(text) for a in found] == [
        "Ukraine was ready to discuss a neutral status, but only with legally binding "
        "security guarantees"
    ]
