"""Cleaning: normalisation, furniture, hard wraps, comment threads, formats."""

from __future__ import annotations

from talkwatch.clean import clean, find_comment_thread, is_hard_wrapped, normalise, paragraphs_of
from talkwatch.records import RawInput

WRAPPED = """The delegations met for
three hours in Istanbul on
Tuesday and agreed to meet
again next week.
Ukraine's chief negotiator
said the proposals were put
on paper for the first time.
Share this article
Russia's delegation head
called the talks constructive
and promised to report to
the president.
You Might Like
Ten gadgets for summer
Learn more about AdNetwork...
"""


def doc_of(text: str, name: str = "a.txt", media: str = "text/plain"):  # type: ignore[no-untyped-def]
    return clean(RawInput(name, f"/tmp/{name}", text.encode(), media), text)


def test_normalise_folds_spaces_and_invisible_characters() -> None:
    assert normalise("Peskov\u00a0said\u200b  that\r\nthe talks") == "Peskov said that\nthe talks"


def test_archive_style_quotation_marks_become_double_marks() -> None:
    text = "''This is not a reform,'' said one economist. ``It's a tax rise,'' he added."
    assert normalise(text) == '"This is not a reform," said one economist. "It\'s a tax rise," he added.'


def test_inch_marks_after_a_digit_are_not_quotation_marks() -> None:
    text = "''The 6'2'' forward and an 8'' gun,'' he said."
    assert normalise(text) == "\"The 6'2'' forward and an 8'' gun,\" he said."


def test_single_apostrophes_and_possessives_are_kept() -> None:
    text = "The envoys' talks went on; Kyiv's delegation said 'no'."
    assert normalise(text) == text


def test_utf8_read_as_windows_1252_upstream_is_repaired() -> None:
    # a page scraped with the wrong charset before it reached talkwatch
    text = "Lithuaniaâ€™s Gitanas NausÄ—da met Gerhard SchrÃ¶der at the cafÃ©."
    assert normalise(text) == "Lithuania’s Gitanas Nausėda met Gerhard Schröder at the café."
    # letters that only look alike stay as written, as do runs that would decode into
    # scripts news is not written in ("Heiß…" is no mojibake of an N'Ko letter)
    for text in ["Ä and Ö are letters; naïve résumé, 5 °C.", "Heiß…", "Gruß—Anna", "the CAFÉ—a venue", "2×½"]:
        assert normalise(text) == text


def test_hard_wrapped_lines_are_reflowed_into_sentences() -> None:
    lines = WRAPPED.split("\n")
    assert is_hard_wrapped(lines)
    paragraphs = paragraphs_of(WRAPPED)
    assert paragraphs[0] == (
        "The delegations met for three hours in Istanbul on Tuesday and agreed to meet again next week."
    )
    assert paragraphs[1].startswith("Ukraine's chief negotiator said the proposals")


def test_a_short_text_wrapped_inside_its_paragraphs_is_reflowed() -> None:
    text = (
        "European leaders back Kyiv on security guarantees\n\n"
        "Germany's chancellor Friedrich Merz said Europe must provide Ukraine with\n"
        "robust security guarantees as part of any peace deal.\n\n"
        '"Any ceasefire now would only give the Kyiv regime time to regroup and rearm,"\n'
        'Kremlin spokesman Dmitry Peskov told reporters. "This is unacceptable for us."\n'
    )
    assert paragraphs_of(text) == [
        "European leaders back Kyiv on security guarantees",
        "Germany's chancellor Friedrich Merz said Europe must provide Ukraine with robust "
        "security guarantees as part of any peace deal.",
        '"Any ceasefire now would only give the Kyiv regime time to regroup and rearm," '
        'Kremlin spokesman Dmitry Peskov told reporters. "This is unacceptable for us."',
    ]


def test_a_headline_and_byline_stay_apart_when_a_paragraph_is_rejoined() -> None:
    text = (
        "Peace talks stall in Istanbul\nBy Jane Smith, Reuters\n\n"
        "Kremlin spokesman Dmitry Peskov said Russia would not accept a ceasefire\n"
        "before Ukraine withdrew its troops.\n"
    )
    assert paragraphs_of(text) == [
        "Peace talks stall in Istanbul",
        "By Jane Smith, Reuters",
        "Kremlin spokesman Dmitry Peskov said Russia would not accept a ceasefire before "
        "Ukraine withdrew its troops.",
    ]


def test_a_line_broken_before_a_capital_inside_a_paragraph_goes_on() -> None:
    text = (
        "Kremlin says ready for talks\n\n"
        "Zelensky said Kyiv would not accept any ceasefire that left\n"
        "Russian troops on Ukrainian territory, and would demand guarantees\n"
        "from the United States.\n"
    )
    assert paragraphs_of(text) == [
        "Kremlin says ready for talks",
        "Zelensky said Kyiv would not accept any ceasefire that left Russian troops on "
        "Ukrainian territory, and would demand guarantees from the United States.",
    ]


