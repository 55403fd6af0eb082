"""Field types shared by the front-matter schemas, each with a Danish message on bad input."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from datetime import time as dt_time
from functools import lru_cache
from typing import Annotated, Any

from babel import Locale
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    PlainValidator,
    StringConstraints,
    ValidationInfo,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from .characters import printable
from .terms import Taxonomy, Term
from .vocabulary import Vocabulary

_DANISH = Locale("da")
FIRST_YEAR, LAST_YEAR = 1900, 2100  # dates outside are typing mistakes, and break feeds
_YEAR = r"(?:19\d\d|20\d\d|2100)"


class Strict(BaseModel):
    """A front-matter mapping: unknown keys are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


def _iso_date(value: Any) -> date:
    text = str(value).strip() if isinstance(value, (str, int)) else None
    if text is None or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise PydanticCustomError(
            "iso_date",
            "'{value}' er ikke en dato — skriv den som ÅÅÅÅ-MM-DD, fx 2021-06-03",
            {"value": value},
        )
    _check_year(text, int(text[:4]))
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise PydanticCustomError(
            "iso_date",
            "{value} findes ikke i kalenderen — tjek måned (01-12) og dag",
            {"value": text},
        ) from None


def _check_year(text: str, year: int) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise PydanticCustomError(
            "year_range",
            "{value} ligger uden for årene {first}–{last} — tjek årstallet",
            {"value": text, "first": FIRST_YEAR, "last": LAST_YEAR},
        )


IsoDate = Annotated[
    date,
    PlainValidator(_iso_date, json_schema_input_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": rf"^{_YEAR}-\d{{2}}-\d{{2}}$",
            "description": "En dato: ÅÅÅÅ-MM-DD",
        }
    ),
]


@dataclass(frozen=True, order=True)
class YearMonth:
    """A month of a year, as in a project period."""

    year: int
    month: int

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


def _year_month(value: Any) -> YearMonth:
    match = re.fullmatch(r"(\d{4})-(\d{2})", str(value).strip()) if isinstance(value, str) else None
    if not match or not 1 <= int(match[2]) <= 12:
        raise PydanticCustomError(
            "year_month",
            "'{value}' er ikke en måned — skriv den som ÅÅÅÅ-MM, fx 2020-10",
            {"value": value},
        )
    _check_year(match[0], int(match[1]))
    return YearMonth(int(match[1]), int(match[2]))


Month = Annotated[
    YearMonth,
    PlainValidator(_year_month, json_schema_input_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": rf"^{_YEAR}-(0[1-9]|1[0-2])$",
            "description": "En måned: ÅÅÅÅ-MM",
        }
    ),
]


def _clock(value: Any) -> int:
    """Seconds from `HH:MM:SS` or `MM:SS`."""
    match = (
        re.fullmatch(r"(?:(\d{1,2}):)?([0-5]?\d):([0-5]\d)", value.strip())
        if isinstance(value, str)
        else None
    )
    if not match:
        raise PydanticCustomError(
            "clock",
            "'{value}' er ikke et tidspunkt i lydfilen — skriv TT:MM:SS eller MM:SS, "
            'fx "00:32:10" eller "4:30"',
            {"value": value},
        )
    hours, minutes, seconds = (int(part or 0) for part in match.groups())
    return hours * 3600 + minutes * 60 + seconds


Clock = Annotated[
    int,
    PlainValidator(_clock, json_schema_input_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^(\d{1,2}:)?[0-5]?\d:[0-5]\d$",
            "description": "Et tidspunkt: TT:MM:SS eller MM:SS",
        }
    ),
]


@dataclass(frozen=True, order=True)
class When:
    """A day, with a time of day in Danish local time unless the whole day is meant."""

    day: date
    time: dt_time | None = None

    @property
    def all_day(self) -> bool:
        """Whether no time of day is given."""
        return self.time is None

    def __str__(self) -> str:
        return self.day.isoformat() + (f"T{self.time:%H:%M}" if self.time else "")


def _when(value: Any) -> When:
    text = value.strip() if isinstance(value, str) else None
    match = re.fullmatch(r"(\d{4}-\d{2}-\d{2})(?:[T ]([0-2]\d):([0-5]\d))?", text or "")
    if not match:
        raise PydanticCustomError(
            "when",
            "'{value}' er ikke en dato med klokkeslæt — skriv fx 2021-06-03 10:00, eller "
            "kun datoen for en hel dag",
            {"value": value},
        )
    day = _iso_date(match[1])
    if match[2] is None:
        return When(day)
    if int(match[2]) > 23:
        raise PydanticCustomError(
            "when",
            "klokken {value} findes ikke — skriv 00:00-23:59",
            {"value": f"{match[2]}:{match[3]}"},
        )
    return When(day, dt_time(int(match[2]), int(match[3])))


Moment = Annotated[
    When,
    PlainValidator(_when, json_schema_input_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": rf"^{_YEAR}-\d{{2}}-\d{{2}}([T ]\d{{2}}:\d{{2}})?$",
            "description": "Dato og klokkeslæt: ÅÅÅÅ-MM-DD TT:MM",
        }
    ),
]

Text = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(printable)
]
Teaser = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=300),
    AfterValidator(printable),
]


_URL = re.compile(r"https?://[^\s/?#\[\]]+(?:[/?#]\S*)?", re.IGNORECASE)


