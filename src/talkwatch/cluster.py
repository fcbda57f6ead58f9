"""Analyse documents on a Dask cluster: one started on this machine, or one at --address.

The engine behind ``talkwatch ingest --engine dask``. Reading, cleaning and
storing stay in the ingesting process; only the analysis (the spaCy parse
and everything after it) runs on the workers. Each worker loads the analyzer
once, on its first batch, and keeps it. Batches of documents are submitted
with a bound on how many are in flight, and their statements come back in
input order, so the store writes them as they arrive and the statement ids
match those of an in-process ingest of the same inputs.

Why Dask and not Ray: see docs/deployment.md. In short, Dask's distributed
scheduler is a pure-Python install of a few MB that starts in a second or
two, runs the same code on a laptop and on a cluster, and needs nothing but
talkwatch with its ``cluster`` extra on each worker machine.
"""

from __future__ import annotations

import hashlib
import logging
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .parallel import IN_FLIGHT_PER_WORKER, THREAD_VARIABLES, in_order
from .records import Document, Statement

if TYPE_CHECKING:
    from .pipeline import Analyzer

CONNECT_TIMEOUT = "20s"
WORKER_WAIT_SECONDS = 60
BATCH_SIZE = 8
# Settings for the workers of a cluster started here. Dask's defaults suit many
# small tasks; ours are long CPU-bound parses, and two of those defaults cost
# them 10-30% (bench/cluster.py): the statistical profiler sampling the task's
# stack every 10 ms, and MALLOC_TRIM_THRESHOLD_=65536, which hands freed memory
# back to the system so often that spaCy's allocations pay for it. Memory is
# still watched, once a second instead of ten times. A cluster joined with
# --address keeps its operator's settings (docs/deployment.md suggests these).
LOCAL_WORKER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.nanny.pre-spawn-environ": {variable: 1 for variable in THREAD_VARIABLES},
}

# On a worker: one analyzer per set of user actor files, loaded on first use.
_analyzers: dict[str, Analyzer] = {}


class ClusterError(Exception):
    """The cluster cannot be started or reached; the message is for users."""


def analyse_on_dask(
    documents: Iterable[Document],
    workers: int,
    address: str | None = None,
    actor_files: Sequence[str] = (),
    batch_size: int = BATCH_SIZE,
) -> Iterator[tuple[Document, list[Statement]]]:
    """Yield (document, statements) for every document, in order, from Dask workers.

    Without ``address`` a local cluster of ``workers`` processes (one thread
    each) is started and stopped here; with one, the existing cluster's
    workers do the work and ``workers`` is ignored.
    """
    actors = tuple((Path(p).name, Path(p).read_text(encoding="utf-8")) for p in actor_files)
    with _client(workers, address) as client:
        size = _worker_count(client, address)

        def submit(batch: list[Document]) -> _Remote:
            return _Remote(client.submit(analyse_batch, batch, actors, pure=False))

        yield from in_order(documents, submit, size * IN_FLIGHT_PER_WORKER, batch_size)


class _Remote:
    """A batch's future whose failure (on a worker, or of the cluster) is a ClusterError.

    Errors of reading inputs or of the store, which happen in this process,
    keep their own messages.
    """

    def __init__(self, future: Any) -> None:
        self.future = future

    def result(self) -> list[list[Statement]]:
        try:
            found: list[list[Statement]] = self.future.result()
        except Exception as err:  # a worker's exception, a lost worker, a lost scheduler
            raise ClusterError(
                f"the analysis failed on the Dask cluster ({_reason(err)}); the documents "
                "stored so far are kept, and the same command continues from there."
            ) from None
        return found


def _worker_count(client: Any, address: str | None) -> int:
    """The cluster's workers, after waiting for the first one to join."""
    try:
        client.wait_for_workers(1, timeout=WORKER_WAIT_SECONDS)
    except TimeoutError:
        raise ClusterError(
            f"{address or 'the local cluster'}: no Dask worker joined within "
            f"{WORKER_WAIT_SECONDS} s."
        ) from None
    try:
        info = client.scheduler_info(n_workers=-1)  # all of them, not the first five
    except TypeError:  # distributed before 2025.4 lists them all anyway
        info = client.scheduler_info()
    return max(1, len(info.get("workers", {})))


def _reason(err: BaseException) -> str:
    lines = str(err).strip().splitlines()
    return f"{type(err).__name__}: {lines[0]}" if lines else type(err).__name__


def _client(workers: int, address: str | None) -> Any:
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ClusterError(
            "--engine dask needs talkwatch's 'cluster' extra: "
            "pip install -e '.[cluster]' in the talkwatch folder."
        ) from None
    if address:
        try:
            return Client(address, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as err:
            raise ClusterError(f"{address}: cannot reach a Dask scheduler ({err}).") from None
    import dask

    try:
        with dask.config.set(LOCAL_WORKER_CONFIG):  # the nannies hand it to their workers
            cluster = LocalCluster(
                n_workers=workers,
                threads_per_worker=1,  # the workers are the parallelism
                processes=True,
                dashboard_address=None,
                silence_logs=logging.ERROR,
            )
    except Exception as err:
        raise ClusterError(f"cannot start a local Dask cluster ({_reason(err)}).") from None
    try:
        return _OwnedClient(Client(cluster), cluster)
    except BaseException:
        cluster.close()
        raise


class _OwnedClient:
    """A client of a cluster started here: closing it stops the cluster too."""

    def __init__(self, client: Any, cluster: Any) -> None:
        self.client, self.cluster = client, cluster

    def __enter__(self) -> Any:
        return self.client

    def __exit__(self, *exc: object) -> None:
        try:
            self.client.close()
        finally:
            self.cluster.close()


def analyse_batch(
    documents: list[Document], actors: tuple[tuple[str, str], ...]
) -> list[list[Statement]]:
    """On a worker: the statements of each document of one batch."""
    analyzer = _worker_analyzer(actors)
    return [found for _, found in analyzer.analyse_many(documents, batch_size=len(documents))]


def _worker_analyzer(actors: tuple[tuple[str, str], ...]) -> Analyzer:
    """The worker's analyzer for these user actor files, loaded once."""
    key = hashlib.sha256(repr(actors).encode()).hexdigest()
    if key not in _analyzers:
        from .pipeline import Analyzer

        folder = Path(tempfile.mkdtemp(prefix="talkwatch-actors-"))
        files = []
        for n, (name, text) in enumerate(actors):
            path = folder / f"{n}-{name}"
            path.write_text(text, encoding="utf-8")
            files.append(path)
        _analyzers[key] = Analyzer.load(actor_files=files)
    return _analyzers[key]
