"""Regenerate the README's coverage tables from `safepassage kb stats` (between the markers)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ORIGINS = "RU,SA,AE,BH,IR,EG,TJ,UZ,TM,CN,AF"


def kb_stats(*args: str) -> str:
    command = [sys.executable, "-m", "safepassage", "kb", "stats", *args]
    return subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT).stdout.strip()


def main() -> None:
    origins = kb_stats("--origins", ORIGINS)
    countries = kb_stats("--markdown")
    block = (
        "<!-- coverage:start -->\n"
        f"{origins}\n\n"
        "<details><summary>Facts per country and kind</summary>\n\n"
        f"{countries}\n\n"
        "</details>\n"
        "<!-- coverage:end -->"
    )
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    text = re.sub(r"<!-- coverage:start -->.*?<!-- coverage:end -->", lambda _: block, text, flags=re.S)
    readme.write_text(text, encoding="utf-8")
    print("README coverage tables updated")


if __name__ == "__main__":
    main()
