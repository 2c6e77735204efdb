"""wirehouse: news article files in, an analytics warehouse out.

Stages, one module each, data flowing one way:
read -> extract -> transform (entities, amounts, quotes, events) -> validate -> load.
"""

__version__ = "0.1.0"
