"""The timeline's 加入日历 offer: a notice's calendar is offered only while one of its events is still ahead.

Rendered under each notice's heading by timeline.md.j2 (`site.calendar_offer`). The offer is a status
element like the event badges (data-yzt-status, its end = the instant the notice's last event is over),
so the one status clock in docs/assets/yzt.js shows the part whose `data-yzt-show` names the visitor's
state: the link, or the reason there is none. Without JavaScript the build date decides.
"""
from __future__ import annotations

from markupsafe import Markup

from checker import moments

AHEAD, OVER = "open", "after"   # yzt.js's states for a status with an end and no start


def calendar_path(notice_id: str) -> str:
    """Site path of a notice's calendar file (relative to the site root)."""
    return f"calendar/{notice_id}.ics"


def last_moment(site, notice) -> str:
    """ISO instant when the notice's last timeline event is over (its end, else its start)."""
    moments = [b["end"] or b["start"] for b in map(site.event_bounds, notice.timeline.get("events", []))]
    return max(m for m in moments if m)      # same +08:00 offset throughout: text order is time order


def calendar_offer_html(site, notice, href: str) -> Markup:
    until = last_moment(site, notice)
    over_at_build = site.server_code({"start": "", "end": until}) == moments.CLOSED
    return Markup(
        '<div class="yzt-calendar-offer" data-yzt-status data-start="" data-end="{until}">\n'
        '<p class="yzt-calendar-link" data-yzt-show="{ahead}"{link_hidden}>'
        '<a href="{href}" download type="text/calendar">加入日历</a>（.ics 文件，可导入手机或电脑日历）</p>\n'
        '<p class="yzt-calendar-over yzt-note" data-yzt-show="{over}"{over_hidden}>'
        '本通知的各环节都已过去，不再提供“加入日历”：日历只为还没到的环节提醒。</p>\n'
        '</div>'
    ).format(until=until, href=href, ahead=AHEAD, over=OVER,
             link_hidden=Markup(" hidden" if over_at_build else ""), over_hidden=Markup("" if over_at_build else " hidden"))
