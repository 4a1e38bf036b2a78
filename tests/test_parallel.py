"""okrdocs.parallel: results in order, on several processes, and failures reported."""

from __future__ import annotations

import os
import signal
import time

import pytest

from okrdocs.parallel import PARALLEL_MIN_ITEMS, map_files

ITEMS = list(range(PARALLEL_MIN_ITEMS * 3))


def _square_with_pid(offset: int, item: int) -> tuple[int, int]:
    time.sleep(0.001)  # slow enough that the worker has started before this process is done
    return item * item + offset, os.getpid()


def test_results_come_back_in_order_from_several_processes() -> None:
    results = map_files(_square_with_pid, 1, ITEMS, jobs=2)
    assert [value for value, _ in results] == [item * item + 1 for item in ITEMS]
    assert len({pid for _, pid in results}) == 2  # this process and one worker shared the work


def test_one_job_stays_in_this_process() -> None:
    results = map_files(_square_with_pid, 0, ITEMS, jobs=1)
    assert {pid for _, pid in results} == {os.getpid()}


class Refused(ValueError):
    pass


def _fail_in_worker(parent: int, item: int) -> int:
    time.sleep(0.001)
    if os.getpid() != parent:
        raise Refused(f"item {item}")
    return item


def test_an_error_in_a_worker_is_raised_here_with_its_type() -> None:
    with pytest.raises(Refused, match="item"):
        map_files(_fail_in_worker, os.getpid(), ITEMS, jobs=2)


def _die_in_worker(parent: int, item: int) -> int:
    time.sleep(0.001)
    if os.getpid() != parent:
        os.kill(os.getpid(), signal.SIGKILL)
    return item


def test_a_worker_that_dies_is_reported_not_waited_for() -> None:
    with pytest.raises(RuntimeError, match="stopped unexpectedly"):
        map_files(_die_in_worker, os.getpid(), ITEMS, jobs=2)


def _unpicklable_error(parent: int, item: int) -> int:
    time.sleep(0.001)
    if os.getpid() != parent:
        error = RuntimeError("cannot travel")
        error.payload = lambda: None  # type: ignore[attr-defined]  # lambdas do not pickle
        raise error
    return item


def test_an_error_that_cannot_be_pickled_still_arrives() -> None:
    with pytest.raises(RuntimeError, match="cannot travel"):
        map_files(_unpicklable_error, os.getpid(), ITEMS, jobs=2)


@pytest.mark.parametrize("jobs", [1, 2])
def test_meanwhile_runs_once_here_and_the_results_are_unchanged(jobs: int) -> None:
    calls: list[int] = []
    results = map_files(_square_with_pid, 0, ITEMS, jobs=jobs, meanwhile=lambda: calls.append(1))
    assert calls == [1]  # in this process (a worker's append would not be seen here)
    assert [value for value, _ in results] == [item * item for item in ITEMS]


def _square(offset: int, item: int) -> int:
    return item * item + offset


def test_spawned_workers_as_on_macos_and_windows() -> None:
    # Off Linux, workers are spawned: the job travels pickled, and results come back in order.
    results = map_files(_square, 3, ITEMS, jobs=2, method="spawn")
    assert results == [item * item + 3 for item in ITEMS]


def test_spawned_workers_report_errors_with_their_type() -> None:
    with pytest.raises(Refused, match="item"):
        map_files(_fail_in_worker, os.getpid(), ITEMS, jobs=2, method="spawn")


def test_a_map_started_while_another_runs_does_not_disturb_it() -> None:
    # The state lives in a job object, not in module globals: a parallel map started in the
    # middle of another (here from its `meanwhile`) leaves the first one's work intact.
    inner: list[list[int]] = []

    def meanwhile() -> None:
        inner.append(map_files(_square, 1, ITEMS, jobs=2, method="spawn"))

    outer = map_files(_square, 0, ITEMS, jobs=2, meanwhile=meanwhile)
    assert outer == [item * item for item in ITEMS]
    assert inner == [[item * item + 1 for item in ITEMS]]
