#!/usr/bin/env python3
"""Checks `kinpress serve` from outside, as a case-management system calls it.

    service_check.py KINPRESS CHECK [ARGUMENT]

Each check starts its own server on a free port (`--port 0`, the port read from the JSON log
line "listening"), talks to it over HTTP with `requests`, stops it, and exits 0 when everything
held or 1 with what did not. The checks: endpoints, identical, problems, leaks MARKED-CASE,
schemathesis, load, busy, timeout, sigterm.
"""
import concurrent.futures
import json
import os
import pathlib
import signal
import subprocess
import sys
import tempfile
import threading
import time

import requests
import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "SampleCases"
INVALID = ROOT / "Tests" / "KinpressCaseTests" / "Fixtures" / "invalid"
TOKEN = "kinpress-service-check-token-4f9a"
DOCUMENTS = ["assessment", "safety-plan", "network-map", "timeline", "words-and-pictures"]
AUDIENCES = ["family", "professional", "child"]
FORMATS = ["pdf", "html"]

problems = []


def expect(condition, message):
    if not condition:
        problems.append(message)
    return condition


class Server:
    """A `kinpress serve` of its own, with a tokens file holding TOKEN (unless tokens=False)."""

    def __init__(self, kinpress, *arguments, tokens=True):
        self.folder = tempfile.TemporaryDirectory(prefix="kinpress-service-")
        command = [kinpress, "serve", "--port", "0", *arguments]
        if tokens:
            import hashlib
            tokens_file = pathlib.Path(self.folder.name) / "tokens"
            tokens_file.write_text("# callers\ncheck " + hashlib.sha256(TOKEN.encode()).hexdigest() + "\n")
            command += ["--tokens", str(tokens_file)]
        self.log_path = pathlib.Path(self.folder.name) / "log"
        self.log = open(self.log_path, "wb")
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=self.log, cwd=self.folder.name)
        self.port = None
        deadline = time.time() + 60
        while self.port is None:
            if self.process.poll() is not None:
                raise SystemExit(f"kinpress serve stopped at start: {self.log_path.read_text()}")
            if time.time() > deadline:
                raise SystemExit("kinpress serve did not say it was listening within 60 s")
            for line in self.log_path.read_text().splitlines():
                entry = json.loads(line)
                if entry.get("message") == "listening":
                    self.port = int(entry["port"])
            time.sleep(0.05)
        self.base = f"http://127.0.0.1:{self.port}"
        self.session = requests.Session()
        if tokens:
            self.session.headers["Authorization"] = "Bearer " + TOKEN

    def url(self, path):
        return self.base + path

    def get(self, path, **options):
        return self.session.get(self.url(path), timeout=120, **options)

    def post(self, path, **options):
        return self.session.post(self.url(path), timeout=120, **options)

    def rss_kb(self):
        for line in pathlib.Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        return 0

    def log_lines(self):
        return [json.loads(line) for line in self.log_path.read_text().splitlines() if line.strip()]

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                problems.append("kinpress serve did not stop within 60 s of SIGTERM")
        self.log.close()
        return self.process.returncode

    def __enter__(self):
        return self

    def __exit__(self, *_):
        self.stop()


def sample_cases():
    return sorted(path for folder in SAMPLES.iterdir() for path in folder.iterdir() if path.suffix in (".yaml", ".yml", ".json"))


def case_form(case_file):
    """The case and every file beside it (its pictures) as multipart parts named by their path."""
    folder = case_file.parent
    media = "application/json" if case_file.suffix == ".json" else "application/yaml"
    parts = [("case", (case_file.name, case_file.read_bytes(), media))]
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path != case_file and path.suffix.lower() in (".png", ".jpg", ".jpeg", ".svg"):
            relative = path.relative_to(folder).as_posix()
            parts.append((relative, (path.name, path.read_bytes(), "application/octet-stream")))
    return parts


def run(kinpress, *arguments):
    return subprocess.run([kinpress, *arguments], capture_output=True, timeout=600)


