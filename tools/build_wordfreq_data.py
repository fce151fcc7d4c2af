"""Build qa/data/wordfreq/<lang>.txt.gz: the most frequent words of each language with their Zipf frequency.

glossqa ships these small tables so that it does not need wordfreq (57 MB) at run time.
Run: pip install wordfreq==3.1.1 && python tools/build_wordfreq_data.py
The word lists are derived from wordfreq's data (CC BY-SA 4.0, Robyn Speer and contributors).
"""

from __future__ import annotations

import gzip
import math
from pathlib import Path

import wordfreq

WORDS_PER_LANGUAGE = 30000
ENGLISH_WORDS = (
    80000  # English is the evidence every language is weighed against: a longer list pays
)
OUT = Path(__file__).resolve().parent.parent / "qa" / "data" / "wordfreq"


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for language in sorted(wordfreq.available_languages()):
        frequencies = wordfreq.get_frequency_dict(language)
        top = sorted(frequencies.items(), key=lambda item: (-item[1], item[0]))[
            : ENGLISH_WORDS if language == "en" else WORDS_PER_LANGUAGE
        ]
        lines = [f"{word}\t{round((math.log10(frequency) + 9) * 10)}" for word, frequency in top]
        data = ("\n".join(lines) + "\n").encode("utf-8")
        (OUT / f"{language}.txt.gz").write_bytes(gzip.compress(data, mtime=0))
        print(language, len(lines))


if __name__ == "__main__":
    main()
