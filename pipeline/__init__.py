"""koubo's pipeline: crawl into WARC, decode into documents, build the SQLite database."""
