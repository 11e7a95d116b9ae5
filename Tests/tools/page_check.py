#!/usr/bin/env python3
"""The worker's page (`kinpress serve`, GET /) used in real Chromium, as a social worker would.

    page_check.py KINPRESS MARKED-CASE-FILE [--shots FOLDER]

Starts a `kinpress serve` with a tokens file, opens the page, gives the token once, opens a
sample case with its pictures, changes a rule and waits for the preview to follow (printing the
time from the keystroke to the new preview), breaks a reference and checks the first problem's
line and field (and that choosing it puts the cursor on that line), shows the marked case to the
family and checks no professional-only marker reaches the preview, saves the PDF and compares it
with `kinpress render`, walks every control with the keyboard alone, and runs axe-core in each
state (empty, with problems, with a preview) at 375 and 1280 px and at 200% zoom. No request may
leave the page's own server, and the browser may keep nothing but the tab's token. The form is
also posted without script, as a browser with script turned off would. `--shots` keeps a
screenshot of each state. Exit status 0 when every check holds.
"""

import argparse
import json
import shutil
import pathlib
import re
import subprocess
import sys
import tempfile
import time

import requests
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException, TimeoutException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from browser_check import run_axe, set_viewport, start_browser  # noqa: E402
from service_check import TOKEN, Server, expect  # noqa: E402
from service_check import problems as failures  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "SampleCases" / "hughes"
CASE = SAMPLE / "hughes.yaml"
WIDTHS = ((375, 812), (1280, 800))
# Chromium's own PDF viewer, which shows the PDF that Print loads: part of the browser, not an address.
PDF_VIEWER = "chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/"


class Page:
    def __init__(self, driver, server, shots):
        self.driver, self.server, self.shots = driver, server, shots

    def console(self):
        """Everything the browser's console has said so far (reading the log empties it)."""
        self.said = getattr(self, "said", []) + self.driver.get_log("browser")
        return self.said

    def element(self, css):
        return self.driver.find_element(By.CSS_SELECTOR, css)

    def wait(self, condition, what, seconds=60):
        """Polls condition until it holds; while the page is being replaced, it does not yet."""
        def holds(_):
            try:
                return condition()
            except (StaleElementReferenceException, NoSuchElementException):
                return False
        try:
            return WebDriverWait(self.driver, seconds, poll_frequency=0.02).until(holds)
        except TimeoutException:
            expect(False, f"waited {seconds} s for {what}")
            return None

    def srcdoc(self):
        return self.element("#preview").get_attribute("srcdoc") or ""

    def settled(self):
        return self.element("#progress").get_attribute("hidden") is not None

    def set_case(self, text):
        """Puts text in Case as a paste would, and waits for the page to answer."""
        self.driver.execute_script(
            "const area = document.getElementById('case'); area.value = arguments[0];"
            "area.dispatchEvent(new Event('input', {bubbles: true}));", text)
        time.sleep(0.5)
        self.wait(self.settled, "the page to answer")

    def choose(self, name, value):
        Select(self.element("#" + name)).select_by_value(value)
        time.sleep(0.1)
        self.wait(self.settled, "the page to answer")

    def problems(self):
        return self.driver.execute_script(
            "return [...document.querySelectorAll('#problems li')].map(li => ({line: li.querySelector('a').dataset.line,"
            " field: li.querySelector('.field').textContent, severity: li.className, text: li.textContent}));")

    def audit(self, state):
        """axe at each width and at 200% zoom; nothing scrolls sideways; a screenshot for --shots."""
        for width, height in (*WIDTHS, (640, 400)):
            set_viewport(self.driver, width, height)
            time.sleep(0.2)
            for violation in run_axe(self.driver):
                expect(False, f"axe, {state}, {width} px: {violation['id']} ({violation['impact']}): {violation['help']} — {violation['nodes']}")
            sideways = self.driver.execute_script("return document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth")
            expect(sideways <= 0, f"{state} at {width} px scrolls sideways by {sideways} px")
            if self.shots:
                self.driver.save_screenshot(str(self.shots / f"{state}-{width}.png"))
        set_viewport(self.driver, 1280, 800)


def outside_requests(driver, base):
    outside = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            url = message["params"]["request"]["url"]
            if not (url.startswith(base + "/") or url == base or url.startswith(("data:", "blob:", "about:", PDF_VIEWER))):
                outside.append(url)
    return outside


