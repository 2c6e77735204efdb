-- A table that belongs to no single article (entities are shared) is written as one file.
COPY ({select}) TO ? (FORMAT parquet, COMPRESSION zstd)
