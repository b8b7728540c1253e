"""Lint many files in worker processes (``--jobs``), with results in the order of the inputs.

Workers only read and lint; discovery, standard input, output and the summary stay in the main
process, so the output is byte for byte what one process prints. The linter, compiled once in
the main process, reaches each worker once: inherited where processes fork, pickled once per
worker where they spawn. A pool is only started when it can help: more than one file and more
than one job.
"""
from __future__ import annotations

import os
import signal
from typing import Callable, Iterator


_worker_lint: Callable | None = None  # set in each worker by _start_worker


def default_jobs() -> int:
    """The CPUs this process may run on (not all the machine's, under a CPU quota or affinity)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def lint_in_order(items: list, lint_one: Callable, jobs: int) -> Iterator:
    """``lint_one(path)`` for each discovered item, in order; InputErrors and ``-`` (standard
    input) are handed back to the caller as they are, to be dealt with in this process."""
    paths = [item for item in items if isinstance(item, str) and item != "-"]
    jobs = min(jobs, len(paths))
    if jobs <= 1:
        yield from (lint_one(item) if isinstance(item, str) and item != "-" else item for item in items)
        return
    import multiprocessing  # only now: most runs never start a pool

    pool = multiprocessing.Pool(jobs, initializer=_start_worker, initargs=(lint_one,))
    try:
        # Small batches keep the workers evenly busy when file sizes differ.
        linted = pool.imap(_lint_in_worker, paths, chunksize=max(1, min(16, len(paths) // (jobs * 8))))
        for item in items:
            yield next(linted) if isinstance(item, str) and item != "-" else item
        pool.close()
    except BaseException:  # Ctrl-C, a closed pipe, a bug: stop the workers now, not after their queue
        pool.terminate()
        raise
    finally:
        pool.join()


def _start_worker(lint_one: Callable) -> None:
    # Ctrl-C is the main process's to handle; a worker interrupted mid-file would print a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    global _worker_lint
    _worker_lint = lint_one


def _lint_in_worker(path: str):
    return _worker_lint(path)

