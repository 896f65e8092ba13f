"""Regenerate `mkdocs_faq_plugin/terms/wordlists/<language>.txt`: the everyday words of each language.

    pip install 'wordfreq>=3.1' && python scripts/wordlists.py

A word is everyday when its Zipf frequency in wordfreq's "best" list is at least 4.5 (about
30 times per million words: "build", "image", "review"); only words made of letters are kept.
The lists are derived from wordfreq's data (Robyn Speer, CC BY-SA 4.0), so they carry the
same licence; see NOTICE. The build reads them, never wordfreq.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru", "uk")
ZIPF = 4.5
FOLDER = Path(__file__).resolve().parent.parent / "mkdocs_faq_plugin" / "terms" / "wordlists"
_LETTERS = re.compile(r"[^\W\d_]+")


def main() -> int:
    from importlib.metadata import version

    import wordfreq

    for language in LANGUAGES:
        table = wordfreq.get_frequency_dict(language, wordlist="best")
        words = sorted(w for w, f in table.items() if f * 1e9 >= 10**ZIPF and _LETTERS.fullmatch(w))
        header = (f"# Everyday words of '{language}': Zipf frequency >= {ZIPF} in wordfreq "
                  f"{version('wordfreq')} "
                  "(Robyn Speer), CC BY-SA 4.0; made by scripts/wordlists.py\n")
        (FOLDER / f"{language}.txt").write_text(header + "\n".join(words) + "\n", encoding="utf-8")
        print(f"{language}: {len(words)} words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
