"""`listen-drill team merge|report`: the team lead's roll-up of agents' progress files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from listen_drill.cli.export import fail
from listen_drill.core.export.csv_export import summary_path_for
from listen_drill.core.team import TeamDb, TeamError, merge_progress_files
from listen_drill.core.team_export import export_team_csv
from listen_drill.core.wording import plural


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    team = subparsers.add_parser(
        "team",
        help="merge agents' progress files into a team file and report on it",
        description="A team file (SQLite, readable by sqlite-utils and Datasette) holds many "
        "agents' progress. See docs/team.md.",
    )
    commands = team.add_subparsers(dest="team_command", metavar="COMMAND", required=True)
    merge = commands.add_parser(
        "merge",
        help="add progress files to a team file (created if missing)",
        description="Merge progress files into the team file. Merging a file twice adds "
        "nothing; a newer file from the same agent adds only the new attempts. A file that "
        "cannot be used is reported and changes nothing.",
    )
    merge.add_argument("files", nargs="+", type=Path, metavar="FILE")
    merge.add_argument("--output", "-o", required=True, type=Path, metavar="TEAM_DB")
    merge.set_defaults(handler=run_merge)
    report = commands.add_parser(
        "report",
        help="write the team's CSV or PDF report",
        description="csv: FILE compares agents skill by skill (average, attempts, trend) and "
        "FILE-summary.csv holds agent x week x skill. pdf: the printable team report.",
    )
    report.add_argument("team_db", type=Path, metavar="TEAM_DB")
    report.add_argument("--format", required=True, choices=("csv", "pdf"))
    report.add_argument("--output", "-o", required=True, type=Path, metavar="FILE")
    report.set_defaults(handler=run_report)


def run_merge(args: argparse.Namespace, _data_dir: Path) -> int:
    try:
        with TeamDb(args.output) as team:
            result = merge_progress_files(args.files, team)
            for merged in result.files:
                if merged.error:
                    print(f"listen-drill: {merged.error}", file=sys.stderr)
                elif merged.already_imported:
                    print(f"{merged.path}: already merged, nothing added")
                else:
                    print(
                        f"{merged.path}: {merged.added:,} new of "
                        f"{plural(merged.in_file, 'attempt')} "
                        f"({', '.join(merged.agents)})"
                    )
            print(
                f"{args.output}: {plural(len(team.agents()), 'agent')}, "
                f"{plural(team.attempt_count(), 'attempt')} ({result.added:,} added)"
            )
    except TeamError as error:
        return fail(str(error))
    return 1 if result.errors else 0


def run_report(args: argparse.Namespace, _data_dir: Path) -> int:
    if not args.team_db.is_file():
        return fail(f"{args.team_db}: no such team file; make one with `listen-drill team merge`")
    output: Path = args.output
    try:
        with TeamDb(args.team_db) as team:
            if args.format == "csv":
                rows = export_team_csv(team, output)
                print(
                    f"Wrote {plural(rows, 'agent')} to {output} and the weekly summary to "
                    f"{summary_path_for(output)}"
                )
            else:
                from listen_drill.core.export.report import build_report
                from listen_drill.ui.report_pdf import ensure_gui_application, render_report_pdf

                report = build_report(team.source, title="Reflective listening: team report")
                ensure_gui_application()
                render_report_pdf(report, output)
                print(f"Wrote the team report {output} ({plural(len(report.agents), 'agent')})")
    except TeamError as error:
        return fail(str(error))
    except OSError as error:
        return fail(f"cannot write {output}: {error.strerror or error}")
    return 0
