"""Sanctuary scales out as stateless web processes in front of one database: nothing is cached
in a process's own memory, so a write through one process is seen by the map of another."""

import pytest

from tests.servers import Gunicorn, create_editor, fetch, manage, server_env, throwaway_database

ARTICLE = (
    "Tucson Mayor Ana Ruiz said Monday the city jail will no longer hold people on ICE "
    "detainers without a judicial warrant.\n\n“Our jail is not an arm of ICE,” Ruiz said.\n"
)


@pytest.fixture
def shared_database_url(tmp_path):
    """A database of the suite's own engine, outside the test transaction, for the servers."""
    with throwaway_database("scaleout", tmp_path) as url:
        yield url


def test_a_write_through_one_process_is_seen_by_the_map_of_another(shared_database_url, tmp_path):
    # The default shared cache (the database's cache table); no throttling in the way.
    env = server_env(shared_database_url, API_ANON_RATE="100000/minute")
    manage(env, "migrate", "--noinput")
    manage(env, "createcachetable")
    (tmp_path / "tucson.txt").write_text(ARTICLE)
    manage(env, "ingest", str(tmp_path / "tucson.txt"))
    token = create_editor(env, "scale-editor")

    with (
        Gunicorn(env, log=tmp_path / "one.log") as one,
        Gunicorn(env, log=tmp_path / "other.log") as other,
    ):

        def tucson_on_the_map_of_other() -> dict:
            status, collection = fetch(f"{other.base}/api/jurisdictions/?format=geojson")
            assert status == 200
            [feature] = [f for f in collection["features"] if f["id"] == "tucson-az"]
            return feature["properties"]

        before = tucson_on_the_map_of_other()
        assert tucson_on_the_map_of_other() == before  # now cached by the other process
        assert (before["stance"], before["policies"]) == ("limited_cooperation", 1)

        status, _ = fetch(
            f"{one.base}/api/policies/",
            {
                "article": 1,
                "jurisdiction": "tucson-az",
                "kind": "law_enforcement_policy",
                "summary": "The jail no longer lets ICE interview inmates.",
                "evidence": "the city jail will no longer hold people",
                "effects": [{"indicator": "jail_access", "direction": "limits"}],
            },
            token=token,
        )
        assert status == 201

        after = tucson_on_the_map_of_other()
        assert (after["stance"], after["policies"]) == ("non_cooperation", 2)
