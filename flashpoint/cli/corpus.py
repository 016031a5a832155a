"""Corpus commands (ingest, incidents, timeline, search, stats, export): being written."""
