"""Server-rendered pages: content, links, escaping of everything from documents."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from talkwatch.cli import cli
from talkwatch.store import Store
from talkwatch.web.app import create_app
from talkwatch.web.render import section_views
from test_documents import run
from web_helpers import EVIL, _doc, _st, build, web_database


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def db(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, dict[str, str]]:
    """The same database as an SQLite file and on a PostgreSQL server."""
    path = web_database(request, tmp_path_factory, "pages")
    return path, build(path)


@pytest.fixture(scope="module")
def client(db: tuple[str, dict[str, str]]) -> TestClient:
    return TestClient(create_app(db[0]))


def html(client: TestClient, url: str) -> str:
    answer = client.get(url)
    assert answer.status_code == 200, (url, answer.text[:300])
    assert answer.headers["content-type"].startswith("text/html")
    assert "script-src" not in answer.headers["content-security-policy"]  # default-src 'none'
    return answer.text


def assert_inert(page: str) -> None:
    lower = page.lower()
    assert "<script" not in lower and "<img" not in lower and 'onerror="' not in lower
    assert 'href="javascript:' not in lower


def test_overview_matrix(client: TestClient) -> None:
    page = html(client, "/")
    assert 'class="cell stance-conditional level-3"' in page  # UKR on neutrality, one named doc
    assert "/evidence?party=UKR&amp;issue=neutrality" in page
    # each issue's row shows its status: RUS demands neutrality and UKR would accept it on
    # conditions (converging); every other issue has one side's position only (open); a
    # reader's comment ("no surrender of territory") holds no position
    statuses = dict(re.findall(r'/timeline\?issue=(\w+)".*?class="status (\w+)"', page, re.S))
    assert statuses == {
        "neutrality": "converging",
        "sanctions": "open",
        "security_guarantees": "open",
        "talks": "open",
    }
    assert "2022-03-15" in page and "1/2" in page  # support / history of the UKR cell
    assert 'href="/static/style.css"' in page and "http" not in page.split("<body>")[0]


def test_evidence_highlights_the_sentence(client: TestClient) -> None:
    page = html(client, "/evidence?party=UKR&issue=neutrality")
    assert '<mark class="sentence" id="hl">' in page
    assert (
        '<mark class="quote sentence">could accept a neutral status with guarantees</mark>' in page
    )
    assert client.get("/evidence?party=UKR&issue=weather").status_code == 422
    assert client.get("/evidence?party=CHN&issue=talks").status_code == 404


def test_timeline_chart_filters_and_shift(client: TestClient) -> None:
    page = html(client, "/timeline?party=UKR&issue=neutrality")
    assert "<svg" in page and 'class="dot"' in page
    assert 'class="shift"' in page and "reject (2022-03-01) → conditional (2022-03-15)" in page
    narrowed = html(client, "/timeline?speaker=Blinken&since=2022-03-10&until=2022-03-31")
    listed = narrowed.split("<h2>Statements", 1)[1]  # the shifts above show both sides
    assert "is ready to ease sanctions" in listed and "never accept neutrality" not in listed
    assert html(client, "/timeline?party=&issue=&since=")  # blank form fields mean no filter
    bad = client.get("/timeline?since=31.12.2022")
    assert bad.status_code == 422 and "YYYY-MM-DD" in bad.text


def test_a_readers_comment_is_marked_in_statement_lists(client: TestClient) -> None:
    page = html(client, "/statements?speaker=Zelensky")
    row = next(r for r in page.split("<tr>") if "no surrender of territory" in r)
    assert 'class="comment-mark"' in row and "reader comment" in row
    other = next(r for r in page.split("<tr>") if "never accept neutrality" in r)
    assert "comment-mark" not in other
    # and its own page says that positions never count it
    sid = re.search(r'href="/statements/(\d+)[^"]*"[^>]*>[^<]*no surrender', row)
    own = html(client, f"/statements/{sid.group(1)}") if sid else ""
    assert "a reader's comment: what it reports is never counted in positions" in own


def test_the_party_menu_names_no_side_none_and_keeps_it_chosen(tmp_path: Path) -> None:
    article = tmp_path / "talks.txt"
    article.write_text(
        "Talks in Istanbul\n\nKremlin spokesman Dmitry Peskov said Russia was ready to "
        "continue the talks in Istanbul.\n\nMichael Kofman, an analyst at the Carnegie "
        "Endowment, said neither side was ready to make concessions.\n\nOfficials said the "
        "next round could take place in June.\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "t.db")
    run("ingest", str(article), "--db", db)
    page = html(TestClient(create_app(db)), "/statements?party=NONE")
    menu = page.split('<select name="party">')[1].split("</select>")[0]
    options = re.findall(r"<option([^>]*)>([^<]*)</option>", menu)
    assert [label for _, label in options] == ["any", "NONE", "RUS"]  # no blank entry
    assert [label for attrs, label in options if "selected" in attrs] == ["NONE"], menu
    # NONE holds those with no side and those whose side the text does not give
    assert "neither side was ready" in page and "next round could take place" in page
    assert "continue the talks" not in page


def test_statement_page(client: TestClient) -> None:
    sid = client.get("/api/statements", params={"speaker": "Lavrov"}).json()["items"][0]["id"]
    page = html(client, f"/statements/{sid}")
    assert "Sergey Lavrov" in page and "RUS" in page and "cue word for demand" in page
    assert 'href="https://example.org/kyiv"' in page
    assert '<mark class="quote sentence" id="hl">' not in page  # the anchor is the sentence start
    assert 'id="hl"' in page and "must declare neutrality" in page
    assert client.get("/statements/424242").status_code == 404
    assert client.get("/statements/x").status_code == 422


def test_actor_party_and_document_pages(client: TestClient, db: tuple[str, dict[str, str]]) -> None:
    actor = html(client, "/actor?name=Volodymyr%20Zelensky")
    assert "neutrality" in actor and "territory" in actor
    # what a reader's comment reports he said is counted apart (a new user's finding)
    assert "(1 of them reported in readers' comments, not counted in positions)" in actor
    assert html(client, "/actor?name=Sergei%20Lavrov") == html(client, "/actor?name=Sergey%20Lavrov")
    missing = client.get("/actor?name=Dmitri%20Peskov")  # known, but quoted nowhere here
    assert missing.status_code == 404 and "Speaker &#39;Dmitri Peskov&#39; not found" in missing.text
    party = html(client, "/parties/UKR")
    assert "Mykhailo Podolyak" in party and "security_guarantees" in party
    assert client.get("/parties/ZZZ").status_code == 404
    # a mistyped document link is a page not found, as an unknown party is
    for missing in ("/documents/zzz", "/documents/0123abc", f"/documents/{'f' * 64}"):
        answer = client.get(missing)
        assert answer.status_code == 404 and "not found" in answer.text.lower(), missing
    # the start of an id, as the command line prints it, leads to its document
    short = client.get(f"/documents/{db[1]['istanbul'][:12]}", follow_redirects=False)
    assert short.status_code == 302
    assert short.headers["location"] == f"/documents/{db[1]['istanbul']}"
    document = html(client, f"/documents/{db[1]['istanbul']}")
    assert document.index("<h2>Article</h2>") < document.index("<h2>Reader comments</h2>")
    assert document.count('<mark class="quote"') == 3
    assert "Istanbul talks" in html(client, "/documents")
    assert "Antony Blinken" in html(client, "/actors")


def test_search(client: TestClient) -> None:
    page = html(client, "/search?q=sanctions")
    assert (
        'is ready to ease <mark class="hit">sanctions</mark>' in page and "Statements (1)" in page
    )
    assert '<mark class="hit">Istanbul</mark> talks' in html(client, "/search?q=Istanbul")
    assert '<mark class="hit">Podolyak</mark>' in html(client, "/search?q=podolyak")  # speaker
    # a name as another spelling writes it, as the command line's --speaker reads it
    assert "Statements (1)" in html(client, "/search?q=Sergei%20Lavrov")
    assert "Type words" in html(client, "/search")
    assert "Type words" in html(client, "/search?page=3")  # no words, no list to be past


def test_malicious_document_is_escaped_everywhere(
    client: TestClient, db: tuple[str, dict[str, str]]
) -> None:
    sid = client.get("/api/statements", params={"party": "RUS", "issue": "talks"}).json()["items"][
        0
    ]["id"]
    for url in (
        "/",
        f"/documents/{db[1]['evil']}",
        f"/statements/{sid}",
        "/documents",
        "/statements",
        "/search?q=hacker",
        "/timeline",
        "/actors",
        "/parties/RUS",
        "/evidence?party=RUS&issue=talks",
        "/search?q=%3Cscript%3E",
        "/search?q=onerror",
        "/parties",
        "/statements?q=window&page=9",
        "/api-reference",
    ):
        answer = client.get(url)
        assert answer.status_code in (200, 404), url  # 404: a page past the end
        assert_inert(answer.text)
    page = html(client, f"/documents/{db[1]['evil']}")
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in page
    assert "onerror=&#34;window.__pwned = 2&#34;" in page
    assert EVIL not in page


def test_html_report_is_self_contained(db: tuple[str, dict[str, str]], tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    done = CliRunner().invoke(cli, ["report", "--html", "-o", str(out), "--db", db[0]])
    assert done.exit_code == 0, done.output
    page = out.read_text(encoding="utf-8")
    assert "<style>" in page and 'rel="stylesheet"' not in page
    assert not re.search(r"<[a-z]+[^>]*\ssrc=", page)  # nothing loaded from elsewhere
    assert 'href="/' not in page  # nor a link to a server the file does not come with
    assert "<svg" in page and "neutrality" in page and "conditional" in page
    assert "reject</span> (2022-03-01) → " in page  # the shift
    assert_inert(page)
    evidence = page.split("<h2>Evidence</h2>")[1]  # each position with its statement
    assert "Sergey Lavrov" in evidence and "must declare neutrality" in evidence
    # each cell of the matrix leads to its position's row of evidence, in the file
    cells = re.findall(r'href="#(ev-[^"]+)"', page)
    assert "ev-RUS-neutrality" in cells
    assert sorted(cells) == sorted(re.findall(r'<tr id="(ev-[^"]+)"', evidence))
    printed = CliRunner().invoke(cli, ["report", "--html", "--db", db[0]])  # no -o: stdout
    def undated(text: str) -> str:  # the minute it was written aside
        return re.sub(r"written [0-9-]+ [0-9:]+ UTC", "", text)

    assert printed.exit_code == 0 and undated(printed.stdout) == undated(page)
    bare = CliRunner().invoke(cli, ["report", "--db", db[0]])  # HTML is the one format
    assert bare.exit_code == 0 and undated(bare.stdout) == undated(page)
    # a folder that does not exist: a sentence, not a traceback
    missing = CliRunner().invoke(cli, ["report", "-o", str(tmp_path / "no" / "r.html"), "--db", db[0]])
    assert missing.exit_code == 1
    assert missing.output.strip() == (
        f"Error: {tmp_path / 'no' / 'r.html'}: cannot be written (No such file or directory)."
    )


def test_the_warm_up_fills_the_caches_before_it_says_so(db: tuple[str, dict[str, str]]) -> None:
    app = create_app(db[0], warm=True)
    context = app.state.ctx
    assert context.warmed.wait(60)
    store = context.store()
    analysis = context.analysis.get(store)
    assert {"matrix", "timeline", "actors", "shifts", "parties", ("party", "UKR")} <= set(
        analysis.memo
    )
    assert [s.party for s in analysis.shifts(store)] == ["UKR"]  # the one shift, outlined


def test_the_start_of_two_documents_ids_asks_for_more_of_it(tmp_path: Path) -> None:
    path = str(tmp_path / "ids.db")
    store = Store.open(path)
    for n, name in enumerate(("a.txt", "b.txt")):
        doc = _doc(name, "2025-03-01", f"Story {n}", [f"Peskov said talks went on, day {n}."])
        store.add(replace(doc, id=f"abcdef{n}" + doc.id[7:]), [], f"raw{n}")
    store.close()
    client = TestClient(create_app(path))
    for address in ("/documents/abcdef", "/api/documents/abcdef"):
        answer = client.get(address, follow_redirects=False)
        assert answer.status_code == 404
        assert "abcdef starts the ids of several documents; give more of it." in answer.text
    # the API answers the start of an id that names one document with that document
    one = client.get("/api/documents/abcdef1")
    assert one.status_code == 200 and one.json()["id"].startswith("abcdef1")
    assert one.json()["title"] == "Story 1"


def test_a_comment_section_with_its_own_heading_is_not_given_a_second() -> None:
    text = "Peskov said the talks were useful.\n\nReader comments\n\nAnna: they never are."
    start = text.index("Reader comments")
    views = section_views(text, [("body", 0, start - 2), ("comments", start, len(text))], [])
    assert [(v["name"], v["titled"]) for v in views] == [("body", False), ("comments", True)]
    text = text.replace("Reader comments\n\n", "")
    start = text.index("Anna")
    views = section_views(text, [("body", 0, start - 2), ("comments", start, len(text))], [])
    assert [v["titled"] for v in views] == [False, False]


def test_the_evidences_document_link_scrolls_to_the_statement_cited(client: TestClient) -> None:
    # Russia's evidence is Lavrov's words, the second statement of the Kyiv article
    page = html(client, "/evidence?party=RUS&issue=neutrality")
    (link,) = re.findall(r'href="(/documents/[0-9a-f]+\?statement=\d+#hl)"', page)
    document = html(client, link.replace("#hl", ""))
    assert document.count('id="hl"') == 1
    (anchored,) = re.findall(r'<mark class="[a-z ]+" id="hl">(.*?)</mark>', document)
    assert "must declare neutrality" in anchored
    # the start of the id, as the command line prints it, keeps the statement asked for
    short = link.split("?")[0][: len("/documents/") + 12]
    moved = client.get(f"{short}?statement={link.split('=')[1]}", follow_redirects=False)
    assert moved.headers["location"] == link
    # without one, the page scrolls to its first statement, and has one anchor only
    whole = html(client, link.split("?")[0])
    assert whole.count('id="hl"') == 1
    assert "We will never accept" in re.findall(r'id="hl">(.*?)</mark>', whole)[0]


def test_the_readers_comments_alone_and_the_form_keeps_the_choice(client: TestClient) -> None:
    page = html(client, "/statements?section=comments")
    assert '<option value="comments" selected>' in page
    assert "no surrender of territory" in page and "must declare neutrality" not in page
    # the timeline's chart follows the sides in the articles, whatever the list shows
    chart = html(client, "/timeline?section=comments")
    assert 'class="dot"' in chart


def test_an_unnamed_speaker_keeps_the_capitals_the_text_gave_it(tmp_path: Path) -> None:
    # stored in lower case, as the guide writes descriptors; shown as the terminal shows it
    sentence = "A Russian source said Moscow could accept European guarantees."
    doc = _doc("wire.txt", "2025-06-10", "Guarantees", [sentence])
    said = _st(doc, sentence, "Moscow could accept European guarantees", "a russian source",
               "RUS", "accept", ("security_guarantees",), source="anonymous")  # fmt: skip
    store = Store.open(str(tmp_path / "t.db"))
    store.add(doc, [replace(said, speaker_mention="A Russian source")], doc.id)
    store.close()
    client = TestClient(create_app(str(tmp_path / "t.db")))
    listed = html(client, "/statements")
    assert '<a href="/actor?name=a%20russian%20source">a Russian source</a>' in listed
    (statement_id,) = re.findall(r'href="/statements/(\d+)"', listed)[:1]
    assert "Statement by <a" in html(client, f"/statements/{statement_id}")
    assert ">a Russian source</a></h1>" in html(client, f"/statements/{statement_id}")
