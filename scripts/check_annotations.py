"""Validate reference annotation files against the annotation guide.

    python scripts/check_annotations.py GOLD_DIR [SEEDS_DIR] [--guide PATH]

GOLD_DIR holds one NNN_slug.jsonl per article; SEEDS_DIR (default: the sibling
folder `seeds`) holds the NNN_slug.txt texts. Every line must be a JSON object
with exactly the guide's fields; `doc` must name an existing text whose name
matches the .jsonl file; every part of `quote` (parts joined by " … ") must
occur verbatim in the text, in order (runs of white space, such as a paragraph
break inside a quote or the line breaks of a hard-wrapped text, count as one
space); kind, stance, source, section and every
issue must be one of the codes listed in the guide (read from its tables, so
the guide stays the single source); party must be an ISO 3166 alpha-3 code,
EU, NATO, UN or NONE; `source` must agree with the speaker (an anonymous
speaker is a lower-case descriptor). Prints one line per problem and exits 1
if there is any, else prints a summary per file.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

FIELDS = ("doc", "quote", "speaker", "party", "kind", "issues", "stance", "source", "section")
GUIDE = Path(__file__).resolve().parents[2] / "shared" / "ANNOTATION.md"
GUIDE_FALLBACK = Path("/work/shared/ANNOTATION.md")
SPLIT = " \u2026 "
PARTIES_EXTRA = {"EU", "NATO", "UN", "NONE"}


def table_codes(guide: str, heading: str) -> set[str]:
    """Back-quoted codes in the first column of the table under `## heading`."""
    section = guide.split(f"## {heading}", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\|\s*`([a-z_]+)`\s*\|", section, re.M))


def load_codes(guide_path: Path) -> dict[str, set[str]]:
    guide = guide_path.read_text(encoding="utf-8")
    return {
        "issues": table_codes(guide, "Issues"),
        "stance": table_codes(guide, "Stances"),
        "kind": {"direct", "indirect", "mixed"},
        "source": {"named", "anonymous"},
        "section": {"body", "comments"},
    }


def check_row(row: object, doc: str, text: str, codes: dict[str, set[str]]) -> list[str]:
    if not isinstance(row, dict):
        return ["not a JSON object"]
    problems = []
    keys = set(row)
    if keys != set(FIELDS):
        missing, extra = set(FIELDS) - keys, keys - set(FIELDS)
        problems.append(f"fields: missing {sorted(missing)} extra {sorted(extra)}")
    if row.get("doc") != doc:
        problems.append(f"doc {row.get('doc')!r} is not {doc!r}")
    quote = row.get("quote")
    if not isinstance(quote, str) or not quote.strip():
        problems.append("empty quote")
    else:
        pos = 0
        flat = " ".join(text.split())
        for part in quote.split(SPLIT):
            found = flat.find(" ".join(part.split()), pos)
            if not part or found < 0:
                problems.append(f"quote part not in text (in order): {part[:70]!r}")
                break
            pos = found + len(part)
        if quote != quote.strip():
            problems.append("quote has leading or trailing space")
    speaker = row.get("speaker")
    if not isinstance(speaker, str) or not speaker.strip():
        problems.append("empty speaker")
    party = row.get("party")
    iso3 = isinstance(party, str) and re.fullmatch(r"[A-Z]{3}", party)
    if not (party in PARTIES_EXTRA or iso3):
        problems.append(f"bad party {party!r}")
    for field in ("kind", "stance", "source", "section"):
        if row.get(field) not in codes[field]:
            problems.append(f"bad {field} {row.get(field)!r}")
    issues = row.get("issues")
    if not isinstance(issues, list):
        problems.append("issues is not a list")
    else:
        bad = [i for i in issues if i not in codes["issues"]]
        if bad:
            problems.append(f"bad issues {bad}")
        if len(set(issues)) != len(issues):
            problems.append("repeated issue")
    if isinstance(speaker, str) and row.get("source") == "anonymous" and speaker != speaker.lower():
        problems.append("anonymous speaker must be a lower-case descriptor")
    if isinstance(speaker, str) and row.get("source") == "named" and speaker[:1].islower():
        problems.append("named speaker starts lower-case (anonymous?)")
    return problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("seeds", type=Path, nargs="?")
    ap.add_argument("--guide", type=Path)
    args = ap.parse_args(argv)
    guide = args.guide or (GUIDE if GUIDE.exists() else GUIDE_FALLBACK)
    codes = load_codes(guide)
    seeds = args.seeds or args.gold.parent / "seeds"
    errors = 0
    files = sorted(args.gold.glob("*.jsonl"))
    if not files:
        print(f"{args.gold}: no .jsonl files")
        return 1
    for path in files:
        texts = sorted(seeds.glob(path.stem + ".*"))
        if not texts:
            print(f"{path}: no text {seeds / path.stem}.*")
            errors += 1
            continue
        txt = texts[0]
        doc = txt.name
        text = txt.read_text(encoding="utf-8")
        seen: dict[tuple[str, str], int] = {}
        n = 0
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            n += 1
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:
                print(f"{path}:{lineno}: not JSON: {e}")
                errors += 1
                continue
            for problem in check_row(row, doc, text, codes):
                print(f"{path}:{lineno}: {problem}")
                errors += 1
            if isinstance(row, dict):
                key = (str(row.get("quote")), str(row.get("speaker")))
                seen[key] = seen.get(key, 0) + 1
                first = " ".join(key[0].split(SPLIT)[0].split())
                if seen[key] > max(1, " ".join(text.split()).count(first)):
                    print(f"{path}:{lineno}: duplicate statement (text has it fewer times)")
                    errors += 1
        print(f"{path.name}: {n} statements")
    missing = sorted({p.stem for p in seeds.glob("*.*")} - {p.stem for p in files})
    if missing:
        print(f"texts without annotations: {', '.join(missing)}")
    print("OK" if not errors else f"{errors} problem(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
