"""Errors of a batch run, by who must act: the caller (usage), the disk (output), the workers."""
from __future__ import annotations

class UsageError(Exception):
    """A problem with the arguments of a run (missing input, bad option): nothing was processed."""


class OutputError(Exception):
    """The output could not be written (disk full, permission denied...)."""


class BackendError(Exception):
    """The extraction backend could not start (worker processes, Dask cluster)."""
