"""The rule registry: every module in this package with an ID is a rule.

A rule module declares ID, SEVERITY, OPTIONS (name -> default, whose type is the option's type;
OPTION_TYPES where the default cannot tell, such as an empty list or a pattern: see qa/options.py)
and check(group, options), a generator of Problems. Its docstring is its documentation.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType


def load_rules() -> dict[str, ModuleType]:
    registry = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda info: info.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        if hasattr(module, "ID"):
            registry[module.ID] = module
    return dict(sorted(registry.items()))


RULES = load_rules()
