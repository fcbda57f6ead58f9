"""Speakers resolved as a reader resolves them: titles, descriptors, outlets, unknown people."""

from __future__ import annotations

import pytest

from talkwatch.actors import Resolver, load_knowledge_base
from talkwatch.records import Mention, Resolution, Span

ARTICLE = (
    "NATO Secretary General Mark Rutte arrived in Vilnius on Tuesday for a meeting of "
    "defence ministers. The NATO chief told reporters the alliance would keep supplying "
    "air defence. Ukraine's foreign ministry spokesman Oleh Marchenko said Kyiv welcomed "
    "the promise. A Foreign Ministry Spokesman said the draft was not final. "
    "The Minister of Foreign Affairs said talks could resume. All groups said they were "
    "ready. The Washington Post reported that a new envoy would be named. The publication "
    "said the envoy would travel in May."
)


def resolve(text: str, day: str | None = "2025-03-14", article: str = ARTICLE) -> Resolution:
    """Resolve the mention where it first appears in the article, as the pipeline does."""
    at = article.find(text)
    span = Span(at, at + len(text)) if at >= 0 else Span(0, len(text))
    kind = "descriptor" if text[:1].islower() or text.startswith(("The ", "A ")) else "name"
    return Resolver(load_knowledge_base(), article, day).resolve(Mention(text, span, kind))


def test_definite_descriptor_is_the_person_the_article_named() -> None:
    found = resolve("The NATO chief")
    assert (found.speaker, found.party, found.source) == ("Mark Rutte", "NATO", "named")


def test_a_title_alone_is_never_a_name() -> None:
    for title in ("Spokesman", "Minister", "The Minister of Foreign Affairs"):
        found = resolve(title, article="Talks resumed in Geneva on Monday.")
        assert found.source == "anonymous", title
        assert found.speaker == title.lower(), title


def test_a_title_with_its_nationality_and_fillers_is_never_a_name() -> None:
    title = "Russian First Deputy Permanent Representative"
    found = resolve(title, article="Talks resumed in Geneva on Monday.")
    assert (found.speaker, found.source) == (title.lower(), "anonymous")
    # a title the knowledge base or the article gives a holder is that holder
    article = (
        "Hungarian Prime Minister Viktor Orban flew to Moscow. The Hungarian Prime Minister said"
    )
    found = Resolver(load_knowledge_base(), article, "2024-07-05").resolve(
        Mention("The Hungarian Prime Minister", Span(54, 82), "descriptor")
    )
    assert (found.speaker, found.party) == ("Viktor Orban", "HUN")


def test_capitalised_quantified_phrase_is_a_description() -> None:
    found = resolve("All groups")
    assert (found.speaker, found.source) == ("all groups", "anonymous")


def test_unknown_person_keeps_full_name_and_party_from_context() -> None:
    found = resolve("Ukraine's foreign ministry spokesman Oleh Marchenko")
    assert (found.speaker, found.party, found.source) == ("Oleh Marchenko", "UKR", "named")


def test_outlet_is_a_speaker_and_the_publication_refers_back_to_it() -> None:
    outlet = resolve("The Washington Post")
    assert (outlet.speaker, outlet.party, outlet.source) == ("The Washington Post", "NONE", "named")
    resolver = Resolver(load_knowledge_base(), ARTICLE, "2025-03-14")
    at = ARTICLE.find("The publication")
    later = resolver.resolve(Mention("The publication", Span(at, at + 15), "descriptor"))
    assert (later.speaker, later.source) == ("The Washington Post", "named")


def test_the_portal_refers_back_to_the_outlet_named_before() -> None:
    article = (
        "A ceasefire on the current lines would suit Moscow, according to Sky News. "
        "It is not clear what the Kremlin would accept, the portal adds."
    )
    found = resolve("the portal", article=article)
    assert (found.speaker, found.party, found.source) == ("Sky News", "NONE", "named")


def test_the_publication_without_an_outlet_before_it_stays_a_description() -> None:
    article = "The publication said the envoy would travel in May. Reuters reported it first."
    found = resolve("The publication", article=article)
    assert (found.speaker, found.source) == ("the publication", "anonymous")


