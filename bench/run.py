#!/usr/bin/env python3
"""The Kinpress benchmark: one meeting pack of the anchor case, timed the way the anchor
benchmark times the C floor, Typst and WeasyPrint, and printed beside them with ratios.

    scripts/bench                  # builds in release mode, then runs this

Measures (medians over several runs):
  - one pack as a whole process (start, read, lay out, write, exit);
  - in-process ms and CPU ms per pack over N distinct packs (every copy's sentences differ);
  - batch throughput over BATCH distinct cases with --jobs 1 and --jobs 2, packs only;
  - peak memory for one pack, across the batch with --jobs 1 and --jobs 2 and across one
    process's loop of packs, each at BATCH/10 and BATCH: flat when BATCH is within 10% of BATCH/10;
  - a pack of about 500 pages: its time divided by the anchor pack's;
  - 500 invitation letters (the anchor case's invitees, over distinct copies of it) in one process;
  - `kinpress serve --jobs 2` rendering the anchor case's safety plan: renders/s, p50 and p99
    latency, and its memory after 100 renders and after SERVE_RENDERS (flat or not).
When the anchor benchmark is present (ANCHORS, default ../shared/bench/anchors beside the
repository), its run.sh runs first in the same run (with its 500-letter mail merge) and every
figure gets its ratio.

Environment: RUNS (whole-process runs, 15), N (packs per loop, 50), REPS (loops, 3),
BATCH (cases, 1000), SCALE (list repeats for the long pack, 55: about 500 pages), LETTER_COUNT (500),
SERVE_RENDERS (10000), ANCHORS (folder, or "none"), ANCHOR_WORK (an earlier run of the anchors
to read rather than run again), KINPRESS (the program, default
.build/release/kinpress), WORK (scratch folder).
"""
import http.client
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import socket
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CASE = os.path.join(ROOT, "bench", "anchor-case", "anchor.yaml")
KINPRESS = os.environ.get("KINPRESS", os.path.join(ROOT, ".build", "release", "kinpress"))
RUNS, N, REPS = int(os.environ.get("RUNS", 15)), int(os.environ.get("N", 50)), int(os.environ.get("REPS", 3))
BATCH, SCALE = int(os.environ.get("BATCH", 1000)), int(os.environ.get("SCALE", 55))
TENTH = max(1, BATCH // 10)
LETTERS, SERVE_RENDERS = int(os.environ.get("LETTER_COUNT", 500)), int(os.environ.get("SERVE_RENDERS", 10000))
ANCHORS = os.environ.get("ANCHORS", os.path.join(os.path.dirname(ROOT), "shared", "bench", "anchors"))
WORK = os.environ.get("WORK") or tempfile.mkdtemp(prefix="kinpress-bench-")


def say(text):
    print(f"== {text}", file=sys.stderr, flush=True)


def run(command):
    """Runs a command; returns (wall seconds, its peak RSS in MB, its output)."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err)
        # wait4 rather than wait: it gives this child's own resource use.
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if process.returncode != 0:
            raise SystemExit(f"benchmark step failed ({process.returncode}): {' '.join(command)}\n{err.read()}")
        return wall, usage.ru_maxrss / 1024, out.read()


def result_line(text):
    """The figures of a RESULT line (the anchors' format), or None when there is none."""
    match = re.search(r"RESULT .*", text)
    return {k: float(v) for k, v in re.findall(r"(\w+)=([\d.]+)", match.group(0))} if match else None


def kinpress_result(text):
    figures = result_line(text)
    if figures is None:
        raise SystemExit(f"no RESULT line in:\n{text}")
    return figures


def kinpress_figures():
    figures = {}
    pack = os.path.join(WORK, "pack.pdf")
    say(f"Kinpress: whole process, one pack ({RUNS} runs after 2 warm-ups)")
    command = [KINPRESS, "pack", CASE, "--output", pack]
    for _ in range(2):
        run(command)
    walls, rss = [], []
    for _ in range(RUNS):
        wall, peak, _ = run(command)
        walls.append(wall * 1000)
        rss.append(peak)
    figures["whole_ms"] = statistics.median(walls)
    figures["whole_range"] = (min(walls), max(walls))
    figures["rss_one_mb"] = statistics.median(rss)
    figures["pages"] = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", pack], capture_output=True, text=True).stdout).group(1)) \
        if shutil.which("pdfinfo") else None

    say(f"Kinpress: in-process, {N} distinct packs per loop, {REPS} loops")
    loops = []
    for _ in range(REPS):
        _, peak, out = run([KINPRESS, "benchmark", "packs", CASE, "--count", str(N), "--output", pack])
        loops.append((kinpress_result(out), peak))
    figures["inproc_ms"] = statistics.median(r["median_ms"] for r, _ in loops)
    figures["inproc_cpu_ms"] = statistics.median(r["cpu_ms_per_pack"] for r, _ in loops)
    figures["inproc_packs_s"] = statistics.median(r["packs_per_s"] for r, _ in loops)
    figures["rss_loop_mb"] = statistics.median(p for _, p in loops)
    figures["pages"] = figures["pages"] or int(loops[0][0]["pages"])

    say(f"Kinpress: batch of {BATCH} distinct cases, packs only")
    cases = os.path.join(WORK, "cases")
    shutil.rmtree(cases, ignore_errors=True)
    run([KINPRESS, "benchmark", "cases", CASE, "--count", str(BATCH), "--output-dir", cases])
    tenth = [os.path.join(cases, name) for name in sorted(os.listdir(cases)) if name.endswith(".yaml")][:TENTH]

    def batch(inputs, jobs):
        out = os.path.join(WORK, f"out-{jobs}")
        shutil.rmtree(out, ignore_errors=True)
        wall, peak, _ = run([KINPRESS, "batch", *inputs, "--documents", "none", "--pack", "--force", "--jobs", str(jobs), "--output-dir", out])
        return wall, peak

    for jobs in (1, 2):
        _, figures[f"batch{jobs}_tenth_rss_mb"] = batch(tenth, jobs)
        wall, peak = batch([cases], jobs)
        figures[f"batch{jobs}_packs_s"] = BATCH / wall
        figures[f"batch{jobs}_rss_mb"] = peak

    say(f"Kinpress: peak memory of one process making {TENTH}, then {BATCH} distinct packs")
    for key, count in (("loop_tenth_rss_mb", TENTH), ("loop_rss_mb", BATCH)):
        _, figures[key], _ = run([KINPRESS, "benchmark", "packs", CASE, "--count", str(count), "--output", pack])

    say(f"Kinpress: a long pack (every list repeated {SCALE} times)")
    _, _, out = run([KINPRESS, "benchmark", "packs", CASE, "--count", str(max(1, min(REPS, 3))), "--scale", str(SCALE), "--output", pack])
    long = kinpress_result(out)
    figures["long_pages"] = int(long["pages"])
    figures["long_ms"] = long["median_ms"]
    figures.update(letter_figures())
    figures.update(service_figures())
    return figures


def letter_figures():
    """LETTERS invitation letters in one process: `batch --letters invitation --jobs 1` over as
    many distinct copies of the anchor case as it takes (each invites the same people), every
    letter its own PDF file, as `kinpress letters` writes them."""
    say(f"Kinpress: {LETTERS} invitation letters, one process")
    source = open(CASE, encoding="utf-8").read()
    invited = re.search(r"invited: \[([^\]]*)\]", source).group(1).split(",")
    chair = re.search(r"\n  chair: (\S+)", source).group(1)
    each = len([p for p in invited if p.strip() != chair])
    copies = -(-LETTERS // each)
    cases = os.path.join(WORK, "letter-cases")
    shutil.rmtree(cases, ignore_errors=True)
    run([KINPRESS, "benchmark", "cases", CASE, "--count", str(copies), "--output-dir", cases])
    out = os.path.join(WORK, "letters")
    walls, peaks = [], []
    for _ in range(max(1, min(REPS, 3))):
        shutil.rmtree(out, ignore_errors=True)
        wall, peak, _ = run([KINPRESS, "batch", cases, "--documents", "none", "--letters", "invitation", "--force", "--jobs", "1", "--output-dir", out])
        walls.append(wall)
        peaks.append(peak)
    files = [os.path.join(folder, name) for folder, _, names in os.walk(out) for name in names if name.endswith(".pdf")]
    pages = 0
    if shutil.which("pdfinfo"):
        for file in files[:20]:
            pages += int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", file], capture_output=True, text=True).stdout).group(1))
    made = len(files)
    wall = statistics.median(walls)
    return {"letters_made": made, "letters_s": wall * LETTERS / made, "letter_ms": wall * 1000 / made,
            "letters_rss_mb": statistics.median(peaks), "letter_pages": pages / min(20, made) if pages else float("nan")}


class Service:
    """`kinpress serve --jobs 2` on a free local port, for the service rows."""

    def __init__(self):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.process = subprocess.Popen([KINPRESS, "serve", "--port", str(self.port), "--jobs", "2", "--queue", "64"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
                connection.request("GET", "/healthz")
                if connection.getresponse().status == 200:
                    return
            except OSError:
                time.sleep(0.05)
        raise SystemExit("kinpress serve did not start")

    def rss_mb(self):
        with open(f"/proc/{self.process.pid}/status") as status:
            return int(re.search(r"VmRSS:\s+(\d+)", status.read()).group(1)) / 1024

    def renders(self, body, count, concurrency):
        """`count` renders of the safety plan, `concurrency` at a time; each one's seconds.
        `body` is (bytes, content type): the case and its pictures as a form."""
        latencies, lock, left, failures = [], threading.Lock(), [count], []

        def worker():
            connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
            while True:
                with lock:
                    if left[0] == 0:
                        return
                    left[0] -= 1
                started = time.perf_counter()
                connection.request("POST", "/v1/render?document=safety-plan&audience=family", body=body[0],
                                   headers={"Content-Type": body[1]})
                answer = connection.getresponse()
                said = answer.read()
                with lock:
                    if answer.status != 200:
                        failures.append(f"the service answered {answer.status}: {said[:300]!r}")
                        left[0] = 0
                        return
                    latencies.append(time.perf_counter() - started)

        threads = [threading.Thread(target=worker) for _ in range(concurrency)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        if failures:
            raise SystemExit(failures[0])
        return latencies

    def close(self):
        self.process.terminate()
        self.process.wait(timeout=30)


def case_form(case):
    """The case and the picture files it names, as the multipart form the service reads: a part
    named `case`, and one per picture named by its path in the case."""
    source = open(case, "rb").read()
    folder = os.path.dirname(case)
    pictures = sorted(set(re.findall(rb"picture: *\"?([^\"\n:]+\.(?:png|jpe?g|svg))", source)))
    boundary = "kinpress-bench-boundary"
    parts = [(b"case", os.path.basename(case).encode(), source)]
    parts += [(name, name, open(os.path.join(folder, name.decode()), "rb").read()) for name in pictures]
    body = b"".join(b"--" + boundary.encode() + b"\r\nContent-Disposition: form-data; name=\"" + name + b"\"; filename=\"" + file
                    + b"\"\r\nContent-Type: application/octet-stream\r\n\r\n" + data + b"\r\n" for name, file, data in parts)
    return body + b"--" + boundary.encode() + b"--\r\n", f"multipart/form-data; boundary={boundary}"


def service_figures():
    say(f"Kinpress: kinpress serve --jobs 2, the safety plan; memory over {SERVE_RENDERS} renders")
    body = case_form(CASE)
    plan = os.path.join(WORK, "plan.pdf")
    run([KINPRESS, "render", CASE, "--document", "safety-plan", "--output", plan])
    pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", plan], capture_output=True, text=True).stdout).group(1)) \
        if shutil.which("pdfinfo") else 0
    service = Service()
    try:
        # The level after the first hundred renders (or a tenth, in a short run), then 400 timed;
        # all under the same load (four callers), so the two levels compare the same work.
        warm, timed = min(100, max(1, SERVE_RENDERS // 10)), min(400, max(1, SERVE_RENDERS // 4))
        service.renders(body, warm, 4)
        after_warm = service.rss_mb()
        started = time.perf_counter()
        latencies = sorted(service.renders(body, timed, 4))
        rate = timed / (time.perf_counter() - started)
        service.renders(body, max(0, SERVE_RENDERS - warm - timed), 4)
        after_all = service.rss_mb()
    finally:
        service.close()
    return {"serve_pages": pages, "serve_per_s": rate, "serve_p50_ms": latencies[len(latencies) // 2] * 1000,
            "serve_p99_ms": latencies[max(0, int(len(latencies) * 0.99) - 1)] * 1000, "serve_warm": warm,
            "serve_rss_100_mb": after_warm, "serve_rss_all_mb": after_all}


def anchor_figures():
    """Runs the anchor benchmark (C floor, Typst, WeasyPrint and the rest) and reads its results."""
    script = os.path.join(ANCHORS, "run.sh")
    if ANCHORS == "none" or not os.path.exists(script):
        return None
    # ANCHOR_WORK: the folder of an earlier run of the anchors on this machine, read, not run again.
    work = os.environ.get("ANCHOR_WORK") or os.path.join(WORK, "anchors")
    if os.environ.get("ANCHOR_WORK"):
        say(f"anchors: the results of the run in {work}")
    else:
        say(f"anchors: {script} (about 17 minutes, with the letters)")
        environment = dict(os.environ, WORK=work, RUNS=str(RUNS), N=str(N), REPS=str(REPS), LETTERS="1", LETTERS_N=str(LETTERS))
        result = subprocess.run(["bash", script], env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if result.returncode != 0:
            print(f"the anchor benchmark failed; Kinpress's figures follow alone:\n{result.stderr[-2000:]}", file=sys.stderr)
            return None
    results = os.path.join(work, "results")
    whole = {r["command"]: r for r in json.load(open(os.path.join(results, "whole.json")))["results"]}
    engines = {}
    for engine in ("pango-cairo-c", "typst", "weasyprint"):
        loops = []
        for name in os.listdir(results):
            if name.startswith(f"inproc_{engine}_var_"):
                figures = result_line(open(os.path.join(results, name)).read())
                if figures:
                    loops.append(figures)
        peaks = []
        for name in os.listdir(results):
            if name.startswith(f"mem_{engine}_"):
                match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(os.path.join(results, name)).read())
                if match:
                    peaks.append(int(match.group(1)) / 1024)
        engines[engine] = {
            "whole_ms": whole[engine]["median"] * 1000,
            "inproc_ms": statistics.median(r["median_ms"] for r in loops) if loops else float("nan"),
            "inproc_cpu_ms": statistics.median(r["cpu_ms_per_pack"] for r in loops) if loops else float("nan"),
            "inproc_packs_s": statistics.median(r["packs_per_s"] for r in loops) if loops else float("nan"),
            "rss_one_mb": statistics.median(peaks) if peaks else float("nan"),
        }
    # The mail merge: LETTERS one-page letters in one PDF, whole process.
    letters = os.path.join(work, "letters", "results", "whole.json")
    if os.path.exists(letters):
        merged = {r["command"]: r for r in json.load(open(letters))["results"]}
        for engine in ("pango-cairo-c", "typst", "weasyprint"):
            if engine in merged:
                engines[engine]["letters_s"] = merged[engine]["median"]
    return engines


def report(k, anchors):
    """The goals table: every figure per pack (or per letter, per render) on the anchors' content,
    beside the C floor and Typst, with the goal and whether it is met."""
    c = anchors and anchors["pango-cairo-c"]
    t = anchors and anchors["typst"]
    nan = float("nan")
    print()
    print(f"Kinpress beside the anchors: one chair's pack of the anchor case ({k['pages']} pages; the anchors' pack is 12), "
          f"{LETTERS} invitation letters, and the service")
    print()
    print("| figure | Kinpress | C floor | × C | Typst | × Typst | goal | met? |")
    print("|---|---|---|---|---|---|---|---|")

    def row(label, value, unit, key, goal_text, goal_ok, kin_over=True):
        cv = c.get(key, nan) if c else nan
        tv = t.get(key, nan) if t else nan
        ratio = (lambda other: value / other) if kin_over else (lambda other: other / value)
        ok = goal_ok(value, cv, tv) if goal_ok else None
        ok_text = "n/a" if ok is None or (c is None and "C" in goal_text) else ("yes" if ok else "NO")
        print(f"| {label} | {value:.1f} {unit} | {cv:.1f} | {ratio(cv):.2f}× | {tv:.1f} | {ratio(tv):.2f}× | {goal_text} | {ok_text} |")

    row("one chair's pack, in-process wall", k["inproc_ms"], "ms", "inproc_ms", "≤ 1.0× C", lambda v, cv, tv: v <= cv)
    row("the same, CPU", k["inproc_cpu_ms"], "ms", "inproc_cpu_ms", "≤ 1.5× C", lambda v, cv, tv: v <= 1.5 * cv)
    row("the same, whole process", k["whole_ms"], "ms", "whole_ms", "≤ 1.5× C", lambda v, cv, tv: v <= 1.5 * cv)
    # Throughput: the ratio is Kinpress over the other, higher is better.
    row("batch, --jobs 2", k["batch2_packs_s"], "packs/s", "inproc_packs_s", "≥ 1.8× C single-thread", lambda v, cv, tv: v >= 1.8 * cv)
    row("peak memory, one pack", k["rss_one_mb"], "MB", "rss_one_mb", "≤ 45 MB", lambda v, cv, tv: v <= 45)
    grown = k["serve_rss_all_mb"] / k["serve_rss_100_mb"]
    print(f"| memory of one `kinpress serve` over {SERVE_RENDERS} renders | {k['serve_rss_all_mb']:.1f} MB, after {k['serve_warm']}: "
          f"{k['serve_rss_100_mb']:.1f} MB ({grown:.3f}×) | | | | | flat: ≤ 1.05× | {'yes' if grown <= 1.05 else 'NO'} |")
    row(f"{LETTERS} invitation letters, one process", k["letters_s"], "s", "letters_s", "≤ Typst", lambda v, cv, tv: v <= tv)
    # The C floor's single-thread rate for a document of the safety plan's pages, from its pack's ms per page.
    floor = 1000 / (c["inproc_ms"] / 12 * k["serve_pages"]) if c and k["serve_pages"] else nan
    even = k["serve_p99_ms"] <= 3 * k["serve_p50_ms"]
    met = "n/a" if floor != floor else ("yes" if k["serve_per_s"] >= 1.8 * floor and even else "NO")
    print(f"| the service, one safety plan ({k['serve_pages']} pages), --jobs 2 | {k['serve_per_s']:.1f} renders/s; p50 {k['serve_p50_ms']:.0f} ms, "
          f"p99 {k['serve_p99_ms']:.0f} ms | {floor:.1f}/s | {k['serve_per_s'] / floor:.2f}× | | | ≥ 1.8× C; p99 ≤ 3× p50 | {met} |")
    print()
    print(f"letters: {k['letters_made']} made ({k['letter_ms']:.1f} ms each, {k['letter_pages']:.1f} pages each: the letter and the "
          f"meeting leaflet; the anchors' letters are one page each), peak {k['letters_rss_mb']:.1f} MB")
    print(f"batch --jobs 1: {k['batch1_packs_s']:.1f} packs/s; peak memory, batch of {BATCH} / of {TENTH}: --jobs 1 "
          f"{k['batch1_rss_mb']:.1f} / {k['batch1_tenth_rss_mb']:.1f} MB, --jobs 2 {k['batch2_rss_mb']:.1f} / {k['batch2_tenth_rss_mb']:.1f} MB; "
          f"one process's loop of {BATCH} / of {TENTH} packs {k['loop_rss_mb']:.1f} / {k['loop_tenth_rss_mb']:.1f} MB")
    print(f"long pack: {k['long_pages']} pages in {k['long_ms']:.0f} ms, {(k['long_ms'] / k['long_pages']) / (k['inproc_ms'] / k['pages']):.2f}× "
          f"the anchor pack's cost per page; ms per page {k['inproc_ms'] / k['pages']:.2f} in-process"
          + (f" (C floor {c['inproc_ms'] / 12:.2f})" if c else ""))
    print(f"whole process {k['whole_ms']:.0f} ms [{k['whole_range'][0]:.0f}-{k['whole_range'][1]:.0f}]; in-process packs/s {k['inproc_packs_s']:.1f}; "
          f"peak RSS of the in-process loop {k['rss_loop_mb']:.1f} MB"
          + (f"; WeasyPrint ÷ Kinpress in-process {anchors['weasyprint']['inproc_ms'] / k['inproc_ms']:.1f}×" if anchors else ""))
    if not anchors:
        print("(the anchor benchmark was not found or not run: ANCHORS=folder with run.sh to compare)")


def main():
    if not os.access(KINPRESS, os.X_OK):
        raise SystemExit(f"{KINPRESS} is not built: run scripts/bench (it builds in release mode)")
    anchors = anchor_figures()
    figures = kinpress_figures()
    report(figures, anchors)
    if "WORK" not in os.environ:
        shutil.rmtree(WORK, ignore_errors=True)


if __name__ == "__main__":
    main()
