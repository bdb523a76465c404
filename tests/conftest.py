"""Fixtures named after domain objects. Factories are imported lazily so the pure pipeline
tests also run without Django (``pytest -p no:django tests/articles/extraction``)."""

import functools

import pytest


@pytest.fixture(autouse=True)
def _plain_static_storage(request, tmp_path_factory):
    # Tests render templates without running collectstatic first, and store CSV downloads in
    # the run's temporary folder, never in the checkout's var/exports.
    if not request.config.pluginmanager.hasplugin("django"):
        return
    settings = request.getfixturevalue("settings")
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.EXPORTS_DIR = tmp_path_factory.getbasetemp() / "exports"


@pytest.fixture
def jurisdiction(db):
    from tests.factories import JurisdictionFactory

    return JurisdictionFactory()


@pytest.fixture
def official(db, jurisdiction):
    from tests.factories import OfficialFactory

    return OfficialFactory(jurisdiction=jurisdiction)


@pytest.fixture
def article(db):
    from tests.factories import ArticleFactory

    return ArticleFactory()


@pytest.fixture
def statement(db, article, official):
    from tests.factories import StatementFactory

    return StatementFactory(article=article, speaker=official)


@pytest.fixture
def event(db, article, jurisdiction):
    from tests.factories import EnforcementEventFactory

    return EnforcementEventFactory(article=article, jurisdiction=jurisdiction)


@pytest.fixture
def policy(db, article, jurisdiction):
    from tests.factories import PolicyActionFactory

    return PolicyActionFactory(article=article, jurisdiction=jurisdiction)


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """``with committed(): write(...)``: the write's transaction commits, as it does outside the
    test's own transaction (which never does), so what runs on commit runs: the data version is
    bumped (``sanctuary.versions.data_changed``) and readers' stored answers are invalidated."""
    return functools.partial(django_capture_on_commit_callbacks, execute=True)
