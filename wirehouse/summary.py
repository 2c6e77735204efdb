"""What a run did, for people: counts, first reject reasons, a progress bar."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

if TYPE_CHECKING:
    from wirehouse.process import BatchResult

FIRST_REASONS = 5


@dataclass
class RunSummary:
    run_id: str
    db_path: str
    files_seen: int = 0
    files_loaded: int = 0
    files_unchanged: int = 0
    files_rejected: int = 0
    articles_loaded: int = 0
    records_rejected: int = 0
    rows_rejected: int = 0
    rejects: list[tuple[str, str]] = field(default_factory=list)  # (path, reason), first few
    table_rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    stage_seconds: dict[str, float] = field(default_factory=dict)  # summed over batches
    stage_cpu_seconds: dict[str, float] = field(default_factory=dict)  # the same in CPU time

    def add_batch(self, result: BatchResult) -> None:
        sources = result.tables["source_files"]
        self.files_unchanged += len(result.unchanged)
        by_path: dict[str, bool] = {}
        for row in sources.iter_rows(named=True):
            loaded = row["status"] == "loaded"
            by_path[row["path"]] = by_path.get(row["path"], False) or loaded
            if loaded:
                self.articles_loaded += 1
            else:
                self.records_rejected += 1
                if len(self.rejects) < FIRST_REASONS:
                    where = row["path"] if row["format"] != "jsonl" else f"{row['path']}"
                    self.rejects.append((where, row["error"]))
        self.files_loaded += sum(by_path.values())
        self.files_rejected += sum(not ok for ok in by_path.values())
        self.rows_rejected += result.tables["rejected_rows"].height

    def counts(self) -> dict[str, int]:
        return {
            "seen": self.files_seen,
            "loaded": self.files_loaded,
            "unchanged": self.files_unchanged,
            "rejected": self.files_rejected,
            "rows_rejected": self.rows_rejected,
        }

    def one_line(self) -> str:
        return (
            f"{self.files_seen} files: {self.files_loaded} loaded, {self.files_unchanged} "
            f"unchanged, {self.files_rejected} rejected in {self.seconds:.1f}s"
        )

    def print(self, console: Console | None = None) -> None:
        console = console or Console(soft_wrap=True)
        console.print(f"[bold]wirehouse[/] run {self.run_id} -> {self.db_path}")
        console.print(
            f"files seen {self.files_seen} · loaded {self.files_loaded} · unchanged "
            f"{self.files_unchanged} · rejected {self.files_rejected} "
            f"({self.records_rejected} records) · {self.seconds:.1f}s"
        )
        for path, reason in self.rejects:
            console.print(f"  [yellow]rejected[/] {path}: {reason}")
        if self.records_rejected > len(self.rejects):
            console.print(
                "  … all reasons: SELECT path, error FROM source_files WHERE status = 'rejected'"
            )
        if self.rows_rejected:
            console.print(f"  {self.rows_rejected} rows quarantined in rejected_rows")
        table = Table("table", "rows", title="warehouse rows", title_justify="left")
        for name, count in self.table_rows.items():
            table.add_row(name, f"{count:,}")
        console.print(table)


@contextmanager
def progress_bar(total: int, enabled: bool) -> Iterator[Callable[[int], None]]:
    if not enabled:
        yield lambda _count: None
        return
    columns = (TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(file=sys.stderr), transient=True) as progress:
        task_id = progress.add_task("files", total=total)
        yield lambda count: progress.advance(task_id, count)
