"""The `listen-drill` command: opens the app, and hosts subcommands for packs, scoring, export.

Each subcommand lives in its own module with a `register(subparsers)` function that adds its
parser and sets `handler`; `main` only dispatches.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from listen_drill import __version__
from listen_drill.core.freshness import StaleCompiledScorerError
from listen_drill.core.paths import HOME_ENV, resolve_data_dir

# Subcommand modules, each with `register(subparsers)`; appended to as features land.
SUBCOMMAND_MODULES: tuple[str, ...] = ("data", "export", "pack", "score", "team")


DATA_DIR_HELP = f"folder that holds your history (overrides ${HOME_ENV})"


class _CommandParser(argparse.ArgumentParser):
    """A sub-command's parser: it takes `--data-dir` too, so the option may follow the command.

    `listen-drill pack list --data-dir X` reads as naturally as `listen-drill --data-dir X pack
    list`. The default is SUPPRESS, so a value given before the command is kept unless the
    command repeats the option. Nested sub-commands (`pack list`) get parsers of this class too,
    as argparse makes them with the class of their parent.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.add_argument(
            "--data-dir", type=Path, metavar="DIR", default=argparse.SUPPRESS, help=DATA_DIR_HELP
        )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="listen-drill",
        description="Practise reflective listening for customer service. "
        "With no command, opens the app.",
        epilog=f"Data folder: --data-dir, else ${HOME_ENV}, else your user data folder.",
    )
    parser.add_argument("--version", action="version", version=f"listen-drill {__version__}")
    parser.add_argument("--data-dir", type=Path, metavar="DIR", help=DATA_DIR_HELP)
    subparsers = parser.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=_CommandParser
    )
    for module_name in SUBCOMMAND_MODULES:
        module = importlib.import_module(f"listen_drill.cli.{module_name}")
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        parser = build_parser()  # imports the subcommands, and with them the scorer
    except StaleCompiledScorerError as error:
        print(f"listen-drill: {error}", file=sys.stderr)
        return 2
    args = parser.parse_args(argv)
    data_dir = resolve_data_dir(args.data_dir)
    if args.command is None:
        from listen_drill.ui.app import run

        return run(data_dir)
    handler = args.handler
    try:
        return int(handler(args, data_dir))
    except BrokenPipeError:  # `listen-drill ... | head` should end quietly
        sys.stderr.close()
        return 0
