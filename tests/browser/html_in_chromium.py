#!/usr/bin/env python3
"""The HTML report in a real browser: headless Chromium driven by ChromeDriver.

Usage: html_in_chromium.py SAMLINT ARTIFACT_DIR

Renders the report of the bundled example (the README's quick start) and
checks what a reader sees, not just the markup: the timeline SVG is laid out
with a real size, every factor of the JSON report has a bar, the factor the
JSON report says binds is drawn as binding (its bar has the binding colour
from the page's own stylesheet, and its label carries the marker), the target
line is drawn, and the page loaded nothing from outside (CSP default-src
'none' and no request other than the file itself). A screenshot of the page
and one of the timeline are written to ARTIFACT_DIR.

On both that page and a second one (an Identity Center evaluation whose
assumed permission-set factor has the longest label, and an AssumeRole
request the cloud refuses): the overview table comes before the first
section; no text of a timeline is clipped by its SVG and no table cell
clips its content; the refused factor is drawn in the refusal colour with
its marker and its overview row is highlighted; fix commands are set in a
monospace font.

Speaks the W3C WebDriver protocol over loopback with the standard library
only. Exits 77 (skipped, with the reason) when chromium or chromedriver is
absent, unless SAMLINT_REQUIRE_TOOLS=1 (tools/test.sh sets it): then their
absence fails the test.
"""
import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

SOURCE_DIR = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXAMPLE = [
    "check", "testdata/examples/aliyun-console-clamped.xml", "--scenario", "aliyun:saml-console",
    "--login-session", "6h", "--role-max-session", "1h", "--target", "8h",
]
BIND_COLOURS = {"rgb(11, 107, 203)", "rgb(207, 34, 46)"}  # binds; binds and below the target
REFUSE_COLOUR = "rgb(207, 34, 46)"
REFUSED = [
    "check", "--scenario", "aws:identity-center", "--scenario", "aws:assume-role",
    "--duration-seconds", "50000", "--role-max-session", "1h", "--target", "8h",
]
STARTUP_GUARD_SECONDS = 30  # a hang guard for chromedriver's start, not a speed assertion


def find_browser():
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    missing = [name for name, path in (("chromium", chromium), ("chromedriver", driver)) if not path]
    return chromium, driver, missing


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class WebDriver:
    def __init__(self, port):
        self.base = f"http://127.0.0.1:{port}"
        self.session = None

    def call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method,
                                         headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return json.load(response)["value"]
        except urllib.error.HTTPError as e:
            raise RuntimeError(f"webdriver {method} {path}: {e.read().decode(errors='replace')}")

    def wait_ready(self):
        deadline = time.monotonic() + STARTUP_GUARD_SECONDS
        while time.monotonic() < deadline:
            try:
                if self.call("GET", "/status").get("ready"):
                    return
            except (OSError, RuntimeError):
                pass
            time.sleep(0.1)
        raise RuntimeError("chromedriver did not become ready")

    def start(self, chromium):
        args = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,1800", "--hide-scrollbars", "--force-color-profile=srgb"]
        caps = {"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {"binary": chromium, "args": args},
            "goog:loggingPrefs": {"performance": "ALL"}}}}
        self.session = self.call("POST", "/session", caps)["sessionId"]

    def go(self, url):
        self.call("POST", f"/session/{self.session}/url", {"url": url})

    def run(self, script):
        return self.call("POST", f"/session/{self.session}/execute/sync",
                         {"script": script, "args": []})

    def screenshot(self, path, element=None):
        where = f"/element/{element}" if element else ""
        png = self.call("GET", f"/session/{self.session}{where}/screenshot")
        with open(path, "wb") as f:
            f.write(base64.b64decode(png))

    def find(self, css):
        found = self.call("POST", f"/session/{self.session}/element",
                          {"using": "css selector", "value": css})
        return next(iter(found.values()))

    def logs(self, kind):
        return self.call("POST", f"/session/{self.session}/se/log", {"type": kind})

    def stop(self):
        if self.session:
            try:
                self.call("DELETE", f"/session/{self.session}")
            except (OSError, RuntimeError):
                pass