def check_endpoints(kinpress):
    refused = run(kinpress, "serve", "--host", "0.0.0.0", "--port", "0")
    expect(refused.returncode != 0 and b"--tokens" in refused.stderr,
           "serve without --tokens on 0.0.0.0 must refuse to start and say why")
    with Server(kinpress, "--max-body", "4096") as server:
        bare = requests.get(server.url("/healthz"), timeout=30)
        expect(bare.status_code == 200 and bare.text == "ok\n", f"/healthz without a token: {bare.status_code} {bare.text!r}")
        for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": "Basic " + TOKEN}):
            answer = requests.get(server.url("/v1/schema"), headers=headers, timeout=30)
            expect(answer.status_code == 401 and answer.content == b"" and "WWW-Authenticate" in answer.headers,
                   f"/v1/schema with {headers or 'no token'}: 401 with an empty body, not {answer.status_code} {answer.content[:80]!r}")
        schema = server.get("/v1/schema")
        expect(schema.status_code == 200 and schema.content == run(kinpress, "schema").stdout, "/v1/schema is `kinpress schema`")
        openapi = yaml.safe_load(server.get("/v1/openapi.yaml").text)
        expect(openapi.get("openapi") == "3.1.0", "the OpenAPI document is 3.1.0")
        for path in ("/healthz", "/v1/schema", "/v1/openapi.yaml", "/v1/validate", "/v1/render", "/v1/pack", "/v1/letter", "/v1/withheld", "/v1/lint", "/metrics"):
            expect(path in openapi.get("paths", {}), f"the OpenAPI document describes {path}")

        yaml_type = {"Content-Type": "application/yaml"}
        wrong_method = server.get("/v1/render")
        expect(wrong_method.status_code == 405 and wrong_method.headers.get("Allow") == "POST", f"GET /v1/render: 405 Allow POST, not {wrong_method.status_code}")
        nowhere = server.get("/v2/render")
        expect(nowhere.status_code == 404 and nowhere.headers.get("Content-Type", "").startswith("application/json"), "an unknown address is 404 as JSON")
        for query, why in (("?document=leaflet", "unknown document"), ("?document=safety-plan&audiance=family", "misspelt parameter"),
                           ("", "no document"), ("?document=safety-plan&format=docx", "unknown format"),
                           ("?document=safety-plan&theme=neon", "unknown theme"), ("?document=safety-plan&audience=family&audience=child", "a parameter twice")):
            answer = server.post("/v1/render" + query, data=b"format: 1", headers=yaml_type)
            expect(answer.status_code == 400 and answer.json().get("error"), f"{why}: 400 with a message, not {answer.status_code}")
        expect(server.post("/v1/pack?audience=child", data=b"format: 1", headers=yaml_type).status_code == 400, "a child's pack is 400")
        expect(server.post("/v1/pack?audience=network", data=b"format: 1", headers=yaml_type).status_code == 400, "the network's pack is a document, not /v1/pack")
        for query, why in (("?to=kerry", "no letter"), ("?letter=leaflet&to=kerry", "unknown letter"), ("?letter=invitation", "no recipient")):
            answer = server.post("/v1/letter" + query, data=b"format: 1", headers=yaml_type)
            expect(answer.status_code == 400 and answer.json().get("error"), f"/v1/letter {why}: 400 with a message, not {answer.status_code}")
        undecided = b"""format: 1
case: {reference: "T-1", localAuthority: Example Council, date: 2026-03-02, worker: sw}
children: [{id: ava, name: Ava, dateOfBirth: 2019-05-01}]
people:
  - {id: sw, name: Sam Okafor, relationship: Social worker, kind: professional, organisation: Example Council}
  - {id: mum, name: Jo Reed, relationship: Mum, kind: parent}
meeting: {kind: core-group, date: 2026-03-20, chair: sw, invited: [mum, sw]}
"""
        letter = server.post("/v1/letter?letter=invitation&to=mum", data=undecided, headers=yaml_type)
        expect(letter.status_code == 200 and letter.content.startswith(b"%PDF"), f"/v1/letter to mum: a PDF, not {letter.status_code}")
        expect('filename="invitation-letters-mum.pdf"' in letter.headers.get("Content-Disposition", ""), "the letter's file is named by the person's id")
        for query, field, why in (("?letter=decision&to=mum", "meeting.outcome", "a decision letter before the outcome"),
                                  ("?letter=invitation&to=nobody", "people", "a person the case does not have")):
            answer = server.post("/v1/letter" + query, data=undecided, headers=yaml_type)
            body = answer.json() if answer.headers.get("Content-Type", "").startswith("application/json") else {}
            expect(answer.status_code == 422 and field in json.dumps(body), f"/v1/letter {why}: 422 naming {field}, not {answer.status_code} {str(body)[:200]}")
        answer = server.post("/v1/validate", data=b"format: 1", headers={"Content-Type": "text/plain"})
        expect(answer.status_code == 415, f"a text/plain body is 415, not {answer.status_code}")
        answer = server.post("/v1/validate", files=[("picture.png", ("p.png", b"x"))])
        expect(answer.status_code == 400 and "case" in answer.json()["error"], f"a form without a case part is 400, not {answer.status_code}")
        too_big = server.post("/v1/validate", data=b"#" * 5000, headers=yaml_type)
        expect(too_big.status_code == 413, f"a body over --max-body is 413, not {too_big.status_code}")
        chunked = server.post("/v1/validate", data=(b"#" * 1000 for _ in range(10)), headers=yaml_type)
        expect(chunked.status_code == 413, f"a chunked body over --max-body is 413, not {chunked.status_code}")
        ok = server.post("/v1/validate", data=b"format: 1\n", headers=yaml_type)
        expect(ok.status_code == 422 and ok.json()["ok"] is False, "a case with only its format is 422 with ok false")

        metrics = server.get("/metrics").text
        for name in ("kinpress_renders_in_flight", "kinpress_rejections_total", "http_server_request_duration", "hb_requests"):
            expect(name in metrics, f"/metrics has {name}")
        expect('status="413"' in metrics or 'http_response_status_code="413"' in metrics, "/metrics counts requests by status")
        expect(all("Request-Id" in answer.headers for answer in (ok, too_big, nowhere)), "every answer carries a Request-Id")


