"""Search text handling shared by the store and the views.

Two FTS5 indexes serve search. The trigram index answers any term of three or more characters as
a substring. Trigram cannot answer one- or two-character terms, which are common in Chinese
(燃气, 水), so a second index holds every CJK character as its own token: a short CJK term becomes
a phrase of adjacent single-character tokens, and a short Latin term becomes a token prefix.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

TRIGRAM_MIN_CHARS = 3


def is_cjk(char: str) -> bool:
    code = ord(char)
    return (
        0x3400 <= code <= 0x4DBF  # CJK Extension A
        or 0x4E00 <= code <= 0x9FFF  # CJK Unified Ideographs
        or 0xF900 <= code <= 0xFAFF  # Compatibility Ideographs
        or 0x20000 <= code <= 0x2FA1F  # Extensions B onwards
        or 0x3040 <= code <= 0x30FF  # Hiragana and Katakana
        or 0xAC00 <= code <= 0xD7AF  # Hangul syllables
    )


def split_cjk(text: str | None) -> str:
    """Surround each CJK character with spaces so that the unicode61 tokenizer sees it alone."""
    if not text:
        return ""
    return "".join(f" {c} " if is_cjk(c) else c for c in text)


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


@dataclass(frozen=True)
class SearchPlan:
    """FTS5 MATCH expressions for each index; None where that index is not needed."""

    trigram_match: str | None
    unigram_match: str | None

    @property
    def is_empty(self) -> bool:
        return self.trigram_match is None and self.unigram_match is None


_TOKEN_RE = re.compile(r"\w+", re.UNICODE)


def _unigram_expression(term: str) -> str | None:
    tokens = _TOKEN_RE.findall(split_cjk(term))
    if not tokens:
        return None
    phrase = _quote(" ".join(tokens))
    if not is_cjk(tokens[-1][-1]):
        # A short Latin or digit term is taken as the start of a word: "AI" finds "AI" and "AIDS".
        phrase += "*"
    return phrase


def plan_search(query: str) -> SearchPlan:
    """Turn what the user typed into MATCH expressions; every term must match (AND)."""
    long_terms: list[str] = []
    short_terms: list[str] = []
    for raw in query.split():
        term = raw.strip()
        if not term:
            continue
        if len(term) >= TRIGRAM_MIN_CHARS:
            long_terms.append(_quote(term))
        else:
            expression = _unigram_expression(term)
            if expression is not None:
                short_terms.append(expression)
    return SearchPlan(
        trigram_match=" AND ".join(long_terms) if long_terms else None,
        unigram_match=" AND ".join(short_terms) if short_terms else None,
    )


def matches_all_terms(text: str, query: str) -> bool:
    """The same question the indexes answer, asked of one text: is every term in it?"""
    folded = text.casefold()
    return all(term.casefold() in folded for term in query.split())


def highlight_html(text: str, query: str, tag: str = "mark") -> str:
    """HTML-escaped `text` with every case-insensitive occurrence of each query term wrapped."""
    terms = sorted({t for t in query.split() if t}, key=len, reverse=True)
    if not terms:
        return html.escape(text)
    pattern = re.compile("|".join(re.escape(t) for t in terms), re.IGNORECASE)
    pieces: list[str] = []
    last = 0
    for match in pattern.finditer(text):
        pieces.append(html.escape(text[last : match.start()]))
        pieces.append(f"<{tag}>{html.escape(match.group(0))}</{tag}>")
        last = match.end()
    pieces.append(html.escape(text[last:]))
    return "".join(pieces)
