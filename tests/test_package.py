"""The package as readers install it: typed, light to import, complete public API.

(mypy --strict over src/ runs in `./dev lint`, which `./dev test` runs first.)
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import whybackprop


def test_ships_py_typed() -> None:
    assert (Path(whybackprop.__file__).parent / "py.typed").is_file()


def test_import_is_cheap_and_needs_no_matplotlib() -> None:
    # The core depends on numpy only: importing it must not pull in matplotlib or scipy.
    code = "import sys, whybackprop; print(sorted(m for m in ('matplotlib', 'scipy') if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_public_names_exist() -> None:
    for name in whybackprop.__all__:
        assert hasattr(whybackprop, name), name
