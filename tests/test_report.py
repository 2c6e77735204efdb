"""The HTML report: self-contained, escaped, and rendered for real in headless Chromium."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import polars as pl
import pytest
from analyst_fixture import build
from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from wirehouse import load
from wirehouse.cli import main
from wirehouse.report import QUAD_CLASSES, events_over_time

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
CHARTS = ("events_over_time", "top_country_pairs", "top_speakers", "top_entities")


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("report")
    build(root / "sample.duckdb")
    assert (
        main(["report", "--db", str(root / "sample.duckdb"), "-o", str(root / "sample.html")]) == 0
    )
    with load.connect(root / "empty.duckdb"):
        pass
    load.publish(root / "empty.duckdb")
    assert main(["report", "--db", str(root / "empty.duckdb"), "-o", str(root / "empty.html")]) == 0
    return {"sample": root / "sample.html", "empty": root / "empty.html"}


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    assert Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists(), (
        "install Debian's chromium and chromium-driver (.ci/run does)"
    )
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        # no name resolves: the page must not need the network
        "--host-resolver-rules=MAP * ~NOTFOUND",
        "--window-size=1280,2400",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


def open_page(driver, path: Path) -> list[dict]:
    driver.get(path.as_uri())
    WebDriverWait(driver, 30).until(
        lambda d: d.execute_script("return document.readyState") == "complete"
    )
    return driver.get_log("browser")


def test_the_page_needs_no_network(reports):
    page = reports["sample"].read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]+src=", page)
    assert not re.search(r"<link[^>]+href=", page)
    assert "Plotly.newPlot" in page


def test_article_text_is_escaped_in_the_html(reports):
    page = reports["sample"].read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in page
    assert "&lt;body&gt; is empty after boilerplate removal" in page


def test_report_renders_its_charts_in_chromium_without_console_errors(reports, browser, tmp_path):
    log = open_page(browser, reports["sample"])
    WebDriverWait(browser, 30).until(
        lambda d: len(d.find_elements(By.CSS_SELECTOR, ".plotly-graph-div .main-svg")) >= 4
    )
    screenshot = tmp_path / "report.png"
    assert browser.save_screenshot(str(screenshot))
    assert screenshot.stat().st_size > 10_000
    problems = [entry for entry in log + browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert problems == []
    for chart in CHARTS:
        bars = browser.find_elements(By.CSS_SELECTOR, f"#chart-{chart} .bars path")
        assert bars, f"{chart} drew no bars"
    speakers = browser.find_element(By.ID, "chart-top_speakers").text
    assert "Belarus <script>alert(1)</script>" in speakers  # shown as text, never run
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018
    rejects = browser.find_element(By.ID, "last-run").text
    assert "broken/empty.html" in rejects and "<body> is empty" in rejects
    assert "text: empty quote" in rejects


def test_report_of_an_empty_warehouse_says_so(reports, browser):
    log = open_page(browser, reports["empty"])
    assert [entry for entry in log if entry["level"] == "SEVERE"] == []
    text = browser.find_element(By.TAG_NAME, "main").text
    assert "No dated events yet." in text and "No run recorded" in text
    assert browser.find_elements(By.CSS_SELECTOR, ".plotly-graph-div") == []


def test_missing_warehouse_is_a_clear_error(tmp_path, capsys):
    assert main(["report", "--db", str(tmp_path / "none.duckdb"), "-o", str(tmp_path / "r.html")])
    assert "warehouse not found" in capsys.readouterr().err


def test_a_warehouse_without_the_views_gets_a_clear_message(tmp_path, capsys):
    db = tmp_path / "old.duckdb"
    with load.connect(db) as con:
        con.execute("DROP VIEW events_by_day_country_pair")
    load.publish(db)
    assert main(["report", "--db", str(db), "-o", str(tmp_path / "r.html")]) == 2
    assert "run `wirehouse ingest` once" in capsys.readouterr().err


def test_the_timeline_is_daily_over_short_spans_and_weekly_over_long_ones():
    days = [date(2025, 4, 28), date(2025, 4, 30), date(2025, 10, 21)]
    counts = {name: [1, 0, 2] for name in QUAD_CLASSES}
    long_span = events_over_time(pl.DataFrame({"day": days, **counts}))
    assert long_span.layout.title.text == "Events per week by quad class"
    assert list(long_span.data[0].y) == [1, 2]  # Apr 28 and 30 share a week
    short = events_over_time(pl.DataFrame({"day": days, **counts}).head(2))
    assert short.layout.title.text == "Events per day by quad class"
    assert events_over_time(pl.DataFrame({"day": [], **{n: [] for n in QUAD_CLASSES}})) is None
