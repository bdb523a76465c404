"""The editors' admin for facts and officials: who may do what, the review queue and its
actions, facts added and edited through the services, and each change's history and revert."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from sanctuary.versions import data_version
from stances.models import (
    EnforcementEvent,
    Jurisdiction,
    Official,
    PolicyAction,
    ReviewStatus,
    Statement,
)
from tests.editors import admin_url, editor_user, form_data, outsider_user
from tests.factories import (
    ArticleFactory,
    EnforcementEventFactory,
    OfficialFactory,
    PolicyActionFactory,
    PolicyEffectFactory,
    StatementFactory,
)

BODY = (
    "Testville Mayor Dana Whitfield spoke on Monday.\n\n"
    "“We will not  hold anyone\nfor ICE — not one person,” she said. <script>alert(1)</script>\n\n"
    "Agents arrested 14 people in a two-day operation that ended Friday.\n\n"
    "The council’s ordinance bars jail access for ICE agents.\n\n"
    'A resident said: "We are watching."'
)
QUOTE = '"We will not hold anyone for ICE - not one person,"'
ARRESTS = "Agents arrested 14 people"
ORDINANCE = "The council's ordinance bars jail access for ICE agents."
TOMORROW = timezone.localdate() + dt.timedelta(days=1)


@pytest.fixture
def editor(db):
    return editor_user()


@pytest.fixture
def as_editor(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def as_outsider(client, db):
    client.force_login(outsider_user())
    return client


@pytest.fixture
def article(db):
    return ArticleFactory(body=BODY)


@pytest.fixture
def mayor(db, jurisdiction):
    return OfficialFactory(name="Dana Whitfield", slug="dana-whitfield", jurisdiction=jurisdiction)


def statement_post(article, speaker, **changes) -> dict:
    return {
        "article": article.pk,
        "speaker": speaker.pk,
        "quote": QUOTE,
        "stance": "against_cooperation",
        "jurisdiction": "",
        "said_on": "",
        "date_precision": "day",
        **changes,
    }


def policy_post(article, jurisdiction, **changes) -> dict:
    return {
        "article": article.pk,
        "jurisdiction": jurisdiction.pk,
        "kind": "ordinance",
        "evidence": ORDINANCE,
        "summary": "The council barred ICE from the jail.",
        "effective_on": "",
        "date_precision": "day",
        "effect_jail_access": "limits",
        **changes,
    }


# Who may do what

PAGES = [
    (Statement, "changelist"),
    (Statement, "add"),
    (EnforcementEvent, "changelist"),
    (EnforcementEvent, "add"),
    (PolicyAction, "changelist"),
    (PolicyAction, "add"),
    (Official, "changelist"),
    (Official, "add"),
    (Jurisdiction, "changelist"),
]


@pytest.mark.parametrize(("model", "view"), PAGES)
def test_an_editor_may_open_each_page(as_editor, model, view):
    assert as_editor.get(admin_url(model, view)).status_code == 200


@pytest.mark.parametrize(("model", "view"), PAGES)
def test_staff_outside_the_editors_group_may_not(as_outsider, model, view):
    assert as_outsider.get(admin_url(model, view)).status_code == 403


@pytest.mark.parametrize(("model", "view"), PAGES)
def test_an_anonymous_visitor_is_sent_to_the_login(client, db, model, view):
    response = client.get(admin_url(model, view))

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_an_editor_sees_jurisdictions_but_cannot_change_them(as_editor, jurisdiction):
    url = admin_url(Jurisdiction, "change", jurisdiction.pk)

    page = as_editor.get(url)
    posted = as_editor.post(url, {"name": "Renamed", "kind": "city", "state": "WI", "slug": "x"})

    assert page.status_code == 200 and b'name="name"' not in page.content
    assert posted.status_code == 403
    assert Jurisdiction.objects.get(pk=jurisdiction.pk).name == jurisdiction.name


def test_no_form_has_a_span_field(as_editor, statement, event, policy):
    pages = [admin_url(model, "add") for model in (Statement, EnforcementEvent, PolicyAction)]
    pages += [
        admin_url(Statement, "change", statement.pk),
        admin_url(EnforcementEvent, "change", event.pk),
        admin_url(PolicyAction, "change", policy.pk),
    ]
    for url in pages:
        content = as_editor.get(url).content
        assert b'name="span_start"' not in content and b'name="span_end"' not in content, url


# The review queue


def test_the_queue_lists_only_the_facts_to_review(as_editor, article, mayor):
    waiting = StatementFactory(article=article, speaker=mayor)
    done = StatementFactory(article=ArticleFactory(), speaker=mayor, review_status="reviewed")

    queue = as_editor.get(admin_url(Statement, "changelist"))
    everything = as_editor.get(admin_url(Statement, "changelist") + "?status=all")

    assert [s.pk for s in queue.context["cl"].result_list] == [waiting.pk]
    assert {s.pk for s in everything.context["cl"].result_list} == {waiting.pk, done.pk}


def test_the_queue_filters_by_article_jurisdiction_and_speaker(as_editor, article, mayor):
    mine = StatementFactory(article=article, speaker=mayor)
    other = OfficialFactory()
    StatementFactory(speaker=other)
    url = admin_url(Statement, "changelist")

    for query in (
        f"?article__id__exact={article.pk}",
        f"?jurisdiction__id__exact={mayor.jurisdiction_id}",
        f"?speaker__id__exact={mayor.pk}",
    ):
        listed = as_editor.get(url + query).context["cl"].result_list
        assert [s.pk for s in listed] == [mine.pk], query


def test_the_queue_shows_the_words_marked_in_their_paragraph_and_escaped(as_editor, article, mayor):
    statement = StatementFactory(article=article, speaker=mayor)
    statement.span_start, statement.span_end = 49, 101  # “We will … person,”
    statement.quote = BODY[49:101]
    statement.save()

    html = as_editor.get(admin_url(Statement, "changelist")).content.decode()

    assert "<mark>“We will not  hold anyone\nfor ICE — not one person,”</mark> she said." in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)" not in html
    assert "Testville Mayor" not in html  # the paragraph before is not shown


@pytest.mark.parametrize(
    ("model", "factory", "filters"),
    [
        (Statement, StatementFactory, "speaker__id__exact"),
        (EnforcementEvent, EnforcementEventFactory, "kind__exact"),
        (PolicyAction, PolicyActionFactory, "kind__exact"),
    ],
)
def test_a_changelist_costs_the_same_queries_for_many_facts(as_editor, model, factory, filters):
    url = admin_url(model, "changelist") + "?status=all"

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert as_editor.get(url).status_code == 200
        return len(captured)

    factory.create_batch(2, review_status="reviewed", reviewed_at=timezone.now())
    few = queries()
    factory.create_batch(10)
    many = queries()

    assert few == many
    assert many <= 20


def test_mark_reviewed_records_who_and_when(as_editor, editor, article, mayor):
    chosen = StatementFactory.create_batch(2, article=article, speaker=mayor)
    untouched = StatementFactory(article=article, speaker=mayor)
    before = timezone.now()

    response = as_editor.post(
        admin_url(Statement, "changelist"),
        {"action": "mark_reviewed", "_selected_action": [s.pk for s in chosen]},
        follow=True,
    )

    assert "2 marked reviewed" in response.content.decode()
    for statement in chosen:
        statement.refresh_from_db()
        assert statement.review_status == ReviewStatus.REVIEWED
        assert statement.reviewed_by == editor
        assert statement.reviewed_at >= before
    untouched.refresh_from_db()
    assert untouched.review_status == ReviewStatus.EXTRACTED and untouched.reviewed_by is None


@pytest.mark.parametrize(
    ("model", "factory"),
    [(EnforcementEvent, EnforcementEventFactory), (PolicyAction, PolicyActionFactory)],
)
def test_mark_rejected_works_on_every_kind(as_editor, editor, model, factory):
    fact = factory()

    as_editor.post(
        admin_url(model, "changelist"), {"action": "mark_rejected", "_selected_action": [fact.pk]}
    )

    fact.refresh_from_db()
    assert (fact.review_status, fact.reviewed_by) == (ReviewStatus.REJECTED, editor)
    assert fact.reviewed_at is not None


def test_an_outsider_cannot_run_the_actions(as_outsider, statement):
    response = as_outsider.post(
        admin_url(Statement, "changelist"),
        {"action": "mark_reviewed", "_selected_action": [statement.pk]},
    )

    assert response.status_code == 403
    statement.refresh_from_db()
    assert statement.review_status == ReviewStatus.EXTRACTED


def test_an_anonymous_visitor_cannot_run_the_actions(client, statement):
    response = client.post(
        admin_url(Statement, "changelist"),
        {"action": "mark_rejected", "_selected_action": [statement.pk]},
    )

    assert response.status_code == 302
    statement.refresh_from_db()
    assert statement.review_status == ReviewStatus.EXTRACTED


# Facts added by hand


def test_a_statement_added_by_hand_gets_its_span_from_the_quote(as_editor, editor, article, mayor):
    response = as_editor.post(
        admin_url(Statement, "add"),
        # A span posted anyway is no field of the form: it is ignored.
        statement_post(article, mayor, span_start="0", span_end="3"),
    )

    statement = Statement.objects.get()
    assert response.status_code == 302
    assert response["Location"] == admin_url(Statement, "changelist")
    assert (statement.span_start, statement.span_end) == (49, 101)
    assert statement.quote == BODY[49:101]  # the article's own words, not the pasted ones
    assert statement.jurisdiction == mayor.jurisdiction
    assert statement.review_status == ReviewStatus.REVIEWED and statement.reviewed_by == editor
    assert statement.history.get().history_user == editor


def test_a_quote_not_in_the_article_is_refused_on_the_quote_field(as_editor, article, mayor):
    response = as_editor.post(
        admin_url(Statement, "add"), statement_post(article, mayor, quote="We will hold everyone")
    )

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "does not occur in the article" in errors["quote"][0]
    assert "does not occur in the article" in response.content.decode()
    assert not Statement.objects.exists()


def test_a_date_in_the_future_is_refused(as_editor, article, mayor):
    response = as_editor.post(
        admin_url(Statement, "add"), statement_post(article, mayor, said_on=TOMORROW.isoformat())
    )

    assert "is in the future" in response.context["adminform"].form.errors["said_on"][0]
    assert not Statement.objects.exists()


def test_an_invalid_form_bumps_nothing_and_a_valid_one_bumps_once(
    as_editor, article, mayor, django_capture_on_commit_callbacks
):
    """The form is validated by running the service in a savepoint that is rolled back: what the
    service would announce on commit is discarded with it."""
    version = data_version()
    with django_capture_on_commit_callbacks(execute=True) as invalid:
        refused = as_editor.post(
            admin_url(Statement, "add"), statement_post(article, mayor, said_on="2999-01-01")
        )
    assert refused.status_code == 200 and invalid == []
    assert data_version() == version

    with django_capture_on_commit_callbacks(execute=True) as valid:
        saved = as_editor.post(admin_url(Statement, "add"), statement_post(article, mayor))
    assert saved.status_code == 302 and len(valid) == 1
    assert data_version() == version + 1


def test_the_speaker_is_chosen_by_autocomplete_with_a_plus_to_add_one(as_editor, mayor):
    form = as_editor.get(admin_url(Statement, "add")).content.decode()
    found = as_editor.get(
        "/admin/autocomplete/",
        {
            "app_label": "stances",
            "model_name": "statement",
            "field_name": "speaker",
            "term": "Whit",
        },
    ).json()

    assert 'data-ajax--url="/admin/autocomplete/"' in form
    assert 'id="add_id_speaker"' in form
    assert 'id="add_id_article"' not in form  # articles are added by ingestion
    assert [r["id"] for r in found["results"]] == [str(mayor.pk)]


def test_a_speaker_added_in_the_popup_is_handed_back_to_the_form(as_editor, jurisdiction):
    response = as_editor.post(
        admin_url(Official, "add") + "?_to_field=id&_popup=1",
        {
            "_popup": "1",
            "_to_field": "id",
            "name": "Rosa Delgado",
            "kind": "person",
            "role": "Sheriff",
            "jurisdiction": jurisdiction.pk,
            "affiliation": "",
            "slug": "",
        },
    )

    official = Official.objects.get(name="Rosa Delgado")
    assert official.slug == "rosa-delgado"  # made by official_create from the name
    assert "data-popup-response" in response.content.decode()
    assert f"&quot;value&quot;: &quot;{official.pk}&quot;" in response.content.decode()


def test_an_event_added_by_hand_is_tied_to_its_evidence(as_editor, article, jurisdiction):
    data = {
        "article": article.pk,
        "kind": "arrests",
        "evidence": ARRESTS,
        "summary": "14 arrests",
        "name": "",
        "jurisdiction": jurisdiction.pk,
        "starts_on": "",
        "ends_on": "",
        "count": "14",
        "parent": "",
        "date_precision": "day",
    }

    refused = as_editor.post(admin_url(EnforcementEvent, "add"), {**data, "evidence": "no such"})
    added = as_editor.post(admin_url(EnforcementEvent, "add"), data)

    assert "does not occur" in refused.context["adminform"].form.errors["evidence"][0]
    assert added.status_code == 302
    event = EnforcementEvent.objects.get()
    assert event.words == ARRESTS and event.count == 14


def test_a_policy_added_by_hand_stores_its_effects(as_editor, article, jurisdiction):
    response = as_editor.post(
        admin_url(PolicyAction, "add"),
        policy_post(article, jurisdiction, effect_detainers="limits"),
    )

    assert response.status_code == 302
    policy = PolicyAction.objects.get()
    assert policy.words == "The council’s ordinance bars jail access for ICE agents."
    assert sorted(policy.effects.values_list("indicator", "direction")) == [
        ("detainers", "limits"),
        ("jail_access", "limits"),
    ]


def test_a_policy_without_effects_is_refused(as_editor, article, jurisdiction):
    response = as_editor.post(
        admin_url(PolicyAction, "add"), policy_post(article, jurisdiction, effect_jail_access="")
    )

    errors = response.context["adminform"].form.non_field_errors()
    assert errors == ["A policy action sets at least one indicator."]
    assert not PolicyAction.objects.exists()


def test_a_policy_whose_words_are_not_in_the_article_is_refused(as_editor, article, jurisdiction):
    response = as_editor.post(
        admin_url(PolicyAction, "add"), policy_post(article, jurisdiction, evidence="ICE welcome")
    )

    assert "does not occur" in response.context["adminform"].form.errors["evidence"][0]
    assert not PolicyAction.objects.exists()


# Editing, history and revert


def test_an_editors_edit_goes_through_the_service_and_reviews(as_editor, editor, article, mayor):
    statement = StatementFactory(article=article, speaker=mayor, stance="neutral")
    url = admin_url(Statement, "change", statement.pk)
    data = form_data(as_editor.get(url))
    versions = statement.history.count()

    response = as_editor.post(url, {**data, "stance": "against_cooperation"})

    assert response.status_code == 302
    statement.refresh_from_db()
    assert statement.stance == "against_cooperation"
    assert (statement.review_status, statement.reviewed_by) == ("reviewed", editor)
    assert statement.history.count() == versions + 1
    assert statement.history.latest().history_user == editor


def test_an_edited_quote_moves_the_span_and_a_wrong_one_changes_nothing(as_editor, article, mayor):
    statement = StatementFactory(article=article, speaker=mayor)
    url = admin_url(Statement, "change", statement.pk)
    data = form_data(as_editor.get(url))
    versions = statement.history.count()

    refused = as_editor.post(url, {**data, "quote": "We will hold everyone", "stance": "neutral"})
    moved = as_editor.post(url, {**data, "quote": "“We will not hold anyone"})

    assert "does not occur" in refused.context["adminform"].form.errors["quote"][0]
    assert moved.status_code == 302
    statement.refresh_from_db()
    assert statement.stance == "against_cooperation"
    assert (statement.span_start, statement.quote) == (49, "“We will not  hold anyone")
    assert statement.history.count() == versions + 1  # the one accepted edit


def test_saving_with_a_status_chosen_keeps_that_status(as_editor, editor, statement):
    url = admin_url(Statement, "change", statement.pk)

    as_editor.post(url, {**form_data(as_editor.get(url)), "review_status": "rejected"})

    statement.refresh_from_db()
    assert (statement.review_status, statement.reviewed_by) == ("rejected", editor)


def revert(client, model, fact, record):
    url = admin_url(model, "simple_history", fact.pk, record.history_id)
    return client.post(url, form_data(client.get(url)))


def test_a_statement_reverts_to_an_earlier_version(as_editor, article, mayor):
    statement = StatementFactory(article=article, speaker=mayor, stance="neutral")
    url = admin_url(Statement, "change", statement.pk)
    as_editor.post(url, {**form_data(as_editor.get(url)), "stance": "for_cooperation"})
    first = statement.history.earliest()
    versions = statement.history.count()

    history = as_editor.get(admin_url(Statement, "history", statement.pk))
    response = revert(as_editor, Statement, statement, first)

    assert history.status_code == 200 and "Change history" in history.content.decode()
    assert response.status_code == 302
    statement.refresh_from_db()
    assert statement.stance == "neutral"
    assert statement.review_status == ReviewStatus.EXTRACTED  # as it was
    assert statement.history.count() == versions + 1
    assert statement.history.latest().stance == "neutral"


def test_a_policy_reverts_with_its_words(as_editor, article, jurisdiction):
    as_editor.post(admin_url(PolicyAction, "add"), policy_post(article, jurisdiction))
    policy = PolicyAction.objects.get()
    url = admin_url(PolicyAction, "change", policy.pk)
    data = form_data(as_editor.get(url))
    as_editor.post(url, {**data, "evidence": ARRESTS, "summary": "Changed"})
    policy.refresh_from_db()
    assert policy.words == ARRESTS

    revert(as_editor, PolicyAction, policy, policy.history.earliest())

    policy.refresh_from_db()
    assert policy.summary == "The council barred ICE from the jail."
    assert policy.words.startswith("The council’s ordinance")


def test_an_official_edit_is_recorded_and_reverted(as_editor, editor, mayor):
    url = admin_url(Official, "change", mayor.pk)
    as_editor.post(url, {**form_data(as_editor.get(url)), "role": "Former mayor"})
    mayor.refresh_from_db()
    assert mayor.role == "Former mayor"
    assert mayor.history.latest().history_user == editor

    revert(as_editor, Official, mayor, mayor.history.earliest())

    mayor.refresh_from_db()
    assert mayor.role == "Mayor"


def test_an_event_edit_is_recorded_and_reverted(as_editor, article, jurisdiction):
    event = EnforcementEventFactory(article=article, jurisdiction=jurisdiction, count=12)
    url = admin_url(EnforcementEvent, "change", event.pk)
    as_editor.post(url, {**form_data(as_editor.get(url)), "count": "14"})
    event.refresh_from_db()
    assert event.count == 14

    revert(as_editor, EnforcementEvent, event, event.history.earliest())

    event.refresh_from_db()
    assert event.count == 12


def test_jurisdiction_history_is_viewable_but_not_revertible_by_editors(
    as_editor, client, jurisdiction
):
    jurisdiction.name = "Renamed"
    jurisdiction.save()
    first = jurisdiction.history.earliest()
    url = admin_url(Jurisdiction, "simple_history", jurisdiction.pk, first.history_id)

    history = as_editor.get(admin_url(Jurisdiction, "history", jurisdiction.pk))
    viewed = as_editor.get(url)
    posted = as_editor.post(url, {"name": first.name, "kind": "city", "state": "WI"})

    assert history.status_code == 200 and viewed.status_code == 200
    assert posted.status_code == 403
    assert Jurisdiction.objects.get(pk=jurisdiction.pk).name == "Renamed"


def test_a_superuser_reverts_a_jurisdiction(client, django_user_model, jurisdiction):
    client.force_login(django_user_model.objects.create_superuser("root", password="x"))
    original = jurisdiction.name
    jurisdiction.name = "Renamed"
    jurisdiction.save()

    revert(client, Jurisdiction, jurisdiction, jurisdiction.history.earliest())

    assert Jurisdiction.objects.get(pk=jurisdiction.pk).name == original


def test_outsiders_see_no_history(as_outsider, statement):
    assert as_outsider.get(admin_url(Statement, "history", statement.pk)).status_code == 403


def test_effects_replaced_in_the_form_are_recorded(as_editor, policy):
    PolicyEffectFactory(policy=policy, indicator="detainers", direction="limits")
    url = admin_url(PolicyAction, "change", policy.pk)
    data = form_data(as_editor.get(url))
    assert data["effect_detainers"] == "limits"

    as_editor.post(url, {**data, "effect_detainers": "", "effect_agreement_287g": "cooperates"})

    assert list(policy.effects.values_list("indicator", "direction")) == [
        ("agreement_287g", "cooperates")
    ]


def test_the_admin_is_branded_sanctuary(client, db):
    page = client.get("/admin/login/").content.decode()
    assert "Sanctuary administration" in page and "Django administration" not in page
