"""The ingest benchmark: `make bench` (or `python bench/run.py --n 60`).

Generates its own corpus (bench/corpus.py) of N and of 4N articles, then measures in one run:
  - trafilatura's bare extraction of the HTML pages in one process (the yardstick), N and 4N;
  - the whole pipeline on N and on 4N (extraction, NLP, validation, load; default task runner),
    each in a process of its own with the peak RSS of its process tree sampled;
  - a no-op rerun of N (nothing changed);
  - seconds per stage (summed over batches, so on two workers they add up to about twice the
    wall time of that part) and Prefect's cost per task.
Prints the ratios against their targets and writes everything to bench/results/<time>.json.
A Prefect API is started once for the whole benchmark, as a deployment would have one running.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import suppress
from datetime import UTC, datetime
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.corpus import generate  # noqa: E402

RESULTS = REPO / "bench" / "results"
TARGETS = {
    "pipeline_vs_trafilatura": ("<=", 1.0),
    "marginal_pipeline_vs_trafilatura": ("<=", 1.0),  # (4N run - N run) / (4N pages - N pages)
    "noop_rerun_vs_first": ("<=", 0.05),
    "noop_flow_body_vs_first": ("<=", 0.05),  # the same without Prefect's flow-run start and end
    "peak_memory_4n_vs_n": ("<=", 1.25),
    "prefect_overhead_share": ("<", 0.05),
}
STAGES = (
    "read",
    "extract",
    "entities",
    "amounts",
    "quotes",
    "events",
    "tables",
    "validate",
    "load",
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100, help="articles in the small corpus")
    parser.add_argument("--keep", action="store_true", help="keep the corpora and warehouses")
    args = parser.parse_args()
    load_at_start = os.getloadavg()
    work = Path(tempfile.mkdtemp(prefix="wirehouse-bench-"))
    env = _prefect_env(work)
    corpus_n, corpus_4n = work / "corpus_n", work / "corpus_4n"
    formats = generate(corpus_n, args.n, seed=9)
    generate(corpus_4n, 4 * args.n, seed=10)
    print(f"corpus: {args.n} and {4 * args.n} articles under {work} ({formats})", flush=True)

    yardstick, yardstick_4n = trafilatura_seconds(corpus_n), trafilatura_seconds(corpus_4n)
    for measured in (yardstick, yardstick_4n):
        print(
            f"trafilatura alone: {measured['pages']} pages in {measured['seconds']:.2f}s "
            f"({measured['cpu_seconds']:.2f}s CPU)",
            flush=True,
        )
    fast = trafilatura_seconds(corpus_n, fast=True)
    print(
        f"trafilatura fast mode (extra figure, not the yardstick): {fast['pages']} pages in "
        f"{fast['seconds']:.2f}s ({fast['cpu_seconds']:.2f}s CPU)",
        flush=True,
    )
    small = measured_ingest(corpus_n, work / "n.duckdb", env, "--rerun", "--overhead")
    print(f"pipeline N: {small['first']['seconds']:.2f}s", flush=True)
    large = measured_ingest(corpus_4n, work / "4n.duckdb", env)
    print(f"pipeline 4N: {large['first']['seconds']:.2f}s", flush=True)

    report = build_report(args.n, formats, yardstick, yardstick_4n, small, large)
    report["seconds"]["trafilatura_fast_n_html"] = fast["seconds"]
    report["cpu_seconds"]["trafilatura_fast_n_html"] = fast["cpu_seconds"]
    report["ratios_cpu"]["pipeline_vs_trafilatura_fast"] = (
        small["first"]["cpu_seconds"] / fast["cpu_seconds"]
    )
    report["machine"]["load_average_at_start"] = load_at_start
    print_report(report)
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"{datetime.now(UTC):%Y%m%dT%H%M%SZ}.json"
    out.write_text(json.dumps(report, indent=2), encoding="utf-8")
    print(f"\nwritten: {out.relative_to(REPO)}")
    if not args.keep:
        subprocess.run(["rm", "-rf", str(work)], check=False)


def _prefect_env(work: Path) -> dict[str, str]:
    """A private Prefect home and one API server for every run of the benchmark."""
    os.environ["PREFECT_HOME"] = str(work / "prefect")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_SERVER_LOGGING_LEVEL", "WARNING")
    if not os.environ.get("PREFECT_API_URL"):
        from prefect.server.api.server import SubprocessASGIServer

        server = SubprocessASGIServer()
        server.start()
        os.environ["PREFECT_API_URL"] = server.api_url
    return dict(os.environ)


def trafilatura_seconds(corpus: Path, fast: bool = False) -> dict[str, float]:
    """trafilatura.bare_extraction over every HTML page, in this one process, with the options
    the pipeline passes (wirehouse.extract) but trafilatura's default cascade: what a user
    calling trafilatura would get. fast=True times its fast mode instead (an extra figure: the
    pipeline uses fast mode first)."""
    import trafilatura

    pages = [path.read_text(encoding="utf-8") for path in sorted(corpus.rglob("*.html"))]
    options = {
        "with_metadata": True,
        "include_comments": False,
        "include_tables": False,
        "deduplicate": False,
        "fast": fast,
    }
    trafilatura.bare_extraction(pages[0], **options)  # imports and lazy set-up, untimed
    started, started_cpu = time.perf_counter(), time.process_time()
    for page in pages:
        trafilatura.bare_extraction(page, **options)
    return {
        "pages": len(pages),
        "seconds": time.perf_counter() - started,
        "cpu_seconds": time.process_time() - started_cpu,
    }


def measured_ingest(corpus: Path, db: Path, env: dict[str, str], *flags: str) -> dict:
    """bench/ingest_once.py in its own process, with the peak RSS of its process tree."""
    command = [sys.executable, str(REPO / "bench" / "ingest_once.py"), str(corpus), str(db)]
    process = subprocess.Popen([*command, *flags], env=env, stdout=subprocess.PIPE, text=True)
    peak = _PeakRss(process.pid)
    peak.start()
    output, _ = process.communicate()
    peak.stop()
    if process.returncode != 0:
        raise SystemExit(f"benchmark ingest failed ({process.returncode})")
    result = json.loads(output.strip().splitlines()[-1])
    result["peak_rss_bytes"] = peak.bytes
    result["peak_pss_bytes"] = peak.pss_bytes
    return result


class _PeakRss(threading.Thread):
    """Samples the summed RSS of a process and all its descendants until stopped, and their
    summed PSS: the workers are forked from a server and share its pages, which RSS counts
    once in every process that maps them and PSS divides among them. PSS is read every
    `pss_every` samples only: reading it costs a few ms a process, RSS some microseconds."""

    def __init__(self, pid: int, interval: float = 0.02, pss_every: int = 25) -> None:
        super().__init__(daemon=True)
        self.root = psutil.Process(pid)
        self.interval = interval
        self.pss_every = pss_every
        self.bytes = 0
        self.pss_bytes = 0
        self._stop_event = threading.Event()

    def run(self) -> None:
        samples = 0
        while not self._stop_event.is_set():
            try:
                tree = [self.root, *self.root.children(recursive=True)]
            except psutil.NoSuchProcess:
                return
            with_pss = samples % self.pss_every == 0
            samples += 1
            total = pss = 0
            for process in tree:
                with suppress(psutil.Error):
                    total += process.memory_info().rss
                    pss += process.memory_full_info().pss if with_pss else 0
            self.bytes = max(self.bytes, total)
            self.pss_bytes = max(self.pss_bytes, pss)
            time.sleep(self.interval)

    def stop(self) -> None:
        self._stop_event.set()
        self.join()


def build_report(
    n: int, formats: dict, yardstick: dict, yardstick_4n: dict, small: dict, large: dict
) -> dict:
    first, rerun = small["first"], small["rerun"]
    batches = -(-first["files_seen"] // _batch_size(first["files_seen"]))
    overhead = small["overhead"]
    prefect_seconds = batches * (
        overhead["submitted_task_seconds"] + 2 * overhead["inline_task_seconds"]
    )
    stages = _in_order(first["stage_seconds"])
    stages_cpu = _in_order(first["stage_cpu_seconds"])
    articles = first["articles_loaded"]
    # CPU seconds against CPU seconds: on a shared machine these move less with the load. The
    # pipeline may use two cores, so <= 2.0 here is what <= 1.0 of the wall-clock ratio needs.
    ratios_cpu = {
        "pipeline_vs_trafilatura": first["cpu_seconds"] / yardstick["cpu_seconds"],
        "marginal_pipeline_vs_trafilatura": (large["first"]["cpu_seconds"] - first["cpu_seconds"])
        / (yardstick_4n["cpu_seconds"] - yardstick["cpu_seconds"]),
    }
    ratios = {
        "pipeline_vs_trafilatura": first["seconds"] / yardstick["seconds"],
        # the cost of the 3N further articles: what a larger corpus converges to
        "marginal_pipeline_vs_trafilatura": (large["first"]["seconds"] - first["seconds"])
        / (yardstick_4n["seconds"] - yardstick["seconds"]),
        "noop_rerun_vs_first": rerun["seconds"] / first["seconds"],
        "noop_flow_body_vs_first": rerun["flow_seconds"] / first["seconds"],
        "peak_memory_4n_vs_n": large["peak_rss_bytes"] / small["peak_rss_bytes"],
        "prefect_overhead_share": prefect_seconds / first["seconds"],
    }
    return {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "corpus": {
            "n": n,
            "formats_n": formats,
            "html_pages_n": yardstick["pages"],
            "html_pages_4n": yardstick_4n["pages"],
        },
        "ratios": ratios,
        "ratios_cpu": ratios_cpu,
        "targets": {name: f"{op} {value}" for name, (op, value) in TARGETS.items()},
        "met": {name: _met(name, value) for name, value in ratios.items()},
        "throughput_articles_per_second": {
            "n": first["articles_loaded"] / first["seconds"],
            "4n": large["first"]["articles_loaded"] / large["first"]["seconds"],
        },
        "seconds": {
            "trafilatura_n_html": yardstick["seconds"],
            "trafilatura_4n_html": yardstick_4n["seconds"],
            "pipeline_n": first["seconds"],
            "pipeline_4n": large["first"]["seconds"],
            "noop_rerun_n": rerun["seconds"],
        },
        "cpu_seconds": {
            "trafilatura_n_html": yardstick["cpu_seconds"],
            "trafilatura_4n_html": yardstick_4n["cpu_seconds"],
            "pipeline_n": first["cpu_seconds"],
            "pipeline_4n": large["first"]["cpu_seconds"],
            "noop_rerun_n": rerun["cpu_seconds"],
        },
        "peak_rss_mb": {
            "n": small["peak_rss_bytes"] / 2**20,
            "4n": large["peak_rss_bytes"] / 2**20,
        },
        "peak_pss_mb": {
            "n": small["peak_pss_bytes"] / 2**20,
            "4n": large["peak_pss_bytes"] / 2**20,
        },
        "stage_seconds_n": stages,
        "stage_cpu_seconds_n": stages_cpu,
        "stage_cpu_ms_per_article_n": {k: 1000 * v / articles for k, v in stages_cpu.items()},
        "prefect": {**overhead, "tasks_in_run_n": 2 * batches, "seconds_in_run_n": prefect_seconds},
        "runs": {"n": first, "n_rerun": rerun, "4n": large["first"]},
    }


def _in_order(seconds: dict[str, float]) -> dict[str, float]:
    stages = {name: seconds.get(name, 0.0) for name in STAGES}
    stages.update({k: v for k, v in seconds.items() if k not in stages})
    return stages


def _batch_size(files: int) -> int:
    """Files per batch of the flow's run on `files` files, default settings."""
    from flows.ingest import DEFAULT_BATCH_SIZE, _batch_size

    return _batch_size(files, DEFAULT_BATCH_SIZE, None)


