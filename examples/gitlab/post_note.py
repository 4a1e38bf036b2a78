"""Post okrdocs diff's Markdown as a merge-request note, updating the earlier one if any.

    python3 post_note.py okr-diff.md

Runs in GitLab CI: reads CI_API_V4_URL, CI_PROJECT_ID and CI_MERGE_REQUEST_IID, and a project
access token with the api scope from OKRDOCS_GITLAB_TOKEN. Standard library only.
"""

from __future__ import annotations

import json
import os
import sys
import urllib.request

MARKER = "<!-- okrdocs-diff -->"


def call(method: str, url: str, token: str, data: dict[str, str] | None = None) -> object:
    body = json.dumps(data).encode() if data is not None else None
    request = urllib.request.Request(url, data=body, method=method)
    request.add_header("PRIVATE-TOKEN", token)
    request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read() or b"null")


def main() -> int:
    with open(sys.argv[1], encoding="utf-8") as handle:
        body = handle.read()
    api, project = os.environ["CI_API_V4_URL"], os.environ["CI_PROJECT_ID"]
    request_iid, token = os.environ["CI_MERGE_REQUEST_IID"], os.environ["OKRDOCS_GITLAB_TOKEN"]
    notes_url = f"{api}/projects/{project}/merge_requests/{request_iid}/notes"
    page = 1
    while True:
        notes = call("GET", f"{notes_url}?per_page=100&page={page}", token)
        assert isinstance(notes, list)
        for note in notes:
            if MARKER in (note.get("body") or ""):
                call("PUT", f"{notes_url}/{note['id']}", token, {"body": body})
                print(f"updated note {note['id']}")
                return 0
        if len(notes) < 100:
            break
        page += 1
    created = call("POST", notes_url, token, {"body": body})
    print(f"created note {created['id'] if isinstance(created, dict) else '?'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
