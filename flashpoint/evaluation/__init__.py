"""Evaluations against public gold data: each is ``evaluate(data_dir, ...) -> metrics``.

Each module registers its ``evaluate`` with ``@flashpoint.registry.evaluation``
(name, the split it scores, a summary); importing this package registers the
built-ins. ``flashpoint eval NAME`` runs one through
:func:`flashpoint.registry.run_evaluation`.
"""

from flashpoint.evaluation import (  # noqa: F401
    case2021,
    conll,
    indiapolice,
    linking,
    plover,
    polnear,
    t17,
    timebank,
    wikievents,
)
