"""Compares PDFs' words and tags with recorded snapshots, or records them.

Usage: text_snapshots.py record|check FOLDER REFERENCES

FOLDER holds CASE/NAME.pdf files. For each, two text files are written to (or compared with)
REFERENCES/CASE/:
- NAME.txt: the words as `pdftotext -layout` lays them out, page by page, trailing spaces cut;
- NAME.tags.txt: the document's language and title, then its tag tree, one element a line,
  indented by depth, with the /Lang, /Alt, /ActualText and /Scope it carries.

`check` prints a unified diff for every snapshot that changed, names any that is missing or
no longer made, and exits 1 if there was any; `record` writes them all and removes snapshots of
PDFs no longer made. Everything runs in this one process (pdftotext once per file).
"""
import difflib
import subprocess
import sys
from pathlib import Path

import pikepdf

MAX_DIFF_LINES = 60


def words(pdf: Path) -> str:
    text = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True).stdout.decode("utf-8")
    pages = text.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    out = []
    for number, page in enumerate(pages, start=1):
        out.append(f"──── page {number} ────")
        lines = [line.rstrip() for line in page.split("\n")]
        while lines and not lines[-1]:
            lines.pop()
        out.extend(lines)
    return "\n".join(out) + "\n"


def quoted(value) -> str:
    text = str(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{text}"'


def tags(pdf: Path) -> str:
    out = []
    with pikepdf.open(pdf) as document:
        root = document.Root
        info = document.trailer.get("/Info")
        out.append(f"Lang {quoted(root.get('/Lang', ''))}")
        out.append(f"Title {quoted(info.get('/Title', '') if info is not None else '')}")
        seen = set()

        def walk(node, depth):
            if not isinstance(node, pikepdf.Dictionary) or "/S" not in node:
                return  # marked content, or an annotation's reference
            if node.is_indirect:
                if node.objgen in seen:
                    out.append("  " * depth + "(again)")
                    return
                seen.add(node.objgen)
            line = "  " * depth + str(node.S)[1:]
            for key in ("/Lang", "/Alt", "/ActualText"):
                if key in node:
                    line += f" {key[1:]}={quoted(node[key])}"
            attributes = node.get("/A")
            for attribute in (attributes if isinstance(attributes, pikepdf.Array) else [attributes]):
                if isinstance(attribute, pikepdf.Dictionary) and "/Scope" in attribute:
                    line += f" Scope={str(attribute.Scope)[1:]}"
            out.append(line)
            kids = node.get("/K")
            for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
                walk(kid, depth + 1)

        tree = root.get("/StructTreeRoot")
        if tree is None:
            out.append("(no tags)")
        else:
            kids = tree.get("/K")
            for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
                walk(kid, 0)
    return "\n".join(out) + "\n"


def main() -> int:
    mode, folder, references = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    if mode not in ("record", "check"):
        print(__doc__)
        return 2
    made = {}
    for pdf in sorted(folder.glob("*/*.pdf")):
        name = pdf.relative_to(folder).with_suffix("")
        made[references / name.with_suffix(".txt")] = words(pdf)
        made[references / f"{name}.tags.txt"] = tags(pdf)
    if not made:
        print(f"no PDF in {folder}")
        return 1
    existing = set(references.glob("*/*.txt"))
    if mode == "record":
        for path, text in made.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                path.write_text(text, encoding="utf-8")
        for path in sorted(existing - set(made)):
            path.unlink()
        print(f"recorded {len(made)} snapshots in {references}")
        return 0
    problems = 0
    for path, text in made.items():
        shown = path.relative_to(references)
        if not path.exists():
            print(f"no snapshot {shown}: record it with RECORD_SNAPSHOTS=1 and read it")
            problems += 1
            continue
        recorded = path.read_text(encoding="utf-8")
        if recorded == text:
            continue
        problems += 1
        diff = list(difflib.unified_diff(recorded.splitlines(), text.splitlines(), f"recorded/{shown}", f"now/{shown}", lineterm=""))
        print("\n".join(diff[:MAX_DIFF_LINES]))
        if len(diff) > MAX_DIFF_LINES:
            print(f"… and {len(diff) - MAX_DIFF_LINES} more lines of difference in {shown}")
    for path in sorted(existing - set(made)):
        print(f"the snapshot {path.relative_to(references)} is of a PDF no longer made (RECORD_SNAPSHOTS=1 removes it)")
        problems += 1
    print(f"{len(made)} snapshots compared, {problems} differ")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