def resolve_in_order(
    article: str, mentions: list[str], day: str | None = "2025-03-14"
) -> Resolution:
    """Resolve mentions in text order with one resolver; the last one's resolution."""
    resolver = Resolver(load_knowledge_base(), article, day)
    found = Resolution("", "", "")
    for text in mentions:
        at = article.find(text)
        kind = "descriptor" if text.startswith(("The ", "the ", "A ")) else "name"
        found = resolver.resolve(Mention(text, Span(at, at + len(text)), kind))
    return found


def test_a_general_head_refers_back_to_the_minister_named_before() -> None:
    article = (
        "Foreign Minister Sergei Lavrov said Moscow was ready for talks. "
        "The Russian diplomat added that the West had to stop arming Kyiv."
    )
    found = resolve_in_order(article, ["Foreign Minister Sergei Lavrov", "The Russian diplomat"])
    assert (found.speaker, found.party, found.source) == ("Sergey Lavrov", "RUS", "named")


def test_a_descriptor_of_another_side_does_not_refer_back() -> None:
    article = (
        "Foreign Minister Sergei Lavrov said Moscow was ready for talks. "
        "The Ukrainian diplomat said Kyiv had heard such promises before."
    )
    found = resolve_in_order(article, ["Foreign Minister Sergei Lavrov", "The Ukrainian diplomat"])
    assert (found.party, found.source) == ("UKR", "anonymous")


def test_the_official_still_refers_back_to_an_unnamed_official() -> None:
    article = (
        "Valery Zaluzhny said the front was stable. A senior American official said the "
        "draft was ready. The official said it allowed Russia to keep its gains."
    )
    found = resolve_in_order(
        article, ["Valery Zaluzhny", "A senior American official", "The official"]
    )
    assert (found.speaker, found.source) == ("a senior american official", "anonymous")


def test_the_head_of_an_office_is_the_person_holding_that_title() -> None:
    article = "The Head of the President's Office said the delegation was ready to travel."
    found = resolve_in_order(article, ["The Head of the President's Office"], day="2023-06-25")
    assert (found.speaker, found.party, found.source) == ("Andriy Yermak", "UKR", "named")
    later = resolve_in_order(article, ["The Head of the President's Office"], day="2026-03-01")
    assert (later.speaker, later.party) == ("Kyrylo Budanov", "UKR")


def test_a_news_outlet_described_by_its_country_speaks_for_no_side() -> None:
    found = resolve(
        "the Ukrainian newspaper", article="The Ukrainian newspaper said talks had stalled."
    )
    assert (found.party, found.source) == ("NONE", "anonymous")


def test_a_title_in_an_undated_article_is_its_holder_now() -> None:
    article = (
        "The Russian president said the position on negotiations was unchanged. "
        "The US secretary of state said Washington would keep talking to both sides."
    )
    found = resolve_in_order(article, ["The Russian president"], day=None)
    assert (found.speaker, found.party, found.source) == ("Vladimir Putin", "RUS", "named")
    undated = resolve_in_order(article, ["The US secretary of state"], day=None)
    assert (undated.speaker, undated.party) == ("Marco Rubio", "USA")
    dated = resolve_in_order(article, ["The US secretary of state"], day="2023-05-02")
    assert (dated.speaker, dated.party) == ("Antony Blinken", "USA")


def test_a_person_the_knowledge_base_does_not_know_takes_the_party_of_the_nationality() -> None:
    article = (
        "Mexican President Andres Manuel Lopez Obrador said he was willing to attend. "
        "Senegalese President Macky Sall said the mission would go to Kyiv first."
    )
    found = resolve_in_order(article, ["Mexican President Andres Manuel Lopez Obrador"])
    assert (found.speaker, found.party, found.source) == (
        "Andres Manuel Lopez Obrador",
        "MEX",
        "named",
    )
    assert resolve_in_order(article, ["Senegalese President Macky Sall"]).party == "SEN"


