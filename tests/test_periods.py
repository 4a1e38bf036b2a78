"""Periods and fiscal years."""

from __future__ import annotations

from datetime import date

import pytest

from okrdocs.periods import FiscalYear, PeriodError, parse_period, period_containing


@pytest.mark.parametrize(
    ("text", "start", "end", "kind"),
    [
        ("2026", date(2026, 1, 1), date(2026, 12, 31), "year"),
        ("2026-H1", date(2026, 1, 1), date(2026, 6, 30), "half"),
        ("2026-H2", date(2026, 7, 1), date(2026, 12, 31), "half"),
        ("2026-Q1", date(2026, 1, 1), date(2026, 3, 31), "quarter"),
        ("2026-Q4", date(2026, 10, 1), date(2026, 12, 31), "quarter"),
        ("2028-02", date(2028, 2, 1), date(2028, 2, 29), "month"),
        ("2026-01-05..2026-03-27", date(2026, 1, 5), date(2026, 3, 27), "range"),
        ("2026-03-01..2026-03-01", date(2026, 3, 1), date(2026, 3, 1), "range"),
    ],
)
def test_calendar_periods(text: str, start: date, end: date, kind: str) -> None:
    period = parse_period(text)
    assert (period.start, period.end, period.kind, period.key) == (start, end, kind, text)


def test_fiscal_year_named_by_its_end() -> None:
    fiscal = FiscalYear(start_month=4, named_by="end")
    assert parse_period("2026", fiscal)[1:3] == (date(2025, 4, 1), date(2026, 3, 31))
    assert parse_period("2026-Q1", fiscal)[1:3] == (date(2025, 4, 1), date(2025, 6, 30))
    assert parse_period("2026-Q4", fiscal)[1:3] == (date(2026, 1, 1), date(2026, 3, 31))
    assert parse_period("2026-H2", fiscal)[1:3] == (date(2025, 10, 1), date(2026, 3, 31))
    # Months stay calendar months.
    assert parse_period("2026-04", fiscal)[1:3] == (date(2026, 4, 1), date(2026, 4, 30))


def test_fiscal_year_named_by_its_start() -> None:
    fiscal = FiscalYear(start_month=7, named_by="start")
    assert parse_period("2026-Q1", fiscal)[1:3] == (date(2026, 7, 1), date(2026, 9, 30))
    assert parse_period("2026-Q3", fiscal)[1:3] == (date(2027, 1, 1), date(2027, 3, 31))


@pytest.mark.parametrize(
    "text",
    ["2026Q1", "2026-Q5", "2026-13", "26-Q1", "2026-02-30..2026-03-01", "2026-03-02..2026-03-01"],
)
def test_invalid_periods(text: str) -> None:
    with pytest.raises(PeriodError):
        parse_period(text)


def test_elapsed_share_and_state() -> None:
    period = parse_period("2026-Q1")  # 90 days, 89 day-steps from start to end
    assert period.elapsed(date(2025, 12, 31)) == 0.0
    assert period.elapsed(date(2026, 1, 1)) == 0.0
    assert period.elapsed(date(2026, 3, 31)) == 1.0
    assert period.elapsed(date(2026, 2, 15)) == pytest.approx(45 / 89)
    assert period.state(date(2026, 2, 1)) == "active"
    assert period.state(date(2026, 4, 1)) == "closed"
    assert period.state(date(2025, 4, 1)) == "upcoming"
    one_day = parse_period("2026-03-01..2026-03-01")
    assert one_day.elapsed(date(2026, 2, 28)) == 0.0
    assert one_day.elapsed(date(2026, 3, 1)) == 1.0


@pytest.mark.parametrize(
    ("day", "kind", "fiscal", "expected"),
    [
        (date(2026, 11, 27), "quarter", FiscalYear(), "2026-Q4"),
        (date(2026, 11, 27), "half", FiscalYear(), "2026-H2"),
        (date(2026, 11, 27), "year", FiscalYear(), "2026"),
        (date(2026, 11, 27), "month", FiscalYear(), "2026-11"),
        (date(2026, 5, 1), "quarter", FiscalYear(4, "end"), "2027-Q1"),
        (date(2026, 2, 1), "quarter", FiscalYear(4, "end"), "2026-Q4"),
        (date(2026, 5, 1), "quarter", FiscalYear(4, "start"), "2026-Q1"),
    ],
)
def test_period_containing_round_trips(
    day: date, kind: str, fiscal: FiscalYear, expected: str
) -> None:
    key = period_containing(day, kind, fiscal)
    assert key == expected
    assert parse_period(key, fiscal).contains(day)
