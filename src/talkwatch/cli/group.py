"""The `talkwatch` command group, which every command module registers with."""

from __future__ import annotations

import click

from .. import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="talkwatch")
def cli() -> None:
    """Turn news about peace talks into an evidence-linked record of who demands what."""
