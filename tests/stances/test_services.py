"""Hand-written facts: spans found by the server, editors' writes reviewed, errors save nothing."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from articles.spans import locate_words
from stances.models import (
    EnforcementEvent,
    Official,
    PolicyAction,
    PolicyEffect,
    ReviewStatus,
    Statement,
)
from stances.services.events import event_create, event_update
from stances.services.officials import official_create, official_update
from stances.services.policies import policy_create, policy_update
from stances.services.review import fact_review
from stances.services.statements import statement_create, statement_update
from tests.factories import (
    ArticleFactory,
    EnforcementEventFactory,
    JurisdictionFactory,
    OfficialFactory,
    PolicyEffectFactory,
)

BODY = (
    "Madison Mayor Satya Rhodes-Conway spoke on Monday.\n\n"
    "“We will not  hold anyone\nfor ICE — not one person,” she said.\n"
    "Agents arrested 14 people in a two-day operation that ended Friday.\n"
    "The council’s ordinance bars jail access for ICE agents."
)
QUOTE = "“We will not  hold anyone\nfor ICE — not one person,”"
TOMORROW = timezone.localdate() + dt.timedelta(days=1)


@pytest.fixture
def madison(db):
    return ArticleFactory(body=BODY)


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user(username="editor", password="x")


def assert_reviewed_by(fact, user):
    fact.refresh_from_db()
    assert fact.review_status == ReviewStatus.REVIEWED
    assert fact.reviewed_by == user
    assert timezone.now() - fact.reviewed_at < dt.timedelta(minutes=1)


def error_fields(excinfo) -> set[str]:
    return set(excinfo.value.message_dict)


# locate_words


def test_locate_words_finds_the_exact_words():
    start, end = locate_words(BODY, "spoke on Monday")
    assert BODY[start:end] == "spoke on Monday"


def test_straight_quotes_dashes_and_single_spaces_find_the_articles_typography():
    start, end = locate_words(BODY, '"We will not hold anyone for ICE - not one person,"')
    assert BODY[start:end] == QUOTE


def test_curly_quotes_find_straight_ones():
    body = "He said 'no' and \"never\" -- twice."
    start, end = locate_words(body, "‘no’ and «never»")
    assert body[start:end] == "'no' and \"never\""


def test_surrounding_whitespace_of_the_words_is_ignored():
    start, end = locate_words(BODY, "  \n arrested 14 people\t ")
    assert BODY[start:end] == "arrested 14 people"


def test_the_first_occurrence_is_found():
    assert locate_words("ICE here, ICE there", "ICE") == (0, 3)


@pytest.mark.parametrize("words", ["Agents detained 14 people", "spoke on monday"])
def test_words_not_in_the_article_are_refused(words):
    with pytest.raises(ValueError, match="does not occur in the article"):
        locate_words(BODY, words)


@pytest.mark.parametrize("words", ["", " \n "])
def test_empty_words_are_refused(words):
    with pytest.raises(ValueError, match="does not occur in the article"):
        locate_words(BODY, words)


# statements


@pytest.mark.django_db
def test_an_editors_statement_quotes_the_articles_words_and_is_reviewed(madison, official, editor):
    statement = statement_create(
        article=madison,
        speaker=official,
        quote="We will not hold anyone for ICE - not one person",
        stance="against_cooperation",
        said_on=dt.date(2025, 1, 6),
        user=editor,
    )
    assert statement.quote == "We will not  hold anyone\nfor ICE — not one person"
    assert BODY[statement.span_start : statement.span_end] == statement.quote
    assert statement.jurisdiction == official.jurisdiction
    assert statement.extraction_key == ""
    assert_reviewed_by(statement, editor)


@pytest.mark.django_db
def test_a_statement_without_an_editor_awaits_review_and_keeps_a_given_jurisdiction(
    madison, official
):
    elsewhere = JurisdictionFactory()
    statement = statement_create(
        article=madison,
        speaker=official,
        quote="spoke on Monday",
        stance="neutral",
        jurisdiction=elsewhere,
    )
    statement.refresh_from_db()
    assert statement.jurisdiction == elsewhere
    assert statement.review_status == ReviewStatus.EXTRACTED
    assert statement.reviewed_by is None and statement.reviewed_at is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    "changes, field",
    [
        ({"quote": "We will hold everyone"}, "quote"),
        ({"quote": "  "}, "quote"),
        ({"said_on": TOMORROW}, "said_on"),
        ({"stance": "undecided"}, "stance"),
        ({"date_precision": "week"}, "date_precision"),
    ],
)
def test_an_invalid_statement_is_refused_and_nothing_saved(madison, official, changes, field):
    fields = {"quote": "spoke on Monday", "stance": "neutral", **changes}
    with pytest.raises(ValidationError) as excinfo:
        statement_create(article=madison, speaker=official, **fields)
    assert field in error_fields(excinfo)
    assert not Statement.objects.exists()


@pytest.mark.django_db
def test_a_missing_quote_says_so_clearly(madison, official):
    with pytest.raises(ValidationError) as excinfo:
        statement_create(article=madison, speaker=official, quote="No way", stance="neutral")
    assert "“No way” does not occur in the article" in excinfo.value.message_dict["quote"][0]


@pytest.mark.django_db
def test_an_editors_edit_changes_only_the_given_fields_and_is_a_review(statement, editor):
    before = Statement.objects.values().get(pk=statement.pk)
    statement_update(statement=statement, stance="neutral", user=editor)
    after = Statement.objects.values().get(pk=statement.pk)
    changed = {key for key in before if before[key] != after[key]}
    assert changed == {"stance", "review_status", "reviewed_by_id", "reviewed_at", "updated_at"}
    assert after["stance"] == "neutral"
    assert_reviewed_by(statement, editor)


@pytest.mark.django_db
def test_an_edit_without_an_editor_leaves_the_review_status(statement):
    statement_update(statement=statement, stance="neutral")
    statement.refresh_from_db()
    assert statement.review_status == ReviewStatus.EXTRACTED


@pytest.mark.django_db
def test_an_edit_that_sets_the_review_status_keeps_it(statement, editor):
    statement_update(statement=statement, review_status="rejected", user=editor)
    statement.refresh_from_db()
    assert statement.review_status == ReviewStatus.REJECTED
    assert statement.reviewed_by == editor


@pytest.mark.django_db
def test_a_new_quote_moves_the_span(statement):
    statement_update(statement=statement, quote="the mayor said")
    statement.refresh_from_db()
    assert statement.quote == "the mayor said"
    assert statement.words == "the mayor said"


@pytest.mark.django_db
def test_a_new_article_moves_the_span_to_the_same_words(official):
    first = ArticleFactory(body="“No detainers,” she said.")
    second = ArticleFactory(body="On Monday the mayor said: “No detainers.”")
    statement = statement_create(
        article=first, speaker=official, quote="No detainers", stance="against_cooperation"
    )
    statement_update(statement=statement, article=second)
    statement.refresh_from_db()
    assert (statement.article, statement.words) == (second, "No detainers")
    assert statement.span_start == second.body.index("No detainers")


@pytest.mark.django_db
def test_a_failed_edit_saves_nothing_and_leaves_the_object_as_stored(statement, editor):
    quote, stance = statement.quote, statement.stance
    with pytest.raises(ValidationError) as excinfo:
        statement_update(statement=statement, stance="neutral", quote="absent words", user=editor)
    assert error_fields(excinfo) == {"quote"}
    assert (statement.quote, statement.stance) == (quote, stance)
    stored = Statement.objects.get(pk=statement.pk)
    assert (stored.quote, stored.stance, stored.review_status) == (quote, stance, "extracted")


@pytest.mark.django_db
@pytest.mark.parametrize("field", ["span_start", "extraction_key", "colour"])
def test_unknown_or_server_set_fields_are_a_programming_error(statement, field):
    with pytest.raises(TypeError, match=field):
        statement_update(statement=statement, **{field: "x"})


# enforcement events


def make_event(article, **overrides):
    fields = {
        "kind": "operation",
        "summary": "A two-day operation.",
        "evidence": "a two-day operation",
        "starts_on": dt.date(2025, 1, 8),
        "ends_on": dt.date(2025, 1, 10),
        "count": 14,
    }
    return event_create(article=article, **{**fields, **overrides})


@pytest.mark.django_db
def test_an_editors_event_keeps_the_span_of_its_evidence(madison, jurisdiction, editor):
    event = make_event(madison, jurisdiction=jurisdiction, user=editor)
    assert event.words == "a two-day operation"
    assert event.extraction_key == ""
    assert_reviewed_by(event, editor)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "changes, field",
    [
        ({"evidence": "a three-day operation"}, "evidence"),
        ({"starts_on": TOMORROW, "ends_on": None}, "starts_on"),
        ({"ends_on": TOMORROW}, "ends_on"),
        ({"ends_on": dt.date(2025, 1, 7)}, "ends_on"),
        ({"count": -1}, "count"),
        ({"kind": "parade"}, "kind"),
    ],
)
def test_an_invalid_event_is_refused_and_nothing_saved(madison, changes, field):
    with pytest.raises(ValidationError) as excinfo:
        make_event(madison, **changes)
    assert field in error_fields(excinfo)
    assert not EnforcementEvent.objects.exists()


@pytest.mark.django_db
def test_an_event_edit_relocates_new_evidence_and_changes_only_what_is_given(event, editor):
    event.article.body = BODY
    event.article.save()
    event_update(event=event, evidence="arrested 14 people", count=14, user=editor)
    event.refresh_from_db()
    assert event.words == "arrested 14 people"
    assert (event.count, event.kind, event.summary) == (14, "arrests", "12 arrests")
    assert_reviewed_by(event, editor)


@pytest.mark.django_db
def test_an_event_edit_without_new_evidence_keeps_its_span(event):
    span = (event.span_start, event.span_end)
    event_update(event=event, name="Operation Test")
    event.refresh_from_db()
    assert (event.span_start, event.span_end) == span and event.name == "Operation Test"


@pytest.mark.django_db
def test_an_event_cannot_be_part_of_its_own_part(event):
    part = EnforcementEventFactory(article=event.article, parent=event)
    with pytest.raises(ValidationError) as excinfo:
        event_update(event=event, parent=part)
    assert error_fields(excinfo) == {"parent"}
    assert EnforcementEvent.objects.get(pk=event.pk).parent is None


@pytest.mark.django_db
def test_a_failed_event_edit_saves_nothing(event):
    with pytest.raises(ValidationError):
        event_update(event=event, summary="changed", count=-3)
    stored = EnforcementEvent.objects.get(pk=event.pk)
    assert (stored.summary, stored.count) == ("12 arrests", 12)


# policy actions


def make_policy(article, jurisdiction, **overrides):
    fields = {
        "kind": "ordinance",
        "summary": "The council bars ICE from the jail.",
        "evidence": "The council's ordinance bars jail access",
        "effects": [("jail_access", "limits")],
    }
    return policy_create(article=article, jurisdiction=jurisdiction, **{**fields, **overrides})


def effects_of(policy) -> set[tuple[str, str]]:
    return set(PolicyEffect.objects.filter(policy=policy).values_list("indicator", "direction"))


@pytest.mark.django_db
def test_an_editors_policy_keeps_its_words_and_effects(madison, jurisdiction, editor):
    policy = make_policy(
        madison,
        jurisdiction,
        effects=[("jail_access", "limits"), ("detainers", "limits")],
        user=editor,
    )
    assert policy.words == "The council’s ordinance bars jail access"
    assert effects_of(policy) == {("jail_access", "limits"), ("detainers", "limits")}
    assert_reviewed_by(policy, editor)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "changes, field",
    [
        ({"evidence": "The council's resolution"}, "evidence"),
        ({"effects": []}, "effects"),
        ({"effects": [("jail_access", "forbids")]}, "effects"),
        ({"effects": [("parking", "limits")]}, "effects"),
        ({"effects": [("detainers", "limits"), ("detainers", "cooperates")]}, "effects"),
        ({"kind": "decree"}, "kind"),
    ],
)
def test_an_invalid_policy_is_refused_and_nothing_saved(madison, jurisdiction, changes, field):
    with pytest.raises(ValidationError) as excinfo:
        make_policy(madison, jurisdiction, **changes)
    assert field in error_fields(excinfo)
    assert not PolicyAction.objects.exists() and not PolicyEffect.objects.exists()


@pytest.mark.django_db
def test_a_policy_may_take_effect_after_today(madison, jurisdiction):
    """A law signed now may be in force next year: the ingestion of this week's news and an
    editor follow the same rule (only statements and past events are never dated ahead)."""
    policy = make_policy(madison, jurisdiction, effective_on=TOMORROW)
    assert policy.effective_on == TOMORROW


@pytest.mark.django_db
def test_a_policy_edit_replaces_its_effects(policy, editor):
    PolicyEffectFactory(policy=policy, indicator="detainers", direction="limits")
    policy_update(policy=policy, effects=[("agreement_287g", "cooperates")], user=editor)
    assert effects_of(policy) == {("agreement_287g", "cooperates")}
    assert_reviewed_by(policy, editor)


@pytest.mark.django_db
def test_a_policy_edit_without_effects_keeps_them(policy):
    PolicyEffectFactory(policy=policy, indicator="detainers", direction="limits")
    policy_update(policy=policy, summary="Changed.")
    assert effects_of(policy) == {("detainers", "limits")}
    assert PolicyAction.objects.get(pk=policy.pk).summary == "Changed."


@pytest.mark.django_db
def test_a_failed_policy_edit_keeps_its_effects_and_fields(policy):
    PolicyEffectFactory(policy=policy, indicator="detainers", direction="limits")
    with pytest.raises(ValidationError) as excinfo:
        policy_update(policy=policy, summary="Changed.", effects=[("detainers", "maybe")])
    assert error_fields(excinfo) == {"effects"}
    assert effects_of(policy) == {("detainers", "limits")}
    assert PolicyAction.objects.get(pk=policy.pk).summary != "Changed."


# officials


@pytest.mark.django_db
def test_an_officials_slug_comes_from_the_name_with_a_suffix_when_taken(jurisdiction):
    first = official_create(name="Satya Rhodes-Conway", role="Mayor", jurisdiction=jurisdiction)
    second = official_create(name="Satya Rhodes-Conway")
    third = official_create(name="Satya  Rhodes Conway")
    assert [first.slug, second.slug, third.slug] == [
        "satya-rhodes-conway",
        "satya-rhodes-conway-2",
        "satya-rhodes-conway-3",
    ]
    assert Official.objects.get(pk=first.pk).jurisdiction == jurisdiction


@pytest.mark.django_db
def test_a_given_slug_that_is_taken_is_refused(official):
    with pytest.raises(ValidationError) as excinfo:
        official_create(name="Someone Else", slug=official.slug)
    assert error_fields(excinfo) == {"slug"}
    assert Official.objects.count() == 1


@pytest.mark.django_db
def test_an_invalid_official_kind_is_refused():
    with pytest.raises(ValidationError) as excinfo:
        official_create(name="ICE", kind="agency")
    assert error_fields(excinfo) == {"kind"}
    assert not Official.objects.exists()


@pytest.mark.django_db
def test_an_official_edit_changes_only_the_given_fields_and_keeps_the_slug(official):
    slug, role = official.slug, official.role
    official_update(official=official, name="Renamed Person")
    stored = Official.objects.get(pk=official.pk)
    assert (stored.name, stored.slug, stored.role) == ("Renamed Person", slug, role)


@pytest.mark.django_db
def test_an_official_edit_to_a_taken_slug_saves_nothing(official):
    other = OfficialFactory()
    with pytest.raises(ValidationError) as excinfo:
        official_update(official=official, slug=other.slug, role="Chief")
    assert error_fields(excinfo) == {"slug"}
    assert Official.objects.get(pk=official.pk).role == "Mayor"
    with pytest.raises(TypeError):
        official_update(official=official, created_at=None)


# review


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["statement", "event", "policy"])
@pytest.mark.parametrize("status", ["reviewed", "rejected"])
def test_review_records_who_and_when(request, editor, name, status):
    fact = request.getfixturevalue(name)
    assert fact_review(fact=fact, user=editor, status=status) is fact
    fact.refresh_from_db()
    assert (fact.review_status, fact.reviewed_by) == (status, editor)
    assert fact.reviewed_at is not None


@pytest.mark.django_db
def test_back_to_extracted_clears_the_review(statement, editor):
    fact_review(fact=statement, user=editor, status="reviewed")
    fact_review(fact=statement, user=editor, status="extracted")
    statement.refresh_from_db()
    assert statement.review_status == ReviewStatus.EXTRACTED
    assert statement.reviewed_by is None and statement.reviewed_at is None


@pytest.mark.django_db
def test_an_unknown_review_status_is_refused(statement, editor):
    with pytest.raises(ValidationError) as excinfo:
        fact_review(fact=statement, user=editor, status="approved")
    assert error_fields(excinfo) == {"review_status"}
    statement.refresh_from_db()
    assert statement.review_status == ReviewStatus.EXTRACTED and statement.reviewed_by is None
