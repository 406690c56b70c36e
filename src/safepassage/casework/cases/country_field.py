"""Country inputs that cannot save the wrong country.

A caseworker types a country's name in English or Russian ("Germany", "Германия", "Россия");
the server looks the whole text up among the base layer's names and the reviewed aliases, and
either understands it exactly or refuses it with a message in the user's language. Nothing is
cut to a length or matched by prefix (the old form cut "Germany" to "Ge" and saved Georgia).
A list of every name (`<datalist id="country-names">`) gives the browser's own suggestions
without script; static/safepassage/country-picker.js adds search as you type in both languages.
"""

from __future__ import annotations

import re
from functools import cache
from html import escape
from typing import Any, ClassVar

from django import forms
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from safepassage.kb.base import load_base_layer
from safepassage.kb.names import country_aliases, country_code, fold

DATALIST_ID = "country-names"
_CODE = re.compile(r"^[A-Z]{2}$")
_SEPARATORS = re.compile(r"[,;\n]+")


def language() -> str:
    return "ru" if (get_language() or "en").startswith("ru") else "en"


def country_name(code: str, lang: str | None = None) -> str:
    return load_base_layer().name(code, lang or language())


def understand(text: str) -> str | None:
    """The code a typed country means: a name in either language, an alias, or an upper-case
    ISO code as a machine would send it ("DE", not "de" or "Ge")."""
    text = text.strip()
    if _CODE.match(text) and text in load_base_layer():
        return text
    return country_code(text)


def understand_list(text: str) -> tuple[list[str], list[str]]:
    """Codes for a comma-separated list of names, and the parts not understood. A name that
    itself holds a comma ("Bonaire, Saint Eustatius and Saba") is found by trying the longest
    run of parts first."""
    parts = [p.strip() for p in _SEPARATORS.split(text) if p.strip()]
    codes: list[str] = []
    unknown: list[str] = []
    i = 0
    while i < len(parts):
        for j in range(len(parts), i, -1):
            code = understand(" ".join(parts[i:j]))
            if code:
                if code not in codes:
                    codes.append(code)
                i = j
                break
        else:
            unknown.append(parts[i])
            i += 1
    return codes, unknown


class CountryInput(forms.TextInput):
    """A text input bound to the page's list of country names."""

    def __init__(self, many: bool = False, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(
            {
                "list": DATALIST_ID,
                "autocomplete": "off",
                "spellcheck": "false",
                "data-country": "many" if many else "one",
                **(attrs or {}),
            }
        )


def _shown(value: Any) -> Any:
    """Codes are shown as names in the reader's language; typed text is shown as typed."""
    if isinstance(value, (list, tuple)):
        return ", ".join(str(_shown(v)) for v in value)
    if isinstance(value, str) and _CODE.match(value) and value in load_base_layer():
        return country_name(value)
    return value


class CountryField(forms.CharField):
    """One country, cleaned to its ISO 3166-1 alpha-2 code."""

    default_error_messages: ClassVar[dict[str, Any]] = {
        "unknown": _("“%(value)s” is not a country name we know. Type it in English or Russian and pick it from the list."),
    }

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", CountryInput())
        super().__init__(max_length=None, **kwargs)

    def prepare_value(self, value: Any) -> Any:
        return _shown(value)

    def to_python(self, value: Any) -> str:
        text = str(super().to_python(value))
        if not text:
            return ""
        code = understand(text)
        if code is None:
            raise forms.ValidationError(self.error_messages["unknown"], code="unknown", params={"value": text[:100]})
        return code


class CountryListField(forms.CharField):
    """Several countries, comma-separated, cleaned to a list of codes."""

    default_error_messages = CountryField.default_error_messages

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", CountryInput(many=True))
        super().__init__(max_length=None, **kwargs)

    def prepare_value(self, value: Any) -> Any:
        return _shown(value)

    def to_python(self, value: Any) -> list[str]:  # type: ignore[override]
        text = str(super().to_python(value))
        codes, unknown = understand_list(text)
        if unknown:
            raise forms.ValidationError(self.error_messages["unknown"], code="unknown", params={"value": unknown[0][:100]})
        return codes

    def validate(self, value: Any) -> None:
        if self.required and not value:
            raise forms.ValidationError(self.error_messages["required"], code="required")


@cache
def _datalist(lang: str) -> str:
    other = "en" if lang == "ru" else "ru"
    base = load_base_layer()
    options = []
    for code in sorted(base.countries, key=lambda c: fold(base.name(c, lang))):
        also = " · ".join(country_aliases(code))
        options.append(
            f'<option value="{escape(base.name(code, lang))}" label="{escape(base.name(code, other))}"'
            f' data-code="{code}"' + (f' data-also="{escape(also)}"' if also else "") + ">"
        )
    return f'<datalist id="{DATALIST_ID}">' + "".join(options) + "</datalist>"


def country_datalist() -> SafeString:
    """Every country once, named in the reader's language, labelled in the other (rendered once
    per language and process: the names do not change while the app runs)."""
    return mark_safe(_datalist(language()))
