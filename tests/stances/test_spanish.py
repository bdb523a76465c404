"""The readers' pages in Spanish (under ``/es/``): no English string is left on them apart from
verbatim quotations, names and source text (which are marked ``lang="en"``); the language
switcher and the ``hreflang`` alternates; the API stays English whatever the reader's language.

How "no English string" is checked: the page's visible text (and the attributes a screen reader
reads) is taken without scripts, styles and elements marked ``lang="en"``, and without the names
stored in the database (places, people, titles, outlets, agencies: names stay as they are). Then
every English string of the Spanish catalog whose translation differs must not appear in it, and
neither may a short list of common English words.
"""

from __future__ import annotations

import datetime as dt
import gettext
import json
import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import openpyxl
import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from articles.models import Article
from stances.models import (
    AgreementListing,
    EnforcementEvent,
    Jurisdiction,
    Official,
    PolicyAction,
    Statement,
)
from stances.services.importers.ice_287g import ice_287g_import
from tests.stances.test_citations import facts  # noqa: F401 - a fixture, shared

MO = Path(settings.BASE_DIR) / "locale" / "es" / "LC_MESSAGES" / "django.mo"

HEADER = ["STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "COUNTY", "SUPPORT TYPE", "SIGNED", "MOA"]

# Words of the interface that a Spanish page must not show outside lang="en" (whole words,
# any case). Common enough that a forgotten string would almost surely contain one.
ENGLISH_WORDS = [
    "the", "and", "with", "from", "report", "statement", "statements", "policy", "policies",
    "stance", "evidence", "since", "updated", "reviewed", "retrieved", "signed", "listed",
    "agreement", "unknown", "jurisdiction", "jurisdictions", "enforcement", "cite", "embed",
    "source", "back", "map", "page", "found", "search", "what", "where", "which", "this",
]  # fmt: skip

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}  # fmt: skip
READ_ATTRIBUTES = ("aria-label", "title", "alt", "placeholder")


class VisibleText(HTMLParser):
    """The text a reader sees or hears, without scripts, styles and lang="en" elements."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []
        self.parts: list[str] = []

    @property
    def skipping(self) -> bool:
        return any(skip for _, skip in self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        # <code>: a parameter's name as the address spells it ("from", "jurisdiction").
        skip = tag in ("script", "style", "template", "code") or attrs.get("lang", "").startswith(
            "en"
        )
        if not (self.skipping or skip):
            self.parts.extend(attrs[name] for name in READ_ATTRIBUTES if attrs.get(name))
        if tag not in VOID:
            self.stack.append((tag, skip))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def figure_text(html: str) -> list[str]:
    """What a chart shows from the JSON the page carries (``json_script``): trace names, hover
    and label texts, titles; ``static/js/charts.js`` draws them as they are."""
    found = []

    def walk(value, key=""):
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, k)
        elif isinstance(value, list):
            for v in value:
                walk(v, key)
        elif isinstance(value, str) and key in ("text", "name", "title", "hovertext"):
            value = re.sub(r"<i>.*?</i>", " ", value)  # a hover's source line: its title
            found.append(re.sub(r"<[^>]+>", " ", unescape(value)))

    pattern = r'<script id="[^"]*" type="application/json">(.*?)</script>'
    for data in re.findall(pattern, html, flags=re.DOTALL):
        walk(json.loads(data))
    return found


def visible_text(html: str) -> str:
    parser = VisibleText()
    parser.feed(html)
    text = " ".join(parser.parts + figure_text(html))
    text = re.sub(r"https?://\S+|(?<![\w])/[\w\-./?=&%#]*", " ", text)  # addresses are no words
    text = re.sub(r"\b[a-z0-9]+(?:[-_][a-z0-9]+)+\b", " ", text)  # nor identifiers (slugs, keys)
    return re.sub(r"\s+", " ", text)


def names() -> list[str]:
    """What stays verbatim: the stored names of places, people, sources and agencies."""
    found = {str(j) for j in Jurisdiction.objects.all()}
    found |= {j.name for j in Jurisdiction.objects.all()}
    for o in Official.objects.all():
        found |= {o.name, o.role}
    for a in Article.objects.all():
        found |= {a.title, a.outlet, a.licence}
    found |= set(AgreementListing.objects.values_list("agency", flat=True))
    # Source text shown in charts, where no element can carry lang="en": quotes and summaries.
    found |= set(Statement.objects.values_list("quote", flat=True))
    for model in (PolicyAction, EnforcementEvent):
        found |= set(model.objects.values_list("summary", flat=True))
    found |= set(Article.objects.values_list("list_snapshots__file_name", flat=True))
    return sorted((n for n in found if n), key=len, reverse=True)


def english_fragments() -> list[str]:
    """The catalog's English strings whose Spanish differs, cut at placeholders and markup into
    the pieces that can appear verbatim on a page."""
    with MO.open("rb") as fh:
        catalog = gettext.GNUTranslations(fp=fh)._catalog
    pieces = set()
    for key, translated in catalog.items():
        english = key[0] if isinstance(key, tuple) else key
        english = english.split("\x04")[-1]  # without its context
        if not english or english == translated:
            continue
        for piece in re.split(r"%\(\w+\)[sd]|<[^>]+>", english):
            piece = piece.strip(" .,:;()“”")
            kept = piece in str(translated)  # "UTC", "ICE", "287(g)" stay as they are
            if len(piece) >= 3 and re.search(r"[A-Za-z]{2}", piece) and not kept:
                pieces.add(piece)
    return sorted(pieces, key=len, reverse=True)


# PHASE1: the page chrome (base.html) is translated in the second step; until then only <main>.
WHOLE_PAGE = True


def region(html: str) -> str:
    if not WHOLE_PAGE and "<main" in html:
        return html[html.index("<main") : html.index("</main>")]
    return html


def english_left(html: str) -> list[str]:
    text = visible_text(region(html))
    for name in names():
        text = text.replace(name, " ")
    left = [
        f"catalog string {piece!r}"
        for piece in english_fragments()
        if re.search(rf"(?<![\w]){re.escape(piece)}(?![\w])", text)
    ]
    left += [
        f"English word {word!r}"
        for word in ENGLISH_WORDS
        if re.search(rf"(?<![\w]){word}(?![\w])", text, flags=re.IGNORECASE)
    ]
    return [f"{item} in: …{context(text, item)}…" for item in left]


def context(text: str, item: str) -> str:
    needle = item.split("'")[1]
    at = text.lower().find(needle.lower())
    return text[max(0, at - 60) : at + len(needle) + 60] if at >= 0 else ""


@pytest.fixture(autouse=True)
def _cache_in_memory(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


@pytest.fixture(autouse=True)
def _english_afterwards():
    """A request under /es/ leaves Spanish active in this thread (LocaleMiddleware activates a
    language and nothing resets it): the tests that follow start from the default again."""
    yield
    translation.deactivate()


@pytest.fixture
def world(request, tmp_path):
    """The facts of Salem (a statement, a policy, an event, a declaration: the citations' test
    data), and a snapshot of ICE's list with one agreement, in Brevard County."""
    salem = request.getfixturevalue("facts")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    brevard = ["FLORIDA", "Brevard County Sheriff's Office", "County", "Brevard County"]
    sheet.append([*brevard, "Task Force Model", dt.datetime(2025, 2, 20), "link"])
    path = tmp_path / "20250801_120000__participatingAgencies08012025am.xlsx"
    workbook.save(path)
    ice_287g_import(path_or_file=path)
    dataset = Article.objects.get(kind="dataset")
    return {"article": salem["statement"].article, "dataset": dataset, **salem}