def keyboard_walk(page):
    """Tab from the top of the page: every control is reached, in the order it is on the page."""
    driver = page.driver
    driver.execute_script("window.scrollTo(0, 0); document.querySelector('.skip').focus();")
    reached = ["skip"]
    for _ in range(80):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        name = driver.execute_script(
            "const e = document.activeElement; return e === document.body ? '' : (e.id || e.textContent.trim().slice(0, 40) || e.tagName);")
        if not name or name in reached:
            break
        reached.append(name)
    wanted = ["token", "files", "case", "document", "reader", "theme", "download-pdf", "download-html", "print", "preview"]
    positions = [reached.index(name) if name in reached else -1 for name in wanted]
    expect(all(position >= 0 for position in positions), f"the keyboard reaches every control: {dict(zip(wanted, positions))} in {reached}")
    expect(positions == sorted(positions), f"the keyboard reaches them top to bottom: {reached}")
    expect(any("Show the document" in name for name in reached), f"the keyboard reaches Show the document: {reached}")
    expect(any(name.startswith("Error") or name.startswith("Warning") for name in reached), "the keyboard reaches the problems")
    return reached


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("kinpress")
    parser.add_argument("marked_case")
    parser.add_argument("--shots", type=pathlib.Path)
    arguments = parser.parse_args()
    kinpress = str(pathlib.Path(arguments.kinpress).resolve())
    if arguments.shots:
        arguments.shots.mkdir(parents=True, exist_ok=True)
    case_text = CASE.read_text()
    downloads = tempfile.TemporaryDirectory(prefix="kinpress-page-")

    with Server(kinpress) as server:
        # Without script: the form posts and the answer is the page with problems and preview.
        files = [("files", (CASE.name, CASE.read_bytes()))] + [("files", (p.name, p.read_bytes())) for p in sorted((SAMPLE / "pictures").iterdir())]
        fields = {"document": "safety-plan", "reader": "family", "theme": "default", "action": "show", "token": TOKEN}
        plain = requests.post(server.url("/"), files=files, data=fields, timeout=120)
        expect(plain.status_code == 200 and 'srcdoc="&lt;!DOCTYPE html&gt;' in plain.text, f"the form without script answers the page with a preview: {plain.status_code}")
        expect("Content-Security-Policy" in plain.headers and "default-src 'none'" in plain.headers["Content-Security-Policy"], "the page has a Content-Security-Policy")
        refused = requests.post(server.url("/"), files=files, data={**fields, "token": "wrong"}, timeout=120)
        expect(refused.status_code == 401 and "srcdoc=\"\"" in refused.text, "a wrong token gets the page with no preview")
        # Markup in a case's text, inside a field the preview prints, sent as the text area sends it.
        hostile = CASE.read_text().replace("not even for a few minutes", "</textarea><script>alert(1)</script><b onmouseover=alert(2)>", 1)
        pictures = [part for part in files if part[1][0] != CASE.name]
        answer = requests.post(server.url("/"), files=[("case", (None, hostile.replace("\n", "\r\n")))] + pictures, data=fields, timeout=120)
        expect(answer.status_code == 200 and "&amp;lt;script&amp;gt;alert(1)" in answer.text, "the hostile rule reaches the preview, escaped twice (in the document, then in srcdoc)")
        expect("<script>alert" not in answer.text and "<b onmouseover" not in answer.text, "case text is never markup in the page")
        expect(answer.text.count("<textarea") == answer.text.count("</textarea>") == 1, "case text cannot close the text area")
        echoed = answer.text.split("<textarea", 1)[1].split(">", 1)[1].split("</textarea>", 1)[0]
        expect(echoed.startswith("\n# Kinpress sample case") and "\r" not in echoed, "the text comes back as sent, CR LF as LF, its first line kept")
        export = ROOT / "SampleCases" / "carter-export" / "carter.json"
        exported = requests.post(server.url("/"), files=[("files", (export.name, export.read_bytes()))], data=fields, timeout=120)
        rows = re.findall(r"<li class=", exported.text)
        expect(exported.status_code == 200 and len(rows) == 1 and "texts were sent empty" in exported.text,
               f"an export's empty texts are one problem, not one each: {len(rows)} rows")
        saved = requests.post(server.url("/"), files=files, data={**fields, "action": "pdf"}, timeout=120)
        expect(saved.headers.get("Content-Disposition", "").startswith("attachment"), "Download PDF without script saves the PDF")

        driver = start_browser()
        driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads.name})
        page = Page(driver, server, arguments.shots)
        try:
            driver.get(server.url("/"))
            set_viewport(driver, 1280, 800)
            expect(driver.title.startswith("Kinpress"), "the page opens")
            page.audit("empty")

            # The token, once per tab.
            page.element("#token").send_keys(TOKEN + Keys.TAB)
            expect(driver.execute_script("return sessionStorage.getItem('kinpress-token')") == TOKEN, "the tab keeps the token")

            # A sample case and its pictures, chosen together.
            paths = [str(CASE)] + [str(p) for p in sorted((SAMPLE / "pictures").iterdir())]
            page.element("#files").send_keys("\n".join(paths))
            page.wait(lambda: "<!DOCTYPE html>" in page.srcdoc(), "the preview of the opened sample")
            expect(page.element("#case").get_attribute("value").strip() == case_text.strip(), "the case file's text is in Case")
            expect("safety plan as the family" in page.element("#preview-note").text, f"the preview says what it is: {page.element('#preview-note').text}")

            # Change a rule's text, with the keyboard, and see the preview follow.
            words = "not even for a few minutes"
            anchor = case_text.index(words) + len(words)
            driver.execute_script("const a = document.getElementById('case'); a.focus(); a.setSelectionRange(arguments[0], arguments[0]);", anchor)
            before = page.srcdoc()
            started = time.perf_counter()
            driver.switch_to.active_element.send_keys(" Zebrafish")
            typed = time.perf_counter()
            page.wait(lambda: "Zebrafish" in page.srcdoc(), "the preview to show the changed rule")
            done = time.perf_counter()
            print(f"last keystroke to refreshed preview (safety plan): {(done - typed) * 1000:.0f} ms, of which the page waits 400 ms "
                  f"for typing to stop; first keystroke to preview {(done - started) * 1000:.0f} ms")
            expect(before != page.srcdoc(), "the preview changed")
            page.audit("preview")

            # Save the PDF, and compare it with the command line's.
            driver.execute_script("document.getElementById('case').value = arguments[0]; document.getElementById('case').dispatchEvent(new Event('input'));", case_text)
            time.sleep(0.6)
            page.wait(page.settled, "the page to answer")
            page.element("#download-pdf").click()
            saved_pdf = pathlib.Path(downloads.name) / "safety-plan-family.pdf"
            page.wait(lambda: saved_pdf.exists() and saved_pdf.stat().st_size > 0 and not list(pathlib.Path(downloads.name).glob("*.crdownload")), "the saved PDF")
            reference = pathlib.Path(downloads.name) / "reference.pdf"
            subprocess.run([kinpress, "render", str(CASE), "--document", "safety-plan", "--audience", "family", "--output", str(reference)], check=True)
            expect(saved_pdf.exists() and saved_pdf.read_bytes() == reference.read_bytes(), "Download PDF gives the same file as kinpress render")

            # Print: the PDF in a frame of the page, printed there (the console check below would
            # catch the page's policy refusing it).
            page.element("#print").click()
            page.wait(lambda: "print" in page.element("#preview-note").text.lower() and page.settled(), "the document ready to print")
            frame = driver.find_elements(By.CSS_SELECTOR, "iframe.print-frame")
            expect(len(frame) == 1 and (frame[0].get_attribute("src") or "").startswith("blob:"), "Print loads the PDF into a frame of the page")
            time.sleep(1)
            expect(page.element("#preview-note").text == "The document is ready to print.", f"Print printed from the page: {page.element('#preview-note').text}")
            refused = [entry["message"] for entry in page.console() if "Content Security Policy" in entry["message"] or "Refused" in entry["message"]]
            expect(not refused, f"the page's policy refuses what Print needs: {refused[:2]}")

            # The child's Words and Pictures, as the child gets it.
            page.choose("document", "words-and-pictures")
            page.choose("reader", "child")
            expect("words and pictures as the child" in page.element("#preview-note").text.lower(), f"the child's Words and Pictures: {page.element('#preview-note').text}")

            # A broken case: the first problem, with its line and field; choosing it goes there.
            broken = case_text.replace("who: [gareth, nan-pat, leanne]", "who: [gareth, grandpa-nobody, leanne]", 1)
            page.choose("document", "safety-plan")
            page.set_case(broken)
            with tempfile.TemporaryDirectory() as folder:
                shutil.copytree(SAMPLE / "pictures", pathlib.Path(folder) / "pictures")
                copy = pathlib.Path(folder) / "case.yaml"
                copy.write_text(broken)
                report = json.loads(subprocess.run([kinpress, "validate", "--json", str(copy)], capture_output=True, text=True).stdout)
            first = [problem for problem in report["files"][0]["problems"] if problem["severity"] == "error"][0]
            expect(first["field"] == "safetyPlan.rules[0].who[1]", f"the broken case's first error is the broken reference: {first}")
            shown = page.problems()
            expect(shown and shown[0]["line"] == str(first["line"]) and shown[0]["field"] == first["field"],
                   f"the first problem is at line {first['line']}, {first['field']}: {shown[:1]}")
            page.audit("problems")
            page.element("#problems li a").click()
            line = driver.execute_script("const a = document.getElementById('case'); return a.value.slice(0, a.selectionStart).split('\\n').length;")
            expect(driver.switch_to.active_element.get_attribute("id") == "case" and line == first["line"], f"choosing the problem puts the cursor on line {first['line']}: {line}")

            # The keyboard alone, top to bottom.
            keyboard_walk(page)

            # The family's copy of the marked case: nothing marked for professionals.
            page.choose("reader", "family")
            page.choose("document", "timeline")
            before = page.srcdoc()
            page.set_case(pathlib.Path(arguments.marked_case).read_text())
            for document in ("timeline", "assessment", "safety-plan", "network-map", "pack"):
                if document != "timeline":
                    before = page.srcdoc()
                    page.choose("document", document)
                page.wait(lambda: page.srcdoc() != before, f"the marked case's {document}")
                expect("<!DOCTYPE html>" in page.srcdoc() and "PROFMARK" not in page.srcdoc(), f"a professional-only marker reaches the family's {document} preview")
                visible = driver.execute_script("return document.querySelector('main').innerText")
                expect(("Chair's withheld list" in visible) == (document == "pack"), f"the chair's withheld list shows with the family pack only ({document})")

            # Nothing kept, nothing fetched from elsewhere.
            kept = driver.execute_script("return [localStorage.length, document.cookie, Object.keys(sessionStorage)]")
            expect(kept[0] == 0 and kept[1] == "" and kept[2] == ["kinpress-token"], f"the browser keeps only the tab's token: {kept}")
            workers = driver.execute_async_script("const done = arguments[0]; navigator.serviceWorker ? navigator.serviceWorker.getRegistrations().then(r => done(r.length)) : done(0);")
            expect(workers == 0, "no service worker")
            outside = outside_requests(driver, server.base)
            expect(not outside, f"requests to other addresses: {outside[:5]}")
            errors = [entry for entry in page.console() if entry["level"] == "SEVERE" and entry.get("source") != "network"]
            expect(not errors, f"the browser's console has errors: {errors[:3]}")
            # Without script, in the browser: the form posts and the page comes back with its preview.
            driver.execute_script("sessionStorage.clear()")
            driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
            driver.get(server.url("/"))
            expect(driver.find_element(By.CSS_SELECTOR, "#live-actions").get_attribute("hidden") is not None, "without script the live links stay hidden")
            page.element("#token").send_keys(TOKEN)
            page.element("#files").send_keys("\n".join(paths))
            Select(page.element("#reader")).select_by_value("professional")
            page.element("button[value=show]").click()
            page.wait(lambda: "<!DOCTYPE html>" in page.srcdoc(), "the preview after posting the form without script")
            expect("safety plan as the professionals" in page.element("#preview-note").text, f"without script: {page.element('#preview-note').text}")
            labels = [button.text for button in driver.find_elements(By.CSS_SELECTOR, ".actions button")]
            expect(labels == ["Show the document", "Download PDF", "Download HTML", "Print"], f"without script the form's buttons save and print: {labels}")
            # axe is a script itself: let scripts run again (the page's own ran at load, so stays off).
            driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
            page.audit("no-script")
        finally:
            driver.quit()
    if failures:
        for failure in failures:
            print("FAIL:", failure)
        sys.exit(1)
    print("page_check: all held")


if __name__ == "__main__":
    main()
