"""Fundraisers and campaigns in a group space: events in the space's log, rules in log
order (`rules.py`), the services the CLI and UI call (`service.py`, `campaigns.py`), and
money as integer minor units (`money.py`). docs/PROTOCOL.md, "Fundraisers and campaigns"."""

from haven.core.spaces.fundraisers.campaigns import Campaigns
from haven.core.spaces.fundraisers.model import Campaign, CauseUpdate, Fundraiser, Pledge
from haven.core.spaces.fundraisers.service import Fundraisers

__all__ = ["Campaign", "Campaigns", "CauseUpdate", "Fundraiser", "Fundraisers", "Pledge"]
