-- An empty table still gets one (empty) file, so readers of the target see its columns.
COPY (SELECT * EXCLUDE (published_month) FROM ({select}) WHERE false) TO ? (FORMAT parquet)
