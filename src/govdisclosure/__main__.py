"""``python -m govdisclosure``: the command line (see :mod:`govdisclosure.cli`)."""

from __future__ import annotations

import sys

from govdisclosure.cli import main

__all__ = ["main"]

if __name__ == "__main__":
    sys.exit(main())
