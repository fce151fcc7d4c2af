"""Build hook: the wheel carries the word tables compiled into one mapped file (qa/data/tables.py),
so that an installed glossqa does not build it on its first run. Everything else is in pyproject.toml."""

import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithWordTables(build_py):
    def run(self) -> None:
        super().run()
        folder = Path(self.build_lib) / "qa" / "data" / "wordfreq"
        if getattr(self, "editable_mode", False) or not folder.is_dir():
            return  # an editable install builds the file in the user's cache on first use
        sys.path.insert(0, str(Path(self.build_lib)))
        try:
            from qa.data import tables

            tables.build_into(folder)
        finally:
            sys.path.pop(0)


setup(cmdclass={"build_py": BuildWithWordTables})
