"""End-to-end: the web app in Debian's headless chromium, driven by Playwright (never a downloaded browser).

Screenshots of the main pages land in docs/screenshots/ (shown in the README).
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from web_kb import build_kb

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic",
        "--no-first-run", "--disable-component-update", "--disable-sync"]
SHOTS = Path(__file__).resolve().parent.parent / "docs" / "screenshots"

_MISSING = "needs Debian's chromium at /usr/bin/chromium (scripts/install-test-deps.sh installs it)"
if not CHROMIUM.exists() and os.environ.get("CI"):  # in CI a missing browser is a failure, not a skip
    raise RuntimeError(_MISSING)
sync_api = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason=_MISSING)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def base_url(tmp_path_factory) -> Iterator[str]:
    """The app over the hand-written knowledge base, served by uvicorn in a thread on a free port."""
    import uvicorn

    from dossier.web.app import create_app

    db = build_kb(str(tmp_path_factory.mktemp("browser") / "kb.db"))
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):  # wait until it listens (not a timing assertion: it only bounds the wait)
        if server.started:
            break
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser() -> Iterator:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = ctx.new_page()
    dialogs: list[str] = []
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pg.dialogs = dialogs
    yield pg
    ctx.close()


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)


def test_overview_to_entity_to_fact_to_highlighted_source(page, base_url):
    page.goto(base_url + "/")
    assert page.locator("h1").inner_text() == "Overview"
    shot(page, "overview")
    page.locator("#top-entities a", has_text="Anna Vark").first.click()
    page.wait_for_url("**/entity/Anna*Vark")
    assert "Anna Vark" in page.locator("h1").inner_text()
    shot(page, "entity")
    page.locator("#events a.src").first.click()
    page.wait_for_url("**/doc/trade.txt?start=*")
    mark = page.locator("mark#hl")
    assert mark.inner_text() == "On 3 May 2022 the Aland president Anna Vark visited Borduria"
    assert mark.is_visible()
    shot(page, "reader")


def test_chart_draws_and_points_open_their_source(page, base_url):
    page.goto(base_url + "/indicator/trade_volume")
    page.wait_for_selector("#series-svg circle.dot")
    assert page.locator("#series-svg a circle.dot.actual").count() == 2
    assert page.locator("#series-svg a circle.dot.target").count() >= 1
    shot(page, "indicator")
    page.locator("#series-svg a").first.click()
    page.wait_for_url("**/doc/trade.txt?start=*")
    assert "12 billion" in page.locator("mark#hl").inner_text()


def test_timeline_draws_and_zooms(page, base_url):
    page.goto(base_url + "/timeline")
    page.wait_for_selector("#timeline-svg circle.dot")
    before = page.locator("#timeline-svg circle.dot").count()
    assert before == page.locator("#timeline tbody tr[data-date]").count() == 5  # 2 events, 3 dated figures
    page.get_by_role("button", name="Zoom in").click()
    page.get_by_role("button", name="Reset").click()
    assert page.locator("#timeline-svg circle.dot").count() == before
    shot(page, "timeline")


def test_network_draws(page, base_url):
    page.goto(base_url + "/network")
    assert page.locator("svg#network circle").count() >= 4
    assert page.locator("svg#network line").count() >= 3
    shot(page, "network")
    page.goto(base_url + "/flags")
    assert page.locator(".flag.contradiction .side").count() == 2
    shot(page, "flags")


def test_hostile_article_runs_nothing(page, base_url):
    for url in ["/doc/hostile.html", "/timeline", "/entities", "/documents", "/search?q=pwned", "/"]:
        page.goto(base_url + url)
        page.wait_for_load_state("load")
        assert page.evaluate("typeof window.__pwned") == "undefined", url
    assert page.dialogs == []
    page.goto(base_url + "/doc/hostile.html")
    text = page.locator("#text").inner_text()
    assert "<script>window.__pwned=1</script>" in text and 'onerror="window.__pwned=1"' in text
    assert page.locator("#text img").count() == 0 and page.locator("#text script").count() == 0


def test_core_content_is_readable_without_javascript(browser, base_url):
    ctx = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    try:
        pg = ctx.new_page()
        pg.goto(base_url + "/")
        assert "Anna Vark" in pg.locator("#top-entities").inner_text()
        pg.goto(base_url + "/timeline")
        assert "visited" in pg.locator("#timeline").inner_text() or "visit" in pg.locator("#timeline").inner_text()
        pg.goto(base_url + "/indicator/trade_volume")
        assert "2025" in pg.locator("#series").inner_text()
        pg.goto(base_url + "/network")
        assert pg.locator("svg#network circle").count() >= 4  # laid out on the server
        pg.goto(base_url + "/doc/trade.txt?start=0&end=5")
        assert pg.locator("mark#hl").inner_text() == "Trade"
    finally:
        ctx.close()
