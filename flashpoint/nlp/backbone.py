"""Load the spaCy model once per process and model name."""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language

from flashpoint.errors import ModelNotFound


@cache
def load(model: str) -> Language:
    """The spaCy pipeline ``model``, loaded once and shared by every caller."""
    try:
        return spacy.load(model)
    except OSError as err:
        raise ModelNotFound(model=model, detail=f" ({type(err).__name__})") from None
