"""The pages' small parts: the rate limit's window and the page language."""

from __future__ import annotations

from starlette.requests import Request

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
