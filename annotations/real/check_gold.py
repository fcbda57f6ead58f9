"""Check annotations/real/gold against annotations/real/seeds and ANNOTATION.md codes."""
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).parent
FIELDS = ["doc", "quote", "speaker", "party", "kind", "issues", "stance", "source", "section"]
ISSUES = {"territory", "withdrawal", "ceasefire", "neutrality", "security_guarantees",
          "military_limits", "foreign_forces", "sanctions", "governance", "accountability",
          "citizenship_rights", "compensation", "humanitarian", "demining", "economy",
          "eu_membership", "nuclear", "verification", "talks", "european_security"}
STANCES = {"demand", "offer", "accept", "reject", "conditional", "deny", "assess"}
KINDS = {"direct", "indirect", "mixed"}
PARTY = re.compile(r"^([A-Z]{3}|EU|NATO|UN|NONE)$")


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def main() -> int:
    errors = 0
    files = sorted((HERE / "gold").glob("*.jsonl"))
    if len(sys.argv) > 1:
        files = [f for f in files if any(a in f.name for a in sys.argv[1:])]
    for gold in files:
        txt = HERE / "seeds" / (gold.stem + ".txt")
        text = norm(txt.read_text(encoding="utf-8"))
        n = 0
        for i, line in enumerate(gold.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            n += 1
            r = json.loads(line)
            where = f"{gold.name}:{i}"
            problems = []
            if list(r) != FIELDS:
                problems.append(f"fields {list(r)}")
            if r.get("doc") != txt.name:
                problems.append("doc name")
            for part in r["quote"].split(" … "):
                if norm(part) not in text:
                    problems.append(f"quote part not in text: {part[:70]!r}")
            if not PARTY.match(r["party"]):
                problems.append(f"party {r['party']}")
            if r["kind"] not in KINDS:
                problems.append(f"kind {r['kind']}")
            if r["stance"] not in STANCES:
                problems.append(f"stance {r['stance']}")
            if not isinstance(r["issues"], list) or set(r["issues"]) - ISSUES:
                problems.append(f"issues {r['issues']}")
            if r["source"] not in {"named", "anonymous"}:
                problems.append(f"source {r['source']}")
            if r["section"] not in {"body", "comments"}:
                problems.append(f"section {r['section']}")
            if r["source"] == "anonymous" and r["speaker"] != r["speaker"].lower():
                problems.append("anonymous speaker not lower case")
            for p in problems:
                print(where, p)
            errors += len(problems)
        words = len(txt.read_text(encoding="utf-8").split())
        print(f"{gold.name}: {n} statements, {words} words")
    print("errors:", errors)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
