"""People and organisations who speak in a news article, with every reference to them.

A person enters the list when the prose introduces them the way news does: behind a title
(``Tucson Mayor Ana Ruiz``, ``the district's Mayor Ana Ruiz``), with an appositive (``Ana Ruiz,
policy director for Example Org,``), with an organisation (``Ana Ruiz with Example Org says``) or
as the subject of a speech verb (``Ana Ruiz said``). An organisation enters it when it speaks
(``ICE said``, ``the Tucson Police Department told ...``). Later references (surnames, misspelt
surnames, ``he``/``she``, ``the mayor``, ``the department``) are then resolved to those speakers
in text order and added to ``mentions``. Journalists, outlets, bylines and credits never speak
in this sense, so they are left out.

Where each part lives: the text is read once (``reader``); people enter the ``cast`` by their
``introductions`` (``appositives`` read the role after a name), organisations and later
references by ``references``, "he" and "she" by ``pronouns``. The vocabularies are ``names``,
``titles`` and ``organisations``, compiled in ``patterns``. Then the pipeline's next step,
``affiliations``, decides whom each speaker speaks for: a level of government and a place.
"""

from __future__ import annotations

from articles.extraction.speakers.cast import Cast
from articles.extraction.speakers.introductions import add_people
from articles.extraction.speakers.names import person_key
from articles.extraction.speakers.pronouns import add_pronouns
from articles.extraction.speakers.reader import Reader
from articles.extraction.speakers.references import (
    add_misspelt_surnames,
    add_org_nouns,
    add_organisations,
    add_role_nouns,
    add_surnames,
)
from articles.extraction.types import PlaceMention, Speaker

__all__ = ["find_speakers", "person_key"]


def find_speakers(text: str, places: list[PlaceMention]) -> list[Speaker]:
    """The people and organisations that are named or speak in ``text``, each with the spans
    of every reference to it (introduction first), in order of first mention."""
    cast = Cast(Reader(text, places))
    add_people(cast)
    add_organisations(cast)
    add_surnames(cast)
    add_misspelt_surnames(cast)
    add_role_nouns(cast)
    add_org_nouns(cast)
    add_pronouns(cast)
    for ref in cast.refs:
        cast.speakers[ref.speaker].mentions.append((ref.start, ref.end))
    return sorted(cast.speakers, key=lambda s: s.mentions[0])
