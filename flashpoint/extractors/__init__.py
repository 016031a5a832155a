"""Extractors: small registered components, one job each.

Importing this package registers the built-ins. Adding an extractor is adding
a module here (decorated with ``flashpoint.registry.extractor``) and a line below.
"""

from flashpoint.extractors import (  # noqa: F401
    actors,
    claims,
    entities,
    events,
    places,
    quantities,
    quotemarks,
    quotes,
    sports,
    times,
)
