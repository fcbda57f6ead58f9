"""A small hand-written database for the web tests, filled with Store.add."""

from __future__ import annotations

import hashlib

import pytest

from talkwatch.records import Document, Section, Span, Statement
from talkwatch.store import Store

EVIL = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'


def _doc(
    name: str, date: str, title: str, body: list[str], comments: list[str] = (), url: str = ""
) -> Document:  # type: ignore[assignment]
    text = "\n\n".join([*body, *comments])
    body_end = len("\n\n".join(body))
    sections = [Section("body", 0, body_end)]
    if comments:
        sections.append(Section("comments", body_end + 2, len(text)))
    doc_id = hashlib.sha256(text.encode()).hexdigest()
    return Document(
        doc_id, name, f"/tests/{name}", text, text, tuple(sections), title=title, date=date, url=url
    )


def _st(
    doc: Document,
    sentence: str,
    quote: str,
    speaker: str,
    party: str,
    stance: str,
    issues: tuple[str, ...],
    source: str = "named",
    section: str = "body",
    reason: str = "",
) -> Statement:
    start = doc.text.index(sentence)
    q = doc.text.index(quote, start)
    return Statement(
        doc_id=doc.id,
        doc=doc.name,
        quote=quote,
        quote_spans=(Span(q, q + len(quote)),),
        speaker=speaker,
        party=party,
        source=source,
        kind="direct",
        issues=issues,
        stance=stance,
        section=section,
        sentence=sentence,
        sentence_span=Span(start, start + len(sentence)),
        cue="say",
        stance_reason=reason or f"cue word for {stance}",
        date=doc.date,
    )


def build(path: str) -> dict[str, str]:
    """Three documents: two ordinary ones (with a shift) and a malicious one. Returns doc ids."""
    d1 = _doc(
        "kyiv.txt",
        "2022-03-01",
        "Kyiv rejects neutrality demand",
        [
            'Volodymyr Zelensky said: "We will never accept neutrality imposed by force."',
            'Sergey Lavrov said Ukraine "must declare neutrality" before any deal.',
        ],
        url="https://example.org/kyiv",
    )
    d2 = _doc(
        "istanbul.txt",
        "2022-03-15",
        "Istanbul talks: a neutral status on conditions",
        [
            'Mykhailo Podolyak said Kyiv "could accept a neutral status with guarantees" from partners.',
            'Antony Blinken said Washington "is ready to ease sanctions" if troops withdraw.',
        ],
        comments=[
            'A reader wrote that Zelensky said "no surrender of territory" last week.',
        ],
    )
    d3 = _doc(
        "evil.html",
        "2022-04-01",
        f"Evil {EVIL}",
        [
            f'The hacker said "{EVIL}" to everyone.',
            "Nothing else happened.",
        ],
        url="javascript:alert(1)",
    )
    statements = {
        d1.id: [
            _st(
                d1,
                d1.text.split("\n\n")[0],
                "We will never accept neutrality imposed by force.",
                "Volodymyr Zelensky",
                "UKR",
                "reject",
                ("neutrality",),
            ),
            _st(
                d1,
                d1.text.split("\n\n")[1],
                "must declare neutrality",
                "Sergey Lavrov",
                "RUS",
                "demand",
                ("neutrality",),
            ),
        ],
        d2.id: [
            _st(
                d2,
                d2.text.split("\n\n")[0],
                "could accept a neutral status with guarantees",
                "Mykhailo Podolyak",
                "UKR",
                "conditional",
                ("neutrality", "security_guarantees"),
            ),
            _st(
                d2,
                d2.text.split("\n\n")[1],
                "is ready to ease sanctions",
                "Antony Blinken",
                "USA",
                "offer",
                ("sanctions",),
            ),
            _st(
                d2,
                d2.text.split("\n\n")[2],
                "no surrender of territory",
                "Volodymyr Zelensky",
                "UKR",
                "reject",
                ("territory",),
                section="comments",
            ),
        ],
        d3.id: [
            _st(
                d3,
                d3.text.split("\n\n")[0],
                EVIL,
                f"Hacker {EVIL}",
                "RUS",
                "demand",
                ("talks",),
                reason=f"because {EVIL}",
            ),
        ],
    }
    store = Store.open(path)
    for doc in (d1, d2, d3):
        store.add(doc, statements[doc.id], doc.id)
    store.close()
    return {"kyiv": d1.id, "istanbul": d2.id, "evil": d3.id}


def web_database(
    request: pytest.FixtureRequest, factory: pytest.TempPathFactory, folder: str
) -> str:
    """An empty database for a module parametrised over "sqlite" and "postgresql"."""
    if request.param == "sqlite":
        return str(factory.mktemp(folder) / "web.db")
    url: str = request.getfixturevalue("new_pg_database")()
    return url


SIDES = ("DEU", "FRA", "GBR", "POL", "ITA", "ESP", "TUR", "CHN", "HUN", "EU", "NATO", "UN")


def many_sides(path: str) -> str:
    """One more document in which twelve more sides speak on three issues (a wide matrix)."""
    lines = [
        f'The {side} envoy Envoy{side} said the plan "needs firm guarantees and a monitored '
        f'ceasefire" before any deal, speaking for {side}.'
        for side in SIDES
    ]
    doc = _doc("summit.txt", "2022-05-10", "Summit of twelve", lines)
    stances = ("demand", "offer", "conditional", "accept", "reject")
    found = [
        _st(
            doc,
            line,
            "needs firm guarantees and a monitored ceasefire",
            f"Envoy{side}",
            side,
            stances[n % len(stances)],
            ("security_guarantees", "ceasefire", "verification"),
            source="anonymous" if n % 3 == 0 else "named",
        )
        for n, (side, line) in enumerate(zip(SIDES, lines, strict=True))
    ]
    store = Store.open(path)
    store.add(doc, found, doc.id)
    store.close()
    return doc.id