def check_identical(kinpress):
    with tempfile.TemporaryDirectory(prefix="kinpress-batch-") as out, Server(kinpress, "--jobs", "2") as server:
        for case_file in sample_cases():
            folder = pathlib.Path(out) / case_file.parent.name
            run(kinpress, "batch", str(case_file), "--output-dir", str(folder), "--documents", "all", "--pack",
                "--formats", "pdf,html", "--audiences", ",".join(AUDIENCES))
            written = {path.name: path for path in folder.rglob("*") if path.suffix in (".pdf", ".html")}
            asks = [(f"{d}-{a}.{f}", f"/v1/render?document={d}&audience={a}&format={f}") for d in DOCUMENTS for a in AUDIENCES for f in FORMATS]
            asks += [(f"pack-{a}.{f}", f"/v1/pack?audience={a}&format={f}") for a in ("family", "professional") for f in FORMATS]
            form = case_form(case_file)
            compared = 0
            for name, path in asks:
                answer = server.post(path, files=form)
                if name in written:
                    compared += 1
                    expect(answer.status_code == 200 and answer.content == written[name].read_bytes(),
                           f"{case_file.name} {name}: the service's answer ({answer.status_code}) is not the bytes batch wrote")
                    expect(int(answer.headers.get("Kinpress-Pages", "0")) >= 1 or name.endswith(".html"), f"{name}: Kinpress-Pages")
                    expect(answer.headers.get("Cache-Control") == "no-store", f"{name}: Cache-Control no-store")
                else:
                    expect(answer.status_code == 422, f"{case_file.name} {name}: batch wrote nothing, the service answered {answer.status_code}")
            expect(compared > 0, f"{case_file.name}: batch wrote nothing to compare")
            withheld = server.post("/v1/withheld?audience=family", files=form)
            expect(withheld.status_code == 200 and isinstance(withheld.json(), (dict, list)), f"{case_file.name}: /v1/withheld")
            # Each person's invitation from /v1/letter is the letter `kinpress letters` writes.
            letters = folder / "letters"
            if run(kinpress, "letters", str(case_file), "--letter", "invitation", "--output-dir", str(letters)).returncode == 0:
                for letter in sorted(letters.glob("*.pdf"))[:2]:
                    answer = server.post(f"/v1/letter?letter=invitation&to={letter.stem}", files=form)
                    expect(answer.status_code == 200 and answer.content == letter.read_bytes(),
                           f"{case_file.name} letter to {letter.stem}: the service's answer ({answer.status_code}) is not the bytes `letters` wrote")


