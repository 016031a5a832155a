"""A folder of reports may hold JSONL records next to text files (the sample corpus does)."""

from __future__ import annotations

import json
from pathlib import Path

from flashpoint.corpus.ingest import count_items, read_source


def test_a_folder_reads_jsonl_records_with_their_metadata(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("Varnian troops crossed the border.", encoding="utf-8")
    records = [
        {"text": "Ossland closed its embassy.", "date": "2026-03-02",
         "url": "https://ledger.example/a", "title": "Embassy closed"},
        {"text": "Talks resumed in Kessel.", "date": "2026-03-03", "url": "https://wire.example/b"},
    ]  # fmt: skip
    (tmp_path / "more.jsonl").write_text(
        "\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8"
    )
    (tmp_path / "notes.md").write_text("not a report", encoding="utf-8")
    items = list(read_source(tmp_path))
    assert len(items) == 3 == count_items(tmp_path)
    by_text = {i.text: i for i in items if i.text}
    embassy = by_text["Ossland closed its embassy."]
    assert embassy.outlet == "ledger.example" and embassy.published == "2026-03-02"
    assert embassy.title == "Embassy closed"
    assert any(i.data and b"Varnian" in i.data for i in items)
