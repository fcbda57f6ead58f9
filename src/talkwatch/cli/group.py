"""The `talkwatch` command group, which every command module registers with."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

import click
from click.exceptions import NoArgsIsHelpError

from .. import __version__


class OneLineErrors(click.Group):
    """A command group whose usage errors are one line: the problem and where to look
    ("Error: Invalid value for '--limit': 0 is not in the range x>=1. (see 'talkwatch
    statements --help')"), not Click's usage text before it."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, **extra)
        try:
            value = super().main(args, prog_name, complete_var, False, **extra)
        except NoArgsIsHelpError as err:  # "talkwatch" alone: the help, as Click gives it
            err.show()
            sys.exit(err.exit_code)
        except click.UsageError as err:
            where = f" (see '{err.ctx.command_path} --help')" if err.ctx is not None else ""
            top = err.ctx is not None and err.ctx.parent is None
            if top and isinstance(err, click.NoSuchOption) and err.option_name in self.options():
                # "talkwatch --db x.db positions": a command's options follow its name
                where = (
                    f" Options such as {err.option_name} follow the command's name: "
                    f"'talkwatch COMMAND {err.option_name} ...'{where}"
                )
            click.echo(f"Error: {err.format_message()}{where}", err=True)
            sys.exit(err.exit_code)
        except click.ClickException as err:
            err.show()
            sys.exit(err.exit_code)
        except click.Abort:
            click.echo("Aborted!", err=True)
            sys.exit(1)
        sys.exit(value if isinstance(value, int) else 0)

    def options(self) -> set[str]:
        """Every option some command takes ("--db", "--party")."""
        return {o for c in self.commands.values() for p in c.params for o in p.opts}


@click.group(cls=OneLineErrors, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="talkwatch")
def cli() -> None:
    """Turn news about peace talks into an evidence-linked record of who demands what."""