def check_problems(kinpress):
    with Server(kinpress) as server:
        cases = sample_cases() + sorted(INVALID.glob("*.yaml"))
        for case_file in cases:
            cli = json.loads(run(kinpress, "validate", "--json", str(case_file)).stdout)["files"][0]
            answer = server.post("/v1/validate", files=case_form(case_file) if case_file.parent != INVALID else
                                 [("case", (case_file.name, case_file.read_bytes(), "application/yaml"))] + invalid_pictures(case_file))
            served = answer.json()
            expect(served["ok"] == cli["valid"] and answer.status_code == (200 if cli["valid"] else 422),
                   f"{case_file.name}: status {answer.status_code}, ok {served['ok']}; validate --json says valid {cli['valid']}")
            for key, severity in (("errors", "error"), ("warnings", "warning")):
                mine = [strip_file(problem) for problem in served.get(key, [])]
                theirs = [strip_file(problem) for problem in cli["problems"] if problem["severity"] == severity]
                expect(mine == theirs, f"{case_file.name}: /v1/validate {key} differ from validate --json:\n{mine[:2]}\n{theirs[:2]}")
            if case_file.parent == INVALID:
                expect(answer.status_code == 422, f"{case_file.name}: an invalid case is 422, not {answer.status_code}")
                rendered = server.post("/v1/render?document=safety-plan", files=[("case", (case_file.name, case_file.read_bytes(), "application/yaml"))]
                                       + invalid_pictures(case_file))
                expect(rendered.status_code == 422 and rendered.json()["errors"][0]["field"] == served["errors"][0]["field"],
                       f"{case_file.name}: render answers 422 with the same first field as validate")
        lint = server.post("/v1/lint?audience=family", files=case_form(SAMPLES / "hughes" / "hughes.yaml"))
        cli_lint = json.loads(run(kinpress, "lint", "--json", "--audience", "family", str(SAMPLES / "hughes" / "hughes.yaml")).stdout)
        expect(lint.status_code == 200 and strip_files(lint.json()) == strip_files(cli_lint), "/v1/lint is `kinpress lint --json`")


def invalid_pictures(case_file):
    """Pictures an invalid fixture names that exist beside it, so only its own fault shows."""
    parts = []
    for path in sorted(case_file.parent.rglob("*")):
        if path.suffix.lower() in (".png", ".jpg", ".svg") and path.relative_to(case_file.parent).as_posix() in case_file.read_text():
            parts.append((path.relative_to(case_file.parent).as_posix(), (path.name, path.read_bytes())))
    return parts


def strip_file(problem):
    """A problem without where the file lies; a missing picture's message says "send it" to a caller
    and "add the file" on the command line, and is otherwise the same problem."""
    ignored = ("file", "path", "message") if problem.get("code") == "picture-file" else ("file", "path")
    return {key: value for key, value in problem.items() if key not in ignored}


def strip_files(report):
    if isinstance(report, dict):
        return {key: strip_files(value) for key, value in report.items() if key not in ("file", "path")}
    if isinstance(report, list):
        return [strip_files(value) for value in report]
    return report


