"""Analyse documents in worker processes while the caller stores the results.

Each worker loads the analyzer (spaCy model, knowledge base, lexicons) once and
then analyses batches of documents with ``nlp.pipe``. Results come back in
input order; at most a few batches per worker are in flight, so memory stays
flat however long the stream of documents is.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from .records import Document, Statement

if TYPE_CHECKING:
    from .pipeline import Analyzer

IN_FLIGHT_PER_WORKER = 2
PARENT_CHECK_SECONDS = 1.0
THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")

_worker_analyzer: Analyzer | None = None


class Waitable(Protocol):
    """A future of one batch's statements."""

    def result(self) -> list[list[Statement]]: ...


def default_jobs() -> int:
    """One worker per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class _DeafProcess(multiprocessing.context.SpawnProcess):
    """A worker started with Ctrl-C ignored: Ctrl-C is the parent's to handle (a worker
    finishes its batch and is shut down). An ignored signal stays ignored in the new
    program, and Python then installs no handler of its own, so a Ctrl-C that reaches
    the whole process group while a worker is still starting prints no traceback."""

    def start(self) -> None:
        if threading.current_thread() is not threading.main_thread():
            super().start()
            return
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            super().start()
        finally:
            signal.signal(
                signal.SIGINT, signal.default_int_handler if previous is None else previous
            )


class _DeafSpawn(multiprocessing.context.SpawnContext):
    Process = _DeafProcess


def _start_worker(actor_files: Sequence[str]) -> None:
    from .pipeline import Analyzer

    global _worker_analyzer
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # as _DeafProcess starts it, whoever starts it
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()
    _worker_analyzer = Analyzer.load(actor_files=[Path(p) for p in actor_files])


def _exit_with_parent(parent: int) -> None:
    """A worker whose ingest was killed (kill -9 leaves no time to stop it) ends too."""
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)


def _analyse_batch(documents: list[Document]) -> list[list[Statement]]:
    """The statements of each document (the documents stay with the caller)."""
    assert _worker_analyzer is not None, "worker started without its analyzer"
    analysed = _worker_analyzer.analyse_many(documents, batch_size=len(documents))
    return [statements for _, statements in analysed]


def analyse_in_workers(
    documents: Iterable[Document],
    jobs: int,
    actor_files: Sequence[str] = (),
    batch_size: int = 8,
) -> Iterator[tuple[Document, list[Statement]]]:
    """Yield (document, statements) for every document, in order, from ``jobs`` workers."""
    for variable in THREAD_VARIABLES:  # one thread per worker: the workers are the parallelism
        os.environ.setdefault(variable, "1")
    pool = ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=_DeafSpawn(),
        initializer=_start_worker,
        initargs=(list(actor_files),),
    )
    try:
        yield from in_order(
            documents,
            lambda batch: pool.submit(_analyse_batch, batch),
            in_flight=jobs * IN_FLIGHT_PER_WORKER,
            batch_size=batch_size,
        )
    except BaseException:  # interrupted, or closed early: drop the batches not started
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()


def in_order(
    documents: Iterable[Document],
    submit: Callable[[list[Document]], Waitable],
    in_flight: int,
    batch_size: int,
) -> Iterator[tuple[Document, list[Statement]]]:
    """Send batches to ``submit`` with at most ``in_flight`` pending; yield results in order.

    Any engine whose futures have ``result()`` fits: a process pool, a Dask client.
    """
    stream = iter(documents)
    pending: deque[tuple[list[Document], Waitable]] = deque()
    while True:
        while len(pending) < in_flight:
            batch = list(islice(stream, batch_size))
            if not batch:
                break
            pending.append((batch, submit(batch)))
        if not pending:
            return
        batch, future = pending.popleft()
        yield from zip(batch, future.result(), strict=True)
