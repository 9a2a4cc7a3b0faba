"""Chat channels inside a group space: named timelines of short messages beside the threaded
feed, and announcement channels where only admins post (rules in `rules/channels.py`)."""

from haven.core.spaces.channels.model import ChannelInfo, ChannelMessage, ChannelPage, Mention
from haven.core.spaces.channels.service import Channels

__all__ = ["ChannelInfo", "ChannelMessage", "ChannelPage", "Channels", "Mention"]