def test_a_title_is_the_holder_the_article_named_before_even_if_never_quoted() -> None:
    article = (
        "The opening speech was given by Swiss President Viola Amherd at the summit. "
        "The Swiss President said the process would be long."
    )
    found = resolve("The Swiss President", day=None, article=article)
    assert (found.speaker, found.party, found.source) == ("Viola Amherd", "CHE", "named")
    assert resolve("The Swiss President", day=None, article=article[75:]).speaker == "Guy Parmelin"


def test_people_described_are_unnamed_even_when_capitalised() -> None:
    """The parser reads these heads as common nouns: the mentions are descriptors."""
    article = (
        "Experts said the draft was weak. European leaders said guarantees were essential. "
        "Police officials said the square was calm. The Ukrainian authorities said the plan "
        "was a trap."
    )
    resolver = Resolver(load_knowledge_base(), article, "2025-03-14")

    def described(text: str) -> Resolution:
        at = article.find(text)
        return resolver.resolve(Mention(text, Span(at, at + len(text)), "descriptor"))

    assert (described("Experts").speaker, described("Experts").source) == ("experts", "anonymous")
    leaders = described("European leaders")
    assert (leaders.speaker, leaders.party, leaders.source) == (
        "european leaders",
        "EU",
        "anonymous",
    )
    assert described("Police officials").source == "anonymous"
    authorities = described("The Ukrainian authorities")
    assert (authorities.speaker, authorities.party, authorities.source) == (
        "Ukrainian authorities",
        "UKR",
        "named",
    )


def test_a_title_in_a_lede_is_the_holder_the_article_names_next() -> None:
    article = (
        "The chancellor said the call with Moscow had been necessary.\n\n"
        "German Chancellor Olaf Scholz spoke with Vladimir Putin for an hour on Friday."
    )
    assert resolve("The chancellor", day=None, article=article).speaker == "Olaf Scholz"
    indefinite = "A chancellor said the call had been necessary. Olaf Scholz disagreed."
    found = resolve("A chancellor", day=None, article=indefinite)
    assert (found.speaker, found.source) == ("a chancellor", "anonymous")


def test_a_bare_title_is_the_person_the_article_names_with_it() -> None:
    article = (
        "Moscow will respond through official channels, spokesman has said.\n\n"
        "There is too little information about the plan, Kremlin spokesman Dmitry Peskov "
        "stated on Monday."
    )
    found = resolve("spokesman", article=article)
    assert (found.speaker, found.party) == ("Dmitry Peskov", "RUS")
    two = article + " Foreign ministry spokesman Maria Zakharova agreed."
    assert resolve("spokesman", article=two).source == "anonymous"


def test_european_descriptors_speak_for_the_eu_but_the_word_names_no_one_else() -> None:
    article = (
        "Zelensky met European leaders in London, where Downing Street spokesman Tom Wells "
        "said the talks were useful. Several European diplomats said the plan was weak."
    )
    assert resolve("Several European diplomats", article=article).party == "EU"
    assert resolve("Downing Street spokesman Tom Wells", article=article).party != "EU"


def test_a_document_speaks_for_the_institution_that_issued_it() -> None:
    article = "Talks resumed in Geneva on Monday."
    for mention in ("A Kremlin statement", "The Kremlin's declaration", "the White House readout"):
        found = resolve(mention, article=article)
        assert found.source == "named", mention
        assert found.speaker in ("Kremlin", "White House"), mention
    # an agreement named after a place is no document the place issued
    assert resolve("The Budapest Memorandum", article=article).speaker != "Budapest"
    # a document nobody known issued stays a description
    assert resolve("the joint statement", article=article).source == "anonymous"
    # "the statement" is the one named before
    resolver = Resolver(load_knowledge_base(), article, "2025-03-14")
    resolver.resolve(Mention("A Kremlin statement", Span(0, 19), "descriptor"))
    later = resolver.resolve(Mention("The statement", Span(20, 33), "descriptor"))
    assert (later.speaker, later.party) == ("Kremlin", "RUS")


