"""The reports and moderation-log lists show the newest page, in reading order."""

from __future__ import annotations

from tests.space_helpers import Group


def test_moderation_log_and_reports_show_the_newest_page_in_order(group: Group) -> None:
    sid, owner = group.space_id, group.owner.spaces
    full = owner.moderation_log(sid, limit=-1)
    assert len(full) == 3  # two joins and a role change
    assert owner.moderation_log(sid) == full  # fewer than a page
    assert owner.moderation_log(sid, limit=2) == full[-2:]
    posts = [group.cai.spaces.post(sid, f"post {i}") for i in range(3)]
    group.sync()
    for post in posts:
        group.cai.spaces.report(sid, post, f"about {post.hex()[:6]}")
    group.sync()
    every = owner.reports(sid, limit=-1)
    assert [r.target_id for r in every] == posts
    assert [r.target_id for r in owner.reports(sid, limit=2)] == posts[1:]
