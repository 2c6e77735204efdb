"""The `wirehouse` command: ingest a folder, and the analysts' tools around the warehouse."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from wirehouse.cli_analysts import COMMANDS as ANALYST_COMMANDS
from wirehouse.cli_analysts import add_commands as add_analyst_commands
from wirehouse.evaluate import add_arguments as add_evaluate_arguments
from wirehouse.evaluate import run as cmd_evaluate

DEFAULT_DB = "warehouse.duckdb"


def _quiet_prefect() -> None:
    """Prefect reads these at import: no telemetry, no INFO chatter on the console."""
    defaults = {
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "DO_NOT_TRACK": "1",
        "PREFECT_LOGGING_LEVEL": "WARNING",
        "PREFECT_SERVER_LOGGING_LEVEL": "WARNING",
        "PREFECT_LOGGING_LOG_PRINTS": "false",
        # a busy machine can take longer than Prefect's default 20 s to start its local server
        "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
    }
    for name, value in defaults.items():
        os.environ.setdefault(name, value)


def _default_input() -> str:
    from wirehouse.resources import data_path

    return str(data_path("samples"))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="wirehouse", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    ingest = commands.add_parser("ingest", help="load every article file under PATH")
    ingest.add_argument(
        "path", nargs="?", default=None, help="input folder (default: the bundled data/samples)"
    )
    ingest.add_argument(
        "--db",
        default=DEFAULT_DB,
        help=f"warehouse file (default {DEFAULT_DB}), or a lake: ducklake:postgres:dbname=...,"
        " ducklake:sqlite:PATH or ducklake:PATH.ducklake",
    )
    ingest.add_argument(
        "--data-path", default=None, metavar="DIR", help="a new lake's data folder (ducklake: only)"
    )
    ingest.add_argument(
        "--batch-size", type=int, default=50, help="at most this many files per Prefect task"
    )
    ingest.add_argument(
        "--task-runner",
        choices=("default", "dask"),
        default="default",
        help="default: a local process pool; dask: a Dask cluster (LocalCluster unless"
        " --dask-address)",
    )
    ingest.add_argument("--dask-address", default=None, help="scheduler of a running Dask cluster")
    ingest.add_argument(
        "--workers", type=int, default=None, help="worker processes (default: one per CPU)"
    )
    ingest.add_argument(
        "--max-bytes", type=int, default=None, help="reject files larger than this (default 20 MiB)"
    )
    ingest.add_argument(
        "--max-seconds",
        type=float,
        default=None,
        metavar="SECONDS",
        help="reject a file that takes longer than this to process (default 60; 0: no limit)",
    )
    ingest.add_argument(
        "--wait",
        type=float,
        default=0.0,
        metavar="SECONDS",
        help="wait this long for another run on the same warehouse to finish",
    )
    ingest.add_argument(
        "--spacy-model",
        default=None,
        metavar="NAME",
        help="an installed statistical spaCy model whose entities are merged with ours",
    )
    ingest.add_argument("--no-progress", action="store_true", help="no progress bar")
    query = commands.add_parser("query", help="run one SQL statement on the warehouse, read-only")
    query.add_argument("sql", help='e.g. "SELECT speaker, count(*) FROM quotes GROUP BY 1"')
    query.add_argument(
        "--db", default=DEFAULT_DB, help=f"warehouse file or ducklake: spec (default {DEFAULT_DB})"
    )
    evaluate = commands.add_parser("evaluate", help="score a warehouse against gold annotations")
    add_evaluate_arguments(evaluate)
    add_analyst_commands(commands)
    return parser


def _hide_prefect_traceback_for(*handled: type[BaseException]) -> None:
    """Prefect logs a failed flow's traceback; for the errors the command reports itself in one
    line (another run holds the warehouse, no such folder) that is noise, so it is dropped."""
    import logging

    def keep(record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        return not isinstance(error, handled) and not any(
            error_type.__name__ in record.getMessage() for error_type in handled
        )

    for name in ("prefect.flow_runs", "prefect.flow_engine", "prefect.engine"):
        logging.getLogger(name).addFilter(keep)


def cmd_ingest(args: argparse.Namespace) -> int:
    path = args.path or _default_input()
    if args.spacy_model:
        import spacy

        from wirehouse import nlp

        if not spacy.util.is_package(args.spacy_model):
            print(f"wirehouse: spaCy model {args.spacy_model!r} is not installed", file=sys.stderr)
            return 2
        nlp.configure(args.spacy_model)
    if args.task_runner == "default" and _pool_likely(path, args.db, args.batch_size):
        from wirehouse.parallel import start_server

        start_server()  # the workers' NLP loads while Prefect is imported and the run starts

    from flows.ingest import run_ingest
    from wirehouse.ducklake import LakeError, with_data_path
    from wirehouse.load import WarehouseBusy
    from wirehouse.process import DEFAULT_MAX_SECONDS
    from wirehouse.read import DEFAULT_MAX_BYTES
    from wirehouse.targets import display

    _hide_prefect_traceback_for(WarehouseBusy, FileNotFoundError, LakeError)
    try:
        db = with_data_path(args.db, args.data_path)
        summary = run_ingest(
            task_runner=args.task_runner,
            dask_address=args.dask_address,
            workers=args.workers,
            input_dir=path,
            db_path=db,
            batch_size=args.batch_size,
            max_bytes=args.max_bytes or DEFAULT_MAX_BYTES,
            max_seconds=DEFAULT_MAX_SECONDS if args.max_seconds is None else args.max_seconds,
            wait_seconds=args.wait,
            show_progress=not args.no_progress and sys.stderr.isatty(),
        )
    except (WarehouseBusy, FileNotFoundError, LakeError) as error:
        print(f"wirehouse: {error}", file=sys.stderr)
        return 2
    summary.print()
    print(f"\nwarehouse: {display(args.db)}")
    print(f'try: wirehouse query --db {args.db} "SELECT speaker, text FROM quotes LIMIT 5"')
    return 0


def _pool_likely(path: str, db: str, batch_size: int) -> bool:
    """Whether the run will likely use the worker pool: more than one batch of files written
    since the warehouse file was (all of them for a new warehouse or a lake). A guess from
    modification times, made before the flow decides by content hash: a wrong one costs time
    (the server's load for nothing, or later), never rows."""
    from wirehouse.read import discover

    files = [Path(source.absolute) for source in discover(Path(path))]
    if len(files) <= batch_size:
        return False
    try:
        written = Path(db).stat().st_mtime
    except OSError:  # no warehouse yet, or a ducklake: spec
        return True
    return sum(1 for file in files if _mtime(file) > written) > batch_size


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:  # gone or unreadable: the flow reports it
        return 0.0


def cmd_query(args: argparse.Namespace) -> int:
    import duckdb

    from wirehouse import targets
    from wirehouse.ducklake import LakeError

    try:
        con = targets.connect_reader(args.db)
    except (FileNotFoundError, LakeError) as error:
        print(f"wirehouse: {error}", file=sys.stderr)
        return 2
    with con:
        try:
            con.sql(args.sql).show(max_width=200, max_rows=100)
        except duckdb.Error as error:
            print(f"wirehouse: {error}", file=sys.stderr)
            return 1
    return 0


COMMANDS = {
    "ingest": cmd_ingest,
    "query": cmd_query,
    "evaluate": cmd_evaluate,
    **ANALYST_COMMANDS,
}


def main(argv: list[str] | None = None) -> int:
    _quiet_prefect()
    args = build_parser().parse_args(argv)
    return COMMANDS[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
