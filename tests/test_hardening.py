"""Hardening (issue 11): the defects a hostile but realistic user met, one test each."""

from __future__ import annotations

import cProfile
import datetime as dt
import os
import pstats
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from spacy.tokens import Doc

import flashpoint.pipeline as pipeline
from flashpoint import Settings, extract
from flashpoint.corpus.ingest import ingest, read_source
from flashpoint.corpus.store import Store
from flashpoint.errors import (
    BadDate,
    EmptyInput,
    ExtractionFailed,
    InvalidUnicode,
    ModelNotFound,
    NotEnglish,
    StoreError,
)
from flashpoint.extractors.events import frames as fr
from flashpoint.ingest.text import decode, language_of
from flashpoint.nlp import load
from flashpoint.outputs.gdelt import rows

QUIET = Settings(check_language=False)
CLI = [sys.executable, "-c", "from flashpoint.cli import main; main()"]


def cli(*args: str, **kw: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=120, **kw)  # type: ignore[call-overload, no-any-return]


def one_line_error(done: subprocess.CompletedProcess[str], code: str) -> None:
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error {code}"), done.stderr
    assert "Traceback" not in done.stderr


# --- 3: recursion ---


@pytest.mark.parametrize(
    "text",
    [
        "The town was taken in an attack on Monday.",
        "The base was taken after a raid.",
        "A rally was staged during the strike.",
        "The square was held during the protest, and the bridge was taken in a raid.",
    ],
)
def test_agentless_passive_with_an_event_noun_does_not_recurse(text: str) -> None:
    report = extract(text, "2021-01-01", settings=QUIET)
    assert report.document.text == text


def test_long_coordinations_are_walked_without_recursion() -> None:
    # A parser chains "A and B and C ..." as a conj of a conj of ...: 3,000 deep here.
    n = 3000
    words = ["rifles", "seized"] * n
    heads = [max(i - 2, 0) if i % 2 == 0 else i - 1 for i in range(2 * n)]
    doc = Doc(load(QUIET.model).vocab, words=words, heads=heads,
              deps=["ROOT"] + ["cc" if i % 2 else "conj" for i in range(1, 2 * n)],
              pos=["NOUN" if i % 2 == 0 else "CCONJ" for i in range(2 * n)])  # fmt: skip
    found = fr.conjuncts(doc[0])
    assert len(found) == n and [t.i for t in found] == list(range(0, 2 * n, 2))
    # Through the pipeline: sentences are capped, and the walk is a loop anyway.
    text = "Police seized " + " and ".join(["rifles"] * 1200) + " in the raid on Monday."
    report = extract(text, "2021-01-01", settings=QUIET)
    assert report.document.text == text
    names = ", ".join(["Ahmed"] * 1200)
    report = extract(f"Soldiers detained {names} and Ali on Monday.", settings=QUIET)
    assert any(e.trigger.text == "detained" for e in report.events)


# --- 5: linear cost and bounded pathological texts ---


def _seconds(text: str) -> float:
    started = time.perf_counter()
    extract(text, "2021-01-01", settings=QUIET)
    return time.perf_counter() - started


def test_pathological_texts_stay_bounded() -> None:
    unclosed = '"Troops attacked the town and the police fired on the crowd ' * 400  # 24 KB
    said = "said he said " * 2000
    assert _seconds(unclosed) < 60
    assert _seconds(said) < 60


def _calls(text: str) -> int:
    """The Python function calls one extraction makes: a count of work that, unlike a
    timing, does not depend on the machine or its load."""
    profile = cProfile.Profile()
    profile.enable()
    extract(text, "2021-01-01", settings=QUIET)
    profile.disable()
    return pstats.Stats(profile).total_calls  # type: ignore[attr-defined]


