"""The Atom feed of shifts for ``serve`` (/feeds/shifts.atom): each shift an entry whose
id stays the same across requests, linked to the statement that shifted, and each
announced shift a revision withdrew (``retractions``) an entry of its own, newest first.
"""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape, quoteattr

from . import retractions
from .alerts import describe
from .analysis import Shift
from .feedstore import now
from .records import shown_speaker


def atom(
    shifts: list[tuple[Shift, str | None]],
    self_url: str,
    title: str,
    withdrawn: Sequence[retractions.Withdrawn] = (),
    limit: int | None = None,
) -> str:
    """An Atom feed of shifts and of the announced shifts withdrawn since, newest first,
    ``limit`` entries in all at most; entry ids stay the same across requests."""
    # an empty feed was updated now: nothing in it is older (not 1970)
    empty = now().replace("+00:00", "Z")
    stamps = [_stamp(s, when) for s, when in shifts] + [_z(w.withdrawn_at) for w in withdrawn]
    updated = max(stamps, default=empty)
    entries = [(_stamp(s, when), _entry(s, when, self_url)) for s, when in shifts]
    entries += [(_z(w.withdrawn_at), _withdrawn_entry(w, self_url)) for w in withdrawn]
    entries.sort(key=lambda pair: pair[0], reverse=True)
    entries = entries[:limit] if limit is not None else entries
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom">\n'
        f"  <title>{escape(title)}</title>\n"
        f"  <id>{escape(self_url)}</id>\n"
        f'  <link rel="self" href={quoteattr(self_url)}/>\n'
        f"  <updated>{updated}</updated>\n"
        "  <author><name>talkwatch</name></author>\n"
        f"{''.join(entry for _, entry in entries)}</feed>\n"
    )


def _z(stamp: str) -> str:
    return stamp.replace("+00:00", "Z")


def _withdrawn_entry(w: retractions.Withdrawn, self_url: str) -> str:
    key = f"{w.party}/{w.issue}/{w.after_id}/{w.withdrawn_at}"
    base = self_url.split("/feeds/", 1)[0]
    link = f"{base}/evidence?party={w.party}&issue={w.issue}"
    return (
        "  <entry>\n"
        f"    <id>tag:talkwatch,2025:withdrawn/{escape(key)}</id>\n"
        f"    <title>{escape(retractions.describe(w).split('; ', 1)[0])}</title>\n"
        f"    <updated>{_z(w.withdrawn_at)}</updated>\n"
        f"    <link href={quoteattr(link)}/>\n"
        f'    <category term={quoteattr(w.party)} label="party"/>\n'
        f'    <category term={quoteattr(w.issue)} label="issue"/>\n'
        f"    <summary>{escape(retractions.describe(w))}</summary>\n"
        "  </entry>\n"
    )


def _stamp(shift: Shift, when: str | None) -> str:
    if when:
        return _z(when)
    return f"{shift.after.date or '1970-01-01'}T00:00:00Z"


def _entry(shift: Shift, when: str | None, self_url: str) -> str:
    key = f"{shift.party}/{shift.issue}/{shift.after.statement_id}"
    base = self_url.split("/feeds/", 1)[0]
    link = f"{base}/statements/{shift.after.statement_id}"  # the statement that shifted
    before, after = (
        shown_speaker(e.speaker, e.speaker_mention, e.source) or "unnamed"
        for e in (shift.before, shift.after)
    )
    summary = (
        f"{before} ({shift.before.date}): “{shift.before.quote}” — "
        f"then {after} ({shift.after.date}): “{shift.after.quote}”"
    )
    return (
        "  <entry>\n"
        f"    <id>tag:talkwatch,2025:shift/{escape(key)}</id>\n"
        f"    <title>{escape(_title(shift))}</title>\n"
        f"    <updated>{_stamp(shift, when)}</updated>\n"
        f"    <published>{shift.after.date or '1970-01-01'}T00:00:00Z</published>\n"
        f"    <link href={quoteattr(link)}/>\n"
        f'    <category term={quoteattr(shift.party)} label="party"/>\n'
        f'    <category term={quoteattr(shift.issue)} label="issue"/>\n'
        f"    <summary>{escape(summary)}</summary>\n"
        "  </entry>\n"
    )


def _title(shift: Shift) -> str:
    """What changed and when, marked as the command line marks a concession."""
    head = describe(shift).split(", ", 1)[0]
    return head + (" [concession]" if shift.concession else "")