def _met(name: str, value: float) -> bool:
    op, limit = TARGETS[name]
    return value <= limit if op == "<=" else value < limit


def machine() -> dict[str, object]:
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return {
        "cpu": model or platform.processor(),
        "cores": os.cpu_count(),
        "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "load_average_at_end": os.getloadavg(),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def print_report(report: dict) -> None:
    print(f"\n{'ratio':<33} {'value':>6}  target   met")
    for name, value in report["ratios"].items():
        print(f"{name:<33} {value:6.3f}  {report['targets'][name]:<7}  {report['met'][name]}")
    rate = report["throughput_articles_per_second"]
    print(f"\nthroughput: {rate['n']:.1f} articles/s (N), {rate['4n']:.1f} articles/s (4N)")
    mem = report["peak_rss_mb"]
    pss = report["peak_pss_mb"]
    print(
        f"peak RSS of the ingest process tree: {mem['n']:.0f} MB (N), {mem['4n']:.0f} MB (4N); "
        f"PSS (shared pages counted once): {pss['n']:.0f} MB (N), {pss['4n']:.0f} MB (4N)"
    )
    cpu = report["cpu_seconds"]
    print(
        f"CPU seconds: pipeline {cpu['pipeline_n']:.2f} (N), {cpu['pipeline_4n']:.2f} (4N), "
        f"no-op rerun {cpu['noop_rerun_n']:.2f}; trafilatura {cpu['trafilatura_n_html']:.2f} "
        f"(N), {cpu['trafilatura_4n_html']:.2f} (4N), fast mode "
        f"{cpu['trafilatura_fast_n_html']:.2f} (N)"
    )
    for name, value in report["ratios_cpu"].items():
        print(f"  CPU ratio {name:<31} {value:6.3f}  (2.0 = the wall target on two free cores)")
    print("stage seconds (N, summed over batches): wall, CPU, CPU ms per article")
    per_article = report["stage_cpu_ms_per_article_n"]
    for stage, seconds in report["stage_seconds_n"].items():
        cpu_seconds = report["stage_cpu_seconds_n"].get(stage, 0.0)
        print(f"  {stage:<10} {seconds:7.2f} {cpu_seconds:7.2f} {per_article.get(stage, 0.0):7.2f}")
    print(f"event coding: {per_article.get('events', 0.0):.2f} ms of CPU per article")
    box = report["machine"]
    start, end = (
        ", ".join(f"{x:.1f}" for x in box[key])
        for key in ("load_average_at_start", "load_average_at_end")
    )
    print(f"machine: {box['cpu']}, {box['cores']} cores; load average {start} at the start,")
    print(f"  {end} at the end (the machine may be shared: compare runs at a similar load)")


if __name__ == "__main__":
    main()
