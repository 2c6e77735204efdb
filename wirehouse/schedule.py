"""Scheduled runs: the ingest flow as a Prefect deployment with a cron schedule, served here.

A served deployment needs a Prefect server that outlives it (Prefect's temporary server fires
no schedules): start one with `prefect server start`, point PREFECT_API_URL at it, then
`wirehouse serve`. Runs never overlap: the deployment admits one run at a time (later ones
queue on the server), and a run that still finds the warehouse busy (a manual `wirehouse
ingest`) waits for the writer lock before giving up with a clear message.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from prefect.client.schemas.objects import ConcurrencyLimitConfig, ConcurrencyLimitStrategy
from prefect.deployments.runner import EntrypointType
from prefect.schedules import Cron

if TYPE_CHECKING:
    from prefect.deployments.runner import RunnerDeployment

DEPLOYMENT_NAME = "scheduled-ingest"
# A scheduled run that meets a manual run on the same warehouse waits this long for it.
DEFAULT_WAIT_SECONDS = 900.0
# A run that cannot start within this grace period after its slot is taken loses the slot.
SLOT_GRACE_SECONDS = 600


def _absolute(db_path: str | Path) -> str:
    """A warehouse file as an absolute path (runs start in their own folder); a lake spec
    (ducklake:...) as given."""
    spec = str(db_path)
    return spec if spec.startswith("ducklake:") else str(Path(spec).resolve())


def build_deployment(
    input_dir: str | Path,
    db_path: str | Path,
    cron: str,
    *,
    name: str = DEPLOYMENT_NAME,
    timezone: str | None = None,
    wait_seconds: float = DEFAULT_WAIT_SECONDS,
) -> RunnerDeployment:
    """The ingest flow as a deployment: input folder and warehouse path are its parameters.

    Raises ValueError for a cron string Prefect cannot read."""
    from flows.ingest import ingest

    return ingest.to_deployment(
        name=name,
        schedules=[Cron(cron, timezone=timezone)],
        parameters={
            "input_dir": str(Path(input_dir).resolve()),
            "db_path": _absolute(db_path),
            "wait_seconds": wait_seconds,
            "show_progress": False,
        },
        concurrency_limit=ConcurrencyLimitConfig(
            limit=1,
            collision_strategy=ConcurrencyLimitStrategy.ENQUEUE,
            grace_period_seconds=SLOT_GRACE_SECONDS,
        ),
        description=f"Ingest {input_dir} into {db_path} on the schedule {cron!r}.",
        tags=["wirehouse"],
        entrypoint_type=EntrypointType.MODULE_PATH,
    )


def serve_deployment(deployment: RunnerDeployment) -> None:
    """Register the deployment and run its scheduled (and manually triggered) runs until
    interrupted; one run at a time in this process."""
    from prefect import serve

    serve(deployment, limit=1)
