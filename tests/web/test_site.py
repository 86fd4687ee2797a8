"""The pages' small parts: the rate limit's window, the page language, their own links."""

from __future__ import annotations

import re

from starlette.requests import Request
from starlette.testclient import TestClient

from bot.web.site import RateLimit, page_language


def test_the_rate_limit_counts_per_link_and_forgets_after_its_window() -> None:
    now = [1000.0]
    limit = RateLimit(3, window=60, clock=lambda: now[0])
    assert [limit.allow("a") for _ in range(5)] == [True, True, True, False, False]
    assert limit.allow("b")  # another link has its own count
    now[0] += 59.9
    assert not limit.allow("a")
    now[0] += 0.2  # a minute after the first three: room again
    assert [limit.allow("a") for _ in range(4)] == [True, True, True, False]


def request(query: str = "", accept: str = "") -> Request:
    headers = [(b"accept-language", accept.encode())] if accept else []
    return Request({"type": "http", "query_string": query.encode(), "headers": headers})


def test_the_page_language() -> None:
    assert page_language(request("lang=nn", "en"), "nb", "nb") == "nn"
    assert page_language(request(accept="en-GB,en;q=0.9"), "nn", "nb") == "en"
    assert page_language(request(accept="no-NO,no;q=0.9"), "en", "nb") == "nb"
    assert page_language(request(accept="nn-NO"), None, "nb") == "nn"
    assert page_language(request(accept="de-DE,fr"), "nn", "nb") == "nn"  # the link's
    assert page_language(request(), None, "en") == "en"
    assert page_language(request("lang=klingon"), None, "nb") == "nb"


def test_a_path_that_starts_like_another_host_makes_no_link_to_it(client: TestClient) -> None:
    # "///evil.example" in an href is evil.example to a browser: a link on our own page
    for path in ("/%2F%2Fevil.example", "/%2F%5Cevil.example", "/m/%2F%2Fevil.example"):
        page = client.get(path)
        assert page.status_code == 404
        links = re.findall(r'(?:href|action)="([^"]*)"', page.text)
        assert links and all(re.match(r"(?:#|/(?![/\\]))", link) for link in links), links