def test_work_grows_about_linearly_with_length() -> None:
    para = (
        "Police fired tear gas at protesters in the capital on Monday, officials said. "
        "The interior minister said 40 people were arrested after the march.\n\n"
    )
    _calls(para)  # loads the model and the tables once
    ratio = _calls(para * 320) / _calls(para * 40)  # about 48 KB against 6 KB
    assert ratio < 8 * 1.25  # 8x the text: linear with some slack, far from 64x


# --- 9: texts over spaCy's max_length are parsed in pieces ---


def test_long_texts_are_parsed_in_pieces_with_offsets_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    para = "Rebels attacked the northern town of Kardo on Monday. Police arrested 12 men.\n\n"
    text = para * 30
    whole = extract(text, "2021-01-01", settings=QUIET)
    monkeypatch.setattr(pipeline, "PIECE_CHARS", 500)
    assert len(pipeline.split_text(text)) > 4
    pieces = extract(text, "2021-01-01", settings=QUIET)
    assert pieces.document.text == text
    assert len(pieces.events) == len(whole.events) > 0
    for event in pieces.events:
        assert text[event.trigger.start : event.trigger.end] == event.trigger.text


def test_split_text_joins_back_and_cuts_at_breaks() -> None:
    text = "Troops attacked. " * 70000
    parts = pipeline.split_text(text)
    assert "".join(parts) == text and max(map(len, parts)) <= pipeline.PIECE_CHARS
    assert all(p.endswith(". ") for p in parts[:-1])
    assert "".join(pipeline.split_text("x" * 250_001)) == "x" * 250_001


# --- 7: language identification ---


@pytest.mark.parametrize(
    "headline",
    [
        "Somalia severs ties with Kenya; expels diplomats",
        "Junta orders envoy out within 48 hours",
        "Rebels seize border town after three days of fighting",
        "Opposition leader detained as protests grow in capital",
    ],
)
def test_short_english_headlines_are_not_refused(headline: str) -> None:
    assert extract(headline, "2021-01-01").document.text == headline


def test_long_foreign_text_is_refused_with_the_confidence() -> None:
    french = (
        "Les soldats ont attaqué la ville lundi matin, selon le gouvernement, qui a dénoncé "
        "une agression inacceptable contre la population civile. Plusieurs maisons ont été "
        "détruites et des dizaines de familles ont fui vers le sud."
    )
    assert language_of(french)[0] == "fr"
    with pytest.raises(NotEnglish, match=r"'fr', not English \(confidence (0\.9\d|1\.00)\)"):
        extract(french)


# --- 13: Python API ---


def test_published_may_be_a_datetime() -> None:
    report = extract("Troops attacked the town.", dt.datetime(2021, 3, 4, 15, 30), settings=QUIET)
    assert report.document.published == "2021-03-04"
    with pytest.raises(BadDate):
        extract("Troops attacked the town.", 20210304, settings=QUIET)  # type: ignore[arg-type]


def test_api_raises_named_errors_only() -> None:
    with pytest.raises(InvalidUnicode, match="U\\+D800"):
        extract("Troops attacked \ud800 the town.", settings=QUIET)
    with pytest.raises(EmptyInput):
        extract(None, settings=QUIET)  # type: ignore[arg-type]
    with pytest.raises(ExtractionFailed, match=r"FP032.*not valid"):
        extract("Troops attacked the town.", title=123, settings=QUIET)  # type: ignore[arg-type]
    report = extract("Troops attacked the town.", title="Raid \udc00", settings=QUIET)
    assert report.document.title == "Raid \ufffd" and report.model_dump_json()


def test_utf16_text_is_read_not_called_binary() -> None:
    text = "Troops attacked the town on Monday."
    assert decode(text.encode("utf-16")) == text
    assert decode(text.encode("utf-16-le")) == text
    assert decode(text.encode("utf-16-be")) == text


def test_gdelt_cells_hold_no_line_breaks() -> None:
    report = extract("Troops attacked the town.", "2021-01-01", settings=QUIET,
                     source="feed\r\nline\u2028two\tcol")  # fmt: skip
    out = list(rows(report))
    assert out and all("\r" not in c and "\n" not in c and "\t" not in c for r in out for c in r)
    assert "feed  line two col" in out[0]


