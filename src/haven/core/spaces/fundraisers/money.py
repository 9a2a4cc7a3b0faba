"""Amounts of money as integers in a currency's minor units (cents, fils, yen): parsed from
text with Decimal, never through a float or the process's locale, and printed the same way.

Currencies are ISO 4217 codes that CLDR (through Babel) knows, with CLDR's number of
decimals (EUR 2, JPY 0, KWD 3). Every amount is bounded, so no sum a space can make
overflows a 64-bit integer: a pledge or goal is at most MAX_AMOUNT minor units, a space has
far fewer than 2**63 / MAX_AMOUNT members."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation, localcontext

from babel.core import UnknownLocaleError
from babel.numbers import format_currency, get_currency_precision, is_currency

from haven.errors import InvalidInput

#: The largest pledge or goal, in minor units: 10**12 (ten billion euros).
MAX_AMOUNT = 10**12
#: Characters an amount may have: more than any amount under the cap with its decimals.
MAX_AMOUNT_CHARS = 40
#: A tally's total is at most this (so it fits a signed 64-bit integer with room to spare).
MAX_TOTAL = 2**62
# Digits (any script's: Decimal reads Arabic-Indic digits too), one optional decimal point.
_AMOUNT = re.compile(r"\d+(?:\.\d+)?")
_CODE = re.compile(r"[A-Z]{3}")


def clean_currency(value: object) -> str:
    """An ISO 4217 code, upper case; InvalidInput for anything else."""
    if not isinstance(value, str):
        raise InvalidInput("a currency is a three-letter ISO 4217 code, like EUR")
    code = value.strip().upper()
    if not _CODE.fullmatch(code) or not is_currency(code):
        raise InvalidInput(f"{value[:8]!r} is not an ISO 4217 currency code (like EUR, USD)")
    return code


def exponent(currency: str) -> int:
    """How many decimals the currency's minor unit has."""
    return int(get_currency_precision(currency))


def valid_amount(value: object, *, zero: bool = False) -> bool:
    """An int (not a bool) from 1 (or 0 when `zero`) to MAX_AMOUNT."""
    return type(value) is int and (0 if zero else 1) <= value <= MAX_AMOUNT


def parse_amount(text: str, currency: str) -> int:
    """'12.50' EUR → 1250. Refuses signs, exponents, separators, more decimals than the
    currency has, and amounts over the cap, with a clear message."""
    digits = text.strip()
    if len(digits) > MAX_AMOUNT_CHARS or not _AMOUNT.fullmatch(digits):
        raise InvalidInput(
            f"an amount is written like 25 or 12.50 (digits and one '.'), not {text[:20]!r}"
        )
    try:
        value = Decimal(digits)
    except InvalidOperation:
        raise InvalidInput(f"{text[:20]!r} is not an amount") from None
    places = exponent(currency)
    with localcontext() as ctx:  # exact: the default 28 digits would round "1.000…0001"
        ctx.prec = 2 * MAX_AMOUNT_CHARS
        minor = value.scaleb(places)
    if minor != minor.to_integral_value():
        raise InvalidInput(f"{currency} amounts have at most {places} decimals")
    amount = int(minor)
    if amount > MAX_AMOUNT:
        raise InvalidInput(f"the largest amount is {format_amount(MAX_AMOUNT, currency)}")
    return amount


def format_amount(minor: int, currency: str) -> str:
    """1250, EUR → '12.50 EUR': the same in every locale (for the CLI and JSON)."""
    places = exponent(currency)
    sign = "-" if minor < 0 else ""
    whole, part = divmod(abs(minor), 10**places)
    text = f"{sign}{whole}" + (f".{part:0{places}d}" if places else "")
    return f"{text} {currency}"


def format_local(minor: int, currency: str, locale: str) -> str:
    """The amount as a person reading `locale` writes it (separators, symbol and their
    places, in the locale's default numbering system; e.g. Arabic (Egypt): '‏1٬234٫50 €'),
    computed exactly from Decimal. Babel keeps ASCII digits: the UI puts them in its
    language's digits, as it does every number."""
    value = Decimal(minor).scaleb(-exponent(currency))
    try:
        return str(format_currency(value, currency, locale=locale, numbering_system="default"))
    except (ValueError, LookupError, UnknownLocaleError):
        return format_amount(minor, currency)