def test_an_unknown_persons_party_is_read_nearest_first_not_from_someone_elses_possessive() -> None:
    article = (
        "Speaking to Newsweek, Icelandic Prime Minister Kristrun Frostadottir said she was "
        "still trying to decipher the meaning of Kellogg's remarks over the weekend. "
        "Frostadottir added that Europe had to be at the table."
    )
    assert resolve("Frostadottir", article=article).party == "ISL"
    article = (
        "European Commission Vice President Frans Timmermans maintained that peace can only "
        "be reached if Russia withdraws to Ukraine's borders of 1991."
    )
    found = resolve("European Commission Vice President Frans Timmermans", article=article)
    assert (found.speaker, found.party) == ("Frans Timmermans", "EU")


def test_a_european_or_western_descriptor_does_not_take_the_side_of_an_official_before() -> None:
    article = (
        "A US official said the meeting would start at noon. A senior European diplomatic "
        "source said the idea was to involve Brazil and India. The goal, according to a "
        "Western official, was a just peace. Another official said the talks would go on."
    )
    resolver = Resolver(load_knowledge_base(), article, "2025-03-14")
    parties = []
    for text in ("A US official", "A senior European diplomatic source", "a Western official"):
        at = article.find(text)
        mention = Mention(text, Span(at, at + len(text)), "descriptor")
        parties.append(resolver.resolve(mention).party)
    assert parties == ["USA", "EU", ""]
    at = article.find("Another official")
    after = resolver.resolve(Mention("Another official", Span(at, at + 16), "descriptor"))
    assert after.party == "EU"  # the side of the last official whose side was given


def test_a_family_name_written_first_refers_to_the_full_name_in_the_article() -> None:
    article = (
        "China's special envoy Li Hui arrived in Kyiv on Tuesday. At the end of the visit, "
        "Li said that there was no panacea for the war."
    )
    found = resolve_in_order(article, ["China's special envoy Li Hui", "Li"])
    assert (found.speaker, found.party, found.source) == ("Li Hui", "CHN", "named")
    alone = "At the end of the visit, Li said that there was no panacea for the war."
    assert resolve_in_order(alone, ["Li"]).speaker == "Li"  # nobody written in full


def test_where_a_descriptor_comes_from_is_read_before_its_preposition() -> None:
    article = (
        "A Russian official said the talks would resume. A foreign ministry official said "
        "the date was not set. A diplomat from a European country said the venue was open."
    )
    resolver = Resolver(load_knowledge_base(), article, "2025-03-14")
    parties = []
    for text in (
        "A Russian official",
        "A foreign ministry official",
        "A diplomat from a European country",
    ):
        at = article.find(text)
        parties.append(
            resolver.resolve(Mention(text, Span(at, at + len(text)), "descriptor")).party
        )
    assert parties[:2] == ["RUS", "RUS"]  # "foreign" names no other side
    assert parties[2] != "EU"


def test_the_ministry_is_the_ministry_the_article_named_before() -> None:
    article = (
        "Ukraine's Foreign Ministry criticised Hungary's peace mission on Monday. Officials "
        "in Kyiv were angry. The ministry added that Budapest had no mandate. The ministry "
        "of culture was not asked."
    )
    found = resolve_in_order(article, ["The ministry"])
    assert (found.speaker, found.party) == ("Ukrainian Foreign Ministry", "UKR")
    other = resolve_in_order(article, ["The ministry of culture"])
    assert other.speaker != "Ukrainian Foreign Ministry"


def test_the_office_is_the_one_of_the_nationality_the_article_gave() -> None:
    article = (
        "The German Foreign Office summoned the Russian ambassador on Monday. The office "
        "said the talks in Geneva would go on."
    )
    assert resolve_in_order(article, ["The office"]).party == "DEU"


def test_an_unknown_persons_party_is_not_read_from_the_words_the_person_said() -> None:
    article = (
        "The president would leave for Moscow and Kyiv in early June, spokesman Tumi "
        "Mokoena said."
    )
    found = resolve("Tumi Mokoena", article=article)
    assert (found.speaker, found.party) == ("Tumi Mokoena", "NONE")
    # a nationality before the title still gives the side
    article = (
        "The memorandum was sent to Moscow, Ukraine's foreign ministry spokesman, Heorhii "
        "Tykhyi, said."
    )
    assert resolve("Heorhii Tykhyi", article=article).party == "UKR"
    article = "Talks would resume in Moscow, Ukrainian presidential aide Ihor Zhovkva said."
    assert resolve("Ihor Zhovkva", article=article).party == "UKR"


