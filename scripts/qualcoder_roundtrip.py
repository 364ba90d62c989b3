#!/usr/bin/env python3
"""Spanwise .qdpx export -> QualCoder's own REFI-QDA import, run headless; every coding checked.

Builds a small Spanwise project whose texts hold emoji (outside the BMP, with ZWJ sequences and
flags), NBSP and umlauts, checks it with `spanwise check`, exports it with
`spanwise export --format qdpx`, and imports that file with QualCoder's `RefiImport` (its
`refi.py`, taken unchanged from a QualCoder checkout). QualCoder's Qt GUI is replaced by inert
stand-ins (no window, no dialog) and its SQLite project is created from the CREATE TABLE
statements of QualCoder's own `__main__.py`. Then, for every coding, QualCoder's stored `seltext`
and `fulltext[pos0:pos1]` must both equal the quote Spanwise exported.

Usage:
    scripts/qualcoder_roundtrip.py [--qualcoder PATH] [--spanwise BIN]

PATH is a QualCoder work tree or bare git directory (default: $QUALCODER_SRC, else
/work/.mirror/ccbogel+QualCoder/repo); BIN defaults to target/debug/spanwise (build it first).
Exit 0 when every coding is on the same words, 1 otherwise. Needs Python 3.10+, no packages.
"""

import argparse
import ast
import builtins
import hashlib
import importlib
import importlib.machinery
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
import types
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# Texts as Spanwise stores them (LF, NFC, no BOM). Quotes are found by text, so offsets are
# Python string indices, which are code points like Spanwise's char offsets.
DOCUMENTS = [
    (
        "Smart City 🏙️ Duisburg",
        "Smart City 🏙️ Duisburg:\u00a0Huawei liefert 🇨🇳 Technik.\n"
        "Der Rat\u00a0zögert 🤔, die Familie 👨‍👩‍👧 auch.\n"
        "Größe und „Zitat“ mit 😀\u00a0am Ende.\n",
    ),
    (
        "Leserbriefe",
        "Leserbrief 1 ✉️\nIch finde das\u00a0gefährlich 😟.\n\nLeserbrief 2\nDatenschutz 🔐 zuerst!\n",
    ),
]
CODINGS = [
    # coder, document index, code, quote
    ("anna", 0, "claim", "Huawei liefert 🇨🇳 Technik."),
    ("anna", 0, "risk", "Der Rat\u00a0zögert 🤔"),
    ("anna", 0, "claim", "die Familie 👨‍👩‍👧 auch"),
    ("ben", 0, "risk", "„Zitat“ mit 😀\u00a0am Ende."),
    ("ben", 0, "claim", "Smart City 🏙️ Duisburg"),
    ("anna", 1, "risk", "Ich finde das\u00a0gefährlich 😟."),
    ("ben", 1, "risk", "Datenschutz 🔐 zuerst!"),
    ("ben", 1, "claim", "Leserbrief 1 ✉️"),
]


def ron_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def write_project(root: Path) -> list[tuple[str, str, str, str]]:
    """The Spanwise project folder; returns the expected (coder, title, code, quote) rows."""
    (root / "corpus").mkdir(parents=True)
    (root / "coding").mkdir()
    docs = []
    for i, (title, text) in enumerate(DOCUMENTS):
        sha = hashlib.sha256(text.encode()).hexdigest()
        doc_id = f"{i:03}_{sha[:16]}"
        (root / "corpus" / f"{doc_id}.txt").write_bytes(text.encode())
        docs.append((doc_id, title, sha))
    codebook = "".join(
        f'        (id: "{c}", name: "{c}", colour: "{col}", key: Some(\'{k}\')),\n'
        for c, col, k in [("claim", "#0072B2", 1), ("risk", "#D55E00", 2)]
    )
    documents = "".join(
        f'        (id: "{d}", path: "corpus/{d}.txt", title: {ron_str(t)}, sha256: "{s}"),\n'
        for d, t, s in docs
    )
    (root / "project.ron").write_text(
        "(\n    format_version: 1,\n    name: \"QualCoder round trip\",\n"
        f"    codebook: [\n{codebook}    ],\n    documents: [\n{documents}    ],\n)\n",
        encoding="utf-8",
    )
    expected = []
    for coder in sorted({c for c, *_ in CODINGS}):
        rows = []
        for n, (who, d, code, quote) in enumerate(c for c in CODINGS if c[0] == coder):
            text = DOCUMENTS[d][1]
            start = text.index(quote)
            rows.append(
                f'        (id: {n + 1}, document: "{docs[d][0]}", code: "{code}", '
                f"start: {start}, end: {start + len(quote)}, quote: {ron_str(quote)}, "
                'created: "2024-03-04T10:00:00Z", modified: "2024-03-04T10:00:00Z"),\n'
            )
            expected.append((coder, DOCUMENTS[d][0], code, quote))
        (root / "coding" / f"{coder}.ron").write_text(
            f'(\n    format_version: 1,\n    coder: "{coder}",\n    codings: [\n{"".join(rows)}    ],\n)\n',
            encoding="utf-8",
        )
    return sorted(expected)


class _Meta(type):
    def __getattr__(cls, name):
        return _Inert


class _Inert(metaclass=_Meta):
    """Stands in for every Qt class, enum and widget: accepts anything, does nothing."""

    def __init__(self, *args, **kwargs):
        pass

    def __getattr__(self, name):
        return lambda *args, **kwargs: _Inert()

    def __call__(self, *args, **kwargs):
        return _Inert()

    def __or__(self, other):
        return self


