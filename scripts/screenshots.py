"""Screenshots of the main pages of ``flashpoint serve`` (for docs/screenshots/).

    python scripts/screenshots.py --db sample.db --out docs/screenshots

Without ``--db`` the sample corpus (examples/corpus/) is ingested into a
temporary store first. Drives Debian's chromium through Playwright.
"""

from __future__ import annotations

import argparse
import shutil
import socket
import tempfile
import threading
import time
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright

from flashpoint.corpus.ingest import ingest
from flashpoint.corpus.store import Store
from flashpoint.web import WebSettings, create_app

ROOT = Path(__file__).resolve().parents[1]
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip


def serve(db: Path) -> tuple[str, uvicorn.Server]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(WebSettings(db=db)), host="127.0.0.1", port=port,
                            log_level="warning")  # fmt: skip
    server = uvicorn.Server(config)
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}", server


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    db = args.db
    if db is None:
        db = Path(tempfile.mkdtemp()) / "sample.db"
        with Store(db) as store:
            ingest(ROOT / "examples" / "corpus", store, progress=False)
    base, server = serve(db)
    args.out.mkdir(parents=True, exist_ok=True)
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=ARGS)
        page = browser.new_page(viewport={"width": 1360, "height": 900})

        def shot(name: str, full: bool = False) -> None:
            page.wait_for_load_state("networkidle")
            page.screenshot(path=str(args.out / f"{name}.png"), full_page=full)
            print("wrote", args.out / f"{name}.png")

        page.goto(base + "/")
        shot("overview")
        page.goto(base + "/incidents?country=TJK&type=ASSAULT&sort=reports")
        shot("incidents")
        page.locator("table.incidents tbody td.summary a").first.click()
        page.wait_for_url("**/incidents/inc-*")
        shot("incident")
        page.locator("a.evidence").first.click()
        page.wait_for_url("**/documents/**")
        page.locator("button.item.k-event").first.click()
        time.sleep(0.5)
        shot("document")
        page.goto(base + "/timeline?dyad=KGZ:TJK")
        page.wait_for_selector("#chart[data-ready] canvas")
        shot("timeline")
        page.goto(base + "/map")
        page.wait_for_selector("#map[data-ready] svg")
        shot("map")
        page.goto(base + "/search?q=ceasefire")
        shot("search")
        browser.close()
    server.should_exit = True


if __name__ == "__main__":
    main()
