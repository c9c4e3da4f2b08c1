"""One background runner: plain Python calls run off the GUI thread, one at a time.

Results come back on the GUI thread through a queued signal; the work never touches
widgets. Every store access of the GUI goes through here, so the database is used by one
thread at a time. Tests use ImmediateRunner, which does the same synchronously.
"""

import queue
import threading
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal

Done = Callable[[Any], None]
Failed = Callable[[Exception], None]


class Runner(Protocol):
    """What widgets need from a runner."""

    def run(self, work: Callable[[], Any], on_done: Done, on_error: Failed) -> None:
        """Run work; call on_done(result) or on_error(exception) on the GUI thread."""

    def wait(self) -> None:
        """Block until every queued task has finished."""


class TaskRunner(QObject):
    """Runs tasks in order on one worker thread and reports back on the GUI thread.

    A plain Python thread and queue rather than QThreadPool: a QRunnable that the pool
    deletes leaves a stale wrapper behind in PySide, which later objects at the same address
    can inherit (seen as a selection model that claimed to be a QRunnable).
    """

    _finished = Signal(object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks: queue.Queue[Callable[[], None] | None] = queue.Queue()
        self._worker = threading.Thread(target=self._work, name="ctpat-runner", daemon=True)
        self._worker.start()
        self._finished.connect(self._on_finished)
        self.destroyed.connect(lambda _=None, tasks=self._tasks: tasks.put(None))

    def _work(self) -> None:
        while (task := self._tasks.get()) is not None:
            try:
                task()
            finally:
                self._tasks.task_done()
        self._tasks.task_done()

    def run(self, work: Callable[[], Any], on_done: Done, on_error: Failed) -> None:
        """Queue work behind any task still running."""

        def task() -> None:
            try:
                result = work()
            except Exception as exc:  # handed to on_error on the GUI thread
                self._finished.emit(on_error, exc)
            else:
                self._finished.emit(on_done, result)

        self._tasks.put(task)

    def wait(self) -> None:
        """Block until every queued task has run (used when a window closes)."""
        self._tasks.join()

    def _on_finished(self, callback: Callable[[Any], None], value: Any) -> None:
        callback(value)


class ImmediateRunner:
    """Runs tasks at once on the calling thread: for tests and scripts."""

    def run(self, work: Callable[[], Any], on_done: Done, on_error: Failed) -> None:
        """Run work now and call back."""
        try:
            result = work()
        except Exception as exc:
            on_error(exc)
        else:
            on_done(result)

    def wait(self) -> None:
        """Nothing is ever pending."""
