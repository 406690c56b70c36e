"""Compile the web app's .po catalogues to .mo (pure Python, no GNU gettext needed)."""

from pathlib import Path

import polib

for po_path in Path(__file__).parents[1].glob("src/safepassage/casework/locale/*/LC_MESSAGES/*.po"):
    polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))
    print(f"compiled {po_path}")
