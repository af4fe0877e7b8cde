"""`listen-drill export`: the agent's progress as CSV, a JSON progress file, or a PDF report.

`--format csv` writes FILE (one row per attempt) and FILE-summary.csv beside it (profile x week x
skill). `--format json` writes the progress file an agent sends to the team lead. `--format pdf`
draws the printable report (Qt offscreen when there is no display).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from listen_drill.core.export.csv_export import export_csv
from listen_drill.core.export.filters import ExportFilter, FilterError
from listen_drill.core.export.progress_file import export_progress_file
from listen_drill.core.export.report import build_report
from listen_drill.core.export.source import AttemptSource
from listen_drill.core.store import Store, StoreError
from listen_drill.core.wording import plural


def iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-03-01"
        ) from None


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "export",
        help="export progress as CSV, a JSON progress file, or a PDF report",
        description="Export attempts for a spreadsheet (csv: FILE plus FILE-summary.csv, "
        "profile x week x skill), for the team lead (json: the progress file), or for print "
        "(pdf). Files are written whole or not at all.",
    )
    parser.add_argument("--format", required=True, choices=("csv", "json", "pdf"))
    parser.add_argument("--output", "-o", required=True, type=Path, metavar="FILE")
    parser.add_argument(
        "--profile",
        action="append",
        default=[],
        metavar="NAME",
        help="only this profile (name or uuid); repeat for several; default: all",
    )
    parser.add_argument(
        "--since",
        type=iso_date,
        metavar="DATE",
        help="from this day (included), written YYYY-MM-DD, e.g. 2026-03-01",
    )
    parser.add_argument(
        "--until",
        type=iso_date,
        metavar="DATE",
        help="to this day (included), written YYYY-MM-DD",
    )
    parser.add_argument(
        "--pack", metavar="ID", help="only attempts on this pack (ids: listen-drill pack list)"
    )
    parser.set_defaults(handler=run_export)


def filters_from(args: argparse.Namespace) -> ExportFilter:
    return ExportFilter(
        profiles=tuple(args.profile), since=args.since, until=args.until, pack_id=args.pack
    )


def fail(message: str) -> int:
    print(f"listen-drill: {message}", file=sys.stderr)
    return 1


def run_export(args: argparse.Namespace, data_dir: Path) -> int:
    output: Path = args.output
    if output.is_dir():
        return fail(f"{output} is a folder; give a file name, e.g. {output / 'progress'}")
    try:
        filters = filters_from(args)
        # Only reads: a read-only data folder (a copied folder, a locked-down machine) will do.
        with Store.open_for_reading(data_dir) as store:
            source = AttemptSource.for_store(store)
            if args.format == "csv":
                result = export_csv(source, output, filters)
                print(
                    f"Wrote {plural(result.attempts, 'attempt')} to {result.attempts_path} and "
                    f"{plural(result.summary_rows, 'summary row')} to {result.summary_path}"
                )
            elif args.format == "json":
                written = export_progress_file(source, output, filters)
                print(
                    f"Wrote the progress file {written.path}: "
                    f"{plural(written.profiles, 'profile')}, {plural(written.attempts, 'attempt')}"
                )
            else:
                from listen_drill.ui.report_pdf import ensure_gui_application, render_report_pdf

                report = build_report(source, filters)
                ensure_gui_application()
                render_report_pdf(report, output)
                print(f"Wrote the report {output} ({plural(len(report.agents), 'profile')})")
    except (FilterError, StoreError) as error:
        return fail(str(error))
    except OSError as error:
        return fail(_write_failure(output, error))
    return 0


def _write_failure(output: Path, error: OSError) -> str:
    """Name the file the system refused: the output, unless the error is about another one."""
    reason = error.strerror or str(error)
    if error.filename is None:
        return f"cannot write {output}: {reason}"
    refused = Path(str(error.filename))
    if refused.resolve().parent in (output.resolve().parent, output.resolve()):
        return f"cannot write {output}: {reason}"
    return f"{refused}: {reason}"
