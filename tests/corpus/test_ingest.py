"""Ingest: folders, CSV, JSONL; idempotence, resume after interruption, skips with reasons."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from flashpoint.config import Settings
from flashpoint.corpus.ingest import Columns, Item, count_items, ingest, read_source
from flashpoint.corpus.store import Store
from flashpoint.errors import MissingColumn
from flashpoint.pipeline import document_id

# Invented news-style stories, written for these tests.
STORIES = [
    (
        "2024-05-02",
        "Border guards in the northern province reported on Wednesday that a convoy of "
        "armoured vehicles had crossed the frontier before dawn. The interior ministry said "
        "three soldiers were wounded in an exchange of fire near the river crossing, and "
        "called the incursion a grave provocation. Local officials ordered schools closed.",
    ),
    (
        "2024-05-03",
        "The foreign minister flew to the capital on Thursday for talks aimed at easing the "
        "standoff over the disputed islands. Diplomats from both countries met for six hours "
        "and agreed to reopen a hotline between their navies, according to a joint statement "
        "issued late in the evening by the two governments.",
    ),
    (
        "2024-05-04",
        "Thousands of protesters marched through the port city on Saturday, demanding the "
        "release of journalists detained last month. Police fired tear gas near the harbour "
        "and arrested at least forty people, a rights group said. The mayor appealed for "
        "calm and promised an inquiry into the conduct of the security forces.",
    ),
    (
        "2024-05-06",
        "The central bank raised interest rates by half a point on Monday, citing a surge in "
        "fuel prices after the pipeline was shut. Traders said the currency weakened sharply "
        "in early trading, while the finance ministry insisted that reserves remained ample "
        "and that there was no need for emergency support from abroad.",
    ),
    (
        "2024-05-07",
        "Aid agencies warned on Tuesday that food stocks in the besieged town would run out "
        "within two weeks unless a corridor was opened. A convoy of twelve lorries carrying "
        "flour and medicine has been waiting at the checkpoint since Friday, the agencies "
        "said, as negotiations with the armed group controlling the road stalled.",
    ),
]

SPANISH = (
    "El gobierno anunció el martes nuevas medidas para contener la inflación, incluidas "
    "subvenciones al transporte público y un control temporal de los precios de los alimentos "
    "básicos en todo el país, según informó el ministerio de economía."
)

SETTINGS = Settings()


def edited_copy(text: str) -> str:
    """A syndicated copy with a dateline and a changed phrase."""
    return "PORT CITY (Wire) - " + text.replace("on Saturday", "at the weekend")


def write_folder(root: Path) -> Path:
    folder = root / "reports"
    (folder / "week1").mkdir(parents=True)
    for n, (_date, text) in enumerate(STORIES[:3]):
        (folder / "week1" / f"story{n}.txt").write_text(text, encoding="utf-8")
    page = (
        "<html><head><title>Bank raises rates</title>"
        '<meta name="date" content="2024-05-06"></head>'
        f"<body><article><h1>Bank raises rates</h1><p>{STORIES[3][1]}</p></article></body></html>"
    )
    (folder / "bank.html").write_text(page, encoding="utf-8")
    (folder / "notes.md").write_text("not read: wrong suffix", encoding="utf-8")
    return folder


def write_jsonl(path: Path, rows: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def snapshot(store: Store) -> list[tuple[object, ...]]:
    return list(
        store.conn.execute(
            "SELECT id, published, duplicate_of, n_events, report FROM documents ORDER BY id"
        )
    )


def test_folder_is_read_recursively_and_reingest_changes_nothing(tmp_path: Path) -> None:
    folder = write_folder(tmp_path)
    assert count_items(folder) == 4
    with Store(tmp_path / "c.db") as store:
        first = ingest(folder, store, progress=False, settings=SETTINGS)
        assert first.added == 4 and not first.skipped
        before = snapshot(store)
        again = ingest(folder, store, progress=False, settings=SETTINGS)
        assert again.added == 0 and again.unchanged == 4
        assert snapshot(store) == before
        html = store.conn.execute(
            "SELECT title, published FROM documents WHERE source LIKE '%bank.html'"
        ).fetchone()
        assert html == ("Bank raises rates", "2024-05-06")


def test_bad_inputs_are_skipped_with_reasons(tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "good.txt").write_text(STORIES[0][1], encoding="utf-8")
    (folder / "empty.txt").write_text("   \n", encoding="utf-8")
    (folder / "blob.txt").write_bytes(b"\x00\x01\x02binary" * 50)
    (folder / "latin1.txt").write_bytes("Caf\xe9 ferm\xe9 ".encode("latin-1") * 20)
    (folder / "spanish.txt").write_text(SPANISH, encoding="utf-8")
    with Store(tmp_path / "c.db") as store:
        summary = ingest(folder, store, progress=False, settings=SETTINGS)
        assert summary.added == 1
        assert dict(summary.skipped) == {"FP001": 1, "FP002": 1, "FP003": 1, "FP005": 1}
        reasons = dict(store.conn.execute("SELECT code, reason FROM skipped"))
        assert "'es'" in reasons["FP005"] and "spanish.txt" in reasons["FP005"]
        assert store.stats()["skipped_by_reason"] == {
            "FP001": 1,
            "FP002": 1,
            "FP003": 1,
            "FP005": 1,
        }
        # Known bad inputs are not re-examined, nor recorded twice.
        rerun = ingest(folder, store, progress=False, settings=SETTINGS)
        assert rerun.unchanged == 5 and not rerun.skipped
        assert store.count("skipped") == 4


def test_near_duplicate_is_stored_as_a_copy_of_its_original(tmp_path: Path) -> None:
    rows = [
        {"body": STORIES[2][1], "day": "2024-05-04", "link": "https://one.example/a"},
        {"body": STORIES[1][1], "day": "2024-05-03", "link": "https://two.example/b"},
        {
            "body": edited_copy(STORIES[2][1]),
            "day": "2024-05-05",
            "link": "https://www.three.example/c",
        },
    ]
    path = write_jsonl(tmp_path / "feed.jsonl", rows)
    columns = Columns(text="body", date="day", url="link")
    with Store(tmp_path / "c.db") as store:
        summary = ingest(path, store, columns=columns, progress=False, settings=SETTINGS)
        assert (summary.added, summary.duplicates) == (2, 1)
        original = document_id(STORIES[2][1])
        copy = document_id(edited_copy(STORIES[2][1]))
        row = store.conn.execute(
            "SELECT duplicate_of, outlet, report FROM documents WHERE id = ?", (copy,)
        ).fetchone()
        assert row == (original, "three.example", None)
        assert store.copies() == {original: ["three.example"]}
        assert store.stats()["duplicates"] == 1


def test_csv_columns_and_missing_text_column(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    lines = ["headline,when,article,site"]
    for n, (date, text) in enumerate(STORIES[:2]):
        lines.append(f'"Story {n}",{date},"{text}",Daily Example')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    columns = Columns(text="article", date="when", title="headline", outlet="site")
    items = list(read_source(path, columns))
    assert [i.title for i in items] == ["Story 0", "Story 1"]
    assert items[1].published == STORIES[1][0] and items[0].outlet == "Daily Example"
    with pytest.raises(MissingColumn):
        list(read_source(path, Columns(text="body")))


def test_bad_jsonl_line_is_skipped_not_fatal(tmp_path: Path) -> None:
    path = tmp_path / "b.jsonl"
    path.write_text(
        json.dumps({"text": STORIES[4][1], "date": "2024-05-07"})
        + "\n{not json\n"
        + json.dumps({"body": "no text field"})
        + "\n",
        encoding="utf-8",
    )
    with Store(tmp_path / "c.db") as store:
        summary = ingest(path, store, progress=False, settings=SETTINGS)
    assert summary.added == 1 and dict(summary.skipped) == {"FP034": 1, "FP033": 1}


def items() -> list[Item]:
    return [
        Item(key=f"mem:{n}", text=text, published=date) for n, (date, text) in enumerate(STORIES)
    ]


class Interrupted(Exception):
    pass


def test_interrupted_run_resumes_without_loss_or_duplicates(tmp_path: Path) -> None:
    with Store(tmp_path / "full.db") as full:
        ingest(items(), full, progress=False, batch_size=2, settings=SETTINGS)
        expected = snapshot(full)

    def stop_after_first(batch: int) -> None:
        if batch == 1:
            raise Interrupted

    with Store(tmp_path / "resumed.db") as store:
        with pytest.raises(Interrupted):
            ingest(
                items(),
                store,
                progress=False,
                batch_size=2,
                settings=SETTINGS,
                on_batch=stop_after_first,
            )
        assert store.count("documents") == 2  # the first batch was committed whole
        rest = ingest(items(), store, progress=False, batch_size=2, settings=SETTINGS)
        assert (rest.unchanged, rest.added) == (2, 3)
        assert snapshot(store) == expected


def test_killed_process_resumes(tmp_path: Path) -> None:
    """A real SIGKILL after the second committed batch, then a rerun."""
    path = write_jsonl(tmp_path / "in.jsonl", [{"text": t, "date": d} for d, t in STORIES])
    db = tmp_path / "k.db"
    script = textwrap.dedent(
        f"""
        import os, signal
        from flashpoint.corpus.ingest import ingest
        from flashpoint.corpus.store import Store

        def kill(n):
            if n == 2:
                os.kill(os.getpid(), signal.SIGKILL)

        ingest({str(path)!r}, Store({str(db)!r}), batch_size=1, progress=False, on_batch=kill)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=Path(__file__).parents[2],
        env={**os.environ},
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == -9
    with Store(db) as store:
        assert store.count("documents") == 2
        summary = ingest(path, store, progress=False, batch_size=1, settings=SETTINGS)
        assert (summary.unchanged, summary.added) == (2, 3)
        ids = [row[0] for row in store.conn.execute("SELECT id FROM documents")]
    assert sorted(ids) == sorted(document_id(t) for _, t in STORIES)


def test_limit_reads_only_the_first_items(tmp_path: Path) -> None:
    with Store(tmp_path / "c.db") as store:
        summary = ingest(items(), store, limit=2, progress=False, settings=SETTINGS)
    assert summary.read == 2 and summary.added == 2
