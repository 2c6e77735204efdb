"""What each ingest run leaves in the Prefect UI: a table artifact of its counts and rejects."""

from __future__ import annotations

from uuid import UUID

from prefect import get_run_logger
from prefect.artifacts import create_table_artifact

from wirehouse.summary import RunSummary

ARTIFACT_KEY = "wirehouse-ingest"


def run_table(summary: RunSummary) -> list[dict[str, object]]:
    """One row per count (files, warehouse rows) and per rejected file, for people to read."""
    counts = summary.counts()
    rows: list[dict[str, object]] = [
        {"kind": "files", "name": name, "count": value, "detail": ""}
        for name, value in counts.items()
    ]
    rows += [
        {"kind": "warehouse rows", "name": table, "count": value, "detail": ""}
        for table, value in summary.table_rows.items()
    ]
    rows += [
        {"kind": "rejected file", "name": path, "count": 1, "detail": reason or ""}
        for path, reason in summary.rejects
    ]
    unlisted = summary.records_rejected - len(summary.rejects)
    if unlisted > 0:
        rows.append({
            "kind": "rejected file",
            "name": f"… {unlisted} more",
            "count": unlisted,
            "detail": "SELECT path, error FROM source_files WHERE status = 'rejected'",
        })  # fmt: skip
    return rows


def record_run_artifact(summary: RunSummary) -> UUID | None:
    """Publish the run's table artifact; a failure to record it never fails the run."""
    try:
        return create_table_artifact(
            table=run_table(summary),
            key=ARTIFACT_KEY,
            description=f"wirehouse ingest into {summary.db_path}: {summary.one_line()}",
        )
    except Exception as error:  # the warehouse is already published; the UI note is extra
        get_run_logger().warning("could not record the run artifact: %s", error)
        return None
