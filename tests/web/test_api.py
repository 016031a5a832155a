"""The web app's pages and JSON twins, through FastAPI's test client over the sample corpus."""

from __future__ import annotations

import csv
import io
import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from flashpoint.corpus.store import Store
from flashpoint.errors import QueryTimeout
from flashpoint.web import WebSettings, create_app
from flashpoint.web.corpus import WebCorpus
from tests.web.conftest import HOSTILE, HOSTILE_URL

PAGES = ["/", "/incidents", "/timeline", "/map", "/search?q=ceasefire", "/extract"]


def get_json(client: TestClient, url: str, status: int = 200) -> Any:
    response = client.get(url)
    assert response.status_code == status, response.text
    return response.json()


def hostile_id(client: TestClient) -> str:
    hits = get_json(client, "/api/search?q=owned")["hits"]
    return str(hits[0]["document"])


@pytest.mark.parametrize("path", PAGES)
def test_every_page_is_html_with_a_csp_and_no_inline_script(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    for tag in re.findall(r"<script\b[^>]*>", response.text):
        assert "src=" in tag or 'type="application/json"' in tag, tag
    assert "cdn" not in response.text.lower()


def test_overview_json_twin_matches_the_store(client: TestClient, sample_db: Path) -> None:
    with Store(sample_db, create=False) as store:
        stats = store.stats()
    data = get_json(client, "/index.json")
    assert data["stats"]["incidents"] == stats["incidents"]
    assert data["stats"]["originals"] == stats["originals"]
    assert get_json(client, "/api/overview")["stats"] == data["stats"]
    assert client.get("/", headers={"accept": "application/json"}).json()["stats"] == data["stats"]
    dyads = {(d["a"], d["b"]) for d in data["dyads"]}
    assert ("KGZ", "TJK") in dyads
    assert data["latest"][0]["date"] >= data["latest"][-1]["date"]


def test_facet_counts_say_what_choosing_gives(client: TestClient) -> None:
    everything = get_json(client, "/incidents.json?size=200")
    types = {v["value"]: v["count"] for v in everything["facets"]["type"]}
    assert sum(types.values()) == everything["total"]
    for value, count in list(types.items())[:3]:
        chosen = get_json(client, f"/incidents.json?type={value}&size=200")
        assert chosen["total"] == count
        assert all(row["type"] == value for row in chosen["incidents"])
        # Within one facet values are alternatives: the other types still show their counts.
        again = {v["value"]: v["count"] for v in chosen["facets"]["type"]}
        assert again == types
    both = get_json(client, "/incidents.json?type=ASSAULT&type=ACCUSE&size=200")
    assert both["total"] == types["ASSAULT"] + types["ACCUSE"]


def test_facets_combine_with_and(client: TestClient) -> None:
    data = get_json(client, "/incidents.json?type=ASSAULT&country=TJK&size=200")
    assert data["total"] >= 1
    for row in data["incidents"]:
        assert row["type"] == "ASSAULT"
        assert "TJK" in row["countries"]
    outlets = get_json(client, "/incidents.json?outlet=steppeherald.example&size=200")
    assert outlets["total"] >= 1
    assert all("steppeherald.example" in row["outlets"] for row in outlets["incidents"])


def test_dates_text_sort_and_pages(client: TestClient) -> None:
    window = get_json(client, "/incidents.json?since=2026-03-07&until=2026-03-08&size=200")
    assert window["total"] >= 1
    for row in window["incidents"]:  # the incident's days overlap the window
        assert row["date"] <= "2026-03-08" and (row["date_end"] or row["date"]) >= "2026-03-07"
    assert window["total"] < get_json(client, "/incidents.json")["total"]
    text = get_json(client, "/incidents.json?q=sanctions&size=200")
    assert text["total"] >= 1
    for row in text["incidents"]:  # the words are in one of its reports' sentences
        reports = get_json(client, f"/api/incidents/{row['id']}")["reports"]
        assert any("sanction" in (r["sentence"] or "").lower() for r in reports)
    oldest = get_json(client, "/incidents.json?sort=oldest&size=5")
    assert [r["date"] for r in oldest["incidents"]] == sorted(
        r["date"] for r in oldest["incidents"]
    )
    first = get_json(client, "/incidents.json?size=10&page=1")
    second = get_json(client, "/incidents.json?size=10&page=2")
    assert first["pages"] >= 2
    assert not {r["id"] for r in first["incidents"]} & {r["id"] for r in second["incidents"]}
    capped = get_json(client, "/incidents.json?size=100000")
    assert capped["size"] == 200


def test_bad_parameters_answer_with_a_code_not_a_trace(client: TestClient) -> None:
    for url in (
        "/incidents.json?since=yesterday",
        "/incidents.json?sort=random",
        "/incidents.json?page=0",
        "/timeline.json?freq=hour",
        "/timeline.json?dyad=KGZ",
    ):
        response = client.get(url)
        assert 400 <= response.status_code < 500, url
        error = response.json()["error"]
        assert error["code"].startswith("FP"), url
        assert "Traceback" not in response.text
    page = client.get("/incidents?since=yesterday")
    assert page.status_code == 400 and "FP063" in page.text and "Traceback" not in page.text


def test_csv_is_the_current_selection(client: TestClient) -> None:
    selection = get_json(client, "/incidents.json?type=ASSAULT&size=200")
    response = client.get("/incidents.csv?type=ASSAULT")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == selection["total"]
    assert {r["type"] for r in rows} == {"ASSAULT"}
    assert {r["id"] for r in rows} == {r["id"] for r in selection["incidents"]}


def test_incident_lists_its_reports_with_links_to_the_evidence(client: TestClient) -> None:
    rows = get_json(client, "/incidents.json?sort=reports&size=1")["incidents"]
    incident = get_json(client, f"/api/incidents/{rows[0]['id']}")
    assert len(incident["reports"]) >= 2
    for report in incident["reports"]:
        assert report["sentence"] and report["outlet"]
    html = client.get(f"/incidents/{rows[0]['id']}").text
    first = incident["reports"][0]
    assert f"/documents/{first['document']}?event={first['event']}" in html
    assert get_json(client, f"/incidents/{rows[0]['id']}.json")["incident"]["id"] == rows[0]["id"]


def test_incident_page_says_with_whom_and_counts_in_words(client: TestClient) -> None:
    rows = get_json(client, "/incidents.json?quad=verbal_cooperation&size=200")["incidents"]
    meeting = next(r for r in rows if r["target_actors"])
    html = client.get(f"/incidents/{meeting['id']}").text
    assert "<dt>With</dt>" in html and "<dt>Against</dt>" not in html
    assert "sightings" not in html
    shelling = get_json(client, "/incidents.json?sort=reports&size=1")["incidents"][0]
    data = get_json(client, f"/api/incidents/{shelling['id']}")
    html = client.get(f"/incidents/{shelling['id']}").text
    assert "<dt>Against</dt>" in html
    assert f"({data['documents']} documents, {len(data['reports'])} sentences)" in html
    if data["toll"]:
        assert "<dt>Toll</dt>" in html and "as most of its main articles state it" in html


def test_an_incident_dated_after_its_first_report_is_flagged(client: TestClient) -> None:
    rows = get_json(client, "/incidents.json?size=200")["incidents"]
    flagged = 0
    for row in rows:
        data = get_json(client, f"/api/incidents/{row['id']}")
        inc = data["incident"]
        late = bool(inc["date"] and inc["first_reported"] and inc["date"] > inc["first_reported"])
        assert data["dated_after_report"] == late
        html = client.get(f"/incidents/{row['id']}").text
        assert ('id="date-warning"' in html) == late
        flagged += late
    assert flagged  # the sample has one: fighting reported on the 3rd, dated the 5th


def test_conflicting_figures_are_flagged(client: TestClient) -> None:
    everything = get_json(client, "/incidents.json?size=200")["incidents"]
    with_figures = [r for r in everything if r["conflicting"]]
    for row in with_figures[:2]:
        html = client.get(f"/incidents/{row['id']}").text
        assert "conflicting" in html


def test_document_page_cuts_highlights_at_code_point_offsets(client: TestClient) -> None:
    doc_id = hostile_id(client)
    data = get_json(client, f"/api/documents/{doc_id}")
    report = data["report"]
    text = report["document"]["text"]
    assert text == HOSTILE and data["document"]["url"] == HOSTILE_URL
    html = client.get(f"/documents/{doc_id}").text
    body = html[html.index('id="doctext">') + len('id="doctext">') : html.index("</article>")]
    spans = re.findall(r'<span class="hl ([^"]*)" data-items="([^"]*)">([^<]*)</span>', body)
    assert spans
    for actor in report["actors"]:
        for mention in actor["mentions"]:
            expected = text[mention["start"] : mention["end"]]
            covering = "".join(
                t for _, items, t in spans if f"actor:{actor['id']}" in items.split()
            )
            assert expected.replace("'", "&#39;") in covering
    # The markup in the text is shown as text, never as a tag.
    assert "<script>alert" not in html and "&lt;script&gt;alert(&#39;owned&#39;)" in html


def test_document_marks_the_event_it_was_opened_for(client: TestClient) -> None:
    rows = get_json(client, "/incidents.json?type=ASSAULT&size=1")["incidents"]
    report = get_json(client, f"/api/incidents/{rows[0]['id']}")["reports"][0]
    html = client.get(f"/documents/{report['document']}?event={report['event']}").text
    marked = re.findall(r'<span class="hl [^"]*marked" data-items="[^"]*">([^<]*)</span>', html)
    assert report["trigger"] in "".join(marked)
    assert "".join(marked) in report["sentence"]


def test_near_duplicate_page_points_to_its_original(client: TestClient, sample_db: Path) -> None:
    with Store(sample_db, create=False) as store:
        copy, original = store.conn.execute(
            "SELECT id, duplicate_of FROM documents WHERE duplicate_of IS NOT NULL"
        ).fetchone()
    assert f"/documents/{original}" in client.get(f"/documents/{copy}").text
    info = get_json(client, f"/api/documents/{original}")["document"]
    assert [c["id"] for c in info["copies"]] == [copy]


def test_timeline_for_a_dyad(client: TestClient) -> None:
    data = get_json(client, "/timeline.json?dyad=KGZ:TJK")
    assert data["total"] >= 3
    assert data["tension"] and max(p["index"] for p in data["tension"]) > 0
    assert data["drivers"][0]["contribution"] != 0
    weekly = get_json(client, "/api/timeline?dyad=KGZ:TJK&freq=week")
    assert len(weekly["tension"]) < len(data["tension"])
    html = client.get("/timeline?dyad=KGZ:TJK").text
    assert 'id="chart-data"' in html and f'id="p-{data["periods"][0]["period"]}"' in html


def test_timeline_of_a_week_spans_the_whole_week(client: TestClient) -> None:
    # "What happened last week?": the chart covers every asked day, quiet ones as zeros.
    data = get_json(client, "/timeline.json?dyad=KGZ:TJK&since=2026-03-09&until=2026-03-15")
    days = [p["period"] for p in data["tension"]]
    assert days == [f"2026-03-{d:02d}" for d in range(9, 16)]
    busy = {r["date"] for rows in data["periods"] for r in rows["incidents"]}
    for point in data["tension"]:
        if point["period"] not in busy:
            assert point["index"] == 0 and point["incidents"] == 0
    html = client.get("/timeline?dyad=KGZ:TJK&since=2026-03-09&until=2026-03-15").text
    assert "halves every 7 days" in html


def test_country_means_the_same_on_the_web_and_the_command_line(
    client: TestClient, sample_db: Path
) -> None:
    from flashpoint.corpus import timeline as tl

    with Store(sample_db, create=False) as store:
        incidents = list(store.incidents())
    for code in ("TJK", "KGZ", "KAZ"):
        cli = {i.id for i in tl.select(incidents, country=code)}
        web = get_json(client, f"/timeline.json?country={code}")
        listed = {r["id"] for rows in web["periods"] for r in rows["incidents"]}
        assert web["total"] == len(cli) and listed <= cli
        facet = get_json(client, f"/incidents.json?country={code}&size=200")
        assert facet["total"] == len(cli)


def test_listings_name_each_actor_once(client: TestClient) -> None:
    rows = get_json(client, "/incidents.json?size=200")["incidents"]
    for row in rows:
        for side in (row["source_actors"], row["target_actors"]):
            names = [re.sub(r" \([A-Z]{3}(/[A-Z]+)?\)$", "", label).casefold() for label in side]
            assert len(names) == len(set(names)), side


def test_overview_lists_only_tense_pairs_over_the_same_days(client: TestClient) -> None:
    dyads = get_json(client, "/index.json")["dyads"]
    assert dyads and all(sum(p["index"] for p in d["tension"]) > 0 for d in dyads)
    assert len({(d["tension"][0]["period"], d["tension"][-1]["period"]) for d in dyads}) == 1
    html = client.get("/").text
    assert html.count('<line class="zero"') == len(dyads)


def test_undated_incidents_are_marked_as_reported_days(client: TestClient) -> None:
    rows = get_json(client, "/incidents.json?size=200")["incidents"]
    undated = [r for r in rows if not r["dated"]]
    assert undated and all(r["date"] for r in undated)  # the first report's day stands in
    html = client.get("/incidents?size=200").text
    assert html.count(">reported</span>") == len(undated)
    page = client.get(f"/incidents/{undated[0]['id']}").text
    assert f"undated, first reported {undated[0]['date']}" in page


def test_overview_counts_in_words(client: TestClient) -> None:
    html = client.get("/").text
    assert "1 near-duplicate copy<" in html and "1 near-duplicate copies" not in html


def test_map_markers_have_places(client: TestClient) -> None:
    data = get_json(client, "/map.json")
    assert data["placed"] >= 1
    for marker in data["markers"]:
        assert -90 <= marker["lat"] <= 90 and -180 <= marker["lon"] <= 180
    assert get_json(client, "/api/map?type=ASSAULT")["placed"] <= data["placed"]


def test_search_with_snippets_and_bad_syntax(client: TestClient) -> None:
    data = get_json(client, "/api/search?q=ceasefire")
    assert data["hits"] and any(p["hit"] for p in data["hits"][0]["parts"])
    for query in ('"unbalanced', "AND", "NEAR(", "*"):
        response = client.get("/search", params={"q": query})
        assert response.status_code in (200, 400), query
        assert "Traceback" not in response.text
        assert "FTS5" in response.text or "FP030" in response.text, query
        if response.status_code == 200:  # searched as plain words, and the page says so
            assert 'id="search-syntax"' in response.text, query
    plain = client.get("/search", params={"q": '"shelling'})
    assert 'id="search-syntax"' in plain.text and "shelled" in plain.text.lower()
    assert 'id="search-syntax"' not in client.get("/search", params={"q": "shelling"}).text


def test_extract_shows_a_record_and_stores_nothing(client: TestClient, sample_db: Path) -> None:
    with Store(sample_db, create=False) as store:
        before = store.count("documents")
    text = "Kyrgyz troops fired on Tajik border guards near Isfara on Monday, officials said."
    response = client.post("/extract.json", data={"text": text, "published": "2026-03-20"})
    assert response.status_code == 200, response.text
    report = response.json()["report"]
    assert report["events"] and response.json()["stored"] is None
    html = client.post("/extract", data={"text": text}).text
    assert 'class="hl k-event' in html
    with Store(sample_db, create=False) as store:
        assert store.count("documents") == before
    empty = client.post("/extract", data={"text": "   "})
    assert empty.status_code == 400 and "FP001" in empty.text


def test_extract_keeps_what_was_sent_and_counts_in_words(client: TestClient) -> None:
    text = "Tajik guards detained two Kyrgyz farmers near Batken on Friday, officials said."
    sent = {"text": text, "published": "2026-03-21", "title": "Farmers held <at> the border"}
    html = client.post("/extract", data=sent).text
    assert f">{text}</textarea>" in html
    assert 'name="published" value="2026-03-21"' in html
    assert 'value="Farmers held &lt;at&gt; the border"' in html
    meta = re.search(r'<p class="meta">([^<]*)</p>', html)
    assert meta and re.fullmatch(r"(\d+ [a-z]+, ){5}\d+ [a-z]+", meta.group(1))
    for n, word in re.findall(r"(\d+) ([a-z]+)", meta.group(1)):
        assert word.endswith("s") == (n != "1"), meta.group(1)
    bad = client.post("/extract", data={**sent, "published": "21/03/2026"})
    assert bad.status_code == 400 and f">{text}</textarea>" in bad.text


def test_extract_upload_is_capped_with_413(client: TestClient) -> None:
    big = b"word " * 250_000
    response = client.post("/extract", files={"file": ("big.txt", big, "text/plain")})
    assert response.status_code == 413
    assert "FP061" in response.text


def test_extract_stores_only_with_allow_ingest(sample_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "writable.db"
    db.write_bytes(sample_db.read_bytes())
    text = "Tajikistan and Kyrgyzstan signed a water-sharing agreement in Dushanbe on Friday."
    with TestClient(create_app(WebSettings(db=db, allow_ingest=True))) as writer:
        response = writer.post("/extract.json", data={"text": text, "store": "1"})
        stored = response.json()["stored"]
        assert stored
        assert writer.get(f"/api/documents/{stored}").status_code == 200


def test_the_store_is_opened_read_only(sample_db: Path) -> None:
    corpus = WebCorpus(sample_db)
    with corpus.store() as store, pytest.raises(sqlite3.OperationalError, match="readonly"):
        store.conn.execute("DELETE FROM documents")


def test_long_queries_are_stopped(sample_db: Path) -> None:
    corpus = WebCorpus(sample_db, time_limit=1e-9)
    with pytest.raises(QueryTimeout), corpus.store() as store:
        store.conn.execute(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*)"
            " FROM (SELECT i FROM n LIMIT 10000000)"
        ).fetchone()
    with TestClient(create_app(WebSettings(db=sample_db, time_limit=1e-9))) as slow:
        response = slow.get("/api/search?q=ceasefire")
        assert response.status_code == 503
        assert response.json()["error"]["code"] == "FP060"


def test_not_found_and_static_files_only_from_the_package(client: TestClient) -> None:
    missing = client.get("/api/incidents/inc-nope")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "FP062"
    assert client.get("/documents/nope").status_code == 404
    for path in (
        "/static/../app.py",
        "/static/%2e%2e/app.py",
        "/static/..%2fapp.py",
        "/static/vendor/../../views.py",
    ):
        response = client.get(path)
        assert response.status_code == 404, path
        assert "import" not in response.text
    assert client.get("/static/vendor/htmx/htmx.min.js").status_code == 200


def test_openapi_describes_the_api_and_no_cdn_docs(client: TestClient) -> None:
    schema = get_json(client, "/openapi.json")
    for path in (
        "/api/incidents",
        "/api/incidents/{incident_id}",
        "/api/documents/{doc_id}",
        "/api/timeline",
        "/api/search",
        "/api/map",
        "/api/overview",
    ):
        assert path in schema["paths"], path
    assert client.get("/docs").status_code == 404


def test_htmx_requests_get_only_the_results_fragment(client: TestClient) -> None:
    response = client.get("/incidents?type=ASSAULT", headers={"hx-request": "true"})
    assert response.status_code == 200
    assert response.text.lstrip().startswith('<div id="results"')
    assert "<html" not in response.text and 'data-value="ASSAULT"' in response.text
    restore = {"hx-request": "true", "hx-history-restore-request": "true"}
    assert "<html" in client.get("/incidents?type=ASSAULT", headers=restore).text


def test_forged_cross_site_forms_and_foreign_hosts_are_refused(sample_db: Path) -> None:
    settings = WebSettings(db=sample_db, allow_ingest=True, allowed_hosts=("testserver",))
    with TestClient(create_app(settings)) as guarded:
        text = {"text": "Kyrgyzstan and Tajikistan agreed to talks.", "store": "1"}
        forged = guarded.post("/extract", data=text, headers={"origin": "https://evil.example"})
        assert forged.status_code == 403 and "FP065" in forged.text
        marked = guarded.post("/extract", data=text, headers={"sec-fetch-site": "cross-site"})
        assert marked.status_code == 403
        rebound = guarded.get("/api/overview", headers={"host": "evil.example"})
        assert rebound.status_code == 400
        assert guarded.get("/api/overview").status_code == 200
