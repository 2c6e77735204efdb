"""The analysts' and operators' subcommands of `wirehouse`: serve, export, report.

Registered by wirehouse.cli; each command imports its stage lazily so `wirehouse --help` is quick.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

DEFAULT_DB = "warehouse.duckdb"
DEFAULT_CRON = "0 * * * *"


def add_commands(commands: argparse._SubParsersAction) -> None:
    _add_serve(commands)
    _add_export(commands)
    _add_report(commands)


def _add_serve(commands: argparse._SubParsersAction) -> None:
    serve = commands.add_parser(
        "serve",
        help="run ingest on a cron schedule as a Prefect deployment (needs a Prefect server)",
        description="Register the ingest flow as a Prefect deployment with a cron schedule and "
        "serve it until interrupted. Start `prefect server start` first and set "
        "PREFECT_API_URL (e.g. http://127.0.0.1:4200/api): Prefect's temporary server fires "
        "no schedules.",
    )
    serve.add_argument("--cron", default=DEFAULT_CRON, help=f'(default "{DEFAULT_CRON}")')
    serve.add_argument("--timezone", default=None, help="IANA zone for the cron (default UTC)")
    serve.add_argument("--input", required=True, help="folder of article files to ingest")
    serve.add_argument(
        "--db", default=DEFAULT_DB, help=f"warehouse file or ducklake: spec (default {DEFAULT_DB})"
    )
    serve.add_argument("--name", default=None, help="deployment name (default scheduled-ingest)")
    serve.add_argument(
        "--wait",
        type=float,
        default=None,
        metavar="SECONDS",
        help="how long a run waits for another run on the warehouse (default 900)",
    )


def _add_export(commands: argparse._SubParsersAction) -> None:
    export = commands.add_parser(
        "export", help="write every table as Parquet, partitioned by publication month"
    )
    export.add_argument("--parquet", required=True, metavar="DIR", help="output folder")
    export.add_argument(
        "--db", default=DEFAULT_DB, help=f"warehouse file or ducklake: spec (default {DEFAULT_DB})"
    )


def _add_report(commands: argparse._SubParsersAction) -> None:
    report = commands.add_parser("report", help="write a self-contained HTML report")
    report.add_argument(
        "--db", default=DEFAULT_DB, help=f"warehouse file or ducklake: spec (default {DEFAULT_DB})"
    )
    report.add_argument("-o", "--output", default="report.html", help="(default report.html)")


def cmd_serve(args: argparse.Namespace) -> int:
    from wirehouse import schedule

    if not Path(args.input).is_dir():
        print(f"wirehouse: input folder not found: {args.input}", file=sys.stderr)
        return 2
    options = {"timezone": args.timezone}
    if args.name:
        options["name"] = args.name
    if args.wait is not None:
        options["wait_seconds"] = args.wait
    try:
        deployment = schedule.build_deployment(args.input, args.db, args.cron, **options)
    except ValueError as error:
        print(f"wirehouse: {error}", file=sys.stderr)
        return 2
    schedule.serve_deployment(deployment)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from wirehouse.ducklake import LakeError
    from wirehouse.export import export_parquet

    try:
        tables = export_parquet(args.db, args.parquet)
    except (FileNotFoundError, LakeError) as error:
        print(f"wirehouse: {error}", file=sys.stderr)
        return 2
    for table in tables:
        print(f"{table.table:<16} {table.rows:>9,} rows  {table.files:>4} files")
    print(f"\nparquet: {Path(args.parquet).resolve()}")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from wirehouse.ducklake import LakeError
    from wirehouse.report import OutdatedWarehouse, write_report

    try:
        path = write_report(args.db, args.output)
    except (FileNotFoundError, LakeError) as error:
        print(f"wirehouse: {error}", file=sys.stderr)
        return 2
    except OutdatedWarehouse as error:
        print(f"wirehouse: {error}", file=sys.stderr)
        return 2
    print(f"report: {path.resolve()}")
    return 0


COMMANDS = {"serve": cmd_serve, "export": cmd_export, "report": cmd_report}