# Everything the test reads off the rendered page, in one pass.
PAGE_FACTS = r"""
const svg = document.querySelector('svg.timeline');
const box = e => { const r = e.getBoundingClientRect(); return [r.width, r.height]; };
const out = {title: document.title, svg: null, bars: [], target: null,
             images: document.images.length, scripts: document.scripts.length};
if (svg) {
  out.svg = box(svg);
  for (const g of svg.querySelectorAll('g[data-factor]')) {
    const rect = g.querySelector('rect');
    const label = g.querySelector('text');
    out.bars.push({factor: g.dataset.factor, binds: g.dataset.binds === 'true',
                   size: box(rect), fill: getComputedStyle(rect).fill,
                   label: label ? label.textContent : ''});
  }
  const target = svg.querySelector('line.target');
  if (target) out.target = box(target);
}
return out;
"""

# What the layout checks read: clipped texts, the overview's place, refusals, fixes.
LAYOUT_FACTS = r"""
const out = {clipped: [], overflowing: [], overview_first: false, refused: [],
             refused_rows: 0, row_background: null, cmd_fonts: []};
for (const svg of document.querySelectorAll('svg.timeline')) {
  const frame = svg.getBoundingClientRect();
  for (const t of svg.querySelectorAll('text')) {
    const r = t.getBoundingClientRect();
    if (r.left < frame.left - 0.5 || r.right > frame.right + 0.5 ||
        r.top < frame.top - 0.5 || r.bottom > frame.bottom + 0.5) {
      out.clipped.push([t.textContent, [r.left, r.right], [frame.left, frame.right]]);
    }
  }
  for (const g of svg.querySelectorAll('g[data-refused="true"]')) {
    const rect = g.querySelector('rect');
    out.refused.push({factor: g.dataset.factor, fill: getComputedStyle(rect).fill,
                      label: g.querySelector('text').textContent});
  }
}
for (const cell of document.querySelectorAll('th, td')) {
  if (cell.scrollWidth > cell.clientWidth + 1) out.overflowing.push(cell.textContent);
}
const overview = document.querySelector('table.overview');
const first = document.querySelector('section.result');
out.overview_first = !!(overview && first &&
    (overview.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING));
const rows = document.querySelectorAll('table.overview tr.refuse');
out.refused_rows = rows.length;
if (rows.length) out.row_background = getComputedStyle(rows[0].querySelector('td')).backgroundColor;
for (const c of document.querySelectorAll('code.cmd')) out.cmd_fonts.push(getComputedStyle(c).fontFamily);
return out;
"""


def layout_problems(name, facts, expect_refused):
    problems = []
    for text, span, frame in facts["clipped"]:
        problems.append(f"{name}: timeline text '{text}' spans {span}, outside its SVG {frame}")
    for text in facts["overflowing"]:
        problems.append(f"{name}: a table cell clips its content: '{text[:80]}'")
    if not facts["overview_first"]:
        problems.append(f"{name}: the overview table does not come before the first section")
    if expect_refused:
        if not facts["refused"]:
            problems.append(f"{name}: no factor is drawn as refused")
        for bar in facts["refused"]:
            if bar["fill"] != REFUSE_COLOUR or not bar["label"].startswith("\u2716"):
                problems.append(f"{name}: refused factor not drawn as refused: {bar}")
        if not facts["refused_rows"] or facts["row_background"] in (None, "rgba(0, 0, 0, 0)"):
            problems.append(f"{name}: the rejected evaluation's overview row is not highlighted")
    if not facts["cmd_fonts"]:
        problems.append(f"{name}: no fix command is set as code")
    for font in facts["cmd_fonts"]:
        if "mono" not in font.lower() and "consolas" not in font.lower():
            problems.append(f"{name}: a fix command is not in a monospace font: {font}")
    return problems


