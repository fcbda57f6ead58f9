"""Actor resolution: names, aliases, titles, institutions, descriptors, pronouns, roles."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from talkwatch.actors import ActorFileError, Resolver, load_knowledge_base
from talkwatch.actors.words import same_given
from talkwatch.cli import cli
from talkwatch.records import Mention, Resolution, Span

ARTICLE = (
    "Kremlin spokesman Dmitry Peskov said talks would go on. Anton, a volunteer in Kyiv, "
    "said morale was high. Oleksiy Danilov met reporters. The general said little."
)


def resolve(text: str, day: str | None = "2025-03-14", article: str = ARTICLE) -> Resolution:
    return Resolver(load_knowledge_base(), article, day).resolve_text(text)


@pytest.mark.parametrize(
    ("mention", "speaker", "party", "source"),
    [
        ("Dmitry Peskov", "Dmitry Peskov", "RUS", "named"),
        ("Peskov", "Dmitry Peskov", "RUS", "named"),
        ("Zelenskyy", "Volodymyr Zelensky", "UKR", "named"),
        ("Zelenskiy", "Volodymyr Zelensky", "UKR", "named"),
        ("Kholimoisky", "Ihor Kolomoyskyi", "NONE", "named"),
        ("Foreign Minister Sergey Lavrov", "Sergey Lavrov", "RUS", "named"),
        ("foreign ministry spokeswoman Maria Zakharova", "Maria Zakharova", "RUS", "named"),
        ("the Kremlin spokesman", "Dmitry Peskov", "RUS", "named"),
        ("Ukraine's foreign minister", "Andrii Sybiha", "UKR", "named"),
        ("the Kremlin", "Kremlin", "RUS", "named"),
        ("Moscow", "Moscow", "RUS", "named"),
        ("Kiev", "Kyiv", "UKR", "named"),
        ("the White House", "White House", "USA", "named"),
        ("a Ukrainian official", "a ukrainian official", "UKR", "anonymous"),
        ("two Americans", "two americans", "USA", "anonymous"),
        ("one of Zelensky's deputies", "one of zelensky's deputies", "UKR", "anonymous"),
        ("a Western analyst", "a western analyst", "NONE", "anonymous"),
        ("Financial Times", "Financial Times", "NONE", "named"),
    ],
)
def test_mentions_resolve(mention: str, speaker: str, party: str, source: str) -> None:
    found = resolve(mention)
    assert (found.speaker, found.party, found.source) == (speaker, party, source)


def test_dated_roles_decide_the_title_holder() -> None:
    assert resolve("Ukraine's foreign minister", "2023-05-01").speaker == "Dmytro Kuleba"
    assert resolve("the US secretary of state", "2023-05-01").speaker == "Antony Blinken"
    assert resolve("the US secretary of state", "2025-05-01").speaker == "Marco Rubio"


def test_unknown_names_get_their_full_name_and_a_party_only_with_a_role() -> None:
    article = "Ukrainian presidential adviser Ivan Petrenko said so. Anton, a volunteer, agreed."
    resolver = Resolver(load_knowledge_base(), article, "2022-03-10")
    adviser = resolver.resolve_text("Ukrainian presidential adviser Ivan Petrenko")
    assert (adviser.speaker, adviser.party, adviser.source) == ("Ivan Petrenko", "UKR", "named")
    assert resolver.resolve_text("Petrenko") == adviser  # the surname later in the article
    volunteer = resolver.resolve_text("Anton")
    assert (volunteer.speaker, volunteer.party) == ("Anton", "NONE")


def test_a_one_word_name_takes_its_first_name_not_the_word_that_opens_a_sentence() -> None:
    article = (
        "When Halvorsen arrived in Geneva on Monday, the talks had begun. "
        "On Tuesday Halvorsen met the envoy. Mediator Ingrid Halvorsen said later that "
        "the sides had agreed on a prisoner exchange."
    )
    resolver = Resolver(load_knowledge_base(), article, "2025-03-14")
    assert resolver.resolve_text("Halvorsen").speaker == "Ingrid Halvorsen"
    alone = Resolver(load_knowledge_base(), "When Halvorsen arrived, the talks had begun.", None)
    assert alone.resolve_text("Halvorsen").speaker == "Halvorsen"
    # first names that are also words or months
    for given in ("Will", "May", "June", "Jan"):
        article = f"{given} Halvorsen chaired the session. Halvorsen said it went well."
        resolver = Resolver(load_knowledge_base(), article, None)
        assert resolver.resolve_text("Halvorsen").speaker == f"{given} Halvorsen"


def test_someone_of_a_state_is_described_not_named_after_it() -> None:
    resolver = Resolver(load_knowledge_base(), "", "2023-05-20")
    diplomat = resolver.resolve_text("A top diplomat of Sweden")
    assert (diplomat.speaker, diplomat.party, diplomat.source) == (
        "a top diplomat of sweden",
        "SWE",
        "anonymous",
    )
    adviser = resolver.resolve_text("an adviser of the Kremlin")
    assert (adviser.party, adviser.source) == ("RUS", "anonymous")


@pytest.mark.parametrize(
    "words", ["Ukraine's allies", "Western allies of Ukraine", "Kyiv's Western partners"]
)
def test_those_related_to_a_side_are_not_that_side(words: str) -> None:
    related = Resolver(load_knowledge_base(), "", "2025-03-20").resolve_text(words)
    assert (related.speaker, related.party, related.source) == (words.lower(), "", "anonymous")


def test_a_definite_descriptor_refers_back_within_the_document() -> None:
    resolver = Resolver(load_knowledge_base(), "", "2022-03-10")
    first = resolver.resolve_text("an American official")
    assert resolver.resolve_text("the official") == first


def test_pronouns_take_their_antecedent() -> None:
    resolver = Resolver(load_knowledge_base(), ARTICLE, "2025-03-14")
    named = Mention("Peskov", Span(0, 6), "name")
    she = Mention("He", Span(10, 12), "pronoun", antecedent=named)
    assert resolver.resolve(she).speaker == "Dmitry Peskov"
    orphan = resolver.resolve(Mention("They", Span(0, 4), "pronoun"))
    assert (orphan.speaker, orphan.party, orphan.source) == ("they", "", "anonymous")


USER_FILE = """
- name: Ivan Petrenko
  type: person
  party: UKR
  aliases: [Ivan Petrenko-Bilyi, Iwan Petrenko]
  roles:
    - titles: [chief demining officer]
      party: UKR
      from: 2023-01
