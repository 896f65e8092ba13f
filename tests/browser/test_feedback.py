"""Per-question feedback buttons fire Material's analytics `feedback` event."""

from __future__ import annotations

import functools
import http.server
import re
import threading
from typing import Any

from conftest import build_in_process  # tests/conftest.py

FEEDBACK = {
    "title": "Was this page helpful?",
    "ratings": [
        {"icon": "material/emoticon-happy-outline", "name": "Helpful", "data": 1, "note": "Thanks!"},
        {"icon": "material/emoticon-sad-outline", "name": "Could be better", "data": 0, "note": "Sorry."},
    ],
}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass


def test_feedback_buttons_send_materials_event(project, browser) -> None:
    """The script builds the buttons, pushes Material's `feedback` event to gtag's dataLayer
    and dispatches `faq:feedback`; the analytics script itself (gtag.js) is blocked."""
    config = {
        "theme": {"name": "material", "font": False},
        "extra": {"analytics": {"provider": "google", "property": "G-TEST", "feedback": FEEDBACK}},
    }
    site = build_in_process(project(config=config), strict=True)
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site.site_dir))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    errors: list[str] = []
    context = browser.new_context()
    try:
        page = context.new_page()
        page.route(re.compile(r"^https?://(?!127\.0\.0\.1)"), lambda route: route.abort())
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/faq/basics/")
        page.wait_for_selector(".faq-feedback__button--yes")
        page.evaluate("document.addEventListener('faq:feedback', e => { window.__faqEvent = e.detail })")
        assert page.inner_text(".faq-feedback__title") == "Was this helpful?"
        page.click(".faq-feedback__button--no")
        sent = page.evaluate(
            "Array.from(window.dataLayer).map(a => Array.from(a))"
            ".filter(a => a[0] === 'event' && a[1] === 'feedback')"
        )
        assert sent == [["event", "feedback", {
            "page": "/faq/basics/#what-is-a-widget", "data": "0", "faq_question": "what-is-a-widget",
        }]]
        assert page.evaluate("window.__faqEvent")["question"] == "what-is-a-widget"
        assert page.is_visible(".faq-feedback__thanks")
        assert not page.is_visible(".faq-feedback__inner")
    finally:
        context.close()
        server.shutdown()
    assert errors == []
