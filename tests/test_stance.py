"""Stance rules on statements written for the purpose (none is taken from the reference
articles): the word rules one stance at a time, then whole statements analysed
in a sentence, where who gives and who is asked decides. The rules alone (the
learned model that weighs them is tested in test_stance_model.py)."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest
from spacy.language import Language

from talkwatch.clean import clean
from talkwatch.ingest import decode
from talkwatch.pipeline import Analyzer
from talkwatch.records import RawInput
from talkwatch.speech_act import read_clause
from talkwatch.stance import (
    StanceClassifier,
    StanceFileError,
    default_stance_classifier,
    load_stance_classifier,
)


@cache
def rules() -> StanceClassifier:
    """The shipped rules without the learned model."""
    return replace(default_stance_classifier(), model=None)


@pytest.mark.parametrize(
    ("quote", "cue", "stance"),
    [
        # demand
        ("Russia must withdraw all its troops before any talks", "say", "demand"),
        ("any settlement has to include binding guarantees from the allies", "say", "demand"),
        ("an immediate and unconditional ceasefire", "call for", "demand"),
        ("Kyiv recognise Crimea as Russian", "demand", "demand"),
        ("it's time for them to either say yes or walk away from this process", "add", "demand"),
        ("Russian reciprocity is the key to achieving peace", "say", "demand"),
        ("Achieving a lasting peace requires guarantees from all the allies", "say", "demand"),
        ("the two proposals were both not realistic", "say", "reject"),
        ("putting more political and financial pressure on Russia", "include", "demand"),
        # what was stressed as needed
        ("the importance of reaching a ceasefire before the winter", "stress", "demand"),
        ("the urgent need for a just and lasting settlement", "emphasize", "demand"),
        ("the importance of reaching a ceasefire that would hold", "stress", "demand"),
        ("the need for security guarantees which are legally binding", "stress", "demand"),
        ("Russia was in no need for a truce on the front", "say", "assess"),
        ("the importance of the talks had been overstated", "say", "assess"),
        # offer
        ("we're prepared for a new round of talks", "say", "offer"),
        ("the government is discussing a Finnish-style status for the country", "say", "offer"),
        ("a 30-day halt to strikes on energy facilities", "propose", "offer"),
        ("Russia is drafting its own ceasefire proposal", "say", "offer"),
        ("he plans to meet both presidents next week", "say", "offer"),
        ("we could host the next round in Geneva", "say", "offer"),
        ("his readiness to meet the Ukrainian president in Istanbul", "reiterate", "offer"),
        ("hope for a new round of negotiations in Istanbul", "express", "offer"),
        # a complaint asks the other side to put it right
        ("the part of the package on Russian grain exports had not been implemented", "complain", "demand"),
        ("his country was not closed to direct talks with Moscow", "say", "offer"),
        # room to give, and a side's own plan put forward
        ("flexibility on the controversial proposal", "signal", "offer"),
        ("Moscow has shown no flexibility on territory", "say", "assess"),
        ("a new 20-point peace plan", "unveil", "offer"),
        ("Kyiv keeps the door open to a meeting of the two presidents", "say", "offer"),
        ("he was seeking a speedy resolution to the war", "say", "offer"),
        ("we are taking two steps to de-escalate the situation around Kyiv", "say", "offer"),
        ("Russia could be invited to the second peace summit", "say", "offer"),
        ("Putin only wants a ceasefire to regroup his forces", "say", "assess"),
        # accept
        ("the plan for a halt to strikes on energy facilities", "welcome", "accept"),
        ("Yes, we will attend the meeting in Geneva", "say", "accept"),
        ("no objection to a monitoring mission at the dam", "signal", "accept"),
        # reject, with negation
        ("we won't hand over a single village to the occupiers", "say", "reject"),
        ("there can be no other format for these talks", "say", "reject"),
        ("the plan was unacceptable", "say", "reject"),
        ("Warsaw does not foresee sending Polish soldiers to Ukraine", "say", "reject"),
        ("such territorial concessions unconstitutional", "call", "reject"),
        ("any territorial concessions", "rule out", "reject"),
        ("the European plan is unconstructive and does not work for us", "say", "reject"),
        ("a summit for the sake of it would be a path to nowhere", "say", "reject"),
        ("There will be no American boots on the ground", "say", "reject"),
        ("any strike on the plant would be treated as an attack on NATO", "warn", "demand"),
        # conditional
        ("the prisoner exchange is dependent on Kyiv handing over the full list", "say", "conditional"),
        ("he is not against a meeting, but certain conditions need to be created", "say", "conditional"),
        ("the president is ready to meet when the agenda for a summit is agreed", "say", "conditional"),
        ("If both sides accept a mediator, we'll take part in the talks", "say", "conditional"),
        ("Kyiv will not negotiate until Russian forces leave all of its territory", "say", "conditional"),
        (
            "the bloc would be open to easing sanctions only if Russia agreed to a ceasefire",
            "say",
            "conditional",
        ),
        (
            "Moscow supports the truce idea, but some details must be settled first",
            "say",
            "conditional",
        ),
        (
            "We are ready to stop shooting tomorrow if the other side does the same",
            "say",
            "conditional",
        ),
        ("no talks unless Russian troops leave", "say", "conditional"),
        ("If Moscow stops the shelling, then we can talk about a truce", "say", "conditional"),
        ("Elections will be held when the guns go silent", "say", "conditional"),
        ("the lifting of sanctions is a precondition for any deal", "say", "conditional"),
        # deny
        ("Minsk does not intend to send its army across the border", "say", "deny"),
        ("Russian troops had killed civilians in Bucha", "deny", "deny"),
        ("there had been no discussion of easing sanctions at the summit", "say", "deny"),
        ("our units never targeted the grain terminals", "say", "deny"),
        # a plain fact with "no" in it denies nothing (a new user's sentence)
        ("no date had been set for the next round of talks", "say", "assess"),
        ("no timeframe has been set to reach a peace deal", "say", "assess"),
        # but an act attributed to the side, turned down, is denied (a reviewer's)
        ("no order had been given to strike civilian targets", "say", "deny"),
        # a claim about the speaker's side dismissed as absurd is denied
        (
            "It would be absurd to think that the Russian side could interfere in internal "
            "American matters",
            "say",
            "deny",
        ),
        # an attack the speaker's side is accused of, turned down, is denied
        ("We did not attack the grain terminals", "say", "deny"),
        # a proposal called ridiculous to talk about is no fact denied
        ("It would be ridiculous to talk about a ceasefire now", "say", "assess"),
        # what the speaker's side has not done (yet) is told, not a report denied
        ("We haven't spoken to him yet.", "reply", "assess"),
        ("We did not get there, but we have a very good chance of getting there", "add", "assess"),
        # assess
        ("A few steps forward were taken,", "say", "assess"),
        ("the path to a settlement remains a long one", "say", "assess"),
        ("useful but far from enough", "call", "assess"),
        ("it would be wrong to expect a breakthrough this week", "say", "assess"),
        ("freezing the front line would be wrong", "say", "reject"),
        # a proposal judged unworkable is turned down; the one way allowed is asked for
        ("the so-called peace formula is simply not realistic", "say", "reject"),
        ("talks about Ukraine without Moscow make no sense", "say", "reject"),
        ("we are not satisfied with the proposals of the new team", "say", "reject"),
        ("a full withdrawal is the only way to a lasting peace", "say", "demand"),
        # a condition only conditions an act that is offered
        ("the deployment of monitors was not a precondition for the plan", "say", "assess"),
        ("we are willing to observe the truce as long as Moscow does", "say", "conditional"),
        ("the talks dragged on as long as the summer lasted", "say", "assess"),
        ("Russia has no chance of winning this war", "say", "assess"),
        ("this is not the only way to peace", "say", "assess"),
        ("Moscow's insistence on the four regions stalled the talks", "say", "assess"),
        # quotation marks inside a quote do not hide its words
        ("the latest proposals were “simply not realistic”", "say", "reject"),
        ("Moscow is dissatisfied with the proposals of the new team", "say", "reject"),
        ("it would be inappropriate to enter into talks now", "say", "reject"),
        # ask, call, tell: a demand when they report an act asked of someone
        ("Russia to start a new diplomacy and withdraw its troops", "ask", "demand"),
        ("the Ukrainian government to withdraw from the four regions", "call", "demand"),
        ("to “preserve this level of solidarity” next year", "ask", "demand"),
        ("who would monitor such a ceasefire", "ask", "assess"),
        ("Ukraine refuses to join military blocs", "tell", "reject"),  # not asked of Ukraine
    ],
)
def test_stance(quote: str, cue: str, stance: str) -> None:
    result = rules().classify(quote, cue, quote, "indirect")
    assert result.stance == stance, result.reason


def test_a_direct_quote_after_told_is_not_an_act_asked() -> None:
    quote = "Suffice it to say that there are grounds for cautious optimism."
    assert rules().classify(quote, "tell", quote, "direct").stance == "assess"


def test_reason_names_the_words_or_the_cue() -> None:
    classify = rules().classify
    assert classify("we will never give up Crimea", "say").reason == "words 'never'"
    assert classify("the proposal", "reject").reason == "cue verb 'reject'"


def test_a_question_demands_nothing_by_its_modals() -> None:
    classify = rules().classify
    assert classify("So why should anyone trust them?", "say").stance == "assess"
    assert classify("Negotiate with whom? We will never talk to them?", "say").stance == "reject"


def test_a_threat_with_a_condition_is_a_demand() -> None:
    result = rules().classify(
        "tougher sanctions on Moscow if the shelling does not stop", "threaten"
    )
    assert result.stance == "demand" and result.reason.startswith("threat with a condition")


def test_condition_outranks_an_agreeing_cue() -> None:
    result = rules().classify(
        "to a truce provided monitors are present", "agree"
    )
    assert result.stance == "conditional"


def test_user_rules_extend_the_shipped_ones(tmp_path: Path) -> None:
    extra = tmp_path / "stance.yaml"
    extra.write_text("content:\n  reject:\n    - \\bnyet\\b\ncues:\n  offer: [extend]\n")
    classifier = load_stance_classifier([extra])
    assert classifier.classify("the answer is nyet", "say").stance == "reject"
    assert classifier.classify("the olive branch", "extend").stance == "offer"


def test_bad_rule_files_are_named(tmp_path: Path) -> None:
    bad = tmp_path / "stance.yaml"
    bad.write_text("content:\n  scold: ['x']\n")
    with pytest.raises(StanceFileError, match="'scold' under content is not a stance code"):
        load_stance_classifier([bad])
    bad.write_text("content:\n  reject: ['(unclosed']\n")
    with pytest.raises(StanceFileError, match="bad pattern"):
        load_stance_classifier([bad])
    bad.write_text("clause:\n  - ready\n")
    with pytest.raises(StanceFileError, match="'clause' maps word groups to lists of words"):
        load_stance_classifier([bad])


# Whole statements: one sentence analysed as a document, so the stance sees the
# speaker's party, the subject of the content clause and its modality.


@cache
def analyzer() -> Analyzer:
    return replace(Analyzer.load(), stances=rules())


def stance_of(sentence: str) -> tuple[str, str]:
    raw = RawInput("s.txt", "s.txt", sentence.encode(), "text/plain")
    (statement,) = analyzer().analyse(clean(raw, decode(raw)))
    return statement.stance, statement.stance_reason


@pytest.mark.parametrize(
    ("sentence", "stance"),
    [
        # offer or demand: who is to give
        ("Kyiv is ready to send a delegation to Geneva next week, Andrii Sybiha said.", "offer"),
        ("Andrii Sybiha said Russia must send a delegation with a real mandate.", "demand"),
        # a side's own demand, reported by one of its own
        (
            "Moscow demanded Ukraine's neutrality and the lifting of sanctions, Russian Deputy "
            "Foreign Minister Sergei Ryabkov said.",
            "demand",
        ),
        ("Andriy Yermak said Kyiv demanded reparations for the war damage.", "demand"),
        # another side's demand described, then the speaker's side's refusal: the refusal
        (
            "Zelensky said Russia had demanded that Kyiv give up Donbas, and Ukraine would "
            "never accept that.",
            "reject",
        ),
        # a refusing cue: a report called untrue is denied; the speaker's own condition holds
        (
            "The foreign ministry rejected as false claims that Russian troops had executed "
            "prisoners.",
            "deny",
        ),
        (
            "Zelensky rejected any ceasefire unless Russian troops withdrew from all occupied "
            "land.",
            "conditional",
        ),
        # a refusal not made leaves the door open, with or without "said"
        ("Peskov did not rule out a meeting with Zelensky.", "offer"),
        ("Zelensky said the ball's in Russia's court now.", "demand"),
        # what the speaker's side needs, others are asked to give
        ("“Now we need a full and unconditional ceasefire,” Rustem Umerov said.", "demand"),
        # the guide's own demand; procedure; another side's demand described
        ("Marco Rubio told reporters the ball was now in Russia's court.", "demand"),
        (
            "Dmitry Peskov said Moscow would not comment until it had been briefed by "
            "Washington.",
            "assess",
        ),
        (
            "A Ukrainian official said Russia had demanded that Kyiv pull its forces out of "
            "the four regions.",
            "assess",
        ),
        # a report turned down is a fact denied; a suggestion turned down, a term refused
        ("Maria Zakharova rejected reports that Moscow had already agreed to a truce.", "deny"),
        ("Andrii Sybiha rejected suggestions that Kyiv could give up the Donbas.", "reject"),
        (  # the condition is the refused suggestion's, not the speaker's
            "Andrii Sybiha rejected suggestions that Kyiv could cede land in exchange for "
            "peace.",
            "reject",
        ),
        # a door left open offers; with "but only" it is a condition; a plural refusal
        ("Peskov said Moscow did not rule out a meeting with Zelensky.", "offer"),
        (
            "Putin said he did not rule out meeting Zelensky but only in the final phase of "
            "the talks.",
            "conditional",
        ),
        ("Peskov said Moscow ruled out a ceasefire.", "reject"),
        ("“They made demands that are non-starters,” a Ukrainian official said.", "reject"),
        # the subject the parse took for the object of "told" is still who acts
        (
            "Kremlin spokesman Dmitry Peskov told reporters Lavrov and Yuri Ushakov, a foreign "
            "policy advisor to Putin, would fly to Riyadh on Monday.",
            "offer",
        ),
        # a demand dropped refuses no term; "no longer" negates as "not" does
        ("Trump said the United States would no longer demand an immediate ceasefire.", "assess"),
        ("Peskov said Moscow would no longer accept mediation by the Vatican.", "reject"),
        ("Russia will no doubt accept a ceasefire, Peskov said.", "accept"),
        # what a side needs to find out for itself asks nothing of anyone
        ("Dmitry Peskov said Moscow needed to learn more about the purpose of the talks.", "assess"),
        ("Dmitry Peskov said the Kremlin would host the next round of consultations.", "offer"),
        ("Dmitry Peskov said Kyiv should stop the drone raids before the next round.", "demand"),
        # a past that did not happen asks, offers and refuses nothing
        ("JD Vance said Russia should not have invaded Ukraine.", "assess"),
        # ... nor does a belief supposed ("if I thought"); a supposed act still conditions
        (
            '"If I thought that Putin did not want to end this, I would not even be talking '
            'about it," Donald Trump told reporters.',
            "assess",
        ),
        (
            '"If Russia withdrew its troops, we would be ready to negotiate," Volodymyr '
            "Zelensky said.",
            "conditional",
        ),
        # a way of speaking offers nothing; time a side needs is asked of nobody
        (
            '"I want to be frank, we do not have high expectations for tomorrow," Marco Rubio '
            "told reporters.",
            "assess",
        ),
        ('"We will need more time to study the proposal," Dmitry Peskov said.', "assess"),
        ('"We need more time to study the proposal," Dmitry Peskov said.', "assess"),
        (
            '"Ukraine will need time and air defence systems from its partners," Volodymyr '
            "Zelensky said.",
            "demand",
        ),
        (
            '"If we knew Moscow would keep its word, we would sign the deal tomorrow," '
            "Volodymyr Zelensky said.",
            "conditional",
        ),
        ('"I want to be clear, Russia must withdraw its troops," Andrii Sybiha said.', "demand"),
        ('"Now we need a full and unconditional ceasefire," Volodymyr Zelensky said.', "demand"),
        ("Volodymyr Zelensky said Ukraine could have accepted the plan in 2022.", "assess"),
        # ... unless a later part of the statement decides; and "will have" is a future
        (
            "Dmitry Peskov said Kyiv could have had peace in 2022 but must now accept the "
            "new realities.",
            "demand",
        ),
        ("Dmitry Peskov said Russian troops will have withdrawn from Kherson by May.", "offer"),
        # words of refusal inside an if-clause refuse nothing
        (
            "Volodymyr Zelensky said Putin had sent a pretend delegation and urged stronger "
            "sanctions if Moscow rejected a full ceasefire.",
            "demand",
        ),
        # readiness "but only with" a condition
        (
            "Andrii Sybiha said Ukraine was ready for a ceasefire, but only with firm security "
            "guarantees.",
            "conditional",
        ),
        # the same willingness, of another side, is described, not offered
        ("Dmitry Peskov said Moscow was open to a meeting of the two leaders.", "offer"),
        ("Andrii Sybiha said Moscow was open to a meeting of the two leaders.", "assess"),
        ("Andrii Sybiha said Moscow is not ready for a real ceasefire.", "assess"),
        # negated offers and refusals
        ("Dmitry Peskov said Moscow will not send a delegation to the summit.", "reject"),
        ('"We are not prepared to leave the Black Sea ports," Sergei Lavrov said.', "reject"),
        ('"We must not give away a single village," Volodymyr Zelensky said.', "reject"),
        (
            "Dmitry Peskov said Moscow does not object to Ukraine joining the European Union.",
            "accept",
        ),
        # receiving: the other side gets only what the speaker's side gives
        ("Dmitry Peskov said Kyiv would never get the four regions back.", "reject"),
        # a denied intention of one's own side
        ("Volodymyr Zelensky said Kyiv does not plan to hold elections during the war.", "deny"),
        # conditions
        (
            "Volodymyr Zelensky said Ukraine will sign the minerals deal as soon as the "
            "guarantees are written down.",
            "conditional",
        ),
        (
            "Dmitry Peskov said Moscow would agree to a truce provided the West stopped "
            "arming Kyiv.",
            "conditional",
        ),
        (
            "Andrii Sybiha said Kyiv is prepared to talk as long as Russian troops leave "
            "the occupied areas.",
            "conditional",
        ),
        # a demand stays a demand with a time clause; an offer with one is conditional
        (
            "Andrii Sybiha said Russia must pull back its artillery as soon as the truce begins.",
            "demand",
        ),
        # denials of a reported fact
        (
            "Dmitry Peskov said reports that Putin had agreed to a freeze were untrue.",
            "deny",
        ),
        (
            "Dmitry Peskov said the claims of a secret meeting in Abu Dhabi do not "
            "correspond to reality.",
            "deny",
        ),
        ("Andrii Sybiha said there was no such proposal from Washington.", "deny"),
        ("Dmitry Peskov said the story about a secret ceasefire deal was fake.", "deny"),
        # agreement: the speaker's side agreeing accepts; another side's agreement is described
        (
            "Andrii Sybiha said Kyiv had agreed to the Turkish plan for a prisoner exchange.",
            "accept",
        ),
        ("Andrii Sybiha said Denmark had agreed to host the meeting.", "assess"),
        # talks set to happen, said by a side, commit it to them; past talks are described
        ("Yuri Ushakov said the meeting with the American envoy is planned for Friday.", "offer"),
        ("Andrii Sybiha said the next round of talks will take place in Geneva.", "offer"),
        ("Andrii Sybiha said he hopes the conference will be held before the summer.", "offer"),
        ("Andrii Sybiha said the last round of talks took place in Geneva.", "assess"),
        ("Giorgia Meloni said Rome was sending its security adviser to Geneva.", "offer"),
        # an act the speaker's side will do offers it; procedure does not
        (
            "Marco Rubio said Washington would create a high-level team to work on a path "
            "to ending the war.",
            "offer",
        ),
        ("Marco Rubio said the US would review the ceasefire proposals from both sides.", "assess"),
        # not any act: threats and measures against the other side offer nothing
        ("Vladimir Putin said Russia would destroy any Western troops deployed in Ukraine.", "assess"),
        ("Dmitry Medvedev said Russia would seize Western assets.", "assess"),
        # "European" names a side in a clause: the EU's, another side for Moscow
        ("Sergei Lavrov said European countries would send troops to Ukraine.", "assess"),
        ("Emmanuel Macron said European countries would send troops after a ceasefire.", "offer"),
        # "his" after another side is named is that side's
        (
            "Volodymyr Zelensky said Putin was lying and his negotiators would stall the talks.",
            "assess",
        ),
        # an accusation describes the other side's act
        ("Volodymyr Zelensky accused Moscow of refusing a ceasefire.", "assess"),
        # "is set to" is a future, not a passive; "his adviser" is the speaker's side
        (
            "Sergei Lavrov said Russia is set to discuss the renewal of the grain deal in "
            "Geneva next week.",
            "offer",
        ),
        ("Keir Starmer said his national security adviser would attend the talks.", "offer"),
        # being there, on the speaker's side, is attending; another side's is described
        ("Keir Starmer said his national security adviser would be in Geneva.", "offer"),
        ("Andrii Sybiha said the Russian delegation would be in Istanbul on Monday.", "assess"),
        # speaking about one's own words offers and demands nothing
        ('"I want to emphasise that the talks in Istanbul were useful," Sergei Lavrov said.', "assess"),
        ('"We would like to thank our Turkish hosts for the talks," Sergei Lavrov said.', "assess"),
        ('"We want to thank our Turkish hosts for the talks," Sergei Lavrov said.', "assess"),
        # asked of someone: "asked X to do", read from the parse
        ("Volodymyr Zelensky asked the allies to send more air defence systems.", "demand"),
        (
            "Dmitry Peskov told reporters the delegation to the talks in Istanbul would be "
            "led by Vladimir Medinsky.",
            "assess",
        ),
        ("Giorgia Meloni said Moscow was sending more troops to the front.", "assess"),
        # an act of the speaker's side under way
        ("Dmitry Peskov said Moscow is preparing a memorandum on the terms of a truce.", "offer"),
        ("Andrii Sybiha said Russia is preparing a new offensive in the south.", "assess"),
        # pressure a side prepares is no step toward a settlement
        ("Ursula von der Leyen said the EU was preparing an 18th package of sanctions.", "assess"),
        ("Andriy Yermak said Ukraine was preparing a peace package for the Istanbul talks.", "offer"),
        # readiness for war offers and refuses no term of a settlement
        ("Vladimir Medinsky said Russia was ready to fight for a year, two, three.", "assess"),
        ("Zelensky said Ukraine was ready to defend itself for as long as it takes.", "assess"),
        ("Volodymyr Zelensky said Ukrainian forces are holding the line near Pokrovsk.", "assess"),
        ("Andrii Sybiha said the meeting is expected to end without results.", "assess"),
        # "would like to": a wish of the speaker's side
        ("Andrii Sybiha said Kyiv would like to host the next round of talks.", "offer"),
        ("Dmitry Peskov said Moscow would prefer to avoid a new escalation.", "assess"),
        # "should" on a state or a view asks no act of anyone
        ("Keith Kellogg said the Europeans should know that the talks would go on.", "assess"),
        ("Dmytro Kuleba said other nations should feel free to trade with Turkey.", "assess"),
        ("Dmytro Kuleba said other nations should stop buying Russian oil.", "demand"),
        ("Emmanuel Macron said Europe must look for ways to end the war.", "demand"),
        # talks said to be under way or scheduled: a subjectless step takes its head's
        # subject, a plural is an event too, and "continue" looks ahead by itself
        ("The White House said negotiations on a ceasefire are slated to resume on Monday.", "offer"),
        ("Maria Zakharova said the next rounds of consultations are scheduled for March 13.", "offer"),
        ("Recep Tayyip Erdogan said efforts to bring peace between the two sides continue.", "offer"),
        ("Andrii Sybiha said the Russian attacks on the power grid continue.", "assess"),
        # the side of a subject named after its head: "the adviser of the White House, X"
        (
            "A senior American official said the national security adviser of the White "
            "House would participate in the meeting in Copenhagen.",
            "offer",
        ),
        (
            "A senior American official said the foreign minister of Russia would "
            "participate in the meeting in Copenhagen.",
            "assess",
        ),
        # terms found agreeable accept them; willingness tied to a condition is conditional
        ('"Many provisions of this plan seem quite acceptable to us," Yuri Ushakov said.', "accept"),
        ("Rustem Umerov said the delegations had reached a common understanding on the terms.", "accept"),
        ("Vladimir Putin said he was ready to negotiate about acceptable solutions.", "offer"),
        (
            "Dmitry Peskov said Russia was open to discussing a truce if progress is made.",
            "conditional",
        ),
        # pressure kept on until the other side acts asks it of them
        (
            "Kaja Kallas said the bloc would keep sanctions on Russia in place until it "
            "withdrew its troops.",
            "demand",
        ),
        # a veto refuses; readiness "but not at the price of" is conditional
        ("Viktor Orban said Hungary would veto any new sanctions package.", "reject"),
        (
            '"We are ready to sit down tomorrow," Andrii Sybiha told reporters, '
            '"but not at the price of our territory."',
            "conditional",
        ),
        # an agreement declared dead is rejected
        ("Vladimir Putin declared that the Minsk agreements no longer existed.", "reject"),
        # steps the speaker's side takes, or is taking, toward a settlement
        ('"We are taking two steps to de-escalate the conflict," Vladimir Medinsky said.', "offer"),
        ('"We will take the first step at this summit," Viola Amherd said.', "offer"),
        # contacts said not to have happened deny a report of them
        (
            "Maria Zakharova said: \"There have been no direct or indirect negotiations "
            "between Russia and Kyiv on the safety of energy facilities.\"",
            "deny",
        ),
        # a subject read as written: "South Africa's", not "South Africa 's"
        (
            "South Africa's Director General of Foreign Affairs, Zane Dangor, will also be "
            "there, said Clayson Monyela, spokesman for the South African foreign ministry.",
            "offer",
        ),
        # what another side must not receive is asked of whoever would give it; what the
        # speaker's own side must receive is asked of others
        ("Sergei Lavrov said Kyiv should not receive Western weapons.", "demand"),
        ("Andriy Yermak said Ukraine must receive security guarantees.", "demand"),
        # a future act offers when the parse shows it is the speaker's side's; the words
        # "will help" alone say nothing of whose act it is
        ("Keir Starmer said Britain would contribute troops and aircraft to a reassurance force.", "offer"),
        ("\u201cWe will support Ukraine for as long as it takes,\u201d Joe Biden said.", "offer"),
        ("A UN official said the fund will help rebuild the port.", "assess"),
        ("Kaja Kallas said the EU will donate 50 million euros for demining.", "offer"),
        # the word "offer" alone is no offer; an offer made is, by the clause
        ('Donald Trump said the plan was not his "final offer."', "assess"),
        ("Vladimir Medinsky said Russia had offered Ukraine a ceasefire of two days.", "offer"),
        ("Andrii Sybiha said Russia will help the separatists rebuild the port.", "assess"),
        # insisting on something asks for it
        ("Ukraine insisted on the release of all prisoners and the return of civilians.", "demand"),
        # a thing called imperative is asked for
        (
            'Sergei Lavrov said recognition of Russia\'s control over the regions is '
            '"imperative" for a settlement.',
            "demand",
        ),
        # "it is necessary to": the infinitive the parse hangs on "is" is the adjective's
        ('"It is necessary to study the details," Dmytro Kuleba said.', "assess"),
        ('"It is necessary to withdraw all Russian troops," Dmytro Kuleba said.', "demand"),
        # the speaker's side bound to accept accepts
        ("Andriy Yermak said it was essential to accept that Ukraine would not join NATO.", "accept"),
        # found by a new user: the ball "truly" in their court; the Russians' agreement as a
        # condition; pressing the other side to act; "if necessary" conditions nothing;
        # not prejudging is procedure
        ('The ball is now "truly in their court," Marco Rubio said of Russia.', "demand"),
        (
            '"We agree, and if the Russians agree, the silence will take effect at that very '
            'moment," Volodymyr Zelensky said.',
            "conditional",
        ),
        (
            "Karoline Leavitt said the trip was part of efforts to press Russia to agree to a "
            "ceasefire.",
            "demand",
        ),
        (
            "Dmitry Peskov said a conversation between the presidents could be organised at "
            "any time if necessary.",
            "offer",
        ),
        ('"We will not prejudge, we will tell you later," Dmitry Peskov said.', "assess"),
        # how the talks are to go asks nothing of anyone; an act a passive must asks still
        # demands
        ("Dmitry Peskov said that this should be discussed privately.", "assess"),
        ("Andriy Yermak said all Russian troops must be withdrawn from Ukraine.", "demand"),
        # the condition first, then sanctions: a threat, which demands; a time is no condition
        (
            "If the ceasefire was not in place by Monday evening, preparations for sanctions "
            "against Moscow would be set in motion, spokesman Stefan Kornelius said.",
            "demand",
        ),
        (
            '"The clock is ticking, we still have twelve hours until the end of the day," '
            "said spokesman Stefan Kornelius.",
            "assess",
        ),
        ("Kyiv will not negotiate until Russian forces leave its territory, Sybiha said.", "conditional"),
        # another side denied a say refuses it
        ("Volodymyr Zelensky said it is not for Moscow to decide Ukraine's alliances.", "reject"),
        ('"Russia has no say in the future of Ukraine," Kaja Kallas said.', "reject"),
        # a report turned down is denied, "a report" as "the reports"
        (
            "Dmitry Peskov rejected a report by Reuters claiming that Moscow wants a NATO "
            "pledge ruling out membership for Ukraine.",
            "deny",
        ),
        # wanting another side to act asks it of them; another side's wish describes it
        ("Russia wants Ukraine to withdraw from the rest of Donetsk, Dmitry Peskov said.", "demand"),
        ("Oleksiy Danilov said Kyiv would like Beijing to press Moscow to end the war.", "demand"),
        # expecting another side to act predicts it
        ("Dmitry Peskov said Russia expects Kyiv to reject the proposal.", "assess"),
        ("Dmitry Peskov said Moscow wants the talks in Istanbul to continue.", "offer"),
        ("Volodymyr Zelensky said Putin wants Ukraine to surrender.", "assess"),
        # what is left open ("whether", "if" as "whether") is offered by nobody; a condition
        # still conditions
        ("Zelensky said Kyiv would decide whether to send a delegation after meeting Erdogan.", "assess"),
        (
            '"We don\'t know if the Ukrainian negotiators will attend the talks," Peskov said.',
            "assess",
        ),
        ("Zelensky said Kyiv was ready to send a delegation to Istanbul.", "offer"),
        ('"If Russia withdraws, we will talk," Zelensky said.', "conditional"),
        # telling or settling when is procedure, the guide's example; an act still is tied
        ('"We will announce the delegation when the president decides," Peskov said.', "assess"),
        ("The timing of the call will be determined once Witkoff briefs Trump, Peskov said.", "assess"),
        ('"We will decide on sanctions when Russia rejects the ceasefire," Macron said.', "conditional"),
        ('"We will sign the deal once Russia withdraws," Zelensky said.', "conditional"),
        # what someone else is reported, inside the quote, to have said is theirs; the
        # speaker's side's own earlier words stay the speaker's
        # refuting reports is a statement, and denies them
        (
            "Peskov also refuted media reports suggesting that Keith Kellogg was suspended "
            "from the negotiations.",
            "deny",
        ),
        ('"Merz has already openly stated that Germany must prepare for war," Lavrov said.', "assess"),
        ('"The Americans told us that Kyiv must give up Donbas," Zelensky said.', "assess"),
        ('"We have said many times that Russia must withdraw," Zelensky said.', "demand"),
        ('"Moscow has stated that Kyiv must give up Donbas," Peskov said.', "demand"),
        ('"The Kremlin has said that it is ready to meet," Peskov said.', "offer"),
        ('"Merz has stated that Germany will only talk if Russia withdraws," Lavrov said.', "assess"),
        # a plan put forward: an offer by its own side, a description by another
        ("Vance said the U.S. has issued a very explicit proposal to Russia and Ukraine.", "offer"),
        ("Lavrov said Russia had drafted a memorandum on the terms of a settlement.", "offer"),
        ("Kuleba said China had unveiled its own peace plan on Friday.", "assess"),
        ("Peskov said Russia has prepared no proposal for the talks in Istanbul.", "assess"),
        # "contingent" the noun is no condition; the adjective is
        ('"Any foreign contingent on Ukrainian soil is unacceptable to us," Peskov said.', "reject"),
        ("Lavrov said the deal was contingent on the lifting of sanctions.", "conditional"),
        # the next move is another side's, as "the ball is in Russia's court"
        ("Kellogg said the next step was for Moscow to accept the 30-day ceasefire.", "demand"),
        # a refusal measured in square metres or kilometres
        ('"Not a single square metre of our land will be handed over," Zelensky said.', "reject"),
        # words of giving in a clause another side leads describe that side; a passive
        # subject is not the giver
        (
            "John Kirby said Putin had shown absolutely zero indication that he was willing "
            "to negotiate an end to the war.",
            "assess",
        ),
        (
            "Ihor Zhovkva said Moscow has shown no sign that it is open to a ceasefire.",
            "assess",
        ),
        ("Ihor Zhovkva said Kyiv remained open to a ceasefire along the front line.", "offer"),
        ("Ignazio Cassis said Russia could be invited to the second summit.", "offer"),
        # a named side's readiness, as its will: another's described, one's own offered
        ("Donald Trump praised Putin's readiness to meet Zelensky in Istanbul.", "assess"),
        ("Volodymyr Zelensky confirmed Ukraine's readiness to meet in Istanbul.", "offer"),
        # judging something to be so is a view, not the act of considering a proposal
        ("Lavrov said Moscow would consider such a deployment to be a NATO presence.", "assess"),
        # ... but considering whether, what, or a proposal as a basis is still willingness
        ("Zelensky said Ukraine would consider whether to send a delegation to Istanbul.", "offer"),
        ("Zelensky said Ukraine would consider what Russia proposes.", "offer"),
        ("Zelensky said Ukraine would consider the proposal as a basis for talks.", "offer"),
        ("Peskov said Moscow would consider such a deployment as a NATO presence.", "assess"),
        ("Lavrov said Moscow would consider any such deployment unacceptable.", "reject"),
        ("Kuleba said Ukraine would consider Moscow's proposals before replying.", "offer"),
        # what "there is" an understanding or a hope of is what was said; not what there
        # is no sign of
        ('"There is an understanding that this meeting will take place soon," Peskov said.', "offer"),
        ('"There is no sign that we will withdraw our troops," Peskov said.', "assess"),
        ('"There is speculation that Russia will accept a ceasefire," Peskov said.', "assess"),
        # a document "ready" is finished, not willing
        (
            "Andriy Yermak said the first document on security guarantees would be ready by "
            "the end of August.",
            "assess",
        ),
        # "make" with a noun of effort or concession acts as the noun's verb
        ("Mevlut Cavusoglu said Ankara would continue to make efforts for a lasting peace.", "offer"),
        ("Andrii Sybiha said Kyiv was ready to make concessions on the grain corridor.", "offer"),
        ("Dmitry Peskov said Kyiv would have to make concessions.", "demand"),
        # the noun "demands" is what was called something, not a demand made
        (
            'Andrii Sybiha called the Russian demands "the same ultimatums in a new folder".',
            "assess",
        ),
        # found by a new user: no need, nothing to expect, displeasure that is no refusal,
        # pressure asked for in the passive
        ('"There is no need to expect any breakthroughs," Dmitry Peskov said.', "assess"),
        ('"Breakthrough results should not be expected," Dmitry Peskov said.', "assess"),
        ('"I am not happy with the Russian strikes on Kyiv," Donald Trump said.', "assess"),
        (
            "Peskov said Moscow was not happy with the constant Ukrainian drone and missile "
            "strikes on its cities.",
            "assess",
        ),
        ('"We are not happy with what the Americans have offered," Peskov said.', "reject"),
        ('"We are not happy with the proposals," Dmitry Peskov said.', "reject"),
        ('"We are not satisfied with Russia\'s position on the ceasefire," Zelensky said.', "reject"),
        ("Dmytro Kuleba said Ukraine was keen on talks with Russia.", "offer"),
        ('"I am glad," Dmytro Kuleba said of the talks with Russia.', "assess"),
        ("Volodymyr Zelensky said that stronger sanctions needed to be imposed on Russia.", "demand"),
        ("Sergei Lavrov said the sanctions should be lifted.", "demand"),
        (
            "Volodymyr Zelensky said sanctions should be lifted only if Russia withdraws from "
            "all occupied land.",
            "conditional",
        ),
        ("Recep Tayyip Erdogan said Turkey was glad to host the talks.", "offer"),
        # an act that "can only be" done after something else is tied to it
        (
            "Zelensky said elections could only be held after a ceasefire and with security "
            "guarantees in place.",
            "conditional",
        ),
        # a trade refused is a refusal; offered, or refused unless, it is conditional
        ("Zelensky said Ukraine will not cede any territory in exchange for peace.", "reject"),
        (
            "Peskov said Russia would not agree to a ceasefire in return for sanctions relief.",
            "reject",
        ),
        ("Peskov said Russia would agree to a ceasefire in exchange for sanctions relief.",
         "conditional"),
        ("Peskov said Russia would not agree to a ceasefire unless Ukraine withdraws.",
         "conditional"),
        # a remedy put forward as the best; keeping on with the side's own work
        ("Rubio said American ownership of the plants would be the best protection for them.",
         "offer"),
        ("Donald Tusk said Poland was determined to continue cooperation on security.",
         "offer"),
        ("Zelensky said Russia was determined to continue the war.", "assess"),
        # a name demanding, which the parse reads as "Kyiv's demands" (a new user)
        ("Umerov said that Kyiv demands legally binding security guarantees.", "demand"),
        ("Peskov said Moscow demands are unchanged.", "assess"),
        # a refusal until something is done; readiness after an "if"; a condition held
        # to; a matter ruled out of the talks; a refusal insisted on (a new user's brief)
        ("Peskov said Russia will not agree to any ceasefire until Ukraine renounces its "
         "bid to join NATO.", "conditional"),
        ('"If Kiev ceases its attacks, we are ready to discuss a pause," Peskov said.',
         "conditional"),
        ("Sybiha said the return of deported children was a non-negotiable condition.",
         "demand"),
        ("Zelensky said Ukraine's sovereignty is non-negotiable.", "reject"),
        ("Peskov said the annexed regions were not a subject for discussion.", "reject"),
        ("Peskov insisted that Moscow would not attend the summit.", "reject"),
        ("Zelensky insisted that Russia must withdraw its troops.", "demand"),
    ],
)
def test_stance_of_a_whole_statement(sentence: str, stance: str) -> None:
    found, reason = stance_of(sentence)
    assert found == stance, reason


def test_a_speaker_with_no_side_describes_offers_but_can_demand() -> None:
    # an outlet's report of a side's readiness is its account, not its offer
    stance, reason = stance_of(
        "Bloomberg reported that the United States is prepared to recognise Russian "
        "control over Crimea as part of a peace deal."
    )
    assert stance == "assess"
    assert reason.startswith("a speaker with no side describes it (the rules read offer")
    # the same words from a side's own leader offer
    assert stance_of(
        "Keir Starmer said Britain is prepared to send troops to Ukraine as part of a peace deal."
    )[0] == "offer"
    # and an analyst can still call on a side to act
    assert stance_of(
        "Analysts at the Carnegie Endowment said Western governments must raise the "
        "pressure on Moscow before any talks."
    )[0] == "demand"


def test_the_reason_names_the_side_and_the_chain() -> None:
    stance, reason = stance_of("Andrii Sybiha said Russia must send a delegation.")
    assert (stance, reason) == ("demand", "an obligation: 'must send' (other side)")
    stance, reason = stance_of("Dmitry Peskov said Moscow was ready to send a delegation.")
    assert (stance, reason) == ("offer", "willingness: 'was ready send' (self side)")
    stance, reason = stance_of("Dmitry Peskov said Moscow will not send a delegation.")
    assert (stance, reason) == ("reject", "a refusal: 'will not send' (self side)")
    # the words as written, not their dictionary forms
    stance, reason = stance_of("Dmitry Peskov said the meetings must be well prepared.")
    assert reason == "an obligation: 'must be prepared' (unknown side)"


def test_user_word_lists_extend_the_clause_rules(tmp_path: Path, nlp: Language) -> None:
    extra = tmp_path / "stance.yaml"
    extra.write_text("clause:\n  willing: [inclined]\n")
    text = "Moscow is inclined to send a delegation"
    clause = read_clause(nlp(text), [(0, len(text))])
    shipped = rules().classify(text, "say", text, "indirect", "RUS", clause)
    extended = replace(load_stance_classifier([extra]), model=None).classify(
        text, "say", text, "indirect", "RUS", clause
    )
    assert (shipped.stance, extended.stance) == ("assess", "offer")


def test_a_time_of_day_is_no_condition_but_the_day_something_happens_is() -> None:
    assert stance_of('"We will talk the day Russia withdraws its troops," Zelensky said.')[0] == (
        "conditional"
    )
    during = stance_of('"The meeting will take place in the second half of the day," Peskov said.')
    assert during[0] != "conditional", during
