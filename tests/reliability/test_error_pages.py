"""The server-error view (``stances.errors.server_error``) in process: which errors are a 503
(the database is unreachable) and which a 500, and that its page never fails in turn.
tests/reliability/test_outage.py checks the same against a real crash."""

import pytest
from django.db import InterfaceError, OperationalError
from django.test import RequestFactory

from sanctuary.web.errors import FAILED, UNAVAILABLE, server_error


def answer_while_handling(error: Exception, path: str):
    """What Django's handler500 answers while ``error`` is being handled."""
    request = RequestFactory().get(path)
    try:
        raise error
    except Exception:
        return server_error(request)


@pytest.mark.parametrize("error", [OperationalError("refused"), InterfaceError("closed")])
def test_an_unreachable_database_is_a_503_json_under_the_api(error):
    response = answer_while_handling(error, "/api/statements/")
    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    assert response.content == b'{"detail": "%s"}' % UNAVAILABLE.encode()
    assert response["Retry-After"].isdigit()
    assert response["Cache-Control"] == "no-store"


def test_an_unreachable_database_is_the_friendly_503_page_elsewhere():
    response = answer_while_handling(OperationalError("refused"), "/timeline/")
    assert response.status_code == 503
    page = response.content.decode()
    assert "<h1>Temporarily unavailable</h1>" in page and UNAVAILABLE in page
    assert "refused" not in page and "Traceback" not in page  # nothing of the error itself


def test_an_error_raised_while_handling_a_database_error_is_still_a_503():
    try:
        try:
            raise OperationalError("server closed the connection unexpectedly")
        except OperationalError:
            raise RuntimeError("the rollback failed too")  # noqa: B904 - as a library would
    except RuntimeError as error:
        chained = error
    assert answer_while_handling(chained, "/api/policies/").status_code == 503


def test_any_other_error_is_the_friendly_500_without_retry_after():
    response = answer_while_handling(ValueError("a bug"), "/statements/")
    assert response.status_code == 500
    assert FAILED in response.content.decode() and "a bug" not in response.content.decode()
    assert not response.has_header("Retry-After")
    api = answer_while_handling(ValueError("a bug"), "/api/statements/")
    assert (api.status_code, api.content) == (500, b'{"detail": "%s"}' % FAILED.encode())


def test_the_page_still_answers_when_its_template_cannot_render(settings, tmp_path):
    # DEBUG off with an empty STATIC_ROOT: {% static %} finds no manifest entry and raises.
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    response = answer_while_handling(OperationalError("refused"), "/")
    assert response.status_code == 503
    assert UNAVAILABLE in response.content.decode()
    assert response["Retry-After"].isdigit()
