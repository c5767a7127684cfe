"""Test settings shared by every module.

Property tests explore new examples on every run, so that a developer's runs keep finding
what no one thought of. CI runs them derandomized (``HYPOTHESIS_PROFILE=ci``, set by
``.ci/run``): the same examples each time, so that a landing is decided by the change and
not by the draw. A failure found locally is reproduced from the database in ``.hypothesis``
or from the printed blob, and belongs in an explicit regression test.
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
