-- Write one table's rows as Hive-partitioned Parquet: <target>/published_month=YYYY-MM/*.parquet,
-- with rows of unknown month under published_month=__HIVE_DEFAULT_PARTITION__ (read back as NULL).
COPY ({select}) TO ? (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (published_month))
