"""The work-programme dashboard: the link from /tiltak tavle, the imported Vest-Telemark
programme with every goal and action, filters, overdue marks, and 404 for a bad token."""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy import func, select
from starlette.testclient import TestClient

from storage.models import Action, Goal, Network
from tests.helpers import DATA, TestBot
from tests.web.conftest import link_path

PROGRAMME = (DATA / "arbeidsprogram_nn.txt").read_text("utf-8")
CH = "#program"


def imported(bot: TestBot) -> str:
    """A network with the Vest-Telemark programme imported; returns the dashboard path."""
    bot.run('/partnerbot nettverk ny "Regionrådet Vest-Telemark"')
    bot.run("/partnerbot koble nettverk Regionrådet Vest-Telemark", channel=CH)
    bot.run("/tiltak importer", channel=CH, body=PROGRAMME)
    answer = bot.run("/tiltak importer stadfest", channel=CH, body=PROGRAMME)
    assert "33" in answer or "tiltak" in answer, answer
    return link_path(bot.run("/tiltak tavle", channel=CH))


def counts(bot: TestBot) -> tuple[int, int]:
    with bot.app.db.transaction() as s:
        net = s.scalar(select(Network).where(Network.name == "Regionrådet Vest-Telemark"))
        assert net is not None
        goals = s.scalar(select(func.count()).select_from(Goal).where(Goal.network_id == net.id))
        actions = s.scalar(
            select(func.count()).select_from(Action).where(Action.network_id == net.id)
        )
        return goals or 0, actions or 0


def test_the_dashboard_shows_every_goal_and_action_of_the_imported_programme(
    web_bot: TestBot, client: TestClient
) -> None:
    path = imported(web_bot)
    goals, actions = counts(web_bot)
    assert (goals, actions) == (4, 33)
    page = client.get(path)
    assert page.status_code == 200
    assert page.text.count('<tr class="action">') == actions
    assert len(re.findall(r'<h2 id="goal-\d+">', page.text)) == goals
    assert "Trygg og god infrastruktur i heile regionen" in page.text
    assert path == link_path(web_bot.run("/tiltak tavle", channel=CH))  # the same link again
    assert path == link_path(web_bot.run("/tiltak liste", channel=CH))  # and under the list


def test_filters_and_overdue(web_bot: TestBot, client: TestClient) -> None:
    path = imported(web_bot)
    with web_bot.app.db.transaction() as s:
        first = s.scalar(select(Action).order_by(Action.id.desc()).limit(1))
        assert first is not None
        first.due_date = date(2020, 1, 1)
        first.progress = 40
        first.status = "ongoing"
        number = first.id
    page = client.get(path).text
    assert "på overtid" in page and 'value="40"' in page
    only_goal_3 = client.get(path + "?mal=3").text
    assert only_goal_3.count('<tr class="action">') == 7
    nobody = client.get(path + "?ansvarlig=Ingen+slik").text
    assert '<tr class="action">' not in nobody
    assert f"<td>{number}</td>" in page


def test_a_goal_filter_that_is_no_goal_number_shows_every_goal(
    web_bot: TestBot, client: TestClient
) -> None:
    """A hand-edited ?mal= (a superscript two, a number past SQL's integer, a word) is no
    filter: the whole board, never a server error."""
    path = imported(web_bot)
    whole = client.get(path).text.count('<tr class="action">')
    for given in ("²", "٣", "99999999999999999999", "-1", "tre"):
        page = client.get(path, params={"mal": given})
        assert page.status_code == 200, (given, page.status_code)
        assert page.text.count('<tr class="action">') == whole, given


def test_a_wrong_dashboard_token_is_404(web_bot: TestBot, client: TestClient) -> None:
    path = imported(web_bot)
    assert client.get(path + "x").status_code == 404


XSS = '<script>alert(1)</script><img src=x onerror=alert(2)>"'


def test_member_html_in_goals_actions_and_names_is_text_and_the_page_runs_no_script(
    web_bot: TestBot, client: TestClient
) -> None:
    web_bot.run(f"/partnerbot nettverk ny «Nett {XSS}»")
    web_bot.run(f"/partnerbot koble nettverk «Nett {XSS}»", channel="#xss")
    web_bot.run(f"/tiltak mål ny 1 «Mål {XSS}»", channel="#xss")
    web_bot.run(f"/partnerbot medlem ny «Eva {XSS}» org NAV", channel="#xss")
    made = web_bot.run(f"/tiltak ny «Tiltak {XSS}» mål 1 ansvarlig NAV", channel="#xss")
    assert "opprettet" in made, made
    page = client.get(link_path(web_bot.run("/tiltak tavle", channel="#xss")))
    assert page.status_code == 200
    assert "<script>" not in page.text and "<img" not in page.text
    assert page.text.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 3  # network, goal, action
    policy = page.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src" not in policy
    assert page.headers["x-content-type-options"] == "nosniff"
    assert page.headers["cache-control"] == "no-store"
    assert page.headers["x-frame-options"] == "DENY"
