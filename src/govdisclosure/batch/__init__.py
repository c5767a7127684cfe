"""Many reports at once: read and check batches that never stop on one bad source, in
input order, streaming, serially or on any :class:`concurrent.futures.Executor`.

>>> import govdisclosure as gd
>>> import govdisclosure.batch as batch
>>> paths = [gd.examples.path(name) for name in ("zhongning-minzheng-2020.json",
...                                              "shiyan-ziranziyuan-2022.json")]
>>> [item.value.report.year for item in batch.read_many(paths)]
[2020, 2022]
>>> [item.value.result.is_valid for item in batch.validate_many(paths)]
[True, True]
"""

from govdisclosure.batch.checking import validate_many
from govdisclosure.batch.items import BatchItem, Checked
from govdisclosure.batch.previous import Found, PreviousReports
from govdisclosure.batch.reading import read_many
from govdisclosure.batch.rendering import render_many
from govdisclosure.batch.reuse import with_reuse

__all__ = [
    "BatchItem",
    "Checked",
    "Found",
    "PreviousReports",
    "read_many",
    "render_many",
    "validate_many",
    "with_reuse",
]
