import datetime as dt

import pytest

from safepassage.kb.dates import PartialDate


class TestPartialDate:
    def test_it_reads_a_full_date(self) -> None:
        day = PartialDate.parse("2025-02-05")
        assert day.earliest == day.latest == dt.date(2025, 2, 5)

    def test_a_month_spans_the_whole_month(self) -> None:
        month = PartialDate.parse("2024-02")
        assert (month.earliest, month.latest) == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))

    def test_a_year_spans_the_whole_year(self) -> None:
        year = PartialDate.parse(2019)
        assert (year.earliest, year.latest) == (dt.date(2019, 1, 1), dt.date(2019, 12, 31))

    @pytest.mark.parametrize("bad", ["2025-13", "25-02-05", "yesterday", "2025-02-30", ""])
    def test_it_rejects_malformed_dates(self, bad: str) -> None:
        with pytest.raises(ValueError):
            PartialDate.parse(bad)
