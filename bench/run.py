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
  - a pack of about 500 pages: its time divided by the anchor pack's.
When the anchor benchmark is present (ANCHORS, default ../shared/bench/anchors beside the
repository), its run.sh runs first in the same run and every figure gets its ratio.

Environment: RUNS (whole-process runs, 15), N (packs per loop, 50), REPS (loops, 3),
BATCH (cases, 1000), SCALE (list repeats for the long pack, 55: about 500 pages), ANCHORS (folder, or "none"),
KINPRESS (the program, default .build/release/kinpress), WORK (scratch folder).
"""
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CASE = os.path.join(ROOT, "bench", "anchor-case", "anchor.yaml")
KINPRESS = os.environ.get("KINPRESS", os.path.join(ROOT, ".build", "release", "kinpress"))
RUNS, N, REPS = int(os.environ.get("RUNS", 15)), int(os.environ.get("N", 50)), int(os.environ.get("REPS", 3))
BATCH, SCALE = int(os.environ.get("BATCH", 1000)), int(os.environ.get("SCALE", 55))
TENTH = max(1, BATCH // 10)
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
    return figures


def anchor_figures():
    """Runs the anchor benchmark (C floor, Typst, WeasyPrint and the rest) and reads its results."""
    script = os.path.join(ANCHORS, "run.sh")
    if ANCHORS == "none" or not os.path.exists(script):
        return None
    work = os.path.join(WORK, "anchors")
    say(f"anchors: {script} (about 10 minutes)")
    environment = dict(os.environ, WORK=work, RUNS=str(RUNS), N=str(N), REPS=str(REPS))
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
    return engines


def report(k, anchors):
    c = anchors and anchors["pango-cairo-c"]
    print()
    print(f"Kinpress beside the anchors: the anchor case's chair's pack ({k['pages']} pages; the anchors' pack is 12)")
    print()
    head = "| figure | Kinpress |"
    rule = "|---|---|"
    if anchors:
        head += " C floor | × C | Typst | × Typst | WeasyPrint | WeasyPrint ÷ Kinpress |"
        rule += "---|---|---|---|---|---|"
    print(head + " goal | met? |")
    print(rule + "---|---|")

    def row(label, key, unit, goal_text, goal_ok, kin=None, cmp_key=None, lower_better=True):
        value = k[key] if kin is None else kin
        line = f"| {label} | {value:.1f} {unit} |"
        if anchors:
            ck = cmp_key or key
            cv, tv, wv = c.get(ck, float("nan")), anchors["typst"].get(ck, float("nan")), anchors["weasyprint"].get(ck, float("nan"))
            line += f" {cv:.1f} | {value / cv:.2f}× | {tv:.1f} | {value / tv:.2f}× | {wv:.1f} | {wv / value if lower_better else value / wv:.1f}× |"
        ok = goal_ok(value) if (goal_ok and (anchors or goal_text.startswith("≤ 40 MB") or goal_text.startswith("flat") or goal_text.startswith("≤ 40×"))) else None
        print(line + f" {goal_text} | {'n/a' if ok is None else ('yes' if ok else 'NO')} |")

    cw = c["whole_ms"] if c else None
    row("whole process, one pack", "whole_ms", "ms", "≤ 1.2× C", c and (lambda v: v <= 1.2 * cw))
    row("in-process, per pack (N distinct)", "inproc_ms", "ms", "≤ 0.9× C", c and (lambda v: v <= 0.9 * c["inproc_ms"]))
    row("CPU per pack, in-process", "inproc_cpu_ms", "ms", "≤ 1.5× C", c and (lambda v: v <= 1.5 * c["inproc_cpu_ms"]))
    row("batch, --jobs 1", "batch1_packs_s", "packs/s", "", None, cmp_key="inproc_packs_s", lower_better=False)
    row("batch, --jobs 2", "batch2_packs_s", "packs/s", "≥ 2× C packs/s", c and (lambda v: v >= 2 * c["inproc_packs_s"]), cmp_key="inproc_packs_s", lower_better=False)
    row("peak memory, one pack", "rss_one_mb", "MB", "≤ 40 MB", lambda v: v <= 40)
    # Flat: ten times the packs in one process take at most a tenth more memory at the peak.
    for label, many, few in ((f"batch of {BATCH} / of {TENTH}, --jobs 1", "batch1_rss_mb", "batch1_tenth_rss_mb"),
                             (f"batch of {BATCH} / of {TENTH}, --jobs 2", "batch2_rss_mb", "batch2_tenth_rss_mb"),
                             (f"in-process loop of {BATCH} / of {TENTH} packs", "loop_rss_mb", "loop_tenth_rss_mb")):
        flat = k[many] <= 1.1 * k[few]
        print(f"| peak memory, {label} | {k[many]:.1f} / {k[few]:.1f} MB |" + (" | | | | | |" if anchors else "")
              + f" flat (≤ 1.1×) | {'yes' if flat else 'NO'} |")
    # 500 pages in at most 40 times a 12-page pack's time: per page, at most 40 × 12 / 500 = 0.96
    # of the short pack's cost. Kinpress's packs are longer than 12 pages, so compared per page.
    per_page = (k["long_ms"] / k["long_pages"]) / (k["inproc_ms"] / k["pages"])
    print(f"| long pack ({k['long_pages']} pages) | {k['long_ms']:.0f} ms: {k['long_ms'] / k['inproc_ms']:.1f}× the {k['pages']}-page pack, "
          f"{per_page:.2f}× its cost per page |" + (" | | | | | |" if anchors else "")
          + f" per page ≤ 0.96× (500 pages ≤ 40× 12) | {'yes' if per_page <= 40 * 12 / 500 else 'NO'} |")
    if anchors:
        print(f"| WeasyPrint ÷ Kinpress, in-process | {anchors['weasyprint']['inproc_ms'] / k['inproc_ms']:.1f}× | | | | | | | ≥ 20× | "
              f"{'yes' if anchors['weasyprint']['inproc_ms'] >= 20 * k['inproc_ms'] else 'NO'} |")
    print()
    print(f"ms per page: Kinpress {k['inproc_ms'] / k['pages']:.2f} (in-process), {k['long_ms'] / k['long_pages']:.2f} in the long pack"
          + (f"; C floor {c['inproc_ms'] / 12:.2f}" if c else ""))
    print(f"whole process {k['whole_ms']:.0f} ms [{k['whole_range'][0]:.0f}-{k['whole_range'][1]:.0f}]; in-process packs/s {k['inproc_packs_s']:.1f}; "
          f"peak RSS of the in-process loop {k['rss_loop_mb']:.1f} MB")
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
