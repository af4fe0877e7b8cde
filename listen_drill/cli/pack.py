"""`listen-drill pack`: validate, import, list, remove, export and start drill packs."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from listen_drill.core.library import sync_bundled_packs
from listen_drill.core.packs.csv_format import pack_to_csv
from listen_drill.core.packs.importer import import_pack_file
from listen_drill.core.packs.loader import load_pack_text
from listen_drill.core.packs.problems import PackError
from listen_drill.core.packs.reserved import bundled_pack_titles
from listen_drill.core.packs.template import pack_id_from_name, template_text
from listen_drill.core.packs.toml_format import pack_to_toml
from listen_drill.core.packs.validate import validate_file
from listen_drill.core.store import Store, StoreError
from listen_drill.core.wording import plural

NO_SCORE_HELP = "skip scoring the model replies (no warnings about low-rated exemplars)"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "pack",
        help="validate, import and manage drill packs",
        description="Work with drill packs: TOML or CSV files of drills (see docs/packs.md).",
    )
    commands = parser.add_subparsers(dest="pack_command", metavar="ACTION", required=True)

    validate = commands.add_parser(
        "validate",
        help="check pack files and list every problem",
        description="Check pack files. Prints every problem as FILE:LINE: where: message. "
        "Exits 0 when every file is valid (warnings allowed), 1 otherwise.",
    )
    validate.add_argument("files", nargs="+", type=Path, metavar="FILE")
    validate.add_argument("--no-score", action="store_true", help=NO_SCORE_HELP)
    validate.set_defaults(handler=_validate)

    imp = commands.add_parser(
        "import",
        help="add or update a pack from a .toml or .csv file",
        description="Import a pack into your library. A pack with the same id is updated: "
        "drills update by id and every attempt keeps its history. Nothing is written if the "
        "file has any error.",
    )
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.add_argument("--no-score", action="store_true", help=NO_SCORE_HELP)
    imp.set_defaults(handler=_import)

    listing = commands.add_parser(
        "list",
        help="list the packs in your library",
        description="List the packs in your library, bundled and imported: id, version, "
        "where it came from, number of drills and title.",
    )
    listing.set_defaults(handler=_list)

    remove = commands.add_parser(
        "remove",
        help="remove an imported pack (attempts on it stay in your history)",
        description="Remove an imported pack from the library. Attempts made on its drills stay "
        "in your history.",
    )
    remove.add_argument("pack_id", metavar="ID")
    remove.set_defaults(handler=_remove)

    export = commands.add_parser(
        "export",
        help="write a pack from your library to a .toml or .csv file",
        description="Write a pack to FILE; the format follows the file's extension (.toml or "
        ".csv). Use it to edit a pack in a spreadsheet and import it back.",
    )
    export.add_argument("pack_id", metavar="ID")
    export.add_argument("output", type=Path, metavar="FILE")
    export.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    export.set_defaults(handler=_export)

    new = commands.add_parser(
        "new",
        help="write a commented template to start a pack",
        description="Write a commented pack titled NAME, with two drills, that validates as "
        "it is. The file is named after NAME made into an id: lowercase ASCII, accents "
        "dropped (é -> e, ß -> ss), and every run of characters other than a-z and 0-9 turned "
        "into '-' (Refunds, level 2 -> refunds-level-2.toml; Rückerstattung -> "
        "ruckerstattung.toml), unless --output FILE is given. With --csv, a .csv file: the "
        "same drills, one row each. An existing file is never overwritten.",
    )
    new.add_argument("name", metavar="NAME", help='the pack\'s title, e.g. "Refunds"')
    new.add_argument("-o", "--output", type=Path, metavar="FILE", help="write FILE instead")
    new.add_argument(
        "--csv", action="store_true", help="write a CSV pack (one row per drill) instead of TOML"
    )
    new.set_defaults(handler=_new)


def _validate(args: argparse.Namespace, _data_dir: Path) -> int:
    all_valid = True
    for path in args.files:
        validation = validate_file(path, score_exemplars=not args.no_score)
        for problem in validation.problems:
            print(problem)
        if validation.ok and validation.pack is not None:
            warnings = len(validation.warnings)
            note = f", {plural(warnings, 'warning')}" if warnings else ""
            drills = plural(len(validation.pack.drills), "drill")
            print(f"{path}: valid ({drills}{note})", file=sys.stderr)
        else:
            all_valid = False
            print(f"{path}: refused ({plural(len(validation.errors), 'error')})", file=sys.stderr)
    return 0 if all_valid else 1


def _import(args: argparse.Namespace, data_dir: Path) -> int:
    try:
        with Store.open(data_dir) as store:
            report = import_pack_file(store, args.file, score_exemplars=not args.no_score)
    except PackError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(f"{args.file}: not imported; nothing was changed.", file=sys.stderr)
        return 1
    except StoreError as error:
        print(f"listen-drill: {error}", file=sys.stderr)
        return 1
    for warning in report.warnings:
        print(warning)
    print(report.summary())
    return 0


def _list(_args: argparse.Namespace, data_dir: Path) -> int:
    try:
        with Store.open(data_dir) as store:
            sync_bundled_packs(store)
            packs = store.packs()
    except StoreError as error:
        print(f"listen-drill: {error}", file=sys.stderr)
        return 1
    if not packs:
        print("No packs yet. Import one with: listen-drill pack import FILE")
        return 0
    width = max(len(summary.id) for summary in packs)
    for summary in packs:
        print(
            f"{summary.id:<{width}}  {summary.version:<8}  {summary.source:<8}  "
            f"{summary.drill_count:>6} {'drill' if summary.drill_count == 1 else 'drills':<6}  "
            f"{summary.title}"
        )
    return 0


def _remove(args: argparse.Namespace, data_dir: Path) -> int:
    try:
        with Store.open(data_dir) as store:
            sync_bundled_packs(store)
            sources = {summary.id: summary.source for summary in store.packs()}
            source = sources.get(args.pack_id)
            if source is None:
                known = ", ".join(sorted(sources)) or "none"
                print(
                    f"listen-drill: no pack with id {args.pack_id!r} (packs: {known})",
                    file=sys.stderr,
                )
                return 1
            if source != "imported":
                print(
                    f"listen-drill: {args.pack_id!r} ships with the app and would come back at "
                    "the next start; only imported packs can be removed.",
                    file=sys.stderr,
                )
                return 1
            store.remove_pack(args.pack_id)
            # An imported pack from before bundled ids were refused may have replaced a bundled
            # one: put the bundled pack back now rather than at the next start.
            restored = bundled_pack_titles().get(args.pack_id)
            if restored is not None:
                sync_bundled_packs(store)
    except StoreError as error:
        print(f"listen-drill: {error}", file=sys.stderr)
        return 1
    print(f"Removed {args.pack_id!r}; attempts made on it stay in your history.")
    if restored is not None:
        print(f"The bundled pack {restored!r} ({args.pack_id}) is back in your library.")
    return 0


def _export(args: argparse.Namespace, data_dir: Path) -> int:
    output: Path = args.output
    suffix = output.suffix.lower()
    if suffix not in (".toml", ".csv"):
        print("listen-drill: FILE must end in .toml or .csv", file=sys.stderr)
        return 2
    if output.exists() and not args.force:
        print(f"listen-drill: {output} exists; add --force to overwrite it", file=sys.stderr)
        return 1
    try:
        with Store.open(data_dir) as store:
            pack = store.load_pack(args.pack_id)
    except StoreError as error:
        print(f"listen-drill: {error}", file=sys.stderr)
        return 1
    text = pack_to_csv(pack) if suffix == ".csv" else pack_to_toml(pack)
    try:
        output.write_text(text, encoding=_encoding(suffix), newline="")
    except OSError as error:
        print(f"listen-drill: cannot write {output} ({error.strerror})", file=sys.stderr)
        return 1
    print(f"Wrote {pack.id!r} ({plural(len(pack.drills), 'drill')}) to {output}")
    return 0


def _encoding(suffix: str) -> str:
    """UTF-8, with a byte-order mark for CSV: without one, Excel reads the file in the
    computer's legacy code page and shows "café" as "cafÃ©". The import skips the mark."""
    return "utf-8-sig" if suffix.lower() == ".csv" else "utf-8"


def _new(args: argparse.Namespace, _data_dir: Path) -> int:
    suffix = ".csv" if args.csv else ".toml"
    output: Path = args.output or Path(f"{pack_id_from_name(args.name)}{suffix}")
    if output.exists():
        print(f"listen-drill: {output} exists; choose another NAME or --output", file=sys.stderr)
        return 1
    text = template_text(args.name, output.name)
    if args.csv:  # the same template, one row per drill (CSV has no comments to keep)
        text = pack_to_csv(load_pack_text(text, "template"))
    try:
        output.write_text(text, encoding=_encoding(suffix), newline="" if args.csv else None)
    except OSError as error:
        print(f"listen-drill: cannot write {output} ({error.strerror})", file=sys.stderr)
        return 1
    print(f"Wrote {output}. Edit it, then: listen-drill pack validate {output}")
    return 0
