"""Output formats: each module has `render(diagnostics, summary) -> str`."""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType


def load_formats() -> dict[str, ModuleType]:
    formats = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda info: info.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        if hasattr(module, "render"):
            formats[module.NAME] = module
    return formats


FORMATS = load_formats()
