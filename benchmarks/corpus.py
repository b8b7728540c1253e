"""Build the benchmark corpus: news-like text made by recombining real sentences.

Sentences come from the PTC training articles in ../shared/ptc-train when that folder is there,
otherwise from docs/examples/konstantinovka.txt. Files are assembled deterministically (a fixed
seed): a headline, then paragraphs of one to four sentences separated by blank lines, as in the
source articles. Nothing here is a labelled span or a term list: the sentences are only filler
with realistic words, punctuation, quotations and line breaks.

    python benchmarks/corpus.py            # prints where the corpus is, building it if needed
"""
from __future__ import annotations

import json
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PTC_ARTICLES = ROOT.parent / "shared" / "ptc-train" / "articles"
EXAMPLE = ROOT / "docs" / "examples" / "konstantinovka.txt"
CORPUS = HERE / ".corpus"

SEED = 2020
MANY_FILES = 2000
MANY_BYTES = 10_000_000  # the many-files corpus, in total
LARGE_BYTES = 20_000_000  # one large file
HUGE_BYTES = 200_000_000  # the memory test (built only when asked)
LONG_LINE_BYTES = 50_000_000  # one line without a line break
SHORT_LINES = 1_000_000


def source_sentences() -> tuple[str, list[str]]:
    """(where the sentences come from, the sentences): one per non-empty line."""
    if PTC_ARTICLES.is_dir():
        files, source = sorted(PTC_ARTICLES.glob("*.txt")), "PTC train articles (../shared/ptc-train)"
    else:
        files, source = [EXAMPLE], "docs/examples/konstantinovka.txt"
    sentences = [line.strip() for f in files for line in f.read_text(encoding="utf-8").splitlines()]
    return source, [s for s in sentences if s]


def article(rng: random.Random, sentences: list[str], size: int) -> str:
    """About ``size`` bytes: a headline, then paragraphs of one to four sentences."""
    parts, length = [rng.choice(sentences), ""], 0
    while length < size:
        paragraph = " ".join(rng.choice(sentences) for _ in range(rng.randint(1, 4)))
        parts += [paragraph, ""]
        length += len(paragraph.encode()) + 2
    return "\n".join(parts)


def write_text(path: Path, rng: random.Random, sentences: list[str], size: int) -> None:
    """Write about ``size`` bytes of articles to ``path`` without holding them all in memory."""
    written = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        while written < size:
            chunk = article(rng, sentences, min(50_000, size - written)) + "\n"
            out.write(chunk)
            written += len(chunk.encode())


def build(huge: bool = False) -> dict:
    """Build what is missing; returns where each part is (and where the sentences came from)."""
    CORPUS.mkdir(exist_ok=True)
    manifest_path = CORPUS / "manifest.json"
    manifest = json.loads(manifest_path.read_text()) if manifest_path.exists() else {}
    source, sentences = source_sentences()
    if manifest.get("source") != source or manifest.get("seed") != SEED:
        manifest = {"source": source, "seed": SEED}
    rng = random.Random(SEED)
    if "many" not in manifest:
        many = CORPUS / "many"
        many.mkdir(exist_ok=True)
        for i in range(MANY_FILES):
            # Sizes vary from 1 to 9 KB around the mean, as news articles do.
            size = int(MANY_BYTES / MANY_FILES * rng.uniform(0.2, 1.8))
            (many / f"article{i:04d}.txt").write_text(article(rng, sentences, size), encoding="utf-8")
        manifest["many"] = many.name
    for name, size in (("large", LARGE_BYTES), *((("huge", HUGE_BYTES),) if huge else ())):
        if name not in manifest:
            path = CORPUS / f"{name}.txt"
            write_text(path, random.Random(f"{SEED}-{name}"), sentences, size)
            manifest[name] = path.name
    if "long_line" not in manifest:
        path = CORPUS / "long-line.txt"
        line_rng = random.Random(f"{SEED}-long-line")
        with path.open("w", encoding="utf-8") as out:
            written = 0
            while written < LONG_LINE_BYTES:
                sentence = line_rng.choice(sentences) + " "
                out.write(sentence)
                written += len(sentence.encode())
        manifest["long_line"] = path.name
    if "short_lines" not in manifest:
        path = CORPUS / "short-lines.txt"
        words = [w for s in sentences[:5000] for w in s.split()]
        line_rng = random.Random(f"{SEED}-short-lines")
        path.write_text("".join(f"{line_rng.choice(words)}\n" for _ in range(SHORT_LINES)), encoding="utf-8")
        manifest["short_lines"] = path.name
    manifest_path.write_text(json.dumps(manifest, indent=2))
    return {key: str(CORPUS / value) if key not in ("source", "seed") else value for key, value in manifest.items()}


if __name__ == "__main__":
    for key, value in build().items():
        print(f"{key}: {value}")
