#!/usr/bin/env python3
"""Spanwise's agreement against the Python stack a methods person would reach for, in one run
on the same synthetic study.

Spanwise: `spanwise agreement DIR --format json` (the whole process: it opens the project, then
computes alpha_U, kappa and span F1 per code for the three coders).

Python: scikit-learn's `cohen_kappa_score` (every pair of coders) plus the `krippendorff`
package's nominal alpha (all coders), per code, on character vectors: the documents laid end to
end, one entry per character, 1 where the coder coded that character with the code, else 0.
Building the vectors (reading the export, one slice per coding) is timed apart from the calls.

    pip install scikit-learn krippendorff
    python3 scripts/bench_vs_python.py --articles 1000 --articles 10000 --write

`--write` puts the table between the markers of the "Side by side with Python" section of
BENCHMARKS.md. The study is the one of `benches/scale.rs` (`Spec::scale`), written once by
`cargo run --release --example scale_project -- N` into target/spanwise-scale/N.
"""

import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
BEGIN = "<!-- bench_vs_python:begin -->"
END = "<!-- bench_vs_python:end -->"


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, cwd=REPO, **kw)


def target_dir():
    return Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))


def study(articles):
    """The study folder (generated on first use)."""
    example = target_dir() / "release" / "examples" / "scale_project"
    out = run([str(example), str(articles)], stdout=subprocess.PIPE, text=True).stdout
    return Path(out.strip().splitlines()[-1])


def time_spanwise(binary, root, repeat):
    times = []
    report = None
    for _ in range(repeat):
        t = time.perf_counter()
        out = run(
            [str(binary), "agreement", str(root), "--format", "json", "--include-unfinished"],
            stdout=subprocess.PIPE,
            text=True,
        ).stdout
        times.append(time.perf_counter() - t)
        report = json.loads(out)
    return times, report


def documents(root):
    """(id, char length) of every document, in project order."""
    ron = (root / "project.ron").read_text(encoding="utf-8")
    docs = re.findall(r'id: "([^"]+)",\s*path: "([^"]+)"', ron)
    return [(i, len((root / p).read_text(encoding="utf-8"))) for i, p in docs]


def char_vectors(binary, root):
    """Per code, per coder: the 0/1 character vector over the whole corpus."""
    docs = documents(root)
    offset, at = {}, 0
    for doc_id, n in docs:
        offset[doc_id] = at
        at += n
    total = at
    export = run(
        [str(binary), "export", str(root), "--format", "jsonl"],
        stdout=subprocess.PIPE,
    ).stdout
    vectors = {}
    for line in export.splitlines():
        row = json.loads(line)
        per_coder = vectors.setdefault(row["code_id"], {})
        v = per_coder.get(row["coder"])
        if v is None:
            v = per_coder[row["coder"]] = np.zeros(total, dtype=np.uint8)
        o = offset[row["document"]]
        v[o + row["start"] : o + row["end"]] = 1
    coders = sorted({c for per in vectors.values() for c in per})
    for per in vectors.values():
        for c in coders:
            per.setdefault(c, np.zeros(total, dtype=np.uint8))
    return vectors, coders, total


def python_stack(vectors, coders):
    from krippendorff import alpha
    from sklearn.metrics import cohen_kappa_score

    figures = {}
    for code, per in sorted(vectors.items()):
        kappas = [
            cohen_kappa_score(per[a], per[b])
            for i, a in enumerate(coders)
            for b in coders[i + 1 :]
        ]
        data = np.stack([per[c] for c in coders]).astype(float)
        figures[code] = (kappas, alpha(reliability_data=data, level_of_measurement="nominal"))
    return figures


def machine():
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem = Path("/proc/meminfo").read_text().splitlines()[0].split()[1]
        ram = f"{int(mem) / 1024 / 1024:.0f} GiB"
    except OSError:
        ram = "unknown"
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    return cpu, os.cpu_count(), ram, load


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, action="append", help="study size (repeatable)")
    ap.add_argument("--repeat", type=int, default=5, help="runs of the Spanwise command")
    ap.add_argument("--write", action="store_true", help="write the table into BENCHMARKS.md")
    ap.add_argument("--no-build", action="store_true", help="use the binaries already built")
    args = ap.parse_args()
    sizes = args.articles or [1000]

    if not args.no_build:
        run(["cargo", "build", "--release", "--quiet", "--bin", "spanwise", "--example", "scale_project"])
    binary = target_dir() / "release" / "spanwise"
    import krippendorff
    import sklearn

    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    cpu, cores, ram, load_before = machine()
    rows = []
    for articles in sizes:
        root = study(articles)
        print(f"{articles} articles: {root}", file=sys.stderr)
        sw_times, report = time_spanwise(binary, root, args.repeat)
        t = time.perf_counter()
        vectors, coders, total = char_vectors(binary, root)
        prep = time.perf_counter() - t
        t = time.perf_counter()
        figures = python_stack(vectors, coders)
        py = time.perf_counter() - t
        sw = statistics.median(sw_times)
        rows.append((articles, total, len(coders), len(vectors), sw, min(sw_times), prep, py))
        for code, (kappas, a) in figures.items():
            print(f"  {code}: kappa {', '.join(f'{k:.4f}' for k in kappas)}; alpha {a:.4f}", file=sys.stderr)
        print(
            f"  spanwise median {sw:.3f} s (runs {', '.join(f'{x:.3f}' for x in sw_times)}); "
            f"python vectors {prep:.2f} s, calls {py:.2f} s; ratio {py / sw:.0f}x",
            file=sys.stderr,
        )
        assert report is not None
    _, _, _, load_after = machine()

    lines = [
        BEGIN,
        "",
        f"Run {started} by `scripts/bench_vs_python.py` on {cpu}, {cores} cores, {ram} RAM; "
        f"load average (1/5/15 min) {load_before} before and {load_after} after; Python "
        f"{platform.python_version()}, scikit-learn {sklearn.__version__}, krippendorff "
        f"{krippendorff.__version__ if hasattr(krippendorff, '__version__') else '?'}, "
        f"numpy {np.__version__}.",
        "",
        "| study | chars | coders × codes | Spanwise `agreement --format json`, whole process (median of "
        f"{args.repeat}) | Python: building the char vectors | Python: `cohen_kappa_score` × pairs + "
        "`krippendorff.alpha`, per code | Python calls ÷ Spanwise |",
        "|---|---:|---|---:|---:|---:|---:|",
    ]
    for articles, total, ncoders, ncodes, sw, best, prep, py in rows:
        lines.append(
            f"| {articles:,} articles | {total:,} | {ncoders} × {ncodes} | {sw * 1000:.0f} ms "
            f"(best {best * 1000:.0f} ms) | {prep:.1f} s | {py:.1f} s | **{py / sw:.0f}×** |"
        )
    lines += ["", END]
    table = "\n".join(lines)
    print(table)
    if args.write:
        path = REPO / "BENCHMARKS.md"
        text = path.read_text(encoding="utf-8")
        if BEGIN in text and END in text:
            head, rest = text.split(BEGIN, 1)
            _, tail = rest.split(END, 1)
            text = head + table + tail
        else:
            text = text.rstrip("\n") + "\n\n" + table + "\n"
        path.write_text(text, encoding="utf-8")
        print(f"written into {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
