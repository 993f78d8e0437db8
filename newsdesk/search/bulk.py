"""Indexing a large backlog on every core: Whoosh's multi-process writer, made safe.

Whoosh spends most of an index build in per-token and per-posting Python, so
one writer uses one core: 2,000 articles took 5.0 s on one core and 2.5 s
with two sub-writers (`benchmarks/profile_stages.py`, the index row). The
sub-writers each build their own segment (`multisegment`: no merge pass in
the parent) from job files the parent writes.

Only for a process without threads of its own that could hold locks (the
CLI, benchmarks): the sub-writers are forked. The app's background writer
keeps the single-process writer. Two fixes over Whoosh's own: sub-writers
exit when the parent dies (they would wait on the job queue forever), and
cancelling ends them (Whoosh only flips a flag in the parent's copy).
"""

from __future__ import annotations

import os
import signal
from typing import Any

from whoosh.index import FileIndex
from whoosh.multiproc import MpWriter, SubWriterTask

from newsdesk.library_logs import quiet_library_logs
from newsdesk.orphans import exit_with_parent

#: Seconds a cancelled sub-writer has to end on SIGTERM before it is killed.
TERM_WAIT_S = 2.0
#: Documents per job file handed to a sub-writer.
JOB_DOCS = 250
#: Memory each sub-writer's sorting pool may use before spilling to disk.
SUB_WRITER_MB = 128


class _Task(SubWriterTask):
    def __init__(self, parent_pid: int, *args: Any) -> None:
        super().__init__(*args)
        self.parent_pid = parent_pid
        # Also ended when the parent exits normally without joining it.
        self.daemon = True

    def run(self) -> None:
        # The parent's SIGTERM handler (if any) came through the fork: `cancel` must end us.
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        quiet_library_logs()
        exit_with_parent(self.parent_pid)
        super().run()


class BulkWriter(MpWriter):
    """`MpWriter` whose sub-writers die with the parent and on `cancel`."""

    def _new_task(self) -> SubWriterTask:
        task = _Task(
            os.getpid(),
            self.storage,
            self.indexname,
            self.jobqueue,
            self.resultqueue,
            self.subargs,
            self.multisegment,
        )
        self.tasks.append(task)
        task.start()
        return task

    def cancel(self) -> None:
        tasks: list[SubWriterTask] = list(self.tasks)
        for task in tasks:
            if task.is_alive():
                task.terminate()
        for task in tasks:
            # A sub-writer whose SIGTERM is caught or lost (a handler inherited through the
            # fork, a signal before its start-up ended) would hold the join forever.
            task.join(TERM_WAIT_S)
            if task.is_alive():
                task.kill()
                task.join()
        self.tasks.clear()
        super().cancel()


def bulk_writer(ix: FileIndex, procs: int, *, timeout: float, compound: bool) -> BulkWriter:
    """A locked writer with `procs` sub-writers (raises Whoosh's LockError like `ix.writer`)."""
    return BulkWriter(
        ix,
        procs=procs,
        batchsize=JOB_DOCS,
        multisegment=True,
        subargs={"limitmb": SUB_WRITER_MB, "compound": compound},
        timeout=timeout,
        compound=compound,
    )
