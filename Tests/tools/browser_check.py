#!/usr/bin/env python3
"""Opens Kinpress's HTML documents in a real Chromium and checks what a reader would meet.

For every .html file under PAGES:
  - axe-core (the copy bundled by axe-playwright-python, injected through Selenium) finds no
    violations, at phone width (375 x 812) and at desktop width (1280 x 800);
  - the page never scrolls sideways at either width, and it prints on A4;
  - nothing is fetched: every request is the file itself or a data: address, and no
    Content-Security-Policy report or script appears;
  - with --references, a screenshot at each width matches the reviewed reference
    (REFERENCES/<name>-phone.png and -desktop.png, stored at half size) within a tolerance.
    --record writes the references instead.

Prints one line per problem and a summary; writes the details as JSON with --report.
Exit status: 0 all passed, 1 some check failed, 2 the browser could not start.
"""

import argparse
import base64
import io
import json
import os
import re
import sys
import time
from pathlib import Path

os.environ.setdefault("SE_OFFLINE", "true")  # selenium-manager must never try to download a driver

import axe_playwright_python
from PIL import Image, ImageChops, ImageStat
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

WIDTHS = {"phone": (375, 812), "desktop": (1280, 800)}
AXE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()
# Mean difference in grey level (0-255) above which a screenshot no longer matches its reference,
# and the share of pixels that may differ noticeably (font hinting, anti-aliasing).
MEAN_TOLERANCE = 1.5
CHANGED_TOLERANCE = 0.01


def find(name, candidates):
    for path in candidates:
        if path and Path(path).exists():
            return path
    sys.exit(f"browser_check: cannot find {name}; scripts/install-dependencies --tests installs Debian's chromium and chromium-driver")


def start_browser():
    options = webdriver.ChromeOptions()
    options.binary_location = find("chromium", [os.environ.get("CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser"])
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
                     "--force-device-scale-factor=1", "--font-render-hinting=none", "--disable-features=Translate",
                     "--no-first-run", "--allow-file-access-from-files"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    service = Service(executable_path=find("chromedriver", [os.environ.get("CHROMEDRIVER"), "/usr/bin/chromedriver"]))
    try:
        return webdriver.Chrome(service=service, options=options)
    except Exception as error:  # noqa: BLE001 - any start-up failure is reported the same way
        print(f"browser_check: Chromium would not start: {error}", file=sys.stderr)
        sys.exit(2)


def set_viewport(driver, width, height):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})


def run_axe(driver):
    driver.execute_script(AXE)
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations)).catch(e => done({error: String(e)}));")
    if isinstance(result, dict):
        raise RuntimeError(result["error"])
    return [{"id": v["id"], "impact": v["impact"], "help": v["help"],
             "nodes": [" ".join(n["target"]) if isinstance(n["target"], list) else str(n["target"]) for n in v["nodes"]][:5]}
            for v in result]


def requests_made(driver, page_url):
    """Every address the page asked for other than itself and data: addresses."""
    outside = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            url = message["params"]["request"]["url"]
            if url != page_url and not url.startswith("data:"):
                outside.append(url)
    return outside


