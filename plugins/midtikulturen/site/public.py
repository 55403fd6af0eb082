"""What the accessibility statement reads from mkdocs.yml's `extra`: contact details, its date."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Annotated, Any

from pydantic import BeforeValidator, ValidationError
from pydantic_core import PydanticCustomError

from ..content.fields import IsoDate, Strict, Text
from ..content.guides import add_months
from ..content.messages import explain
from ..render.danish import long_date

PLACEHOLDER_DOMAINS = ("example.org", "example.com", "example.net")
STATEMENT_MAX_AGE_MONTHS = 12


def _email(value: Any) -> str:
    if not isinstance(value, str) or not re.fullmatch(
        r"[^@\s\"<>]+@[^@\s\"<>]+\.[a-z]{2,}", value.strip(), re.IGNORECASE
    ):
        raise PydanticCustomError(
            "email",
            "'{value}' er ikke en e-mailadresse — skriv den som navn@domæne.dk",
            {"value": value},
        )
    return value.strip()


Email = Annotated[str, BeforeValidator(_email)]
YamlDate = Annotated[
    IsoDate, BeforeValidator(lambda value: value.isoformat() if isinstance(value, date) else value)
]


class Contact(Strict):
    """Who readers write or call about the site: an editorial team, not a person's private data."""

    name: Text
    email: Email
    phone: Text | None = None

    @property
    def email_is_placeholder(self) -> bool:
        """Whether the address is in a domain reserved for examples (RFC 2606)."""
        return self.email.lower().rsplit("@", 1)[-1] in PLACEHOLDER_DOMAINS


class Accessibility(Strict):
    """The accessibility statement's own facts."""

    updated: YamlDate


class PublicInfo(Strict):
    """The keys of mkdocs.yml's `extra` this plugin reads; Material's own keys are left alone."""

    contact: Contact | None = None
    accessibility: Accessibility | None = None


class ConfigProblem(Exception):
    """mkdocs.yml's `extra` holds contact details that cannot be used; one Danish line each."""


def read_public_info(extra: Mapping[str, Any]) -> PublicInfo:
    """`extra.contact` and `extra.accessibility` validated, or ConfigProblem with every mistake."""
    data = {key: extra[key] for key in PublicInfo.model_fields if key in extra}
    try:
        return PublicInfo.model_validate(data)
    except ValidationError as error:
        raise ConfigProblem(
            "\n".join(
                f"mkdocs.yml: extra: {explain(detail, PublicInfo)}" for detail in error.errors()
            )
        ) from None


def publishing_gaps(info: PublicInfo) -> list[str]:
    """What must be filled in before the statement may be published, in Danish."""
    contact = info.contact
    if contact is None:
        return ["kontaktoplysninger (navn, e-mail og telefon)"]
    gaps = []
    if contact.email_is_placeholder:
        gaps.append(f"en rigtig e-mailadresse i stedet for pladsholderen {contact.email}")
    if not contact.phone:
        gaps.append("et telefonnummer")
    return gaps


def reminders(info: PublicInfo, today: date) -> list[str]:
    """Reminders for the operator: contact details to fill in, a statement older than a year."""
    found = [
        f"Påmindelse: tilgængelighedserklæringen mangler {gap} under `extra.contact` i "
        "mkdocs.yml — ret det, før sitet udgives"
        for gap in publishing_gaps(info)
    ]
    if (
        info.accessibility
        and add_months(info.accessibility.updated, STATEMENT_MAX_AGE_MONTHS) < today
    ):
        found.append(
            f"Påmindelse: tilgængelighedserklæringen blev sidst opdateret "
            f"{long_date(info.accessibility.updated)} — gennemgå den og ret "
            "`extra.accessibility.updated` (mindst én gang om året)"
        )
    return found
