"""The weekly report as the JSON a chat's incoming webhook expects, ready for ``curl --data @``.

- Feishu/Lark custom bot: an interactive card (``msg_type: interactive``), a header and one
  ``markdown`` element per team. Special characters in people's text become HTML entities,
  as Feishu's card Markdown asks.
- Slack incoming webhook: Block Kit (a header, a section per team in ``mrkdwn``; sections are
  limited to 3,000 characters) and ``text`` as the notification fallback.
- Microsoft Teams (a Workflows webhook): a message with one Adaptive Card of text blocks.

Chat text is Markdown-like; what people wrote (titles, notes) is escaped so that it shows as
written and cannot add links or mentions.
"""

from __future__ import annotations

import json
from typing import Any

from okrdocs.report.render import Outline, TeamSection

_SLACK_SECTION = 3000


def _feishu_text(text: str) -> str:
    table = {
        "&": "&amp;", "<": "&lt;", ">": "&gt;", "*": "&#42;", "~": "&#126;", "_": "&#95;",
        "[": "&#91;", "]": "&#93;", "`": "&#96;", "#": "&#35;",
    }  # fmt: skip
    return "".join(table.get(char, char) for char in text).replace("\n", " ")


def _slack_text(text: str) -> str:
    # Slack's mrkdwn: only &, < and > must be escaped; * _ ~ ` are neutralised with a zero-width
    # space after them, so that a title cannot turn the rest of the message bold.
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for char in "*_~`":
        escaped = escaped.replace(char, char + "\u200b")
    return escaped.replace("\n", " ")


def _teams_text(text: str) -> str:
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for char in "\\*_[]`#":
        escaped = escaped.replace(char, "\\" + char)
    return escaped.replace("\n", " ")


def _team_lines(team: TeamSection, escape: Any, bold: Any, link: Any) -> list[str]:
    lines = [bold(escape(team.title)) + "  " + escape(team.summary)]
    for block in team.blocks:
        lines.append(bold(escape(block.heading)))
        for line in block.lines:
            text = escape(line.text)
            if line.link:
                text = link(text, line.link)
            lines.append(f"- {'⚠️ ' if line.warn else ''}{text}")
    return lines


def feishu(doc: Outline) -> str:
    elements: list[dict[str, Any]] = [
        {"tag": "markdown", "content": _feishu_text(doc.summary)},
    ]
    for team in doc.teams:
        lines = _team_lines(
            team, _feishu_text, lambda text: f"**{text}**", lambda text, url: f"[{text}]({url})"
        )
        elements += [{"tag": "hr"}, {"tag": "markdown", "content": "\n".join(lines)}]
    elements.append({"tag": "note", "elements": [{"tag": "plain_text", "content": doc.footer}]})
    card = {
        "msg_type": "interactive",
        "card": {
            "config": {"wide_screen_mode": True},
            "header": {"title": {"tag": "plain_text", "content": doc.title}, "template": "blue"},
            "elements": elements,
        },
    }
    return json.dumps(card, ensure_ascii=False, indent=2) + "\n"


def slack(doc: Outline) -> str:
    blocks: list[dict[str, Any]] = [
        {"type": "header", "text": {"type": "plain_text", "text": doc.title[:150]}},
        {"type": "section", "text": {"type": "mrkdwn", "text": _slack_text(doc.summary)}},
    ]
    for team in doc.teams:
        lines = _team_lines(
            team, _slack_text, lambda text: f"*{text}*", lambda text, url: f"<{url}|{text}>"
        )
        text = "\n".join(lines)
        if len(text) > _SLACK_SECTION:
            text = text[: _SLACK_SECTION - 1] + "…"
        blocks += [
            {"type": "divider"},
            {"type": "section", "text": {"type": "mrkdwn", "text": text}},
        ]
    blocks.append({"type": "context", "elements": [{"type": "plain_text", "text": doc.footer}]})
    return json.dumps({"text": doc.title, "blocks": blocks}, ensure_ascii=False, indent=2) + "\n"


def teams(doc: Outline) -> str:
    body: list[dict[str, Any]] = [
        {
            "type": "TextBlock",
            "text": _teams_text(doc.title),
            "size": "Large",
            "weight": "Bolder",
            "wrap": True,
        },
        {"type": "TextBlock", "text": _teams_text(doc.summary), "wrap": True},
    ]
    for team in doc.teams:
        lines = _team_lines(
            team, _teams_text, lambda text: f"**{text}**", lambda text, url: f"[{text}]({url})"
        )
        body.append(
            {"type": "TextBlock", "text": "\n\n".join(lines), "wrap": True, "separator": True}
        )
    body.append(
        {
            "type": "TextBlock",
            "text": _teams_text(doc.footer),
            "isSubtle": True,
            "wrap": True,
            "size": "Small",
        }
    )
    message = {
        "type": "message",
        "attachments": [
            {
                "contentType": "application/vnd.microsoft.card.adaptive",
                "contentUrl": None,
                "content": {
                    "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
                    "type": "AdaptiveCard",
                    "version": "1.4",
                    "body": body,
                },
            }
        ],
    }
    return json.dumps(message, ensure_ascii=False, indent=2) + "\n"