def pages(world) -> dict[str, str]:
    article, dataset = world["article"].pk, world["dataset"].pk
    found = {
        "map": "/es/",
        "map, filtered": "/es/?kind=city&as_of=2025-06-01",
        "map, nothing matches": "/es/?state=ZZ",
        "embed map": "/es/embed/map/?as_of=2025-06-01",
        "timeline": "/es/timeline/",
        "timeline, by place": "/es/timeline/?lanes=jurisdiction&type=policies",
        "timeline, a filter error": "/es/timeline/?from=nope&jurisdiction=atlantis",
        "statements": "/es/statements/",
        "statements, none match": "/es/statements/?q=nobody-said-this",
        "a place": "/es/jurisdictions/salem-or/",
        "a place with a 287(g) agreement": "/es/jurisdictions/brevard-county-fl/",
        "a place as of a date": "/es/jurisdictions/salem-or/?as_of=2025-01-01",
        "search": "/es/search/",
        "search, nothing found": "/es/search/?q=Atlantis",
        "methodology": "/es/about/",
        "article": f"/es/articles/{article}/",
        "dataset snapshot": f"/es/articles/{dataset}/",
        "report form": f"/es/report/statement/{world['statement'].pk}/",
        "embed card": "/es/embed/jurisdictions/salem-or/",
        "embed card (287(g))": "/es/embed/jurisdictions/brevard-county-fl/",
    }
    for kind in ("statement", "policy", "event", "declaration"):
        found[f"{kind} permalink"] = f"/es/facts/{kind}/{world[kind].pk}/"
    return found


@pytest.mark.django_db
def test_no_english_is_left_on_a_spanish_page(client, world):
    failures = {}
    for name, url in pages(world).items():
        response = client.get(url)
        assert response.status_code in (200, 400), (name, url, response.status_code)
        if WHOLE_PAGE or name.startswith("embed"):
            assert '<html lang="es"' in response.content.decode(), (name, "html lang")
        left = english_left(response.content.decode())
        if left:
            failures[name] = left
    assert not failures, "\n".join(f"{page}: {item}" for page, x in failures.items() for item in x)


