"""Output formats: each module has NAME and `render(diagnostics, context) -> str` (context: model.ReportContext).

A format that shows more than diagnostics says so: OUTLINES = True has the pipeline send each
group's files and aligned sections (context.outlines); LINKS = True has the CLI find the
repository's web address (context.repository).
"""

from __future__ import annotations

import importlib
import os
import pkgutil
from types import ModuleType

AUTO = "auto"


def load_formats() -> dict[str, ModuleType]:
    formats = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda info: info.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        if hasattr(module, "render"):
            formats[module.NAME] = module
    return formats


def resolve(name: str, environ=os.environ) -> ModuleType:
    """The format called `name`; `auto` is `github` inside GitHub Actions, else `text`."""
    if name == AUTO:
        name = "github" if environ.get("GITHUB_ACTIONS") == "true" else "text"
    return FORMATS[name]


FORMATS = load_formats()