def compare(shot, reference_path, record):
    # Kept small in the repository: half size, in 16 greys (contrast is axe's job, not this one's).
    half = Image.open(io.BytesIO(shot)).convert("L")
    half = half.resize((max(1, half.width // 2), max(1, half.height // 2)), Image.LANCZOS).quantize(16).convert("L")
    if record:
        reference_path.parent.mkdir(parents=True, exist_ok=True)
        half.quantize(16).save(reference_path, optimize=True)
        return None
    if not reference_path.exists():
        return f"no reference picture {reference_path.name}: record with RECORD_REFERENCES=1 and look at it"
    reference = Image.open(reference_path).convert("L")
    if reference.size != half.size:
        return f"screenshot is {half.size}, its reference {reference.size}"
    difference = ImageChops.difference(half, reference)
    mean = ImageStat.Stat(difference).mean[0]
    changed = difference.point(lambda value: 255 if value > 40 else 0).histogram()[255] / (half.width * half.height)
    if mean > MEAN_TOLERANCE or changed > CHANGED_TOLERANCE:
        return f"screenshot differs from {reference_path.name} (mean {mean:.2f}, {changed:.1%} of pixels changed)"
    return None


def check(driver, page, references, record):
    url = page.resolve().as_uri()
    problems, details = [], {"file": str(page), "violations": {}, "overflow": {}, "requests": []}
    for name, (width, height) in WIDTHS.items():
        set_viewport(driver, width, height)
        driver.get_log("performance")  # start this load's log afresh
        driver.get(url)
        overflow = driver.execute_script(
            "const e = document.documentElement; return Math.max(e.scrollWidth, document.body.scrollWidth) - e.clientWidth;")
        details["overflow"][name] = overflow
        if overflow > 0:
            problems.append(f"scrolls sideways by {overflow} px at {width} px wide")
        active = driver.execute_script(
            "return document.querySelectorAll('script, iframe, object, embed, base, link, [onerror], [onload], [onclick], [style*=\"url(\"]').length;")
        if active:
            problems.append(f"{active} element(s) that could run or fetch something")
        violations = run_axe(driver)
        details["violations"][name] = violations
        for violation in violations:
            problems.append(f"axe at {width} px: {violation['id']} ({violation['impact']}): {violation['help']} — {', '.join(violation['nodes'])}")
        outside = requests_made(driver, url)
        details["requests"] += outside
        problems += [f"asked for {address}" for address in outside]
        blocked = [entry["message"] for entry in driver.get_log("browser") if "Content Security Policy" in entry["message"]]
        problems += [f"blocked by the Content-Security-Policy: {message}" for message in blocked]
        if references is not None:
            driver.execute_script("window.scrollTo(0, 0)")
            problem = compare(driver.get_screenshot_as_png(), references / f"{page.parent.name}-{page.stem}-{name}.png", record)
            if problem:
                problems.append(problem)
    # Printing uses the page's own @page rules: A4 (portrait or landscape), every page numbered.
    printed = base64.b64decode(driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True})["data"])
    sizes = set(re.findall(rb"/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]", printed))
    details["printedPages"] = printed.count(b"/Type /Page\n") or len(re.findall(rb"/Type\s*/Page[^s]", printed))
    if not sizes or any(sorted((round(float(w)), round(float(h)))) != [595, 842] for w, h in sizes):
        problems.append(f"prints on {sorted(sizes)} instead of A4")
    details["problems"] = problems
    return details


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pages", type=Path, help="folder searched for .html files")
    parser.add_argument("--references", type=Path, help="folder of reviewed screenshots (leave out to skip comparing)")
    parser.add_argument("--record", action="store_true", help="write the references instead of comparing")
    parser.add_argument("--report", type=Path, help="write every result as JSON")
    arguments = parser.parse_args()

    pages = sorted(arguments.pages.rglob("*.html"))
    if not pages:
        sys.exit(f"browser_check: no .html files under {arguments.pages}")
    started = time.monotonic()
    driver = start_browser()
    results = []
    try:
        for page in pages:
            result = check(driver, page, arguments.references, arguments.record)
            results.append(result)
            for problem in result["problems"]:
                print(f"{page}: {problem}")
    finally:
        driver.quit()
    elapsed = time.monotonic() - started
    failed = [r for r in results if r["problems"]]
    violations = sum(len(v) for r in results for v in r["violations"].values())
    print(f"browser_check: {len(pages)} pages, {len(pages) * len(WIDTHS)} views, axe violations: {violations}, "
          f"pages with problems: {len(failed)}, {elapsed:.1f} s")
    if arguments.report:
        arguments.report.write_text(json.dumps({"pages": results, "seconds": elapsed, "axeViolations": violations}, indent=1))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
