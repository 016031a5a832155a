"""Load the spaCy model once per process and model name.

The loaded pipeline gets one component of ours before the parser:
``flashpoint_line_breaks`` marks sentence starts at line breaks that end a
paragraph or a heading, so a headline without a full stop ("Trump-Maduro
call") is not glued to the next sentence. Hard-wrapped lines (a single
newline inside a running sentence) are left to the parser.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from flashpoint.errors import ModelNotFound

_FINAL = frozenset(".!?:;\"'”’)]")
HEADING_MAX_TOKENS = 8


@Language.component("flashpoint_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    line_start = 0  # index of the first token of the current line
    for token in doc[:-1]:
        if "\n" not in token.whitespace_ and not token.is_space:
            continue
        if token.is_space and "\n" not in token.text:
            continue
        nxt = token.i + 1
        if doc[nxt].is_space:
            continue
        last = token if not token.is_space else doc[token.i - 1] if token.i else token
        ends_line = last.text[-1:] in _FINAL
        blank_line = (token.whitespace_ + (token.text if token.is_space else "")).count("\n") > 1
        heading = nxt - line_start <= HEADING_MAX_TOKENS
        if ends_line or blank_line or heading:
            doc[nxt].is_sent_start = True
        line_start = nxt
    _cap_sentences(doc)
    return doc


# No sentence is longer than this many tokens: news sentences run to 60 or so, and a
# text without full stops (a transcript, a scrape, "said he said" x10,000) would
# otherwise be one sentence whose clause walks cost the square of its length.
MAX_SENTENCE_TOKENS = 250
_SOFT_BREAKS = frozenset(",;:")


def _cap_sentences(doc: Doc) -> None:
    """Start a sentence at least every MAX_SENTENCE_TOKENS tokens, after a comma,
    semicolon or colon among the last fifth of the run when there is one."""
    since = 0  # tokens since the last known sentence start
    soft = -1  # the last token after a soft break in this run
    for token in doc[1:]:
        if token.is_sent_start:
            since, soft = 0, -1
            continue
        since += 1
        if doc[token.i - 1].text in _SOFT_BREAKS:
            soft = token.i
        if since >= MAX_SENTENCE_TOKENS:
            cut = soft if soft > token.i - MAX_SENTENCE_TOKENS // 5 else token.i
            doc[cut].is_sent_start = True
            since, soft = token.i - cut, -1


def check_model(model: str) -> None:
    """``ModelNotFound`` unless ``model`` can be loaded; cheap for an installed package
    or a model folder (nothing is loaded), so a run can fail before doing any work."""
    if spacy.util.is_package(model) or (Path(model) / "config.cfg").is_file():
        return
    load(model)  # anything else (a shortcut, an entry point): let spaCy decide


@cache
def load(model: str) -> Language:
    """The spaCy pipeline ``model``, loaded once and shared by every caller."""
    try:
        nlp = spacy.load(model)
    except OSError as err:
        raise ModelNotFound(model=model, detail=f" ({type(err).__name__})") from None
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("flashpoint_line_breaks", before="parser")
    return nlp
