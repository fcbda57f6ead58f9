"""The `talkwatch` command group, which every command module registers with."""

from __future__ import annotations

import errno
import sys
from collections.abc import Sequence
from typing import Any

import click
from click.exceptions import NoArgsIsHelpError

from .. import __version__

UNWRITABLE = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO)


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
            option = misplaced_option(err)
            taking = self.commands_taking(option) if option else []
            # the command the user typed, where it takes the option: "talkwatch --db x.db
            # positions" is told about positions, not the first command that takes --db
            typed = self.typed_command(list(sys.argv[1:] if args is None else args))
            taking = sorted(taking, key=lambda name: (name != typed, name.split()[0] != typed))
            if taking:
                # "talkwatch --db x.db positions": a command's options follow its name
                where = (
                    f" Options follow the command's name: 'talkwatch {taking[0]} {option} ...'"
                    f" (see 'talkwatch {taking[0]} --help')"
                )
            click.echo(f"Error: {err.format_message()}{where}", err=True)
            sys.exit(err.exit_code)
        except click.ClickException as err:
            err.show()
            sys.exit(err.exit_code)
        except OSError as err:
            if err.errno not in UNWRITABLE:
                raise
            # a full disk or a file too large: the output (standard output, or -o FILE) is
            # cut short; what is stored is not touched
            where = f"{err.filename}: " if err.filename else ""
            click.echo(f"Error: {where}the output cannot be written ({err.strerror}).", err=True)
            sys.exit(1)
        except click.Abort as err:
            click.echo("Aborted!", err=True)
            # Ctrl-C ends with the shell's code for an interrupt, as an interrupted ingest does
            sys.exit(130 if isinstance(err.__cause__, KeyboardInterrupt) else 1)
        sys.exit(value if isinstance(value, int) else 0)

    def typed_command(self, args: list[str]) -> str:
        """The command named in ``args`` ("positions", "feeds list"), or ""."""
        # the last command name: an option's value before it may be one ("--db feeds")
        name = next((a for a in reversed(args) if a in self.commands), "")
        command = self.commands.get(name)
        if isinstance(command, click.Group):
            rest = args[args.index(name) + 1 :]
            inner = next((a for a in rest if a in command.commands), "")
            return f"{name} {inner}".strip()
        return name

    def commands_taking(self, option: str) -> list[str]:
        """The commands that take ``option`` ("--db": "actors", "check", ..., "feeds add"),
        by name."""
        found = []
        for name, command in self.commands.items():
            inner = command.commands if isinstance(command, click.Group) else {}
            for path, each in [(name, command), *((f"{name} {n}", c) for n, c in inner.items())]:
                if any(option in p.opts for p in each.params):
                    found.append(path)
        return sorted(found)


def misplaced_option(err: click.UsageError) -> str | None:
    """The unknown option given before any command ("talkwatch --db x.db positions")."""
    top = err.ctx is not None and err.ctx.parent is None
    return err.option_name if isinstance(err, click.NoSuchOption) and top else None


@click.group(cls=OneLineErrors, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="talkwatch")
def cli() -> None:
    """Turn news about peace talks into an evidence-linked record of who demands what."""
