"""Shared test set-up: a quiet, private Prefect home and helpers to run real ingests."""

from __future__ import annotations

import os
import tempfile

# Prefect reads its settings at import time, so these come before any test imports it.
os.environ.setdefault("PREFECT_HOME", tempfile.mkdtemp(prefix="wirehouse-prefect-"))
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
os.environ.setdefault("PREFECT_SERVER_LOGGING_LEVEL", "WARNING")
# A busy 2-core machine can take longer than Prefect's default 20 s to start its local server.
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")

from pathlib import Path  # noqa: E402

import duckdb  # noqa: E402
import pytest  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "data" / "samples"
SHARED = REPO.parent / "shared"


def run_ingest(input_dir: Path, db_path: Path, **options):
    """A real Prefect flow run of the ingest flow; returns its RunSummary."""
    from flows.ingest import ingest

    return ingest(input_dir=str(input_dir), db_path=str(db_path), **options)


def query(db_path: Path, sql: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(db_path), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "warehouse.duckdb"
