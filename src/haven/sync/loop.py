"""One asyncio loop on one daemon thread (the python-zeroconf shape).

The sync supervisor makes one and hands it to everything that syncs (the engine, the relay
syncer), so an app has one loop thread, however many transports run. Code that is used
alone (a test, a benchmark, `haven sync`'s one-off rounds) may let an engine make its own.
Methods of the users prefixed `async_` run on the loop; `submit` and `call_soon` may be
called from any thread.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import threading
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from haven.errors import SyncError

T = TypeVar("T")

STOP_TIMEOUT = 10.0


def _finish_tasks(loop: asyncio.AbstractEventLoop) -> None:
    """What `asyncio.run` does at the end: cancel the tasks still pending (a connection's
    reader, say) and let them unwind, so none is destroyed pending when the loop closes.
    Bounded: a task that ignores its cancellation is left after STOP_TIMEOUT."""
    pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
    if not pending:
        return
    for task in pending:
        task.cancel()
    loop.run_until_complete(asyncio.wait(pending, timeout=STOP_TIMEOUT))
    for task in pending:
        if task.done() and not task.cancelled():
            task.exception()  # retrieved: a failure while unwinding is not news at exit


class LoopThread:
    def __init__(self, name: str = "haven-sync") -> None:
        self._name = name
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    @property
    def loop(self) -> asyncio.AbstractEventLoop:
        if self._loop is None:
            raise SyncError("the sync loop is not running")
        return self._loop

    def start(self) -> None:
        if self.running:
            return
        ready = threading.Event()
        loop = asyncio.new_event_loop()

        def run() -> None:
            asyncio.set_event_loop(loop)
            loop.call_soon(ready.set)
            try:
                loop.run_forever()
            finally:
                _finish_tasks(loop)
                loop.run_until_complete(loop.shutdown_asyncgens())
                loop.run_until_complete(loop.shutdown_default_executor())
                loop.close()

        self._loop = loop
        self._thread = threading.Thread(target=run, name=self._name, daemon=True)
        self._thread.start()
        ready.wait(STOP_TIMEOUT)

    def stop(self, timeout: float = STOP_TIMEOUT) -> None:
        """End the loop and its thread (what runs on it should be closed first)."""
        loop, thread = self._loop, self._thread
        if loop is None or thread is None or not thread.is_alive():
            return
        loop.call_soon_threadsafe(loop.stop)
        if thread is not threading.current_thread():
            thread.join(timeout)
        self._thread = None

    def submit(self, coro: Coroutine[Any, Any, T]) -> concurrent.futures.Future[T]:
        if not self.running or self._loop is None:
            coro.close()
            raise SyncError("the sync engine is not running")
        return asyncio.run_coroutine_threadsafe(coro, self._loop)

    def call_soon(self, callback: Callable[..., object], *args: object) -> None:
        """Run `callback(*args)` on the loop (dropped when the loop is not running)."""
        if self.running and self._loop is not None:
            self._loop.call_soon_threadsafe(callback, *args)
