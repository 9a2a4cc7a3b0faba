"""Private messages in the app: the list of direct conversations and one conversation
(`dm_page`, `dm_view`), read and written through `session.spaces.dms` in the bridge's
worker. Started from a member row ("Message privately", ui/spaces/members_tab.py)."""