def test_a_title_of_one_side_is_not_the_other_sides_person_named_with_it() -> None:
    article = (
        "This was stated by the Minister of Defense of Ukraine, head of the Ukrainian "
        "delegation, Rustem Umerov, following the negotiations. The head of the Russian "
        "delegation said that Russia had offered a ceasefire for two to three days."
    )
    resolver = Resolver(load_knowledge_base(), article, "2025-06-02")
    at = article.find("Rustem Umerov")
    first = resolver.resolve(Mention("Rustem Umerov", Span(at, at + 13), "name"))
    assert (first.speaker, first.party) == ("Rustem Umerov", "UKR")
    at = article.find("The head of the Russian")
    text = "The head of the Russian delegation"
    found = resolver.resolve(Mention(text, Span(at, at + len(text)), "descriptor"))
    assert found.speaker != "Rustem Umerov"
    assert found.party == "RUS"


def test_the_title_of_a_country_is_its_holder_on_the_articles_date() -> None:
    article = "“We will not give up,” the President of Ukraine said."
    found = resolve("the President of Ukraine", article=article, day="2025-03-14")
    assert (found.speaker, found.party) == ("Volodymyr Zelensky", "UKR")
    found = resolve("the President of Ukraine", article=article, day="2018-01-10")
    assert found.speaker == "Petro Poroshenko"
    article = "The foreign minister of Russia said the talks were useful."
    found = resolve("The foreign minister of Russia", article=article, day="2023-05-02")
    assert found.speaker == "Sergey Lavrov"


def test_a_side_named_before_a_comma_stays_the_unknown_persons() -> None:
    article = (
        "The Ukrainian delegation, headed by defence minister Oleksandr Petrenko, arrived in "
        "Istanbul. Petrenko said Kyiv would not give up any territory."
    )
    assert resolve("Oleksandr Petrenko", article=article).party == "UKR"
    article = "Russia's chief negotiator, presidential aide Ivan Petrov, said the talks were useful."
    assert resolve("Ivan Petrov", article=article).party == "RUS"


def test_a_news_agency_the_knowledge_base_does_not_know_is_an_outlet_by_its_whole_name() -> None:
    article = "As Ukrainian News Agency earlier reported, Zelensky proposed a peace formula."
    found = resolve("Ukrainian News Agency", article=article)
    assert (found.speaker, found.party) == ("Ukrainian News Agency", "NONE")
    # a state agency is no outlet
    article = "The International Atomic Energy Agency said the plant had lost power."
    assert resolve("International Atomic Energy Agency", article=article).party == "UN"


def test_the_minister_is_whoever_holds_a_ministers_title_on_the_articles_date() -> None:
    article = (
        "Ukrainian Defence Minister Rustem Umerov and presidential aide Vladimir Medinsky "
        "led the delegations. Medinsky said Russia was satisfied. The minister noted that "
        "Ukraine needed a prisoner exchange."
    )
    resolver = Resolver(load_knowledge_base(), article, "2025-05-16")
    at = article.find("Medinsky said")
    resolver.resolve(Mention("Medinsky", Span(at, at + 8), "name"))  # quoted first
    at = article.find("The minister")
    found = resolver.resolve(Mention("The minister", Span(at, at + 12), "descriptor"))
    assert found.speaker == "Rustem Umerov"  # Medinsky was culture minister until 2020