def test_lines_that_end_sentences_or_stand_over_a_capital_stay_paragraphs() -> None:
    text = (
        "Kremlin rules out a truce\n"
        "Peskov says the time is not right\n\n"
        "Dmitry Peskov said on Wednesday that a ceasefire was premature.\n"
        "Ukraine's foreign minister called the position cynical.\n"
    )
    assert paragraphs_of(text) == [
        "Kremlin rules out a truce",
        "Peskov says the time is not right",
        "Dmitry Peskov said on Wednesday that a ceasefire was premature.",
        "Ukraine's foreign minister called the position cynical.",
    ]


def test_furniture_and_ad_block_are_dropped() -> None:
    text = doc_of(WRAPPED).text
    assert "Share this article" not in text
    assert "You Might Like" not in text and "gadgets" not in text and "AdNetwork" not in text
    assert text.endswith("promised to report to the president.")


def test_normal_paragraphs_are_kept_apart() -> None:
    text = "Talks resumed on Monday.\n\nPeskov said the talks were useful.\nPrint Friendly, PDF & Email\n"
    assert doc_of(text).text == "Talks resumed on Monday.\n\nPeskov said the talks were useful."


def test_footnote_markers_glued_to_words_are_removed() -> None:
    assert doc_of("The memorandum[3] was signed in 1994.[12]").text == (
        "The memorandum was signed in 1994."
    )


def test_editorial_brackets_are_kept() -> None:
    assert "[the war]" in doc_of("He said that [the war] must end.").text


BLOG = """Peace talks: what the Istanbul communique really says

Podolyak said on Tuesday that any deal would need binding guarantees.

The author thinks this is a big step.

3 Comments

Maria K
March 30, 2022 at 9:14 am
I doubt Moscow will agree to any of it.
Reply

Tom B
March 30, 2022 at 10:02 am
Peskov told reporters the talks were constructive, for what it is worth.
Reply
"""


def test_comment_thread_is_split_from_the_body() -> None:
    document = doc_of(BLOG)
    body, comments = document.sections
    assert body.name == "body" and comments.name == "comments"
    assert "binding guarantees" in document.text[body.start : body.end]
    assert "3 Comments" not in document.text[body.start : body.end]
    thread = document.text[comments.start : comments.end]
    assert "Peskov told reporters" in thread
    assert "Reply" not in thread.split("\n")
    assert document.section_at(document.text.index("Peskov told")) == "comments"


def test_comment_thread_without_heading_is_found_by_its_signatures() -> None:
    paragraphs = [
        "Lavrov said the West must stop arming Kyiv.",
        "Anna says:",
        "That is what he always says.",
        "Reply",
        "Pete says:",
        "Agreed.",
    ]
    assert find_comment_thread(paragraphs) == 1


def test_article_without_comments_has_one_section() -> None:
    document = doc_of("Zelensky said Ukraine would not give up land.\nThe talks go on.")
    assert [s.name for s in document.sections] == ["body"]


def test_markdown_front_matter_gives_metadata() -> None:
    text = "---\ntitle: Riyadh round\ndate: 2025-02-18\nauthor: Desk\n---\n# Riyadh round\n\n**Rubio** said the [talks](http://x) were a first step.\n"
    document = doc_of(text, "r.md", "text/markdown")
    assert document.title == "Riyadh round"
    assert document.date == "2025-02-18"
    assert document.text == "Riyadh round\n\nRubio said the talks were a first step."
    # a title YAML 1.1 would read as false stays the word
    text = "---\ntitle: No\n---\nRubio said the talks were a first step.\n"
    document = doc_of(text, "n.md", "text/markdown")
    assert document.title == "No"


def test_a_markdown_heading_first_is_the_headline() -> None:
    text = (
        "# Sides agree to large prisoner swap, Kremlin says\n\n"
        "Russia and Ukraine agreed to exchange 1,000 prisoners of war each, the Kremlin "
        "said on Thursday.\n"
    )
    assert headline_and_body(text) == (
        "Sides agree to large prisoner swap, Kremlin says",
        "Russia and Ukraine agreed",
    )
    # a short first line that is no heading is the article's first paragraph
    text = (
        '"Russia will never give up Crimea," Peskov said on Monday\n\n'
        "Ukrainian President Volodymyr Zelensky said Kyiv demanded a withdrawal.\n"
    )
    assert headline_and_body(text) == ("", '"Russia will never give')


def headline_and_body(markdown: str) -> tuple[str, str]:
    """A Markdown text's title and the first four words of its body."""
    document = doc_of(markdown, "m.md", "text/markdown")
    (body,) = [s for s in document.sections if s.name == "body"]
    return document.title, " ".join(document.text[body.start : body.end].split()[:4])


