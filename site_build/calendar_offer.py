"""The timeline's 加入日历 offer: a notice's calendar is offered only while one of its events is still ahead.

The build writes the instant the notice's last event ends (data-yzt-ahead-until, China time);
docs/assets/calendar-offer.js compares it with the visitor's clock and shows either the link or the
reason there is none. Without JavaScript the build date decides.
"""
from __future__ import annotations

from markupsafe import escape

SCRIPT = "assets/calendar-offer.js"


def last_moment(site, notice) -> str:
    """ISO instant when the notice's last timeline event is over (its end, else its start)."""
    moments = [b["end"] or b["start"] for b in map(site.event_bounds, notice.timeline.get("events", []))]
    return max(m for m in moments if m)      # same +08:00 offset throughout: text order is time order


def calendar_offer_html(site, notice, href: str) -> str:
    until = last_moment(site, notice)
    over_at_build = site.server_status({"start": "", "end": until}) == "已截止"
    return (
        f'<div class="yzt-calendar-offer" data-yzt-ahead-until="{escape(until)}">\n'
        f'<p class="yzt-calendar-link" data-yzt-when="ahead"{" hidden" if over_at_build else ""}>'
        f'<a href="{escape(href)}" download type="text/calendar">加入日历</a>（.ics 文件，可导入手机或电脑日历）</p>\n'
        f'<p class="yzt-calendar-over yzt-note" data-yzt-when="over"{"" if over_at_build else " hidden"}>'
        f'本通知的各环节都已过去，不再提供“加入日历”：日历只为还没到的环节提醒。</p>\n'
        f'</div>\n'
    )


def script_tag(href: str) -> str:
    return f'\n<script src="{escape(href)}" defer></script>\n'