def test_a_definite_role_no_one_was_described_by_is_the_person_named_just_before() -> None:
    # as a reader takes "said the MP" after a paragraph quoting an unknown deputy
    article = (
        "Talks were tried in Qatar, said Anatoliy Burmych of a parliamentary faction. "
        "\"I have information that there was an attempt,\" said the MP."
    )
    resolver = Resolver(load_knowledge_base(), article, "2024-08-20")
    first = resolver.resolve(Mention("Anatoliy Burmych", Span(42, 58), "name"))
    found = resolver.resolve(Mention("the MP", Span(article.find("the MP"), len(article) - 1), "descriptor"))
    assert (first.speaker, found.speaker, found.source) == (
        "Anatoliy Burmych",
        "Anatoliy Burmych",
        "named",
    )
    # not a body, nor someone of another side than the words give
    resolver = Resolver(load_knowledge_base(), article, "2024-08-20")
    resolver.resolve(Mention("Anatoliy Burmych", Span(42, 58), "name"))
    body = resolver.resolve(Mention("the delegation", Span(0, 14), "descriptor"))
    assert body.speaker != "Anatoliy Burmych"
    # nor a person the knowledge base knows, whose roles it knows: "the US envoy" is not
    # Donald Trump
    article = "Donald Trump said the talks were useful. The US envoy said a deal was close."
    resolver = Resolver(load_knowledge_base(), article, "2025-03-14")
    assert resolver.resolve(Mention("Donald Trump", Span(0, 12), "name")).speaker == "Donald Trump"
    envoy = resolver.resolve(Mention("The US envoy", Span(41, 53), "descriptor"))
    assert envoy.speaker != "Donald Trump"
    # nor someone of another side than the words give
    resolver = Resolver(load_knowledge_base(), article, "2024-08-20")
    resolver.resolve(Mention("Anatoliy Burmych", Span(42, 58), "name"))
    other = resolver.resolve(Mention("the Russian deputy", Span(0, 18), "descriptor"))
    assert other.speaker != "Anatoliy Burmych"



def the_official_after(article: str, *before: tuple[str, str]) -> Resolution:
    """Whom "The official" in ``article`` stands for, once the mentions ``before`` (text,
    kind) are resolved in order."""
    resolver = Resolver(load_knowledge_base(), article, "2025-03-14")
    for text, kind in before:
        at = article.find(text)
        resolver.resolve(Mention(text, Span(at, at + len(text)), kind))
    at = article.find("The official")
    return resolver.resolve(Mention("The official", Span(at, at + 12), "descriptor"))


def test_the_official_is_the_states_person_named_just_before_unless_one_was_unnamed() -> None:
    # wire copy: "spokesman Dmitry Peskov said ... The official also said ..."
    found = the_official_after(
        "Spokesman Dmitry Peskov said the meeting was useful. "
        "The official also said Russia received additional information from the US.",
        ("Dmitry Peskov", "name"),
    )
    assert (found.speaker, found.party, found.source) == ("Dmitry Peskov", "RUS", "named")
    # after an unnamed speaker, "the official" is that one again, not the person named
    found = the_official_after(
        "A senior American official said the deal was close. Volodymyr Zelensky said "
        "nothing was agreed. The official added that Kyiv would sign.",
        ("A senior American official", "descriptor"),
        ("Volodymyr Zelensky", "name"),
    )
    assert found.speaker != "Volodymyr Zelensky" and found.source == "anonymous"
    # nor is a private person an official
    found = the_official_after(
        "Analyst Tatiana Stanovaya said talks would stall. The official said so too.",
        ("Tatiana Stanovaya", "name"),
    )
    assert found.speaker != "Tatiana Stanovaya"


def test_german_spellings_of_known_names_resolve() -> None:
    for spelling, name in [
        ("Selenskyj", "Volodymyr Zelensky"),
        ("Peskow", "Dmitry Peskov"),
        ("Lawrow", "Sergey Lavrov"),
        ("Andrij Jermak", "Andriy Yermak"),
    ]:
        assert resolve(spelling, article=f"{spelling} said the talks were over.").speaker == name


def test_the_portal_is_the_outlet_named_last_when_two_end_and_start_sentences() -> None:
    article = (
        "A truce would suit Moscow, according to Reuters. Sky News footage showed the convoy. "
        "It is not clear what the Kremlin would accept, the portal adds."
    )
    assert resolve("the portal", article=article).speaker == "Sky News"