- name: Dmitry Peskov
  type: person
  party: NONE
"""


def test_a_user_file_extends_and_overrides_the_shipped_one(tmp_path: Path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text(USER_FILE)
    kb = load_knowledge_base([extra])
    resolver = Resolver(kb, "", "2024-01-01")
    assert resolver.resolve_text("Petrenko-Bilyi").speaker == "Ivan Petrenko"
    assert resolver.resolve_text("Iwan Petrenko").speaker == "Ivan Petrenko"
    assert resolver.resolve_text("the chief demining officer").speaker == "Ivan Petrenko"
    assert resolver.resolve_text("Peskov").party == "NONE"  # overridden
    assert kb.named("Lavrov") is None and kb.named("Sergey Lavrov") is not None


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("- name: X\n  party: RUSSIA\n", "line 1: X: party 'RUSSIA' is not a party code"),
        ("- name: X\n  type: robot\n", "type 'robot' is not one of"),
        ("- type: person\n", "line 1: the actor has no name"),
        ("- name: X\n  roles:\n    - titles: [envoy]\n      from: March\n", "is not a date"),
        ("- name: X\n  roles:\n    - titles: [envoy]\n      to: 2023-02-30\n", "is not a date"),
        ("- name: X\n  roles:\n    - titles: [envoy]\n      to: 2023-13\n", "is not a date"),
        ("- name: [unclosed\n", "not valid YAML"),
        ("name: X\n", "a YAML list of actors"),
    ],
)
def test_malformed_actor_files_are_named_with_line_and_problem(
    tmp_path: Path, content: str, message: str
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(content)
    with pytest.raises(ActorFileError, match="bad.yaml") as err:
        load_knowledge_base([bad])
    assert message in str(err.value)


def test_conflicting_aliases_are_reported_not_resolved(tmp_path: Path) -> None:
    extra = tmp_path / "twins.yaml"
    extra.write_text(
        "- name: Olena Test\n  aliases: [The Twin]\n- name: Oksana Test\n  aliases: [The Twin]\n"
    )
    kb = load_knowledge_base([extra])
    assert any("'twin' names both Olena Test and Oksana Test" in c for c in kb.conflicts)
    assert kb.named("The Twin") is None


def test_the_shipped_knowledge_base_is_broad_and_consistent() -> None:
    kb = load_knowledge_base()
    assert len(kb.actors) >= 300
    assert kb.conflicts == []
    parties = {a.party for a in kb.actors.values()}
    assert {"RUS", "UKR", "USA", "EU", "NATO", "UN", "GBR", "FRA", "DEU", "TUR", "CHN"} <= parties


def test_every_role_date_is_a_real_date(tmp_path: Path) -> None:
    kb = load_knowledge_base()
    for actor in kb.actors.values():
        for role in actor.roles:
            for day in (role.start, role.end):
                if not day.startswith(("0000", "9999")):
                    date.fromisoformat(day)  # 2004-02-31 would raise
    extra = tmp_path / "months.yaml"
    extra.write_text("- name: Ivan Test\n  roles:\n    - titles: [envoy]\n      to: 2023-02\n")
    (role,) = load_knowledge_base([extra]).named("Ivan Test").roles  # type: ignore[union-attr]
    assert role.end == "2023-02-28"  # a month given alone ends on its last day


def test_actors_show_prints_real_dates() -> None:
    result = CliRunner().invoke(cli, ["actors", "show", "Lavrov", "--db", "none.db"])
    assert "ambassador to the UN" in result.stdout
    assert "1994-01-01 to 2004-02-29" in " ".join(result.stdout.split())


@pytest.mark.parametrize(
    ("given", "name", "same"),
    [
        ("dmytro", "Dmitry Kuleba", True),
        ("volodymyr", "Vladimir Putin", True),
        ("oleksandr", "Alexander Stubb", True),
        ("heorhii", "Georgy Tykhy", True),
        ("kyrylo", "Kirill Budanov", True),
        ("sergei", "Sergey Lavrov", True),
        ("peter", "Piers Morgan", False),
        ("oleh", "Serhii Nykyforov", False),
    ],
)
def test_a_first_name_fits_its_transliterations_not_other_names(given: str, name: str, same: bool) -> None:
    assert same_given(given, name) is same
