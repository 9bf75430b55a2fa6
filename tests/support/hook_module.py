"""Load a file of hooks/ as a module, as MkDocs does: hooks/ is not a package on sys.path (its
katex.py and notebook.py would shadow real modules)."""

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

HOOKS = Path(__file__).resolve().parents[2] / "hooks"


def load_hook(name: str) -> ModuleType:
    # Registered in sys.modules as MkDocs does (dataclasses look their module up), under a name that
    # shadows nothing.
    spec = importlib.util.spec_from_file_location(f"hook_{name}", HOOKS / f"{name}.py")
    assert spec is not None and spec.loader is not None, f"no hook hooks/{name}.py"
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module
