"""Report stage: the warehouse as one self-contained HTML page of charts and tables.

Charts are plotly figures; plotly.js is embedded inline, so the page opens with no network.
The page comes from templates/report.html.jinja (Jinja2, autoescaped: article text shows as
text); the queries are sql/report/*.sql over the analysts' views. Reads the published warehouse
read-only, so it can run while the pipeline loads.
"""

from __future__ import annotations

import html
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import plotly.graph_objects as go
import polars as pl
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup
from plotly.offline import get_plotlyjs

from wirehouse import targets
from wirehouse.resources import read_sql

TEMPLATES = Path(__file__).parent / "templates"
QUAD_CLASSES = {
    "Verbal cooperation": "#4c9be8",
    "Material cooperation": "#1f5fa8",
    "Verbal conflict": "#f0a04b",
    "Material conflict": "#c9372c",
}
PLOT_CONFIG = {"displaylogo": False, "responsive": True}
WEEKLY_AFTER_DAYS = 92  # a timeline longer than this is drawn per week


class OutdatedWarehouse(Exception):
    """The warehouse was published before the views the report reads existed."""


def _frame(con: duckdb.DuckDBPyConnection, name: str, *params: object) -> pl.DataFrame:
    return con.execute(read_sql("report", f"{name}.sql"), list(params)).pl()


def _label(text: object) -> str:
    """Plotly reads a little HTML in labels; escaped, a name shows exactly as written."""
    return html.escape(str(text), quote=False)


def _layout(fig: go.Figure, title: str, height: int) -> go.Figure:
    fig.update_layout(
        title=title,
        template="plotly_white",
        height=height,
        margin={"l": 10, "r": 10, "t": 50, "b": 40},
        legend={"orientation": "h", "y": -0.15},
    )
    fig.update_yaxes(automargin=True)
    return fig


def events_over_time(frame: pl.DataFrame) -> go.Figure | None:
    """Stacked bars per quad class: per day over short spans, per week over long ones."""
    if frame.is_empty():
        return None
    period = "day"
    if (frame["day"].max() - frame["day"].min()).days > WEEKLY_AFTER_DAYS:
        period = "week"
        frame = (
            frame.group_by(pl.col("day").dt.truncate("1w"))
            .agg(pl.col(name).sum() for name in QUAD_CLASSES)
            .sort("day")
        )
    fig = go.Figure([
        go.Bar(x=frame["day"], y=frame[name], name=name, marker_color=colour)
        for name, colour in QUAD_CLASSES.items()
    ])  # fmt: skip
    fig.update_layout(barmode="stack")
    return _layout(fig, f"Events per {period} by quad class", 420)


def _horizontal_bars(
    frame: pl.DataFrame, label: str, value: str, title: str, **bar: object
) -> go.Figure | None:
    if frame.is_empty():
        return None
    labels = [_label(text) for text in frame[label]]
    fig = go.Figure(go.Bar(x=frame[value], y=labels, orientation="h", **bar))
    fig.update_yaxes(autorange="reversed")
    return _layout(fig, title, 140 + 26 * frame.height)


def top_country_pairs(frame: pl.DataFrame) -> go.Figure | None:
    """Bars coloured by the pair's mean Goldstein score: red conflict, blue cooperation."""
    scores = frame["mean_goldstein"].to_list() if not frame.is_empty() else []
    marker = {"color": scores, "colorscale": "RdBu", "cmin": -10, "cmax": 10, "showscale": False}
    return _horizontal_bars(
        frame,
        "pair",
        "events",
        "Top country pairs (actor → target)",
        marker=marker,
        customdata=scores,
        hovertemplate="%{y}: %{x} events, mean Goldstein %{customdata}<extra></extra>",
    )


def top_speakers(frame: pl.DataFrame) -> go.Figure | None:
    return _horizontal_bars(
        frame, "speaker", "quotes", "Most quoted speakers", marker_color="#6a51a3"
    )


def top_entities(frame: pl.DataFrame) -> go.Figure | None:
    if frame.is_empty():
        return None
    fig = go.Figure([
        go.Bar(x=part["mentions"], y=[_label(n) for n in part["name"]], orientation="h", name=kind)
        for (kind,), part in frame.group_by("type", maintain_order=True)
    ])  # fmt: skip
    order = [_label(name) for name in frame["name"]]
    fig.update_yaxes(autorange="reversed", categoryorder="array", categoryarray=order)
    return _layout(fig, "Most mentioned entities", 140 + 26 * frame.height)


def _chart_html(fig: go.Figure | None, div_id: str) -> Markup | None:
    if fig is None:
        return None
    return Markup(
        fig.to_html(full_html=False, include_plotlyjs=False, div_id=div_id, config=PLOT_CONFIG)
    )


def _rows(frame: pl.DataFrame) -> list[dict[str, object]]:
    return frame.to_dicts()


def gather(con: duckdb.DuckDBPyConnection) -> dict[str, object]:
    """Everything the page shows, as template values."""
    last_run = _rows(_frame(con, "last_run"))
    run = last_run[0] if last_run else None
    run_id = run["run_id"] if run else None
    figures = {
        "events_over_time": events_over_time(_frame(con, "events_over_time")),
        "top_country_pairs": top_country_pairs(_frame(con, "top_country_pairs")),
        "top_speakers": top_speakers(_frame(con, "top_speakers")),
        "top_entities": top_entities(_frame(con, "top_entities")),
    }
    return {
        "charts": {name: _chart_html(fig, f"chart-{name}") for name, fig in figures.items()},
        "table_counts": dict(con.execute(read_sql("load", "table_counts.sql")).fetchall()),
        "run": run,
        "rejected_files": _rows(_frame(con, "run_rejected_files", run_id)),
        "rejected_rows": _rows(_frame(con, "run_rejected_rows", run_id)),
        "rejected_files_total": con.execute(
            read_sql("report", "rejected_files_total.sql")
        ).fetchone()[0],
    }


def render(values: dict[str, object], db_name: str) -> str:
    environment = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True)
    template = environment.get_template("report.html.jinja")
    return template.render(
        **values,
        db_name=db_name,
        generated_at=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        plotly_js=Markup(get_plotlyjs()),
    )


def write_report(db_path: str | Path, output: str | Path) -> Path:
    """Write the HTML report of the warehouse (a file or a ducklake: spec) to output."""
    with targets.connect_reader(db_path) as con:
        try:
            values = gather(con)
        except duckdb.CatalogException:
            raise OutdatedWarehouse(
                f"{db_path} predates the analysts' views; run `wirehouse ingest` once to add them"
            ) from None
    out = Path(output)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render(values, targets.display_name(db_path)), encoding="utf-8")
    return out
