"""The API's documentation pages in a real browser, under the site's Content-Security-Policy:
Swagger UI (/api/docs/) and Redoc (/api/redoc/) draw every operation from our own schema, with
scripts, styles and workers from our own static files only."""

import pytest

from .conftest import SCREENSHOTS

pytestmark = pytest.mark.browser


def schema_operations(client) -> set[tuple[str, str]]:
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    return {
        (method.upper(), path)
        for path, item in schema["paths"].items()
        for method in item
        if method in {"get", "post", "put", "patch", "delete"}
    }


def test_swagger_ui_lists_every_operation(tab, client):
    page = tab.open("/api/docs/")
    page.locator(".opblock").first.wait_for()

    shown = {
        (
            block.locator(".opblock-summary-method").inner_text(),
            block.locator(".opblock-summary-path").get_attribute("data-path"),
        )
        for block in page.locator(".opblock").all()
    }
    assert shown == schema_operations(client)
    # Swagger UI asks validator.swagger.io about public schemas unless told not to.
    assert page.evaluate("ui.getConfigs().validatorUrl") in (None, "none")
    assert tab.problems() == []
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "api-docs.png"))


def test_swagger_ui_runs_a_request(tab):
    """Swagger UI's "Try it out" calls the API from the page (connect-src 'self')."""
    page = tab.open("/api/docs/")
    operation = page.locator(".opblock").filter(
        has=page.locator(".opblock-summary-path[data-path='/api/health/']")
    )
    operation.locator(".opblock-summary").click()
    operation.get_by_role("button", name="Try it out").click()
    operation.get_by_role("button", name="Execute").click()

    status = operation.locator(".live-responses-table .response .response-col_status")
    status.wait_for()
    assert status.inner_text().strip() == "200"
    assert '"status"' in operation.locator(".live-responses-table .microlight").first.inner_text()
    assert tab.problems() == []


def test_redoc_lists_every_operation(tab, client):
    page = tab.open("/api/redoc/")
    page.locator("[data-section-id^='operation/']").first.wait_for()

    operations = page.locator("[data-section-id^='operation/']").count()
    assert operations == len(schema_operations(client))
    assert tab.problems() == []
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "api-redoc.png"))
