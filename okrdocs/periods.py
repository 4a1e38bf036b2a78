"""Periods: the timeframe of an objective, parsed into start and end dates.

Forms: ``YYYY``, ``YYYY-H1``/``H2``, ``YYYY-Q1``..``Q4``, ``YYYY-MM`` and
``YYYY-MM-DD..YYYY-MM-DD``.
Years, halves and quarters follow the fiscal year from the configuration: with
``fiscal_year_start_month = 4`` and ``fiscal_year_named_by = "end"``, ``2026-Q1`` is
April-June 2025 (fiscal year 2026 ends in March 2026); named by ``"start"`` it is April-June 2026.
Months and explicit ranges are always calendar dates.
"""

from __future__ import annotations

import re
from contextlib import suppress
from datetime import date, timedelta
from typing import NamedTuple

from okrdocs.i18n import _

_PATTERN = re.compile(
    r"^(?P<year>\d{4})(?:-(?:H(?P<half>[12])|Q(?P<quarter>[1-4])|(?P<month>0[1-9]|1[0-2])))?$"
)
_RANGE = re.compile(r"^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$")


class PeriodError(ValueError):
    pass


# Years a period may name: wide enough for any OKR, narrow enough that every date computed from
# it (a fiscal year starting the year before, a quarter's end) is a real calendar date.
FIRST_YEAR, LAST_YEAR = 1900, 2999


class FiscalYear(NamedTuple):
    start_month: int = 1
    named_by: str = "end"  # "end" or "start": which calendar year gives the fiscal year its name

    def first_month(self, year: int) -> tuple[int, int]:
        """(calendar year, month) in which fiscal year ``year`` starts."""
        if self.start_month == 1:
            return year, 1
        return (year - 1 if self.named_by == "end" else year), self.start_month


class Period(NamedTuple):
    key: str  # as written: "2026-Q1"
    start: date  # first day, inclusive
    end: date  # last day, inclusive
    kind: str  # year | half | quarter | month | range

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def elapsed(self, as_of: date) -> float:
        """Share of the period elapsed on ``as_of``: (as_of - start) / (end - start) in [0, 1].

        A one-day period is 0 before its day and 1 from its day on.
        """
        if as_of <= self.start:
            return 1.0 if (as_of == self.start and self.start == self.end) else 0.0
        if as_of >= self.end:
            return 1.0
        return (as_of - self.start).days / (self.end - self.start).days

    def state(self, as_of: date) -> str:
        """upcoming, active or closed."""
        if as_of < self.start:
            return "upcoming"
        if as_of > self.end:
            return "closed"
        return "active"

    def sort_key(self) -> tuple[date, date]:
        return (self.start, self.end)


def _add_months(year: int, month: int, count: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + count
    return index // 12, index % 12 + 1


def _span_months(year: int, month: int, months: int) -> tuple[date, date]:
    end_year, end_month = _add_months(year, month, months)
    return date(year, month, 1), date(end_year, end_month, 1) - timedelta(days=1)


def parse_period(text: str, fiscal: FiscalYear | None = None) -> Period:
    fiscal = fiscal or FiscalYear()
    match = _PATTERN.match(text)
    if match:
        year = int(match["year"])
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise PeriodError(
                _(
                    "period {period!r}: the year must be between {first} and {last}",
                    period=text,
                    first=FIRST_YEAR,
                    last=LAST_YEAR,
                )
            )
        if match["month"]:
            start, end = _span_months(year, int(match["month"]), 1)
            return Period(text, start, end, "month")
        first_year, first_month = fiscal.first_month(year)
        if match["half"]:
            offset, months, kind = (int(match["half"]) - 1) * 6, 6, "half"
        elif match["quarter"]:
            offset, months, kind = (int(match["quarter"]) - 1) * 3, 3, "quarter"
        else:
            offset, months, kind = 0, 12, "year"
        start, end = _span_months(*_add_months(first_year, first_month, offset), months)
        return Period(text, start, end, kind)
    match = _RANGE.match(text)
    if match:
        try:
            start, end = date.fromisoformat(match[1]), date.fromisoformat(match[2])
        except ValueError:
            wrong = match[1]
            with suppress(ValueError):
                date.fromisoformat(match[1])
                wrong = match[2]  # the start reads: the end is the day that does not exist
            raise PeriodError(
                _(
                    "period {period!r}: {day} is not a day of the calendar; write real dates "
                    "as YYYY-MM-DD..YYYY-MM-DD",
                    period=text,
                    day=wrong,
                )
            ) from None
        if not (start.year >= FIRST_YEAR and end.year <= LAST_YEAR):
            raise PeriodError(
                _(
                    "period {period!r}: the years must be between {first} and {last}",
                    period=text,
                    first=FIRST_YEAR,
                    last=LAST_YEAR,
                )
            )
        if end < start:
            raise PeriodError(
                _("period {period!r} ends before it starts; write START..END", period=text)
            )
        return Period(text, start, end, "range")
    raise PeriodError(
        _(
            "{period!r} is not a period; use YYYY, YYYY-H1, YYYY-Q1..Q4, YYYY-MM or "
            "YYYY-MM-DD..YYYY-MM-DD, such as 2026-Q1",
            period=text,
        )
    )


def period_containing(day: date, kind: str = "quarter", fiscal: FiscalYear | None = None) -> str:
    """The period key of the given kind (year, half, quarter, month) that contains ``day``."""
    fiscal = fiscal or FiscalYear()
    if kind == "month":
        return f"{day.year:04d}-{day.month:02d}"
    # Months since the start of the fiscal year that contains ``day``.
    months_in = (day.month - fiscal.start_month) % 12
    start_year = day.year if day.month >= fiscal.start_month else day.year - 1
    name = start_year + 1 if (fiscal.start_month != 1 and fiscal.named_by == "end") else start_year
    if kind == "year":
        return f"{name:04d}"
    if kind == "half":
        return f"{name:04d}-H{months_in // 6 + 1}"
    return f"{name:04d}-Q{months_in // 3 + 1}"