def check_leaks(kinpress, marked_case):
    case = pathlib.Path(marked_case).read_bytes()
    secrets = ["PROFMARK", "ADULTMARK", "LEAK-1", "Jo Reed", "Sam Okafor", "Ava", TOKEN]
    with Server(kinpress) as server:
        yaml_type = {"Content-Type": "application/yaml"}
        for document in DOCUMENTS:
            for audience, markers in (("family", ["PROFMARK"]), ("child", ["PROFMARK", "ADULTMARK"])):
                for format_ in FORMATS:
                    answer = server.post(f"/v1/render?document={document}&audience={audience}&format={format_}", data=case, headers=yaml_type)
                    if not expect(answer.status_code == 200, f"marked case {document} {audience} {format_}: {answer.status_code}"):
                        continue
                    text = answer.content.decode("latin-1") if format_ == "pdf" else answer.text
                    if format_ == "pdf":
                        text += subprocess.run(["pdftotext", "-", "-"], input=answer.content, capture_output=True).stdout.decode()
                    for marker in markers:
                        expect(marker not in text, f"{marker} reaches the {audience} {document} {format_}")
                    expect(all(marker not in str(answer.headers) for marker in secrets), f"a header of {document} {audience} holds case text")
        pack = server.post("/v1/pack?audience=family", data=case, headers=yaml_type)
        expect(pack.status_code == 200 and b"PROFMARK" not in pack.content, "the family pack holds no professional marker")
        withheld = server.post("/v1/withheld?audience=family", data=case, headers=yaml_type)
        expect(withheld.status_code == 200, "the chair's withheld list of the marked case")
        broken = server.post("/v1/render?document=safety-plan", data=case.replace(b"who: [mum, informant]", b"who: [mum, PROFMARK-nobody]"), headers=yaml_type)
        expect(broken.status_code == 422, "a broken marked case is 422")
        metrics = server.get("/metrics").text
    log = server.log_path.read_text()
    for secret in secrets:
        expect(secret not in log, f"the service's log holds {secret!r}")
        expect(secret not in metrics, f"/metrics holds {secret!r}")
    requests_logged = [line for line in server.log_lines() if line.get("message") == "request"]
    expect(len(requests_logged) == 24 and all(line.get("caller") == "check" and line.get("request") for line in requests_logged),
           "each request is logged once with its caller's name and a request id")


def check_schemathesis(kinpress):
    with Server(kinpress) as server, tempfile.TemporaryDirectory() as scratch:
        command = [sys.executable, "-c", "import sys; from schemathesis.cli import schemathesis; sys.exit(schemathesis())", "run", server.url("/v1/openapi.yaml"), "-H", "Authorization: Bearer " + TOKEN,
                   "--checks", "all", "--exclude-checks", "positive_data_acceptance",
                   "--phases", "examples,fuzzing", "--max-examples", "40", "--workers", "2", "--seed", "1"]
        result = subprocess.run(command, capture_output=True, text=True, timeout=900, cwd=scratch)
        expect(result.returncode == 0, "schemathesis found faults:\n" + result.stdout[-4000:])
        generated = [line.strip() for line in result.stdout.splitlines() if "generated" in line]
        expect(generated and int(generated[-1].split()[0]) >= 100, f"schemathesis generated at least 100 requests: {generated}")
        print("schemathesis:", generated[-1] if generated else "no summary")
        expect(server.process.poll() is None, "the service survived schemathesis")


def render_many(server, count, concurrency, path="/v1/render?document=safety-plan&audience=family"):
    form = case_form(SAMPLES / "hughes" / "hughes.yaml")
    statuses = []
    lock = threading.Lock()

    def one(_):
        answer = server.post(path, files=form)
        with lock:
            statuses.append((answer.status_code, answer.headers.get("Retry-After")))

    with concurrent.futures.ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(one, range(count)))
    return statuses


def check_load(kinpress):
    with Server(kinpress, "--jobs", "2", "--queue", "2") as server:
        warm = render_many(server, 50, 2)
        expect(all(status == 200 for status, _ in warm), "two callers at --jobs 2 are always served")
        before = server.rss_kb()
        burst = render_many(server, 400, 8)
        after = server.rss_kb()
        codes = sorted({status for status, _ in burst})
        expect(set(codes) <= {200, 503}, f"under load the service answers 200 or 503 only, not {codes}")
        expect(any(status == 200 for status, _ in burst), "under load some renders are served")
        expect(any(status == 503 for status, _ in burst), "eight callers at --jobs 2 --queue 2 meet 503")
        expect(all(retry for status, retry in burst if status == 503), "every 503 says Retry-After")
        expect(after <= before * 1.15, f"memory after 450 renders ({after} kB) is within 15% of after 50 ({before} kB)")
        expect(server.get("/healthz").status_code == 200, "the service is up after the burst")
        print(f"RSS after 50 renders {before} kB, after 450 {after} kB; burst statuses {codes}")


