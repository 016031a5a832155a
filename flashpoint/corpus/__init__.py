"""Corpus: many reports in one store, deduplicated, merged into incidents and timelines.

- :mod:`~flashpoint.corpus.store`: the SQLite file (WAL, FTS5), schema derived from the model;
- :mod:`~flashpoint.corpus.ingest`: readers (folders, CSV, JSONL, feeds) and the resumable run;
- :mod:`~flashpoint.corpus.dedup`: near-duplicate detection (MinHash LSH);
- :mod:`~flashpoint.corpus.parallel`: the extraction engines (in process, processes, Dask);
- :mod:`~flashpoint.corpus.incidents`, :mod:`~flashpoint.corpus.timeline`,
  :mod:`~flashpoint.corpus.tension`: merging events into incidents, timelines, tension index.

Submodules are imported on demand so that ``import flashpoint.corpus`` stays cheap.
"""