@pytest.mark.django_db
def test_the_report_form_in_spanish_with_its_errors(client, world):
    response = client.post(f"/es/report/statement/{world['statement'].pk}/", {"message": "x"})
    assert response.status_code == 400
    assert "Su reporte no se envió." in response.content.decode()
    assert english_left(response.content.decode()) == []
    sent = client.post(
        f"/es/report/statement/{world['statement'].pk}/",
        {"message": "The quote is from another mayor."},
        follow=True,
    )
    assert sent.redirect_chain[0][0].startswith("/es/report/")
    assert "Gracias por su reporte" in sent.content.decode()
    assert english_left(sent.content.decode()) == []


@pytest.mark.django_db
def test_the_report_limit_in_spanish(client, world, settings):
    settings.CORRECTIONS_RATE = "1/hour"
    cache.clear()
    url = f"/es/report/statement/{world['statement'].pk}/"
    client.post(url, {"message": "The quote is from another mayor."})
    limited = client.post(url, {"message": "La fecha también está mal."})  # the reader's words
    assert limited.status_code == 429
    html = limited.content.decode()
    assert "Espere un poco, por favor" in html and " de " in html
    assert english_left(html) == []


@pytest.mark.django_db
def test_a_missing_page_in_spanish(client, world):
    response = client.get("/es/jurisdictions/atlantis-xx/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Página no encontrada" in html
    assert english_left(html) == []


@pytest.mark.django_db
def test_dates_read_as_spanish_dates(client, world):
    text = visible_text(region(client.get(f"/es/articles/{world['article'].pk}/").content.decode()))
    assert "2 de mayo de 2024" in text
    english = client.get(f"/articles/{world['article'].pk}/").content.decode()
    assert "May 2, 2024" in english


@pytest.mark.django_db
def test_english_stays_at_the_root(client, world):
    html = client.get(f"/facts/statement/{world['statement'].pk}/").content.decode()
    assert "The words it comes from" in html and "Report a problem" in html
    assert "Reportar un problema" not in html


@pytest.mark.django_db
def test_the_api_stays_english_whatever_the_reader_asks(client, world):
    response = client.get("/api/policies/", HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 200
    assert "ordinance" in [policy["kind"] for policy in response.json()["results"]]
    invalid = client.get("/api/policies/?kind=nope", HTTP_ACCEPT_LANGUAGE="es")
    assert invalid.status_code == 400 and "valid choice" in invalid.content.decode()
    assert client.get("/es/api/policies/").status_code == 404
    missing = client.get("/api/nothing-here/", HTTP_ACCEPT_LANGUAGE="es")
    assert missing.json() == {"detail": "Not found."}


def links(html: str, pattern: str) -> dict[str, str]:
    return {code: unescape(url) for code, url in re.findall(pattern, html)}


SWITCHER = r'<a href="([^"]+)" lang="(\w+)" hreflang="\w+"'
ALTERNATE = r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">'


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["/?kind=city&as_of=2025-06-01&sort=-state", "/jurisdictions/salem-or/"]
)
def test_the_switcher_keeps_the_page_and_its_filters(client, world, path):
    english = client.get(path).content.decode()
    spanish = client.get(f"/es{path}").content.decode()
    for html in (english, spanish):
        assert {code: unescape(url) for url, code in re.findall(SWITCHER, html)} == {
            "en": f"http://testserver{path}",
            "es": f"http://testserver/es{path}",
        }
    assert re.search(r'lang="en" hreflang="en" aria-current="true"', english)
    assert re.search(r'lang="es" hreflang="es" aria-current="true"', spanish)
    assert '<html lang="en">' in english and '<html lang="es">' in spanish


@pytest.mark.django_db
def test_each_page_names_its_other_language(client, world):
    path = f"/facts/policy/{world['policy'].pk}/"
    html = client.get(f"/es{path}").content.decode()
    assert links(html, ALTERNATE) == {
        "en": f"http://testserver{path}",
        "es": f"http://testserver/es{path}",
        "x-default": f"http://testserver{path}",
    }


@pytest.mark.django_db
def test_the_error_page_speaks_the_readers_language(client, monkeypatch):
    def broken():
        raise RuntimeError("broken")

    monkeypatch.setattr("stances.web.dashboard.last_updated", broken)
    cache.clear()  # no stored answer from another test
    client.raise_request_exception = False
    spanish = client.get("/es/about/")
    assert spanish.status_code == 500
    html = spanish.content.decode()
    assert '<html lang="es">' in html and "Algo salió mal" in html
    assert english_left(html) == []
    english = client.get("/about/").content.decode()
    assert '<html lang="en">' in english and "Something went wrong" in english


@pytest.mark.django_db
def test_the_switcher_drops_what_no_view_reads(client, world):
    cache.clear()
    html = client.get("/es/statements/?stance=against_cooperation&utm_source=9").content.decode()
    switcher = {code: unescape(url) for url, code in re.findall(SWITCHER, html)}
    assert switcher["en"] == "http://testserver/statements/?stance=against_cooperation"
    assert "utm" not in html  # a stored answer is shared by every junk parameter
