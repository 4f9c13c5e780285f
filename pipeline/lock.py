"""One run at a time per warehouse: build, validate, docs and dbt share the scratch folder of their target (Parquet,
dbt target, GX context, the file being built), so each holds an exclusive lock on `<work_dir>/lock` while it runs.

flock is released by the kernel when the holder exits, however it exits: a killed build never leaves a stale lock.
The file is never deleted (deleting it would let two runs lock two different files); it holds the PID, command and
start time of the run holding it, for the message of the run that is turned away.
"""

from __future__ import annotations

import fcntl
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from pipeline.paths import BuildPaths


class LockError(RuntimeError):
    """The lock of this warehouse cannot be taken: its scratch folder is not writable, or TargetBusy."""


class TargetBusy(LockError):
    """Another run holds the lock of this warehouse."""


def _holder(fd: int) -> str:
    """`PID 1234 (build, started 2025-12-02 14:03:11)`, from what the holder wrote into the lock file."""
    fields = os.pread(fd, 256, 0).decode("utf-8", "replace").split("\t")
    if len(fields) < 3:
        return "a process that has just started"  # the holder took the lock and has not written its PID yet
    pid, command, started = (field.strip() for field in fields[:3])
    return f"PID {pid} ({command}, started {started})"


def _record_holder(fd: int, command: str) -> None:
    os.ftruncate(fd, 0)
    os.pwrite(fd, f"{os.getpid()}\t{command}\t{time.strftime('%Y-%m-%d %H:%M:%S')}\n".encode(), 0)


@contextmanager
def target_lock(paths: BuildPaths, command: str, wait: bool = False,
                say: Callable[[str], None] = lambda line: print(line, file=sys.stderr)) -> Iterator[None]:
    """Hold the lock of paths' warehouse for the duration of the block. Raises TargetBusy when another run holds it,
    or, with wait, waits for it (saying so once)."""
    try:
        paths.work_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(paths.lock_file, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise LockError(f"cannot {command} the warehouse at {paths.duckdb}: its lock {paths.lock_file} cannot be "
                        f"created ({exc.strerror or exc})") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(fd)
            if not wait:
                raise TargetBusy(
                    f"cannot {command} the warehouse at {paths.duckdb}: {holder} is working on it "
                    f"(lock: {paths.lock_file}).\nWait for it to finish, or add WAIT=1 (make) / --wait to queue "
                    "behind it; to build something else meanwhile, point DUCKDB= at another file.") from None
            say(f"waiting for {holder} to finish with {paths.duckdb} …")
            fcntl.flock(fd, fcntl.LOCK_EX)
        _record_holder(fd, command)
        try:
            yield
        finally:
            os.ftruncate(fd, 0)  # still held: nobody reads a finished run's PID as the holder
    finally:
        os.close(fd)  # releases the lock
