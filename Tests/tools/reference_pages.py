"""Compares a PDF's pages with a reference picture of them, or records that picture.

Usage: reference_pages.py record|check PDF SHEET.png

The picture is a contact sheet: every page rendered by pdftoppm at low resolution in grey,
four to a row. `check` fails (exit 1) when the page count differs or when more than 0.2% of
pixels differ by more than 48 grey levels, and writes SHEET.diff.png beside a failing sheet.
"""
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageChops

RESOLUTION = 24
COLUMNS = 4
TOLERANCE_LEVEL = 48
TOLERANCE_SHARE = 0.002


def sheet(pdf: Path) -> Image.Image:
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(["pdftoppm", "-gray", "-png", "-r", str(RESOLUTION), str(pdf), f"{folder}/page"], check=True)
        # Sixteen grey levels keep the pictures small; the tolerance is far above one step.
        pages = [Image.open(p).convert("L").point(lambda v: v // 16 * 17) for p in sorted(Path(folder).glob("page-*.png"))]
    width, height = pages[0].size
    rows = (len(pages) + COLUMNS - 1) // COLUMNS
    result = Image.new("L", (width * min(len(pages), COLUMNS) + (COLUMNS - 1) * 4, height * rows + (rows - 1) * 4), 128)
    for index, page in enumerate(pages):
        result.paste(page, ((index % COLUMNS) * (width + 4), (index // COLUMNS) * (height + 4)))
    return result


def main() -> int:
    mode, pdf, reference = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    current = sheet(pdf)
    if mode == "record":
        reference.parent.mkdir(parents=True, exist_ok=True)
        current.save(reference, optimize=True)
        return 0
    if not reference.exists():
        print(f"no reference picture {reference}: record it with RECORD_REFERENCES=1 and look at it")
        return 1
    expected = Image.open(reference).convert("L")
    if expected.size != current.size:
        print(f"the pages differ in number or size: {current.size} instead of {expected.size}")
        current.save(reference.with_suffix(".actual.png"))
        return 1
    difference = ImageChops.difference(expected, current)
    changed = sum(difference.point(lambda v: 255 if v > TOLERANCE_LEVEL else 0).histogram()[255:])
    share = changed / (current.size[0] * current.size[1])
    if share > TOLERANCE_SHARE:
        print(f"{share:.2%} of the pixels differ")
        difference.save(reference.with_suffix(".diff.png"))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
