"""Fuzzing (issue 11): whatever the input, only named Flashpoint errors escape, in time.

Random and perturbed news text goes through ``extract``; random bytes, JSONL, CSV and
feeds go through the ingest readers and a real (temporary) store. Each property runs
a few dozen examples so the suite stays fast; the seeds are derandomized so that a
failure reproduces in CI.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flashpoint import Settings, extract
from flashpoint.corpus.ingest import ingest
from flashpoint.corpus.store import Store
from flashpoint.errors import FlashpointError
from flashpoint.ingest.text import load_bytes
from flashpoint.models import Report

SENTENCES = [
    "Police fired tear gas at protesters in the capital on Monday, officials said.",
    '"We will not back down," the opposition leader told reporters outside parliament.',
    "The army said it had killed 12 militants in an air strike near the border town.",
    "At least 40 people were arrested after the march, according to the interior ministry.",
    "The town was taken in an attack on Monday.",
    "Rebels seized the airport and two bridges, and the government declared a curfew.",
    "Kenya expelled three diplomats on Friday, accusing them of spying for Somalia.",
    "He said that she said that they said the ceasefire would hold until March 3.",
]
JUNK = ['"', "“", "”", "'", "(", ")", "\n", "\n\n", "\r", "\t", ",", ".", "—", "\u2028",
        "\ufeff", "\x00", "\x0b", "é", "Ω", "☃", "𝕏", "\ud800", " said ", " and ", "12",
        "Monday", "U.S.", "  "]  # fmt: skip
BOUND = 30.0  # seconds: no example may come near this


@st.composite
def news(draw: st.DrawFn) -> str:
    """News sentences, cut, repeated and sprinkled with quotes, breaks and odd characters."""
    parts = draw(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=6))
    text = " ".join(parts) * draw(st.integers(1, 3))
    for _ in range(draw(st.integers(0, 12))):
        at = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "repeat"]))
        if action == "insert":
            text = text[:at] + draw(st.sampled_from(JUNK)) + text[at:]
        elif action == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 20)) :]
        else:
            text = text[:at] + text[at : at + 30] * draw(st.integers(2, 30)) + text[at:]
    return text


FUZZ = settings(
    max_examples=60,
    deadline=None,  # timed by hand against BOUND: the machine is shared and noisy
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def check_report(report: Report, text: str) -> None:
    """The record keeps the text, and every offset in it points inside the text."""
    assert report.document.text == text
    stack: list[object] = [report.model_dump(exclude={"document"})]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            start, end = value.get("start"), value.get("end")
            if isinstance(start, int) and isinstance(end, int):
                assert 0 <= start <= end <= len(text), value
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)


def run_extract(text: str, **kw: object) -> None:
    started = time.perf_counter()
    try:
        report = extract(text, "2021-01-01", **kw)  # type: ignore[arg-type]
    except FlashpointError:
        pass
    else:
        check_report(report, text)
    assert time.perf_counter() - started < BOUND


@FUZZ
@given(news())
def test_extract_perturbed_news(text: str) -> None:
    run_extract(text, settings=Settings(check_language=False))


@settings(FUZZ, max_examples=40)
@given(st.text(max_size=600))
def test_extract_random_text(text: str) -> None:
    run_extract(text)  # with the language check


@settings(FUZZ, max_examples=30)
@given(st.one_of(st.none(), st.integers(), st.binary(max_size=20), st.dates(),
                 st.datetimes(), st.text(max_size=12)))  # fmt: skip
def test_extract_odd_arguments(published: object) -> None:
    started = time.perf_counter()
    quiet = Settings(check_language=False)
    try:
        report = extract("Troops attacked the town.", published, settings=quiet)  # type: ignore[arg-type]
    except FlashpointError:
        assert not isinstance(published, dt.date | type(None))  # those are valid dates
    else:
        assert report.document.published is None or len(report.document.published) == 10
    assert time.perf_counter() - started < BOUND


def html_of(text: str) -> bytes:
    return f"<html><head><title>T</title></head><body><p>{text}</p></body></html>".encode(
        "utf-8", "surrogatepass"
    )


@settings(FUZZ, max_examples=50)
@given(st.one_of(st.binary(max_size=400), news().map(html_of),
                 news().map(lambda t: t.encode("utf-16", "surrogatepass"))))  # fmt: skip
def test_load_bytes(data: bytes) -> None:
    try:
        raw = load_bytes(data, where="fuzz")
    except FlashpointError:
        return
    assert isinstance(raw.text, str)


def run_ingest(name: str, data: bytes) -> None:
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        with Store(Path(folder) / "c.db") as store:
            try:
                summary = ingest(
                    path.parent if name.endswith(".txt") else path, store, progress=False,
                    incidents=False, settings=Settings(check_language=False),
                )  # fmt: skip
            except FlashpointError:
                return
            stored = store.count("documents") + store.count("skipped")
    assert summary.read >= summary.added + sum(summary.skipped.values())
    assert stored >= summary.added
    assert time.perf_counter() - started < BOUND


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner),
    max_leaves=10,
)


@st.composite
def jsonl(draw: st.DrawFn) -> bytes:
    lines: list[str] = []
    for _ in range(draw(st.integers(1, 5))):
        kind = draw(st.sampled_from(["record", "value", "junk"]))
        if kind == "record":
            record = {
                "text": draw(news() | st.text(max_size=80) | json_values),
                "title": draw(st.text(max_size=20)),
                "date": draw(st.text(max_size=12) | st.just("2021-05-06")),
                "url": draw(st.text(max_size=20)),
            }
            line = json.dumps(record, ensure_ascii=draw(st.booleans()))
        elif kind == "value":
            line = json.dumps(draw(json_values))
        else:
            line = draw(st.text(max_size=60)).replace("\n", " ")
        lines.append(line)
    return "\n".join(lines).encode("utf-8", "surrogatepass")


@st.composite
def csv_file(draw: st.DrawFn) -> bytes:
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(draw(st.sampled_from([["text", "date"], ["date", "text", "title"], ["body"]])))
    for _ in range(draw(st.integers(0, 4))):
        writer.writerow(
            [draw(news() | st.text(max_size=50)) for _ in range(draw(st.integers(0, 4)))]
        )
    raw = out.getvalue().encode("utf-8", "surrogatepass")
    if draw(st.booleans()):
        raw = b"\xef\xbb\xbf" + raw
    at = draw(st.integers(0, len(raw)))
    return raw[:at] + draw(st.binary(max_size=6)) + raw[at:]


@st.composite
def feed_file(draw: st.DrawFn) -> bytes:
    items = []
    for _ in range(draw(st.integers(0, 3))):
        title = draw(st.text(max_size=30)).replace("<", "&lt;")
        link = draw(st.sampled_from(["", "notes.txt", "file:/etc/passwd", "ftp://x/y",
                                     "javascript:x", "http:///nohost"]))  # fmt: skip
        summary = draw(news()).replace("<", "&lt;").replace("&", "&amp;")
        date = draw(st.sampled_from(["", "Thu, 02 May 2024 08:00:00 GMT", "yesterday", "Feb 30"]))
        items.append(f"<item><title>{title}</title><link>{link}</link><pubDate>{date}</pubDate>"
                     f"<description>{summary}</description></item>")  # fmt: skip
    raw = f'<rss version="2.0"><channel><title>F</title>{"".join(items)}</channel></rss>'
    data = raw.encode("utf-8", "surrogatepass")
    if draw(st.booleans()):
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(max_size=8)) + data[at:]
    return data


@settings(FUZZ, max_examples=40)
@given(st.binary(max_size=300) | news().map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_ingest_random_files(data: bytes) -> None:
    run_ingest("in/a.txt", data)


@settings(FUZZ, max_examples=40)
@given(jsonl())
def test_ingest_random_jsonl(data: bytes) -> None:
    run_ingest("in.jsonl", data)


@settings(FUZZ, max_examples=40)
@given(csv_file())
def test_ingest_random_csv(data: bytes) -> None:
    run_ingest("in.csv", data)


@settings(FUZZ, max_examples=20)
@given(feed_file())
def test_ingest_random_feeds(data: bytes) -> None:
    run_ingest("in.xml", data)
