"""How readers write a place or a state: "Atlanta", "Atlanta, GA", "Atlanta, Georgia",
"Fulton County GA", "georgia", "GA". Pure: text in, (name, state code) out."""

from __future__ import annotations

import re

from articles.extraction.places.gazetteer import state_by_name

DC_NAMES = {"dc", "d.c.", "district of columbia", "washington, dc", "washington, d.c."}


def state_code(text: str) -> str | None:
    """The USPS code of a state written by name or code ("Georgia", "ga", "Ga."), or None."""
    value = " ".join(text.split())
    if value.lower() in DC_NAMES:
        return "DC"
    found = state_by_name(value) or state_by_name(value.upper() if len(value) == 2 else value)
    return found.state if found else None


def split_place(text: str) -> tuple[str, str | None]:
    """("Atlanta", "GA") from "Atlanta, GA" or "Atlanta, Georgia" or "Atlanta GA"; ("Atlanta",
    None) from "Atlanta". A trailing word that is no state stays part of the name."""
    value = " ".join(text.split())
    if "," in value:
        name, _, rest = value.rpartition(",")
        code = state_code(rest)
        if code:
            return name.strip(), code
    match = re.fullmatch(r"(.+?)\s+([A-Za-z]{2})", value)
    if match and (code := state_code(match.group(2))):
        return match.group(1), code
    return value, None