def test_a_title_the_mention_gives_decides_which_of_a_persons_roles_speaks() -> None:
    # Stoltenberg is Norway's finance minister from February 2025; an article that calls
    # him NATO's Secretary-General speaks of his earlier post, whatever its date
    article = "Nato Secretary-General Jens Stoltenberg said the offer was made in bad faith."
    found = resolve("Nato Secretary-General Jens Stoltenberg", day="2025-03-14", article=article)
    assert (found.speaker, found.party) == ("Jens Stoltenberg", "NATO")
    # undated, the role he holds now, unless the mention names another
    plain = article.replace("Nato Secretary-General ", "")
    found = resolve("Jens Stoltenberg", day=None, article=plain)
    assert (found.speaker, found.party) == ("Jens Stoltenberg", "NOR")
    article = "NATO's Secretary General Jens Stoltenberg said so."
    found = resolve("NATO's Secretary General Jens Stoltenberg", day=None, article=article)
    assert found.party == "NATO"
    # a title held before is no role: introduced by it alone, he speaks for no side
    article = "Former NATO chief Jens Stoltenberg said the offer was made in bad faith."
    found = resolve("Former NATO chief Jens Stoltenberg", day="2025-03-14", article=article)
    assert found.party == "NONE"


def test_a_title_that_names_another_office_does_not_make_its_holder_that_office() -> None:
    # Yermak is "head of the Office of the President": no president, so "the Ukrainian
    # leader" after him is the president the article named
    article = (
        "Ukrainian President Volodymyr Zelensky rejected the plan on Tuesday. Zelensky's "
        "chief of staff, Andriy Yermak, said elections would follow martial law. The "
        "Ukrainian leader also said he was willing to meet Putin."
    )
    resolver = Resolver(load_knowledge_base(), article, "2025-06-10")
    for mention in ("Ukrainian President Volodymyr Zelensky", "Zelensky's chief of staff, Andriy Yermak"):
        at = article.find(mention)
        resolver.resolve(Mention(mention, Span(at, at + len(mention)), "name"))
    at = article.find("The Ukrainian leader")
    found = resolver.resolve(Mention("The Ukrainian leader", Span(at, at + 20), "descriptor"))
    assert (found.speaker, found.party) == ("Volodymyr Zelensky", "UKR")


def test_a_former_official_speaks_for_no_side() -> None:
    # a post the text gives as held before, or every post of a known person ended by the
    # article's date: no side's words (Kuleba left the foreign ministry in September 2024)
    article = "Mikhail Kasyanov, a former Russian prime minister, said Moscow should withdraw."
    mention = Mention("Mikhail Kasyanov", Span(0, 16), "name", description="a former Russian prime minister")
    found = Resolver(load_knowledge_base(), article, "2025-03-14").resolve(mention)
    assert (found.speaker, found.party) == ("Mikhail Kasyanov", "NONE")
    article = "Former Ukrainian Foreign Minister Dmytro Kuleba said Kyiv would not sign."
    found = resolve("Former Ukrainian Foreign Minister Dmytro Kuleba", day="2023-03-01", article=article)
    assert (found.speaker, found.party) == ("Dmytro Kuleba", "NONE")
    article = "Dmytro Kuleba said Kyiv would not sign."
    assert resolve("Dmytro Kuleba", day="2023-03-01", article=article).party == "UKR"
    assert resolve("Dmytro Kuleba", day="2025-06-01", article=article).party == "NONE"
    assert resolve("Dmytro Kuleba", day=None, article=article).party == "UKR"  # undated


@pytest.mark.parametrize(
    ("mention", "day", "party"),
    [
        ("Former Russian President Dmitry Medvedev", "2025-06-02", "RUS"),
        ("Russian ex-President Dmitry Medvedev", "2025-06-02", "RUS"),
        ("Former Ukrainian President Petro Poroshenko", None, "UKR"),
        ("Former NATO chief Jens Stoltenberg", "2025-03-14", "NONE"),
    ],
)
def test_a_former_post_with_another_post_for_the_same_side_speaks_for_it(
    mention: str, day: str | None, party: str
) -> None:
    # Medvedev, the Security Council's deputy chairman, and Poroshenko, an opposition
    # leader, still speak for their sides; Stoltenberg, Norway's minister, not for NATO
    article = f"{mention} said Kyiv would not sign."
    assert resolve(mention, day=day, article=article).party == party


