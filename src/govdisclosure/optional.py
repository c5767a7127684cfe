"""Optional dependencies, imported on first use with a message that says how to install
them.

The library needs attrs, python-docx and babel; the rest is in extras, each for the users
who need it (``pdf``: pypdf, ``xlsx``: openpyxl, ``pandas``: pandas, ``dask``: dask's
distributed scheduler). A module that needs one calls :func:`require` when it first does
the work, never at import time, so ``import govdisclosure`` works without any of them.

>>> require("json", extra="none", purpose="reading JSON").__name__
'json'
>>> require("no_such_module_here", extra="xlsx", purpose="writing Excel")
Traceback (most recent call last):
    ...
govdisclosure.errors.FormatNotAvailable: writing Excel needs no_such_module_here, which is \
in the 'xlsx' extra: pip install 'govdisclosure[xlsx]' (or, in a clone of the project: \
pip install -e '.[xlsx]')
"""

from __future__ import annotations

import importlib
from types import ModuleType

from govdisclosure.errors import FormatNotAvailable

__all__ = ["install_hint", "require"]


def install_hint(extra: str) -> str:
    """How to install ``extra``, from the package index and from a clone (the README's
    form)."""
    return (
        f"pip install 'govdisclosure[{extra}]' "
        f"(or, in a clone of the project: pip install -e '.[{extra}]')"
    )


def require(module: str, *, extra: str, purpose: str) -> ModuleType:
    """Import ``module``; when it is missing, a
    :class:`~govdisclosure.errors.FormatNotAvailable` saying that ``purpose`` needs it and
    how to install ``extra``."""
    try:
        return importlib.import_module(module)
    except ImportError as err:
        top = module.partition(".")[0]
        message = f"{purpose} needs {top}, which is in the {extra!r} extra: {install_hint(extra)}"
        if err.name not in (None, module, top):  # there, but one of its own imports failed
            message += f"; importing it failed: {err}"
        raise FormatNotAvailable(message) from None
