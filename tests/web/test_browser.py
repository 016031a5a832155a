"""The web app in a real headless Chromium (Debian's ``chromium``, driven by Playwright).

Every page loads without a console error or a CSP violation; a user clicks a
facet, an incident, its evidence, and sees the highlighted sentence.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

if not Path(CHROMIUM).exists():
    pytest.skip(
        "chromium is not installed (apt-get install chromium; .ci/run does)",
        allow_module_level=True,
    )
sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield chromium
        chromium.close()


class Watched:
    """A page that records console errors and uncaught exceptions."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.errors: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("requestfailed", self._failed)

    def _failed(self, request: Any) -> None:
        # A request cut short by the test navigating on is not the page's fault.
        if request.failure != "net::ERR_ABORTED":
            self.errors.append(f"failed {request.url}: {request.failure}")

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.errors.append(f"{message.text} at {message.location.get('url')}")


@pytest.fixture()
def page(browser: Any) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    watched = Watched(context.new_page())
    yield watched
    context.close()
    assert not watched.errors, watched.errors


def test_every_page_loads_cleanly(page: Watched, live_server: str) -> None:
    p = page.page
    for path in (
        "/",
        "/incidents",
        "/timeline?dyad=KGZ:TJK",
        "/map",
        "/search?q=ceasefire",
        "/extract",
    ):
        response = p.goto(live_server + path)
        assert response is not None and response.status == 200, path
        p.wait_for_load_state("networkidle")
    p.goto(live_server + "/map")
    p.wait_for_selector("#map[data-ready] svg circle")
    assert p.locator("#map svg path.land").count() > 100
    p.goto(live_server + "/timeline?dyad=KGZ:TJK")
    p.wait_for_selector("#chart[data-ready] canvas")


def test_a_map_marker_opens_its_incident(page: Watched, live_server: str) -> None:
    p = page.page
    p.goto(live_server + "/map")
    p.wait_for_selector("#map[data-ready] svg a.marker circle")
    p.locator("#map svg a.marker").first.dispatch_event("click")
    p.wait_for_url("**/incidents/inc-*")
    assert p.locator("h1 .type").count() == 1


def test_facet_then_incident_then_highlighted_evidence(page: Watched, live_server: str) -> None:
    p = page.page
    p.goto(live_server + "/incidents")
    total = int(p.locator("#total").inner_text())
    facet = p.locator('.facet[data-facet="type"] a[data-value="ASSAULT"]')
    expected = int(facet.locator(".count").inner_text())
    facet.click()
    p.wait_for_url("**type=ASSAULT**")
    p.wait_for_function(f"document.querySelector('#total').textContent.trim() === '{expected}'")
    assert expected < total
    assert p.locator('.facet[data-facet="type"] a.on').inner_text().startswith("ASSAULT")
    types = p.locator("table.incidents tbody .type").all_inner_texts()
    assert types and set(types) == {"ASSAULT"}
    p.go_back()
    p.wait_for_function(f"document.querySelector('#total').textContent.trim() === '{total}'")
    p.go_forward()
    p.wait_for_function(f"document.querySelector('#total').textContent.trim() === '{expected}'")
    p.locator("table.incidents tbody td.summary a").first.click()
    p.wait_for_url("**/incidents/inc-*")
    sentence = p.locator("a.evidence").first.inner_text()
    p.locator("a.evidence").first.click()
    p.wait_for_url("**/documents/**")
    marked = p.locator("#doctext .hl.marked")
    assert marked.count() >= 1
    assert " ".join(marked.all_inner_texts()).split()[0] in sentence
    assert p.locator("#doctext .hl.k-event").count() >= 1


def test_side_list_marks_spans_and_spans_show_records(page: Watched, live_server: str) -> None:
    p = page.page
    p.goto(live_server + "/search?q=ceasefire")
    p.locator("ol.hits a").first.click()
    p.wait_for_url("**/documents/**")
    assert p.locator("#doctext .hl.k-hit").count() >= 1
    item = p.locator("button.item.k-actor").first
    item.click()
    assert p.locator("#doctext .hl.marked").count() >= 1
    assert '"kind"' in p.locator("#record-body").inner_text()
    p.locator("#doctext .hl.k-event").first.click()
    assert '"type"' in p.locator("#record-body").inner_text()


def test_markup_in_a_document_stays_text(page: Watched, live_server: str) -> None:
    p = page.page
    dialogs: list[str] = []
    p.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    p.goto(live_server + "/search?q=owned")
    p.locator("ol.hits a").first.click()
    p.wait_for_url("**/documents/**")
    assert "<script>alert('owned')</script>" in p.locator("#doctext").inner_text()
    assert not dialogs


def test_chart_click_marks_the_days_incidents(page: Watched, live_server: str) -> None:
    p = page.page
    p.goto(live_server + "/timeline?dyad=KGZ:TJK")
    p.wait_for_selector("#chart[data-ready] canvas")
    over = p.locator("#chart .u-over")
    box = over.bounding_box()
    assert box is not None
    p.mouse.click(box["x"] + 5, box["y"] + box["height"] / 2)  # the first day: it has incidents
    p.wait_for_selector(".period.marked")
    marked = p.locator(".period.marked")
    assert marked.get_attribute("data-period") == p.locator(".period").first.get_attribute(
        "data-period"
    )
    marked.locator("td.summary a").first.click()
    p.wait_for_url("**/incidents/inc-*")


def test_text_query_and_extract_in_the_browser(page: Watched, live_server: str) -> None:
    p = page.page
    p.goto(live_server + "/incidents")
    p.fill("#filters input[name=q]", "ceasefire")
    p.click("#filters button[type=submit]")
    p.wait_for_url("**q=ceasefire**")
    p.wait_for_load_state("networkidle")
    assert int(p.locator("#total").inner_text()) >= 1
    p.goto(live_server + "/extract")
    p.fill("textarea[name=text]", "Tajik troops shelled a Kyrgyz village near Batken on Friday.")
    p.fill("input[name=published]", "2026-03-20")
    p.click("form.extract button[type=submit]")
    p.wait_for_selector("#doctext .hl.k-event")
    p.locator("button.item.k-event").first.click()
    assert '"ASSAULT"' in p.locator("#record-body").inner_text()
