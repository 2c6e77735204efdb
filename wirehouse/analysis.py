"""The NLP of one article: entities, amounts, quotes and events of its body.

Pure (article in, Analysis out) and free of polars and the table schemas, so the worker pool's
fork server (wirehouse.parallel) can load the whole NLP without polars' threads; laying the
results out as tables is wirehouse.transform's part.
"""

from __future__ import annotations

from wirehouse import nlp
from wirehouse.amounts import find_amounts
from wirehouse.entities import find_entities
from wirehouse.events import find_events
from wirehouse.model import Analysis, Article
from wirehouse.quotes import find_quotes
from wirehouse.timing import timed


def analyse(article: Article) -> Analysis:
    """Entities, amounts, quotes and events of one article; offsets index article.body.

    A stage that fails (a bug met on unusual text) costs the article that stage's rows only:
    the failure is kept in analysis.failures, and the other stages still run. Quotes and events
    name their speakers and actors through the entities, so they wait on that stage."""
    analysis = Analysis()
    doc = _stage(analysis, "entities", nlp.parse, article.body)  # the recogniser runs here
    found = _stage(analysis, "entities", find_entities, doc) if doc is not None else None
    if found is not None:
        analysis.entities, analysis.mentions = found
    analysis.amounts = _stage(analysis, "amounts", find_amounts, article.body) or []
    if "entities" in analysis.failures:
        for stage in ("quotes", "events"):
            analysis.failures[stage] = "not run: the entities stage failed"
        return analysis
    analysis.quotes = _stage(analysis, "quotes", find_quotes, doc, *found) or []
    published = article.published_at
    analysis.events = _stage(analysis, "events", find_events, doc, *found, published) or []
    return analysis


def _stage(analysis: Analysis, stage: str, function, *args):
    """function(*args) timed as `stage`; None, with the failure noted, when it raises. A time
    limit or lack of memory is the whole file's problem, so those go on up."""
    try:
        return timed(stage, function, *args)
    except (TimeoutError, MemoryError):
        raise
    except Exception as error:
        analysis.failures[stage] = f"internal error: {type(error).__name__}: {error}"
        return None
