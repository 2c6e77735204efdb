"""Scheduled runs against a real Prefect server: `wirehouse serve` registers the ingest flow as
a cron deployment, the schedule reads back through the API, and a triggered run loads the
warehouse and leaves its counts-and-rejects artifact."""

from __future__ import annotations

import shutil
import subprocess
import time

import duckdb
import pytest
from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId
from prefect.settings import PREFECT_API_URL, temporary_settings
from prefect_server import BIN, prefect_env, running_server, stop

from flows.artifacts import ARTIFACT_KEY
from wirehouse.cli import main
from wirehouse.resources import data_path
from wirehouse.schedule import build_deployment

CRON = "0 * * * *"
DEPLOYMENT = "wirehouse-ingest/scheduled-ingest"
ARTICLES = ("diplomats_expelled_vilnius.txt", "mayoral_runoff_lyon.md")


def wait_for(check, seconds: float, what: str, interval: float = 0.5):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if (found := check()) is not None:
            return found
        time.sleep(interval)
    raise AssertionError(f"timed out waiting for {what}")


def read_deployment(client):
    try:
        return client.read_deployment_by_name(DEPLOYMENT)
    except Exception:  # not registered yet
        return None


def finished(client, flow_run_id):
    state = client.read_flow_run(flow_run_id).state
    return state if state and state.is_final() else None


@pytest.mark.slow
def test_served_deployment_runs_on_schedule_and_loads_the_warehouse(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in ARTICLES:
        shutil.copy(data_path("gold", name), inbox / name)
    (inbox / "blank.txt").write_text("   \n", encoding="utf-8")
    db = tmp_path / "warehouse.duckdb"
    home = tmp_path / "prefect"
    with running_server(home) as api_url:
        env = prefect_env(home, api_url) | {"PREFECT_RUNNER_POLL_FREQUENCY": "1"}
        command = [str(BIN / "wirehouse"), "serve", "--cron", CRON, "--input", str(inbox)]
        command += ["--db", str(db), "--wait", "30"]
        log_path = tmp_path / "serve.log"
        with log_path.open("wb") as log:
            serving = subprocess.Popen(
                command, env=env, cwd=tmp_path, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True,
            )  # fmt: skip
        try:
            api = temporary_settings({PREFECT_API_URL: api_url})
            with api, get_client(sync_client=True) as client:
                deployment = wait_for(lambda: read_deployment(client), 60, "the deployment")
                assert [s.schedule.cron for s in deployment.schedules] == [CRON]
                assert all(s.active for s in deployment.schedules)
                assert deployment.parameters["input_dir"] == str(inbox)
                assert deployment.parameters["db_path"] == str(db)
                assert deployment.parameters["wait_seconds"] == 30
                assert deployment.global_concurrency_limit.limit == 1
                assert deployment.entrypoint == "flows.ingest.ingest"

                run = client.create_flow_run_from_deployment(deployment.id)
                state = wait_for(lambda: finished(client, run.id), 75, "the flow run", 1)
                assert state.is_completed(), f"{state}\n{log_path.read_text()[-3000:]}"

                artifacts = client.read_artifacts(
                    artifact_filter=ArtifactFilter(
                        flow_run_id=ArtifactFilterFlowRunId(any_=[run.id])
                    )
                )
        finally:
            stop(serving, grace=20)
    assert [a.key for a in artifacts] == [ARTIFACT_KEY]
    table = artifacts[0].data
    assert '"files"' in table and '"articles"' in table and "blank.txt" in table

    with duckdb.connect(str(db), read_only=True) as con:
        loaded = con.execute("SELECT path FROM articles ORDER BY path").fetchall()
        status = con.execute("SELECT status FROM runs").fetchall()
        rejected = con.execute("SELECT path FROM source_files WHERE status = 'rejected'").fetchall()
    assert [p for (p,) in loaded] == sorted(ARTICLES)
    assert status == [("completed",)]
    assert rejected == [("blank.txt",)]


def test_the_deployment_carries_schedule_parameters_and_a_limit_of_one(tmp_path):
    deployment = build_deployment(tmp_path, "ducklake:sqlite:/srv/lake.sqlite", "30 6 * * 1-5")
    assert [s.schedule.cron for s in deployment.schedules] == ["30 6 * * 1-5"]
    assert deployment.parameters["db_path"] == "ducklake:sqlite:/srv/lake.sqlite"
    assert deployment.parameters["input_dir"] == str(tmp_path.resolve())
    assert deployment.concurrency_limit == 1
    assert deployment.concurrency_options.collision_strategy.value == "ENQUEUE"


def test_serve_refuses_a_bad_cron_or_a_missing_folder(tmp_path, capsys):
    assert main(["serve", "--cron", "every hour", "--input", str(tmp_path)]) == 2
    assert "cron" in capsys.readouterr().err
    assert main(["serve", "--input", str(tmp_path / "missing")]) == 2
    assert "input folder not found" in capsys.readouterr().err
