"""Imported by the fork server of a batch's pools before it forks their workers: what
every worker needs, imported and built once there (:func:`~govdisclosure.batch.pools.prepare`)."""

from govdisclosure.batch.pools import prepare

prepare()
