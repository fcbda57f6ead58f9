"""`talkwatch serve` (the dashboard and API) and `talkwatch report --html`."""

from __future__ import annotations

from pathlib import Path

import click

from ..database import is_server_url, public_location
from .group import cli
from .options import db_option, open_store


@cli.command(short_help="Serve the dashboard and the JSON API.")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--token",
    envvar="TALKWATCH_TOKEN",
    help="Enable POST /api/documents for callers sending this token (or set TALKWATCH_TOKEN).",
)
@click.option(
    "--allow-private-urls",
    is_flag=True,
    help="Let POST /api/documents fetch URLs on this machine or a private network "
    "(refused by default: loopback, private and link-local addresses).",
)
@click.option(
    "--header-timeout",
    type=click.FloatRange(min=0.5),
    default=10.0,
    show_default=True,
    metavar="SECONDS",
    help="Close a connection whose request headers have not all arrived by then.",
)
def serve(
    db_path: str,
    host: str,
    port: int,
    token: str | None,
    allow_private_urls: bool,
    header_timeout: float,
) -> None:
    """Serve the dashboard and the JSON API (loopback only unless --host says otherwise)."""
    from ..store import StoreError
    from ..web.app import create_app
    from ..web.server import port_problem, run

    where = public_location(db_path)
    if not token and not is_server_url(db_path):
        # nothing here could fill a new file: a mistyped --db is refused (a server's
        # database may be waiting for the ingests that fill it)
        with open_store(db_path, must_exist=True):
            pass
    problem = port_problem(host, port)
    if problem:
        raise click.ClickException(problem)
    try:
        app = create_app(db_path, token=token, warm=True, allow_private_urls=allow_private_urls)
    except StoreError as err:
        raise click.ClickException(str(err)) from None
    click.echo(f"talkwatch: serving {where} on http://{host}:{port}/ (API under /api/)")
    if token:
        click.echo("POST /api/documents is on for callers with the token.")
    run(app, host, port, header_timeout)


@cli.command(short_help="Write one self-contained HTML report.")
@db_option
@click.option(
    "--html", is_flag=True, expose_value=False, help="HTML, the one format (the default)."
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True, allow_dash=True),
    default="-",
    show_default=True,
    help="The file to write; - for standard output.",
)
def report(db_path: str, output: str) -> None:
    """Write one self-contained HTML file: overview, timeline and shifts."""
    from ..web.report import html_report

    with open_store(db_path, must_exist=True) as store:
        page = html_report(store)
    if output == "-":
        click.echo(page, nl=False)
        return
    try:
        Path(output).write_text(page, encoding="utf-8")
    except OSError as err:
        raise click.ClickException(f"{output}: cannot be written ({err.strerror}).") from None
    click.echo(f"Wrote {output} ({len(page.encode('utf-8')) // 1024} KB).")
