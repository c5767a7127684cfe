"""Many reports at once: read, check and render batches that never stop on one bad
source, in input order, on any :class:`concurrent.futures.Executor`."""

from govdisclosure.batch.items import BatchItem, Checked

__all__ = ["BatchItem", "Checked"]