def _url(value: Any) -> str:
    if isinstance(value, str) and _URL.fullmatch(value.strip()):
        return printable(value.strip())
    raise PydanticCustomError(
        "url",
        "'{value}' er ikke en webadresse — skriv hele adressen, fx https://slks.dk/",
        {"value": value},
    )


Url = Annotated[
    str,
    PlainValidator(_url, json_schema_input_type=str),
    WithJsonSchema(
        {"type": "string", "pattern": "^https?://\\S+$", "description": "En webadresse: https://…"}
    ),
]


def _country(value: Any) -> str:
    if isinstance(value, str) and (code := value.strip().upper()) in _country_codes():
        if code != value:
            raise PydanticCustomError(
                "country",
                "landekoden skal skrives med store bogstaver — skriv {code}",
                {"code": code},
            )
        return code
    raise PydanticCustomError(
        "country",
        "'{value}' er ikke en landekode — brug ISO 3166-1-koder med to bogstaver, fx DK, SE, DE",
        {"value": value},
    )


@lru_cache(maxsize=1)
def _country_codes() -> frozenset[str]:
    """The two-letter ISO 3166-1 codes that the Danish locale data names."""
    return frozenset(
        code for code in map(str, _DANISH.territories) if code.isalpha() and len(code) == 2
    )


CountryCode = Annotated[
    str,
    PlainValidator(_country, json_schema_input_type=str),
    WithJsonSchema(
        {"type": "string", "pattern": "^[A-Z]{2}$", "description": "Landekode (ISO 3166-1), fx DK"}
    ),
]


def _vocabulary_term(taxonomy: Taxonomy, many: bool) -> PlainValidator:
    def validate(value: Any, info: ValidationInfo) -> Term:
        if not isinstance(value, str):
            raise PydanticCustomError(
                "term_type",
                "skal være navnet på {article} {noun} — skriv det som tekst",
                {"article": taxonomy.article, "noun": taxonomy.noun},
            )
        vocabulary: Vocabulary = (info.context or {})["vocabulary"]
        term = vocabulary.lookup(taxonomy, value.strip())
        if term is not None:
            return term
        _refuse_written_list(value, vocabulary, taxonomy, many, info.field_name or "")
        closest = vocabulary.closest(taxonomy, value)
        hint = (
            f"mente du {' eller '.join(repr(c) for c in closest)}?"
            if closest
            else "tilladte værdier står i vocabularies.yml"
        )
        raise PydanticCustomError(
            "vocabulary",
            "'{value}' er ikke {article} kendt {noun} — {hint} (en ny værdi "
            "tilføjes i vocabularies.yml under {key})",
            {
                "value": value,
                "article": taxonomy.article,
                "noun": taxonomy.noun,
                "hint": hint,
                "key": taxonomy.value,
            },
        )

    return PlainValidator(validate, json_schema_input_type=str)


def _refuse_written_list(
    value: str, vocabulary: Vocabulary, taxonomy: Taxonomy, many: bool, field: str
) -> None:
    """Explain `Skive, Struer` (several known terms written as one text), if value is that."""
    parts = [part.strip() for part in re.split(r"[,;]| og ", value) if part.strip()]
    if len(parts) < 2 or any(vocabulary.lookup(taxonomy, part) is None for part in parts):
        return
    if many:
        raise PydanticCustomError(
            "written_list",
            "'{value}' er flere værdier skrevet som én tekst — skriv dem som en "
            "liste: `{field}: [{listed}]`",
            {"value": value, "field": field, "listed": ", ".join(parts)},
        )
    raise PydanticCustomError(
        "written_list",
        "'{value}' er flere værdier, men feltet har plads til én {noun} — vælg én af dem",
        {"value": value, "noun": taxonomy.noun},
    )


def _one_or_many(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


def _many(value: Any) -> Any:
    """YAML lists arrive as lists; the schema stores tuples, so accept lists in strict mode."""
    return tuple(value) if isinstance(value, list) else value


def terms_of(taxonomy: Taxonomy, *, one_allowed: bool = False) -> Any:
    """The annotated type of a field holding a list of terms from taxonomy."""
    item = Annotated[Term, _vocabulary_term(taxonomy, True), _term_schema(taxonomy)]
    if not one_allowed:
        return Annotated[tuple[item, ...], BeforeValidator(_many)]
    name = {"type": "string", VOCABULARY_KEY: taxonomy.value}
    return Annotated[
        tuple[item, ...],
        BeforeValidator(lambda v: _many(_one_or_many(v))),
        WithJsonSchema({"anyOf": [name, {"type": "array", "items": name}]}),
    ]


def tuple_of(item: Any) -> Any:
    """The annotated type of a list field: YAML gives a list, the model keeps a tuple."""
    return Annotated[tuple[item, ...], BeforeValidator(_many)]


def term_of(taxonomy: Taxonomy) -> Any:
    """The annotated type of a field holding exactly one term from taxonomy."""
    return Annotated[Term, _vocabulary_term(taxonomy, False), _term_schema(taxonomy)]


VOCABULARY_KEY = "x-vocabulary"


def _term_schema(taxonomy: Taxonomy) -> WithJsonSchema:
    """A JSON Schema placeholder that schema generation fills with the vocabulary's names."""
    return WithJsonSchema({"type": "string", VOCABULARY_KEY: taxonomy.value})
