"""End to end: the real pages in headless Chromium against a uvicorn server on loopback."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from web_helpers import build, many_sides

ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, str]]]:
    import uvicorn

    from talkwatch.web.app import create_app

    path = str(tmp_path_factory.mktemp("e2e") / "web.db")
    ids = build(path)
    ids["summit"] = many_sides(path)  # fifteen sides: a matrix wider than any window
    ids["db"] = path
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(create_app(path), host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not running.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", ids
    running.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(chromium: str) -> Iterator[Any]:
    """Chromium through Playwright (the `chromium` fixture skips, or fails on CI, without them)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=chromium, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    size = getattr(request, "param", (1280, 720))
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    opened = context.new_page()
    dialogs: list[str] = []
    opened.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    opened.dialogs = dialogs
    yield opened
    context.close()


def test_matrix_cell_leads_to_highlighted_evidence(
    server: tuple[str, dict[str, str]], page: Any
) -> None:
    base, _ = server
    page.goto(base + "/")
    cell = page.locator('td.cell[data-party="UKR"][data-issue="neutrality"] a')
    assert "conditional" in cell.inner_text()
    cell.click()
    page.wait_for_url("**/evidence?party=UKR&issue=neutrality")
    mark = page.locator("mark#hl")
    assert mark.is_visible()
    assert "Podolyak said Kyiv" in mark.inner_text()
    assert page.locator("mark.quote", has_text="could accept a neutral status").is_visible()


def test_timeline_filter(server: tuple[str, dict[str, str]], page: Any) -> None:
    base, _ = server
    page.goto(base + "/timeline")
    assert page.locator("svg.chart circle.dot").count() >= 4
    page.select_option('select[name="party"]', "USA")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/timeline?party=USA*")
    assert page.locator("svg.chart circle.dot").count() == 1
    rows = page.locator("table.list tbody tr")
    assert rows.count() == 1 and "Antony Blinken" in rows.inner_text()
    page.fill('input[name="speaker"]', "Zelensky")
    page.click("form.filters button[type=submit]")
    assert "No statements match" in page.content()


def test_search(server: tuple[str, dict[str, str]], page: Any) -> None:
    base, _ = server
    page.goto(base + "/")
    page.fill('form.search input[name="q"]', "sanctions")
    page.press('form.search input[name="q"]', "Enter")
    page.wait_for_url("**/search?q=sanctions")
    link = page.locator("a.quote", has_text="is ready to ease sanctions")
    link.click()
    page.wait_for_url("**/statements/*")
    assert "Antony Blinken" in page.locator("h1").inner_text()
    assert page.locator("mark#hl").is_visible()


def test_malicious_document_renders_inert(server: tuple[str, dict[str, str]], page: Any) -> None:
    base, ids = server
    for url in (f"/documents/{ids['evil']}", "/search?q=hacker", "/", "/documents"):
        page.goto(base + url)
        assert page.evaluate("window.__pwned") is None
        assert page.locator("img").count() == 0 and page.locator("script").count() == 0
    page.goto(base + f"/documents/{ids['evil']}")
    assert "<script>window.__pwned = 1</script>" in page.locator(".doctext").first.inner_text()
    assert page.locator("a.original").count() == 0  # the javascript: URL is not a link
    page.locator("mark a").first.hover()
    assert page.evaluate("window.__pwned") is None and page.dialogs == []


WINDOWS = [(1400, 900), (390, 844)]  # a laptop and a phone
# Whatever sticks out of a matrix cell: how far below its cell any part of its caption ends.
OVERHANG = """() => Math.max(...[...document.querySelectorAll('td.cell')].flatMap(td => {
  const bottom = td.getBoundingClientRect().bottom;
  return [...td.querySelectorAll('*')].map(e => e.getBoundingClientRect().bottom - bottom);
}))"""


@pytest.mark.parametrize("page", WINDOWS, indirect=True, ids=["1400x900", "390x844"])
def test_every_page_fits_the_window(server: tuple[str, dict[str, str]], page: Any) -> None:
    base, ids = server
    width = page.viewport_size["width"]
    for url in (
        "/",
        "/timeline",
        "/statements",
        "/parties",
        "/parties/UKR",
        "/actors",
        "/documents",
        f"/documents/{ids['istanbul']}",
        "/search?q=guarantees",
        "/evidence?party=UKR&issue=neutrality",
        "/api-reference",
    ):
        page.goto(base + url)
        wide = page.evaluate("document.documentElement.scrollWidth")
        assert wide <= width, f"{url} is {wide} px wide in a {width} px window"


@pytest.mark.parametrize("page", WINDOWS, indirect=True, ids=["1400x900", "390x844"])
def test_the_matrix_scrolls_in_its_box_with_the_issue_column_fixed(
    server: tuple[str, dict[str, str]], page: Any
) -> None:
    base, _ = server
    page.goto(base + "/")
    box = page.locator(".matrix-wrap")
    assert page.locator("table.matrix thead th").count() == 16  # the issue and 15 sides
    inner, outer = box.evaluate("b => [b.scrollWidth, b.clientWidth]")
    assert inner > outer  # the matrix is wider than the window, so its box scrolls
    issue = page.locator('table.matrix th.issue:has-text("ceasefire")')
    before = issue.bounding_box()["x"]
    box.evaluate("b => { b.scrollLeft = b.scrollWidth; }")
    assert box.evaluate("b => b.scrollLeft") > 100
    assert abs(issue.bounding_box()["x"] - before) < 1  # the issue column stays put
    assert issue.is_visible()
    assert page.evaluate(OVERHANG) <= 0  # captions end inside their cells


def test_report_captions_stay_in_their_cells(
    server: tuple[str, dict[str, str]], page: Any, tmp_path: Path
) -> None:
    from talkwatch.store import Store
    from talkwatch.web.report import html_report

    store = Store.open(server[1]["db"])
    try:
        (tmp_path / "report.html").write_text(html_report(store), encoding="utf-8")
    finally:
        store.close()
    page.goto((tmp_path / "report.html").as_uri())
    assert page.locator("td.cell .st").count() >= 20
    assert page.evaluate(OVERHANG) <= 0
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
