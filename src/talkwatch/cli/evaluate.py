"""`talkwatch evaluate`: score stored statements against reference files."""

from __future__ import annotations

from pathlib import Path

import click

from ..evaluate import (
    Evaluation,
    confusion_table,
    doc_key,
    issues_as_text,
    load_reference,
    missing_fields,
    unknown_codes,
    unknown_fields,
)
from ..evaluate import evaluate as score
from ..export import statement_row
from ..records import STANCES
from ..revisions import superseded
from .group import cli
from .options import db_option, open_store, shortened


@cli.command(short_help="Score what is stored against annotated statements.")
@click.argument("gold", type=click.Path(exists=True, path_type=Path))
@db_option
@click.option(
    "--show",
    default=20,
    show_default=True,
    help="List at most this many missed, spurious and disagreeing statements.",
)
def evaluate(gold: Path, db_path: str, show: int) -> None:
    """Score what is stored against GOLD (a .jsonl file or a folder of them).

    Prints the measures of ANNOTATION.md's "Scoring" section, a stance
    confusion matrix and each issue's precision and recall over the matched
    statements, then the reference statements that were missed and the stored
    ones that match none.
    """
    try:
        reference = load_reference(gold)
    except ValueError as err:
        raise click.ClickException(str(err)) from None
    for name, lacking in missing_fields(reference).items():
        click.echo(
            f"note: {lacking} of {len(reference)} reference lines give no '{name}'; "
            f"they are scored as empty on it, as the guide's scorer scores them.",
            err=True,
        )
    for name in unknown_fields(reference):
        click.echo(
            f"note: reference lines give a field '{name}' the annotation guide does not "
            "define; it is not scored.",
            err=True,
        )
    if text := issues_as_text(reference):
        click.echo(
            f"note: {text} reference line(s) give 'issues' as one code, not a list; "
            'read as a list of it (write ["talks"]).',
            err=True,
        )
    for name, values in unknown_codes(reference).items():
        listed = ", ".join(repr(v) for v in values[:5]) + (" …" if len(values) > 5 else "")
        click.echo(
            f"note: reference '{name}' values the annotation guide does not define: {listed}; "
            "they are scored as given.",
            err=True,
        )
    with open_store(db_path, must_exist=True) as store:
        # a text a later version of its article revises is not scored: the later one is
        later = superseded(store.db)
        found = store.statements()
        predicted = [statement_row(st) for st in found if st.doc_id not in later]
        stored = {doc_key(name) for (name,) in store.db.execute("SELECT name FROM documents")}
    named = {doc_key(str(row["doc"])) for row in reference if row.get("doc")}
    # only the reference's documents: the others are not scored anyway
    left = [st for st in found if st.doc_id in later and doc_key(st.doc) in named]
    if left:
        click.echo(
            f"note: {len(left)} statement(s) of {len({st.doc_id for st in left})} "
            "document(s) a later version revises are not scored; the later version is.",
            err=True,
        )
    absent = sorted(
        {
            str(row["doc"])
            for row in reference
            if row.get("doc") and doc_key(row["doc"]) not in stored
        }
    )
    if absent:
        click.echo(
            f"note: {len(absent)} reference document(s) not stored, their statements counted "
            f"as missed: {', '.join(absent[:5])}{' …' if len(absent) > 5 else ''}",
            err=True,
        )
    result = score(reference, predicted)
    for name, value in result.measures().items():
        # an accuracy over no matched statement is no figure at all
        shown = "n/a" if not result.pairs and name.endswith(ACCURACIES) else value
        click.echo(f"{name} {shown}")
    _breakdown(result)
    _list("missed (in the reference, not found)", result.missed, show)
    _list("spurious (found, not in the reference)", result.spurious, show)
    _disagreeing(result, show)


ACCURACIES = ("_accuracy", "issue_f1")


def _breakdown(result: Evaluation) -> None:
    if not result.pairs:
        return
    click.echo("\nstance confusion (rows: reference, columns: stored)")
    for line in confusion_table(result.stance_confusion(), STANCES):
        click.echo(f"  {line}")
    click.echo("\nissues (over matched statements)")
    click.echo(f"  {'issue':<20}{'precision':>10}{'recall':>8}{'f1':>7}{'tp':>5}{'fp':>5}{'fn':>5}")
    for code, s in result.issue_scores().items():
        # a precision with nothing found, or a recall with nothing to find, is no figure
        precision = f"{s.precision:.3f}" if s.tp + s.fp else "n/a"
        recall = f"{s.recall:.3f}" if s.tp + s.fn else "n/a"
        f1 = f"{s.f1:.3f}" if s.tp + s.fp and s.tp + s.fn else "n/a"
        click.echo(f"  {code:<20}{precision:>10}{recall:>8}{f1:>7}{s.tp:>5}{s.fp:>5}{s.fn:>5}")


def _disagreeing(result: Evaluation, show: int) -> None:
    """Matched statements whose fields differ: the reference's value, then the stored."""
    found = result.disagreements()
    if not found or show <= 0:
        return
    click.echo(f"\ndisagreeing (matched; reference -> stored): {len(found)}")
    for ref, pred, fields in found[:show]:
        quote = shortened(str(pred.get("quote", "")), 120)
        click.echo(f"  [{pred.get('doc')}] {quote}")
        for name in fields:
            click.echo(f"      {name}: {_shown(ref.get(name))} -> {_shown(pred.get(name))}")


def _shown(value: object) -> str:
    return ", ".join(map(str, value)) or "none" if isinstance(value, list) else str(value or "none")


def _list(title: str, rows: list[dict[str, object]], show: int) -> None:
    if not rows or show <= 0:
        return
    click.echo(f"\n{title}: {len(rows)}")
    for row in rows[:show]:
        quote = str(row.get("quote", ""))
        quote = shortened(quote, 160)
        click.echo(f"  [{row.get('doc')}] {row.get('speaker') or '?'}: {quote}")
        sentence = row.get("sentence")
        if sentence and sentence != row.get("quote"):
            click.echo(f"      in: {str(sentence)[:200]}")