class _InertModule(types.ModuleType):
    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return _Inert


def qualcoder_source(path: Path, dest: Path) -> Path:
    """QualCoder's `src/qualcoder` files needed by refi.py, copied to `dest/qualcoder`."""
    pkg = dest / "qualcoder"
    pkg.mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    for name in ["refi.py", "color_selector.py", "__main__.py"]:
        rel = f"src/qualcoder/{name}"
        if (path / rel).exists():
            data = (path / rel).read_bytes()
        else:  # a bare git directory, as `fetch` leaves it
            data = subprocess.run(
                ["git", "--git-dir", str(path), "show", f"HEAD:{rel}"],
                check=True,
                capture_output=True,
            ).stdout
        (pkg / name).write_bytes(data)
    return pkg


def schema(main_py: Path) -> list[str]:
    """The CREATE TABLE statements of the function in QualCoder's __main__.py that makes a new project."""
    tree = ast.parse(main_py.read_text(encoding="utf-8"))
    for fn in ast.walk(tree):
        if not isinstance(fn, ast.FunctionDef):
            continue
        stmts = [
            node.args[0].value
            for node in ast.walk(fn)
            if isinstance(node, ast.Call)
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
            and node.args[0].value.lstrip().upper().startswith("CREATE TABLE")
        ]
        if any(s.startswith("CREATE TABLE project") for s in stmts):
            return stmts
    raise SystemExit("no project schema found in QualCoder's __main__.py")


def qualcoder_import(qdpx: Path, qualcoder: Path, work: Path):
    pkg = qualcoder_source(qualcoder, work)
    for name in ["PyQt6", "PyQt6.QtWidgets", "PyQt6.QtCore", "PyQt6.QtGui", "qualcoder.helpers"]:
        sys.modules[name] = _InertModule(name)
    sys.modules["PyQt6"].QtWidgets = sys.modules["PyQt6.QtWidgets"]
    sys.modules["PyQt6"].QtCore = sys.modules["PyQt6.QtCore"]
    sys.modules["PyQt6"].QtGui = sys.modules["PyQt6.QtGui"]

    class _GuiFinder:
        """Any `qualcoder.GUI.*` module (generated Qt forms) as an inert module."""

        def find_spec(self, fullname, path=None, target=None):
            if fullname == "qualcoder.GUI" or fullname.startswith("qualcoder.GUI."):
                return importlib.machinery.ModuleSpec(fullname, self, is_package=True)
            return None

        def create_module(self, spec):
            module = _InertModule(spec.name)
            module.__path__ = []
            return module

        def exec_module(self, module):
            pass

    sys.meta_path.insert(0, _GuiFinder())
    builtins._ = lambda s: s  # QualCoder's gettext
    sys.path.insert(0, str(work))
    refi = importlib.import_module("qualcoder.refi")

    project_path = work / "roundtrip.qda"
    (project_path / "documents").mkdir(parents=True)
    conn = sqlite3.connect(":memory:")
    for stmt in schema(pkg / "__main__.py"):
        conn.execute(stmt)
    app = types.SimpleNamespace(
        conn=conn,
        project_path=str(project_path),
        settings={"codername": "default", "directory": str(work), "ai_enable": "False"},
        write_config_ini=lambda *a, **k: None,
        project_events=None,
        ai_models=None,
    )
    log = []
    textedit = types.SimpleNamespace(append=log.append)
    refi.QtWidgets.QFileDialog = type(
        "QFileDialog", (_Inert,), {"getOpenFileName": staticmethod(lambda *a, **k: (str(qdpx), True))}
    )
    refi.RefiImport(app, textedit, "qdpx")
    rows = conn.execute(
        "select code_text.owner, source.name, code_name.name, code_text.seltext, "
        "code_text.pos0, code_text.pos1, source.fulltext from code_text "
        "join source on source.id = code_text.fid join code_name on code_name.cid = code_text.cid"
    ).fetchall()
    return rows, log


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--qualcoder",
        type=Path,
        default=Path(os.environ.get("QUALCODER_SRC", "/work/.mirror/ccbogel+QualCoder/repo")),
    )
    parser.add_argument("--spanwise", type=Path, default=REPO / "target" / "debug" / "spanwise")
    args = parser.parse_args()
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        expected = write_project(tmp / "project")
        subprocess.run([str(args.spanwise), "check", str(tmp / "project")], check=True)
        qdpx = tmp / "export.qdpx"
        subprocess.run(
            [str(args.spanwise), "export", str(tmp / "project"), "--format", "qdpx", "-o", str(qdpx)],
            check=True,
        )
        rows, log = qualcoder_import(qdpx, args.qualcoder, tmp / "qc")
    failures = 0
    got = sorted((owner, source, code, seltext) for owner, source, code, seltext, *_ in rows)
    for owner, source, code, seltext, pos0, pos1, fulltext in sorted(rows):
        placed = fulltext[pos0:pos1]
        ok = placed == seltext and (owner, source, code, seltext) in expected
        failures += not ok
        print(f"{'ok  ' if ok else 'FAIL'} {owner:5} {code:6} {source!r} {pos0}..{pos1}: {placed!r}")
    missing = [e for e in expected if e not in got]
    for e in missing:
        print(f"MISSING {e}")
    failures += len(missing)
    elapsed = time.monotonic() - started
    print(
        f"{len(rows)} of {len(expected)} codings imported by QualCoder, {failures} problem(s), "
        f"{elapsed:.2f} s"
    )
    if failures:
        print("QualCoder's log:\n  " + "\n  ".join(map(str, log)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
