"""The HTML edition in a real browser: headless Chromium, driven over the DevTools protocol.

Opens the pages from disk (file://), follows a footnote link and its back link, an index link
and a mention back link, focuses direct speech, checks that nothing overflows the viewport at
375 px and 1280 px (the Serge page and three foreign pages: a letter, a play, Syriac verse),
tries the print and dark schemes, and saves screenshots as ``output/screenshot-*.png``.

Needs ``/usr/bin/chromium`` (Debian's package) and the ``websocket-client`` package; skipped
cleanly without them. The browser is started with networking features off and only ever
opens local files.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import signal
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES, FOREIGN_TEI_DIR, REPO

from tei_serge.errors import TeiSergeError
from tei_serge.export import export_html
from tei_serge.xmlio import parse_xml

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = REPO / "output"  # screenshot-*.png (ignored by git)
WIDTHS = (375, 1280)
FOREIGN_PAGES = {
    "letter": "letter-hofmannsthal-to-schnitzler.xml",
    "play": "drama-chekhov-ivanov-ru.xml",
    "syriac": "verse-syriac-odes-solomon-7.xml",
}

websocket = pytest.importorskip("websocket", reason="websocket-client is not installed")
if not CHROMIUM.is_file():
    pytest.skip(f"{CHROMIUM} is not installed", allow_module_level=True)


class Browser:
    """One headless Chromium and one page, spoken to over the DevTools protocol."""

    def __init__(self, profile: Path) -> None:
        (profile / "DevToolsActivePort").unlink(missing_ok=True)  # left by an earlier run
        self.process = subprocess.Popen(
            [
                str(CHROMIUM),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--disable-dev-shm-usage",  # containers often have a tiny /dev/shm
                "--hide-scrollbars",
                f"--user-data-dir={profile}",
                "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        self.ws: Any = None
        try:
            self._connect(profile / "DevToolsActivePort")
        except BaseException:
            self.close()
            raise

    def _connect(self, active: Path) -> None:
        port = self._port(active)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10) as answer:
            targets = json.load(answer)
        page = next(t for t in targets if t.get("type") == "page")
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=30, suppress_origin=True)
        self.next_id = 0
        self.events: list[dict[str, Any]] = []
        self.call("Page.enable")
        self.call("Runtime.enable")

    def _port(self, active: Path) -> int:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if active.is_file():
                lines = active.read_text().splitlines()
                if lines and lines[0].isdigit():
                    return int(lines[0])
            if self.process.poll() is not None:
                break
            time.sleep(0.1)
        pytest.fail("Chromium did not open its DevTools port")

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        self.next_id += 1
        ident = self.next_id
        self.ws.send(json.dumps({"id": ident, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == ident:
                if "error" in message:
                    raise AssertionError(f"{method}: {message['error']}")
                return dict(message.get("result", {}))
            if "method" in message:
                self.events.append(message)

    def wait_event(self, method: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for i, event in enumerate(self.events):
                if event["method"] == method:
                    del self.events[: i + 1]
                    return
            self.ws.settimeout(max(0.1, deadline - time.monotonic()))
            message = json.loads(self.ws.recv())
            if "method" in message:
                self.events.append(message)
        raise AssertionError(f"no {method} within {timeout} s")

    def js(self, expression: str) -> Any:
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise AssertionError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def viewport(self, width: int, height: int = 800) -> None:
        self.call(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=width < 600,
        )

    def open(self, path: Path) -> None:
        self.events.clear()
        self.call("Page.navigate", url=path.resolve().as_uri())
        self.wait_event("Page.loadEventFired")

    def click(self, selector: str) -> None:
        """A real mouse click in the middle of the first box (line) of the first element matching
        ``selector`` (an inline link may wrap over two lines)."""
        box = self.js(
            f"(() => {{ const e = document.querySelector({json.dumps(selector)});"
            " e.scrollIntoView({block: 'center'}); const r = e.getClientRects()[0];"
            " return [r.left + r.width / 2, r.top + r.height / 2]; })()"
        )
        x, y = box
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)
        time.sleep(0.05)

    def hash_after(self, before: str, timeout: float = 5) -> str:
        """The location's fragment once it differs from ``before`` (a click's navigation)."""
        deadline = time.monotonic() + timeout
        while True:
            current = str(self.js("location.hash"))
            if current != before or time.monotonic() > deadline:
                return current
            time.sleep(0.05)

    def screenshot(self, path: Path) -> None:
        data = self.call("Page.captureScreenshot", format="png")["data"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(data))

    def close(self) -> None:
        """Ask the browser to quit (all its processes), then make sure the wrapper is gone."""
        if self.ws is not None:
            try:
                self.ws.send(json.dumps({"id": 0, "method": "Browser.close", "params": {}}))
                self.ws.close()
            except Exception:  # the browser may be gone already
                pass
            self.ws = None
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    profile = tmp_path_factory.mktemp("chromium-profile")
    b = Browser(profile)
    try:
        yield b
    finally:
        b.close()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory, serge_tree) -> dict[str, Path]:  # type: ignore[no-untyped-def]
    """The built pages, on disk: the Serge edition (the real pipeline), the hand-written sample
    and the foreign pages that exist here."""
    folder = tmp_path_factory.mktemp("pages")
    built = {"serge": export_html(serge_tree)}
    built["sample"] = export_html(parse_xml(FIXTURES / "sample-serge.xml"))
    for name, file in FOREIGN_PAGES.items():
        source = FOREIGN_TEI_DIR / file
        if source.is_file():
            built[name] = export_html(parse_xml(source))
    paths = {}
    for name, html in built.items():
        paths[name] = folder / f"{name}.html"
        paths[name].write_text(html, encoding="utf-8")
    return paths


# Elements sticking out of the viewport, except inside a box that scrolls (a wide table).
OVERFLOW_JS = """(() => {
  const w = document.documentElement.clientWidth;
  const out = [];
  for (const e of document.body.querySelectorAll('*')) {
    const r = e.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.right <= w + 1 && r.left >= -1) continue;
    let p = e.parentElement, scrolls = false;
    while (p && p !== document.body) {
      const s = getComputedStyle(p);
      if (['auto', 'scroll', 'hidden'].includes(s.overflowX)) { scrolls = true; break; }
      p = p.parentElement;
    }
    if (!scrolls) {
      out.push(e.tagName + '.' + e.className + ' ' + Math.round(r.left) + '..' + Math.round(r.right));
    }
  }
  const scrollWidth = document.documentElement.scrollWidth;
  return {scrollWidth: scrollWidth, width: w, out: out.slice(0, 5), count: out.length};
})()"""


def _assert_fits(browser: Browser, name: str, width: int) -> None:
    result = browser.js(OVERFLOW_JS)
    assert result["width"] == width
    assert result["scrollWidth"] <= width, f"{name} at {width} px: {result}"
    assert result["count"] == 0, f"{name} at {width} px: {result['out']}"


@pytest.mark.parametrize("width", WIDTHS)
def test_serge_page_fits_and_is_photographed(browser: Browser, pages: dict[str, Path], width: int) -> None:
    browser.viewport(width)
    browser.open(pages["serge"])
    assert browser.js("document.querySelectorAll('section.tei-div-entry').length") > 3
    _assert_fits(browser, "serge", width)
    browser.screenshot(SCREENSHOTS / f"screenshot-serge-{width}.png")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", sorted(FOREIGN_PAGES))
def test_foreign_pages_fit(browser: Browser, pages: dict[str, Path], name: str, width: int) -> None:
    if name not in pages:
        pytest.skip(f"{FOREIGN_PAGES[name]} is not available")
    browser.viewport(width)
    browser.open(pages[name])
    _assert_fits(browser, name, width)
    browser.screenshot(SCREENSHOTS / f"screenshot-{name}-{width}.png")


@pytest.mark.slow
def test_every_foreign_page_fits(browser: Browser, tmp_path: Path) -> None:
    """All the well-formed foreign documents, at both widths: nothing sticks out."""
    if not FOREIGN_TEI_DIR.is_dir():
        pytest.skip(f"{FOREIGN_TEI_DIR} is not available")
    failures = []
    for source in sorted(FOREIGN_TEI_DIR.glob("*.xml")):
        try:
            tree = parse_xml(source)
        except TeiSergeError:
            continue
        page = tmp_path / f"{source.stem}.html"
        page.write_text(export_html(tree), encoding="utf-8")
        for width in WIDTHS:
            browser.viewport(width)
            browser.open(page)
            result = browser.js(OVERFLOW_JS)
            if result["count"] or result["scrollWidth"] > width:
                failures.append((source.name, width, result))
    assert failures == []


def _visible(browser: Browser, element_id: str) -> bool:
    return bool(
        browser.js(
            f"(() => {{ const e = document.getElementById({json.dumps(element_id)});"
            " const r = e.getBoundingClientRect();"
            " return r.bottom > 0 && r.top >= -2 && r.top < window.innerHeight; })()"
        )
    )


@pytest.mark.parametrize("page", ["serge", "sample"])
def test_footnote_link_and_back(browser: Browser, pages: dict[str, Path], page: str) -> None:
    browser.viewport(375)
    browser.open(pages[page])
    href = browser.js("document.querySelector('a.note-ref').getAttribute('href')")
    ref_id = browser.js("document.querySelector('a.note-ref').id")
    assert href == "#fn:1" and ref_id == "fnref:1"
    browser.click("a.note-ref")
    assert browser.hash_after("") == "#fn:1"
    assert _visible(browser, "fn:1")
    note = browser.js("document.getElementById('fn:1').innerText")
    assert "Vigilance" in note
    browser.click("li[id='fn:1'] a.note-back")
    assert browser.hash_after("#fn:1") == "#fnref:1"
    assert _visible(browser, "fnref:1")


def test_index_link_and_mention_back_link(browser: Browser, pages: dict[str, Path]) -> None:
    browser.viewport(1280)
    browser.open(pages["sample"])
    browser.click("section.tei-div-entry a.name-link")
    assert browser.hash_after("") == "#paris"
    assert _visible(browser, "paris")
    entry = browser.js("document.getElementById('paris').innerText")
    assert entry.startswith("Paris")
    browser.click("li[id='paris'] .index-mentions a")
    mention = browser.hash_after("#paris").removeprefix("#")
    assert mention.startswith("m:")
    assert _visible(browser, mention)
    assert browser.js(f"document.getElementById({json.dumps(mention)}).innerText") == "Paris"


def test_index_link_in_the_real_edition(browser: Browser, pages: dict[str, Path]) -> None:
    browser.viewport(1280)
    browser.open(pages["serge"])
    assert browser.js("document.querySelector('main a.name-link') !== null"), "the edition links no name"
    href = browser.js("document.querySelector('main a.name-link').getAttribute('href')")
    browser.click("main a.name-link")
    assert browser.hash_after("") == href
    assert _visible(browser, href[1:])
    assert browser.js(f"document.getElementById({json.dumps(href[1:])}).closest('#s\\\\:index') !== null")


def test_speech_shows_its_speaker_on_focus(browser: Browser, pages: dict[str, Path]) -> None:
    """Tab through the page with the keyboard until the first speech has the focus: its
    speaker is written out (CSS ::after), and its title names him for the mouse."""
    browser.viewport(1280)
    browser.open(pages["sample"])
    before = browser.js("getComputedStyle(document.querySelector('q.tei-said'), '::after').content")
    assert before in ("none", "normal", "")
    for _ in range(60):
        for kind in ("rawKeyDown", "keyUp"):
            browser.call("Input.dispatchKeyEvent", type=kind, key="Tab", code="Tab", windowsVirtualKeyCode=9)
        if browser.js("document.activeElement.classList.contains('tei-said')"):
            break
    else:
        pytest.fail("Tab never reached a speech")
    assert browser.js("document.activeElement.dataset.who") == "#paz"
    after = browser.js("getComputedStyle(document.activeElement, '::after').content")
    assert "Magdeleine Paz" in after
    assert browser.js("document.activeElement.title") == "Magdeleine Paz"


def test_print_and_dark_schemes(browser: Browser, pages: dict[str, Path]) -> None:
    browser.viewport(1280)
    browser.open(pages["sample"])
    light = browser.js("getComputedStyle(document.body).backgroundColor")
    browser.call("Emulation.setEmulatedMedia", features=[{"name": "prefers-color-scheme", "value": "dark"}])
    dark = browser.js("getComputedStyle(document.body).backgroundColor")
    assert light != dark
    browser.screenshot(SCREENSHOTS / "screenshot-sample-dark-1280.png")
    browser.call("Emulation.setEmulatedMedia", media="print", features=[])
    assert browser.js("getComputedStyle(document.querySelector('nav.toc')).display") == "none"
    assert browser.js("getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)"
    browser.call("Emulation.setEmulatedMedia", media="", features=[])
