"""Dates as readers read them, in the page's language: "December 7, 2026" in English,
"7 de diciembre de 2026" in Spanish; one format for a whole page."""

import datetime as dt

from django.utils.dateformat import format as date_format
from django.utils.formats import get_format
from django.utils.translation import pgettext


def long_date(on: dt.date) -> str:
    """A day, its month written out: "December 7, 2026" / "7 de diciembre de 2026"."""
    # Translators: a date format (Django's date filter syntax) for a day with its month written out.
    return date_format(on, pgettext("date format", "F j, Y"))


def month_year(on: dt.date) -> str:
    """A date known only to the month: "June 2018" / "junio de 2018"."""
    return date_format(on, get_format("YEAR_MONTH_FORMAT"))