def check_busy(kinpress):
    with Server(kinpress, "--jobs", "1", "--queue", "0") as server:
        statuses = render_many(server, 8, 4, "/v1/pack?audience=professional")
        expect(any(status == 503 and retry for status, retry in statuses), f"--jobs 1 --queue 0: a second render at once is 503 with Retry-After ({statuses})")
        expect(any(status == 200 for status, _ in statuses), "--jobs 1 --queue 0 still serves one at a time")
        metrics = server.get("/metrics").text
        expect('kinpress_rejections_total{reason="busy"}' in metrics, "/metrics counts busy rejections")


def check_timeout(kinpress):
    with Server(kinpress, "--jobs", "1", "--queue", "0", "--timeout", "0.01") as server:
        path = "/v1/pack?audience=professional"
        form = case_form(SAMPLES / "hughes" / "hughes.yaml")
        first = server.post(path, files=form)
        expect(first.status_code == 503 and first.headers.get("Retry-After"), f"a render past --timeout is 503 with Retry-After, not {first.status_code}")
        second = server.post(path, files=form)
        expect(second.status_code == 503 and "longer" in second.text,
               f"the timed-out render freed its slot: the next one runs (and times out) rather than being refused as busy; got {second.status_code} {second.text[:120]}")
        expect(server.get("/healthz").status_code == 200, "the service is up after timeouts")
        expect('kinpress_rejections_total{reason="timeout"}' in server.get("/metrics").text, "/metrics counts timeouts")
    # The deadline holds while the service is busy: with both slots rendering (and the renders
    # that timed out still finishing), no render is answered after its deadline as if on time.
    with Server(kinpress, "--jobs", "2", "--queue", "0", "--timeout", "0.01") as server:
        statuses = render_many(server, 16, 2, "/v1/pack?audience=professional")
        expect(all(status == 503 for status, _ in statuses), f"under load every render past --timeout is 503, none 200: {statuses}")


def check_sigterm(kinpress):
    server = Server(kinpress, "--jobs", "2")
    form = case_form(SAMPLES / "hughes" / "hughes.yaml")
    expected = server.post("/v1/pack?audience=professional", files=form).content
    answers = []

    def one(_):
        try:
            answers.append(requests.post(server.url("/v1/pack?audience=professional"), files=form,
                                         headers=server.session.headers, timeout=120))
        except requests.RequestException as error:
            answers.append(error)

    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        futures = [pool.submit(one, n) for n in range(4)]
        # SIGTERM once all four are in the service's hands: rendering, waiting, or answered.
        deadline = time.time() + 60
        while working(server) + len(answers) < 4 and time.time() < deadline:
            time.sleep(0.01)
        expect(working(server) >= 1, "SIGTERM came while renders were in flight")
        server.process.send_signal(signal.SIGTERM)
        concurrent.futures.wait(futures)
    code = server.stop()
    expect(code == 0, f"kinpress serve exits 0 after SIGTERM, not {code}")
    expect(len(answers) == 4 and all(isinstance(answer, requests.Response) and answer.status_code == 200 and answer.content == expected
                                     for answer in answers), f"every request sent before SIGTERM is answered in full: {answers}")
    after = subprocess.run(["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", server.url("/healthz")], capture_output=True, text=True)
    expect(after.stdout in ("000", ""), "after SIGTERM the service takes no more requests")


def working(server):
    """Renders in flight and waiting, as /metrics says."""
    total = 0.0
    for line in server.get("/metrics").text.splitlines():
        if line.startswith(("kinpress_renders_in_flight", "kinpress_renders_waiting")):
            total += float(line.split()[-1])
    return total


CHECKS = {name[len("check_"):]: function for name, function in globals().items() if name.startswith("check_")}

if __name__ == "__main__":
    if len(sys.argv) < 3 or sys.argv[2] not in CHECKS:
        raise SystemExit(f"usage: service_check.py KINPRESS {'|'.join(CHECKS)} [ARGUMENT]")
    CHECKS[sys.argv[2]](os.path.abspath(sys.argv[1]), *sys.argv[3:])
    if problems:
        print("\n".join(problems))
        sys.exit(1)
    print(f"{sys.argv[2]}: all held")