def test_an_institutions_initials_in_a_known_title_make_a_title_not_a_name() -> None:
    # "the NSDC Secretary" is the holder of "NSDC secretary" on the article's date, never a
    # person called "Secretary" (a new user's article)
    article = "The delegation was led by Rustem Umerov. The NSDC Secretary added that talks went on."
    found = resolve("The NSDC Secretary", day="2025-08-02", article=article)
    assert (found.speaker, found.party) == ("Rustem Umerov", "UKR")
    # a name in capitals is still a name, not initials
    article = "PUTIN said Russia was ready to resume talks in Istanbul."
    found = resolve("PUTIN", day="2025-08-02", article=article)
    assert (found.speaker, found.party) == ("Vladimir Putin", "RUS")


def test_a_persons_role_given_by_whom_they_serve_is_a_description_not_a_name() -> None:
    # "Putin's advisor" after Kremlin aide Ushakov is Ushakov (either spelling); with
    # nobody introduced so, an unnamed speaker of Putin's side, not a name
    article = "Kremlin aide Yuri Ushakov spoke on Friday. Putin's advisor said talks went on."
    resolver = Resolver(load_knowledge_base(), article, "2025-04-12")
    at = article.find("Kremlin aide Yuri Ushakov")
    resolver.resolve(Mention("Kremlin aide Yuri Ushakov", Span(at, at + 25), "name"))
    at = article.find("Putin's advisor")
    found = resolver.resolve(Mention("Putin's advisor", Span(at, at + 15), "name"))
    assert (found.speaker, found.party) == ("Yuri Ushakov", "RUS")
    article = "Putin's adviser said talks went on."
    found = resolve("Putin's adviser", day="2025-04-12", article=article)
    assert (found.speaker, found.party, found.source) == ("putin's adviser", "RUS", "anonymous")
    # the holder of a title it gives comes first, and someone else's aide is not Ushakov
    article = (
        "Russian Defence Minister Andrei Belousov said the army would advance. Russia's "
        "foreign minister said Moscow was ready."
    )
    resolver = Resolver(load_knowledge_base(), article, "2025-06-02")
    resolver.resolve(Mention("Russian Defence Minister Andrei Belousov", Span(0, 40), "name"))
    at = article.find("Russia's foreign minister")
    found = resolver.resolve(Mention("Russia's foreign minister", Span(at, at + 25), "name"))
    assert found.speaker == "Sergey Lavrov"
    article = "Kremlin aide Yuri Ushakov spoke on Friday. Lavrov's aide said talks went on."
    resolver = Resolver(load_knowledge_base(), article, "2025-06-02")
    resolver.resolve(Mention("Kremlin aide Yuri Ushakov", Span(0, 25), "name"))
    at = article.find("Lavrov's aide")
    found = resolver.resolve(Mention("Lavrov's aide", Span(at, at + 13), "name"))
    assert (found.speaker, found.source) == ("lavrov's aide", "anonymous")
    # the titles of Russian officials as translated from Russian
    article = "The Kremlin's official representative said talks went on."
    found = resolve("The Kremlin's official representative", day="2025-04-12", article=article)
    assert found.speaker == "Dmitry Peskov"
    article = "The official representative of the Russian Foreign Ministry said so."
    found = resolve(
        "The official representative of the Russian Foreign Ministry", day="2025-04-12", article=article
    )
    assert found.speaker == "Maria Zakharova"


def test_a_then_title_is_the_post_held_when_the_words_were_said() -> None:
    article = "In 2023, then-Foreign Minister Dmytro Kuleba said Ukraine would not sign."
    found = resolve("then-Foreign Minister Dmytro Kuleba", day="2025-06-01", article=article)
    assert (found.speaker, found.party) == ("Dmytro Kuleba", "UKR")