def main():
    if len(sys.argv) != 3:
        print("usage: html_in_chromium.py SAMLINT ARTIFACT_DIR")
        return 2
    binary, artifacts = sys.argv[1], sys.argv[2]
    chromium, driver, missing = find_browser()
    if missing:
        why = (f"{' and '.join(missing)} not found: install Debian's chromium and chromium-driver "
               "(tools/install-deps.sh does)")
        if os.environ.get("SAMLINT_REQUIRE_TOOLS") == "1":
            print(f"browser: FAILED: {why}; SAMLINT_REQUIRE_TOOLS=1 requires them")
            return 1
        print(f"browser: skipped: {why}")
        return 77

    report = subprocess.run([binary] + EXAMPLE + ["--format", "json"], cwd=SOURCE_DIR,
                            capture_output=True, text=True)
    evaluation = json.loads(report.stdout)["results"][0]["evaluations"][0]
    factors = [f["name"] for f in evaluation["factors"]] + [f["name"] for f in evaluation["context"]]
    binding = set(evaluation["binding"])
    html = subprocess.run([binary] + EXAMPLE + ["--format", "html"], cwd=SOURCE_DIR,
                          capture_output=True, text=True)
    if html.returncode != 1 or not html.stdout.startswith("<!DOCTYPE html>"):
        print(f"browser: FAILED: samlint --format html exited {html.returncode}: {html.stderr}")
        return 1
    refused_html = subprocess.run([binary] + REFUSED + ["--format", "html"], cwd=SOURCE_DIR,
                                  capture_output=True, text=True)
    if refused_html.returncode != 1 or not refused_html.stdout.startswith("<!DOCTYPE html>"):
        print(f"browser: FAILED: samlint {' '.join(REFUSED)} --format html exited "
              f"{refused_html.returncode}: {refused_html.stderr}")
        return 1

    os.makedirs(artifacts, exist_ok=True)
    problems = []
    with tempfile.TemporaryDirectory() as work:
        page = os.path.join(work, "report.html")
        with open(page, "w") as f:
            f.write(html.stdout)
        refused_page = os.path.join(work, "refused.html")
        with open(refused_page, "w") as f:
            f.write(refused_html.stdout)
        port = free_port()
        chromedriver = subprocess.Popen([driver, f"--port={port}"], stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL)
        web = WebDriver(port)
        try:
            web.wait_ready()
            web.start(chromium)
            web.go("file://" + page)
            facts = web.run(PAGE_FACTS)
            web.screenshot(os.path.join(artifacts, "html-report.png"))
            if facts["svg"]:
                web.screenshot(os.path.join(artifacts, "html-report-timeline.png"),
                               web.find("svg.timeline"))
            requests = [json.loads(entry["message"])["message"] for entry in web.logs("performance")]
            layout = web.run(LAYOUT_FACTS)
            web.go("file://" + refused_page)
            refused_layout = web.run(LAYOUT_FACTS)
            web.screenshot(os.path.join(artifacts, "html-report-refused.png"))
        finally:
            web.stop()
            chromedriver.terminate()
            chromedriver.wait(timeout=10)

    print(f"browser: {chromium}; page '{facts['title']}'; screenshots in {artifacts}")
    if not facts["svg"] or facts["svg"][0] < 100 or facts["svg"][1] < 50:
        problems.append(f"the timeline SVG is missing or not laid out: {facts['svg']}")
    drawn = {bar["factor"]: bar for bar in facts["bars"]}
    for name in factors:
        bar = drawn.get(name)
        if bar is None:
            problems.append(f"factor {name} of the JSON report has no bar on the page")
        elif bar["size"][0] <= 0 or bar["size"][1] <= 0:
            problems.append(f"factor {name}'s bar has no size: {bar['size']}")
    if not binding:
        problems.append("the bundled example's JSON report names no binding factor")
    for name in sorted(binding):
        bar = drawn.get(name)
        if bar is None:
            continue
        print(f"browser: binding factor {name}: bar {bar['size']}, fill {bar['fill']}, "
              f"label '{bar['label']}'")
        if not bar["binds"] or bar["fill"] not in BIND_COLOURS or not bar["label"].startswith("\u25b6"):
            problems.append(f"binding factor {name} is not drawn as binding: {bar}")
    for bar in facts["bars"]:
        if bar["factor"] not in binding and (bar["binds"] or bar["fill"] in BIND_COLOURS):
            problems.append(f"factor {bar['factor']} is drawn as binding but does not bind")
    if not facts["target"]:
        problems.append("the target line (--target 8h) is not drawn")
    if facts["images"] or facts["scripts"]:
        problems.append(f"the page has {facts['images']} images and {facts['scripts']} scripts")
    fetched = [m["params"]["request"]["url"] for m in requests
               if m.get("method") == "Network.requestWillBeSent"]
    outside = [url for url in fetched if not url.startswith("file://")]
    if outside:
        problems.append(f"the page fetched something beyond its own file: {outside}")

    problems += layout_problems("example page", layout, expect_refused=False)
    problems += layout_problems("refused page", refused_layout, expect_refused=True)
    print(f"browser: refused factors drawn: {[b['factor'] for b in refused_layout['refused']]}")

    for p in problems:
        print(f"browser: FAILED: {p}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