# --- 4 and 13: one bad item is a skip, and the ingest goes on ---

GOOD = "Troops attacked the town of Kardo on Monday, officials said."


def test_bad_jsonl_records_are_skips(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    lines = [
        '{"text": "Troops attacked \\ud800 the town."}',
        "[" * 99999 + "]" * 99999,
        '{"text": "x", "title": "\\udc00 bad title"}',
        '{"text": ' + '"' + GOOD + '", "title": "Ok \\udfff"}',
        "not json",
    ]
    path.write_text("\n".join(lines) + "\n")
    with Store(tmp_path / "c.db") as store:
        summary = ingest(path, store, settings=QUIET, progress=False, incidents=False)
        assert summary.added == 2
        assert summary.skipped == {"FP045": 1, "FP034": 2}
        assert "nested too deeply" in summary.reasons["FP034"] or summary.skipped["FP034"] == 2
        titles = {r.document.title for r in store.reports()}
    assert "Ok \ufffd" in titles


def test_csv_with_a_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(b"\xef\xbb\xbftext,date\n" + f'"{GOOD}",2021-02-03\n'.encode())
    items = list(read_source(path))
    assert len(items) == 1 and items[0].text == GOOD and items[0].published == "2021-02-03"


def test_csv_row_with_a_nul_byte_is_a_skip(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(b"text\n" + f'"{GOOD}"\n'.encode() + b'"bad\x00row"\n"Police fired."\n')
    items = list(read_source(path))
    assert [i.error.code if i.error else "ok" for i in items].count("ok") >= 2


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX permissions")
@pytest.mark.parametrize("name", ["b.txt", "b.jsonl"])  # a folder also reads JSONL records
def test_unreadable_file_in_a_folder_is_a_skip(tmp_path: Path, name: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD)
    bad = folder / name
    bad.write_text("x")
    bad.chmod(0)
    if os.geteuid() == 0:  # root reads anything: drop the capabilities that allow it
        if shutil.which("setpriv") is None:
            pytest.skip("setpriv is needed to drop root's read-anything capabilities")
        prefix = ["setpriv", "--inh-caps=-all", "--bounding-set=-dac_override,-dac_read_search"]
    else:
        prefix = []
    db = tmp_path / "c.db"
    done = subprocess.run(
        [*prefix, *CLI, "ingest", str(folder), "--db", str(db), "-q", "--json"],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert '"added": 1' in done.stdout and '"FP041": 1' in done.stdout


def test_extraction_failure_skip_rows_name_their_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import flashpoint.corpus.parallel as parallel

    real = parallel.extract_many

    def fragile(texts, *args, **kw):  # type: ignore[no-untyped-def]
        texts = list(texts)
        if any("KABOOM" in t for t in texts):
            raise RuntimeError("boom")
        return real(texts, *args, **kw)

    monkeypatch.setattr(parallel, "extract_many", fragile)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD)
    (folder / "b.txt").write_text("KABOOM went the depot on Monday, officials said.")
    with Store(tmp_path / "c.db") as store:
        summary = ingest(folder, store, settings=QUIET, progress=False, incidents=False)
        assert summary.added == 1 and summary.skipped == {"FP032": 1}
        skipped = list(store.rows("skipped")[1])
    assert skipped[0][1] == str(folder / "b.txt")


# --- 11: a wrong model fails first ---


def test_wrong_model_fails_before_any_skip_row(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD)
    with Store(tmp_path / "c.db") as store:
        with pytest.raises(ModelNotFound, match="FP010"):
            ingest(folder, store, settings=Settings(model="nope"), progress=False)
        assert store.count("skipped") == 0
    done = cli("ingest", str(folder), "--db", str(tmp_path / "d.db"), "--model", "nope", "-q")
    one_line_error(done, "FP010")


# --- 10: a read-only corpus can be read ---


def test_reading_a_store_writes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD)
    with Store(db) as store:
        ingest(folder, store, settings=QUIET, progress=False)
    before = {p.name: p.read_bytes() for p in tmp_path.glob("c.db*")}
    with Store(db, read_only=True) as store:
        assert store.stats()["documents"] == 1
        assert store.search("Kardo")
        with pytest.raises(Exception, match="readonly"):
            store.conn.execute("DELETE FROM documents")
    assert before["c.db"] == (tmp_path / "c.db").read_bytes()
    with pytest.raises(StoreError, match="no corpus"):
        Store(tmp_path / "missing.db", read_only=True)


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX permissions")
def test_cli_reads_a_corpus_it_may_not_write(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD)
    ro = tmp_path / "ro"
    ro.mkdir()
    db = ro / "c.db"
    assert cli("ingest", str(folder), "--db", str(db), "-q").returncode == 0
    db.chmod(0o444)
    ro.chmod(0o555)
    prefix: list[str] = []
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("setpriv is needed to drop root's write-anything capabilities")
        prefix = ["setpriv", "--inh-caps=-all", "--bounding-set=-dac_override,-dac_read_search"]
    try:
        for args in (["stats"], ["search", "Kardo"], ["incidents"]):
            done = subprocess.run([*prefix, *CLI, *args, "--db", str(db)], capture_output=True,
                                  text=True, timeout=120)  # fmt: skip
            assert done.returncode == 0, done.stderr
    finally:
        ro.chmod(0o755)


# --- 8: usage errors ---


@pytest.mark.parametrize(
    "args",
    [["search", "--bogus", "x"], ["extract"], ["ingest"], ["stats", "--db"], ["nosuchcommand"]],
)
def test_usage_errors_are_one_coded_line(args: list[str]) -> None:
    one_line_error(cli(*args), "FP046")


def test_closed_stdin_is_a_coded_error() -> None:
    done = subprocess.run([*CLI, "extract", "-"], stdin=subprocess.DEVNULL, capture_output=True,
                          text=True, timeout=120, pass_fds=())  # fmt: skip
    one_line_error(done, "FP001")  # an empty stdin is empty input
    closed = subprocess.run(
        ["bash", "-c", '"$0" -c "from flashpoint.cli import main; main()" extract - <&-',
         sys.executable], capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    one_line_error(closed, "FP040")


def test_html_extract_works_after_a_plain_install(tmp_path: Path) -> None:
    page = tmp_path / "a.html"
    page.write_text("<html><body><p>Troops attacked the town.</p></body></html>")
    done = cli("extract", str(page), "--published", "2021-01-01")
    assert done.returncode == 0, done.stderr
    assert "Troops attacked the town." in done.stdout


# --- 12: workers die with a killed ingest ---


@pytest.mark.skipif(sys.platform != "linux", reason="process tree through /proc")
def test_workers_die_when_the_ingest_is_killed(tmp_path: Path) -> None:
    psutil = pytest.importorskip("psutil")
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(400):
        (folder / f"{n}.txt").write_text(f"Item {n}: troops attacked the town of Kardo. " * 40)
    parent = subprocess.Popen(
        [*CLI, "ingest", str(folder), "--db", str(tmp_path / "c.db"), "--workers", "2", "-q"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 120
        workers: list[object] = []
        while time.monotonic() < deadline and len(workers) < 2:
            time.sleep(0.5)
            workers = [
                p for p in psutil.Process(parent.pid).children(recursive=True)
                if "spawn_main" in " ".join(p.cmdline())
            ]  # fmt: skip
        assert len(workers) >= 2, "the workers never started"
        time.sleep(1.0)
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait(timeout=30)
        _, alive = psutil.wait_procs(workers, timeout=20)  # type: ignore[arg-type]
        assert not alive, f"workers outlived the ingest: {alive}"
    finally:
        if parent.poll() is None:
            parent.kill()