def test_a_headline_the_page_title_shares_with_its_section_is_no_site_name() -> None:
    html = (
        "<html><head><title>Riyadh talks: U.S. presses Kyiv on Donbas | World News</title>"
        "</head><body><article><h1>Riyadh talks: U.S. presses Kyiv on Donbas</h1>"
        "<p>RIYADH, November 24, 2026 — U.S. negotiators pressed Ukraine to consider "
        "withdrawing from parts of Donbas, two people familiar with the talks said.</p>"
        "<p>Ukrainian Foreign Minister Andrii Sybiha said Kyiv would not cede any land.</p>"
        "</article></body></html>"
    )
    document = doc_of(html, "riyadh.html", "text/html")
    assert document.title == "Riyadh talks: U.S. presses Kyiv on Donbas"
    assert document.site == ""


def test_html_page_gives_article_comments_and_metadata() -> None:
    html = """<html><head><title>Talks</title>
    <meta property="article:published_time" content="2022-03-29T10:00:00Z">
    <meta name="author" content="Jane Roe"></head><body><nav>Home | World</nav>
    <article><h1>Talks resume in Istanbul</h1>
    <p>Russian and Ukrainian negotiators met in Istanbul on Tuesday for three hours.</p>
    <p>\u201cWe have put our proposals on paper,\u201d Ukrainian negotiator David Arakhamia told
    reporters after the session, adding that the guarantees must be binding.</p></article>
    <div id="comments"><ol class="comment-list"><li class="comment"><cite class="fn">Bob</cite>
    <p>I do not believe a word of what Peskov said today.</p></li></ol></div>
    <footer>(c) 2022</footer></body></html>"""
    document = doc_of(html, "p.html", "text/html")
    assert document.date == "2022-03-29"
    assert document.author == "Jane Roe"
    assert "Arakhamia told reporters" in document.text
    assert "Home | World" not in document.text
    comments = [s for s in document.sections if s.name == "comments"]
    assert comments and "Peskov" in document.text[comments[0].start : comments[0].end]


def test_document_id_is_the_hash_of_the_cleaned_text() -> None:
    a = doc_of("Peskov said the talks were useful.\n")
    b = doc_of("Peskov  said the talks were useful.\r\n\r\n")
    assert a.id == b.id and len(a.id) == 64


def test_dateline_dates_the_document() -> None:
    assert doc_of("KYIV, March 29, 2022 — Talks resumed.").date == "2022-03-29"


def test_a_plain_text_headline_is_the_title_and_stays_out_of_the_body() -> None:
    text = (
        "Stalemate not an option, says Zelensky\n\n"
        "President Volodymyr Zelensky has said that stalemate is not an option for Ukraine.\n\n"
        "He spoke in Kyiv on Friday."
    )
    document = clean(RawInput(name="a.txt", origin="a.txt", data=text.encode()), text)
    assert document.title == "Stalemate not an option, says Zelensky"
    (body,) = document.sections
    assert document.text[body.start : body.start + 9] == "President"
    assert document.section_at(5) == "body"  # outside every section, as before


def test_a_first_sentence_is_not_a_headline() -> None:
    text = (
        "Rubio said the talks give reason for cautious optimism.\n\n"
        "He spoke in Riyadh on Friday."
    )
    document = clean(RawInput(name="a.txt", origin="a.txt", data=text.encode()), text)
    assert (document.title, document.sections[0].start) == ("", 0)


def test_a_commenters_name_on_its_own_line_is_not_glued_to_the_comment() -> None:
    text = (
        WRAPPED.rstrip("\n")
        + "\n\nComments\n\nPeaceNow\nTrump said he would end the war in 24 hours. Still "
        "waiting.\nIvan_K\nZelensky said last year he would accept a ceasefire.\n"
    )
    assert is_hard_wrapped(text.split("\n"))
    paragraphs = paragraphs_of(text)
    assert paragraphs[-4:] == [
        "PeaceNow",
        "Trump said he would end the war in 24 hours. Still waiting.",
        "Ivan_K",
        "Zelensky said last year he would accept a ceasefire.",
    ]
    # above the thread, a short line is wrapped text as before
    assert paragraphs[0].startswith("The delegations met for three hours")


def test_a_comments_heading_with_no_blank_line_after_it_still_starts_the_thread() -> None:
    body = (
        "The delegations met for\nthree hours in Istanbul on\nTuesday and agreed to meet\n"
        "again next week.\nUkraine's chief negotiator\nsaid the proposals were put\n"
        "on paper for the first time.\nRussia's delegation head\ncalled the talks "
        "constructive\nand promised to report to\nthe president.\n"
    )
    text = body + "Comments\nPeaceNow\nTrump said he would end the war in 24 hours.\n"
    assert paragraphs_of(text)[-3:] == [
        "Comments",
        "PeaceNow",
        "Trump said he would end the war in 24 hours.",
    ]
