"""Pandera schemas of the warehouse tables, one DataFrameModel per contract table."""

from schemas.tables import (
    AmountsSchema,
    ArticlesSchema,
    EntitiesSchema,
    EntityMentionsSchema,
    EventsSchema,
    QuotesSchema,
    RejectedRowsSchema,
    SourceFilesSchema,
)

TABLE_SCHEMAS = {
    "source_files": SourceFilesSchema,
    "articles": ArticlesSchema,
    "entities": EntitiesSchema,
    "entity_mentions": EntityMentionsSchema,
    "quotes": QuotesSchema,
    "events": EventsSchema,
    "amounts": AmountsSchema,
}

__all__ = ["TABLE_SCHEMAS", "RejectedRowsSchema", *(s.__name__ for s in TABLE_SCHEMAS.values())]
