"""Read an annotated corpus in the PTC format: a directory of article<ID>.txt and a gold file of
tab-separated lines (article id, technique class, start, end).

Gold offsets count the code points of the file as read, end exclusive. framelint's Document
drops a byte-order mark, so in an article that starts with one every gold offset is one more
than the same position in Document.text; gold spans are shifted here to framelint's offsets.
"""
from __future__ import annotations

import codecs
import os
from dataclasses import dataclass

import regex

from .errors import FramelintError, InputError
from .evaluate import GoldSpan, sentence_units
from .reading import decode

ARTICLE_FILE = regex.compile(r"article(?P<id>[^/\\]+)\.txt")
BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


@dataclass(frozen=True)
class Article:
    id: str
    path: str
    text: str  # as framelint reads it: decoded, byte-order mark dropped
    offset_shift: int  # what gold offsets count before text[0]: 1 after a byte-order mark


@dataclass
class Corpus:
    articles: dict[str, Article]
    gold: list[GoldSpan]
    units: dict[str, list[tuple[int, int]]]  # each article's sentences (non-empty lines)


def read_corpus(directory: str, gold_path: str) -> Corpus:
    articles = read_articles(directory)
    return Corpus(articles, read_gold(gold_path, articles), {a.id: sentence_units(a.text) for a in articles.values()})


def read_articles(directory: str) -> dict[str, Article]:
    """Every article<ID>.txt in the directory (not its subdirectories), by id."""
    try:
        names = sorted(os.listdir(directory))
    except FileNotFoundError:
        raise FramelintError(f"{directory}: no such directory") from None
    except NotADirectoryError:
        raise FramelintError(f"{directory}: not a directory (give the directory of article<ID>.txt files)") from None
    except OSError as exc:
        raise FramelintError(f"{directory}: {exc.strerror or exc}") from None
    articles = {}
    for name in names:
        match = ARTICLE_FILE.fullmatch(name)
        if not match:
            continue
        path = os.path.join(directory, name)
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError as exc:
            raise InputError(path, exc.strerror or str(exc)) from None
        shift = 1 if data.startswith(BOMS) else 0
        articles[match["id"]] = Article(match["id"], path, decode(data, path), shift)
    if not articles:
        raise FramelintError(f"{directory}: no article<ID>.txt files in this directory")
    return articles


def read_gold(path: str, articles: dict[str, Article]) -> list[GoldSpan]:
    """Gold spans in framelint's offsets. Any malformed line, unknown article or span outside
    its article is an error naming the line: a score over misread labels would be worthless."""
    try:
        with open(path, encoding="utf-8") as handle:
            lines = handle.read().splitlines()
    except FileNotFoundError:
        raise FramelintError(f"{path}: no such file") from None
    except UnicodeDecodeError as exc:
        raise FramelintError(f"{path}: invalid UTF-8 at byte {exc.start}") from None
    except OSError as exc:
        raise FramelintError(f"{path}: {exc.strerror or exc}") from None
    spans = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        spans.append(_gold_span(line, f"{path}:{number}", articles))
    return spans


def _gold_span(line: str, where: str, articles: dict[str, Article]) -> GoldSpan:
    fields = line.split("\t")
    if len(fields) != 4:
        raise FramelintError(f"{where}: expected 4 tab-separated fields (article id, technique, start, end), found {len(fields)}")
    article_id, label, start, end = (f.strip() for f in fields)
    if not (start.isdigit() and end.isdigit()):
        raise FramelintError(f"{where}: start and end must be whole numbers, found {start!r} and {end!r}")
    if article_id not in articles:
        raise FramelintError(f"{where}: no file article{article_id}.txt in the articles directory")
    article = articles[article_id]
    # A span that starts on the byte-order mark itself starts at the first character.
    start_at, end_at = max(int(start) - article.offset_shift, 0), int(end) - article.offset_shift
    if not 0 <= start_at < end_at <= len(article.text):
        raise FramelintError(f"{where}: span {start}-{end} is not inside article{article_id}.txt "
                             f"({len(article.text) + article.offset_shift} characters)")
    return GoldSpan(article_id, label, start_at, end_at)
