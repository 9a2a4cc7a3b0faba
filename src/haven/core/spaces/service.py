"""`session.spaces`: the spaces API the CLI and the UI call. Each verb is owned by one
feature module, named for what people do:

    details.py      creating, listing and describing spaces; fork warnings
    membership.py   members, roles, removal and bans, devices, ownership, leaving, persona
    own_device_keys.py  this device's own signing key in a space; revoking a device's key
    keys.py         key rotation and sharing (and healing after races)
    posts.py        posts, replies, edits, deletes, reactions; reading the feed
    channels/       chat and announcement channels beside the feed
    attachments.py  files and pictures attached to posts; the space's size limit
    disappearing.py the space's disappearing timer; erasing posts whose time is up
    dm/             direct messages: a two-person space opened from a shared one
    gatherings/     community events: RSVPs, approval, the place revealed to attendees
    moderation.py   pins, removing posts, reports, the moderation log, mutes and blocks
    joining.py      the join request, the add event and welcome, accepting it
    fundraisers/    fundraisers (private pledges, tallies) and campaigns ("I did this")
    lookup.py       finding a space, member or post from what a person typed

`rules/` holds the projection rules under the same names, and `invites/` the invite flow
(host and guest). SpaceService only builds the features and names their verbs; every
method runs in the caller's thread (the UI calls them from a worker)."""

from __future__ import annotations

from haven.core.clock import Clock, now_ms
from haven.core.eventlog import EventLog
from haven.core.identity import Identity
from haven.core.spaces.attachments import Attachments
from haven.core.spaces.authority import SpaceAuthorizer
from haven.core.spaces.channels import Channels
from haven.core.spaces.context import SpaceContext
from haven.core.spaces.details import SpaceDetails
from haven.core.spaces.device_keys import SpaceDeviceProjector
from haven.core.spaces.disappearing import Disappearing
from haven.core.spaces.dm.service import DirectMessages
from haven.core.spaces.fundraisers import Campaigns, Fundraisers
from haven.core.spaces.gatherings.service import Gatherings
from haven.core.spaces.invite_events import InviteEvents
from haven.core.spaces.joining import Joining
from haven.core.spaces.keys import KeyRotation
from haven.core.spaces.lookup import SpaceLookup
from haven.core.spaces.membership import Membership
from haven.core.spaces.model import Member, PageHolding, Profile
from haven.core.spaces.moderation import Moderation
from haven.core.spaces.own_device_keys import SpaceDeviceKeys
from haven.core.spaces.posts import THREAD_PAGE, Posts
from haven.core.spaces.projector import SpaceProjector
from haven.core.spaces.redaction import PostRedaction
from haven.store.vault import Vault


class SpaceService:
    def __init__(
        self, vault: Vault, log_: EventLog, identity: Identity, clock: Clock = now_ms
    ) -> None:
        self.projector = SpaceProjector(vault, self._heal_quietly)
        ctx = SpaceContext(
            vault,
            log_,
            identity,
            clock,
            lambda space_id: self.projector.ensure_fresh(space_id, log_),
        )
        self.device_keys = SpaceDeviceKeys(ctx)
        ctx.before_writing = self.device_keys.ensure_certified
        self.keys = KeyRotation(ctx)
        self.posts = Posts(ctx)
        self.attachments = Attachments(ctx)
        self.disappearing = Disappearing(ctx)
        log_.subscribe(self.disappearing.after_commit)
        self.moderation = Moderation(ctx, self.posts)
        self.gatherings = Gatherings(ctx)
        self.membership = Membership(ctx, self.keys)
        self.details = SpaceDetails(ctx, self.posts)
        self.joining = Joining(ctx)
        self.invite_events = InviteEvents(ctx)
        self.lookup = SpaceLookup(ctx)
        self.fundraisers = Fundraisers(ctx)
        self.campaigns = Campaigns(ctx)
        self.dms = DirectMessages(ctx, self.posts)
        self.channels = Channels(ctx)
        log_.register_projector(self.projector)
        log_.register_projector(SpaceDeviceProjector())
        log_.register_authorizer("group", SpaceAuthorizer())
        log_.register_redaction_rule("group", PostRedaction())

        # details
        self.create_space = self.details.create_space
        self.list_spaces = self.details.list_spaces
        self.space_info = self.details.space_info
        self.update_info = self.details.update_info
        self.warnings = self.details.warnings
        # membership
        self.members = self.membership.members
        self.set_role = self.membership.set_role
        self.remove_member = self.membership.remove_member
        self.devices = self.membership.devices
        self.add_device = self.membership.add_device
        self.remove_device = self.membership.remove_device
        self.transfer_ownership = self.membership.transfer_ownership
        self.leave = self.membership.leave
        self.update_persona = self.membership.update_persona
        # keys
        self.rotate = self.keys.rotate
        self.heal = self.keys.heal
        # posts
        self.post = self.posts.post
        self.reply = self.posts.reply
        self.edit_post = self.posts.edit_post
        self.delete_post = self.posts.delete_post
        self.react = self.posts.react
        self.unreact = self.posts.unreact
        self.read_feed = self.posts.read_feed  # read-only: due posts are left out, not erased
        self.read_thread = self.posts.read_thread
        self.thread_page_holding = self._thread_page_holding
        self.posts_by_id = self.posts.posts_by_id
        self.unread = self.posts.unread
        self.mark_read = self.posts.mark_read
        # moderation
        self.pin = self.moderation.pin
        self.moderate = self.moderation.moderate
        self.report = self.moderation.report
        self.reports = self.moderation.reports
        self.moderation_log = self.moderation.moderation_log
        self.set_mute_words = self.moderation.set_mute_words
        self.mute_words = self.moderation.mute_words
        self.block = self.moderation.block
        # joining
        self.prepare_join = self.joining.prepare_join
        self.make_add_member = self.joining.make_add_member
        self.accept_welcome = self.joining.accept_welcome
        # lookup
        self.resolve_space = self.lookup.resolve_space
        self.resolve_member = self.lookup.resolve_member
        self.resolve_post = self.lookup.resolve_post

    def _thread_page_holding(
        self, space_id: bytes, post_id: bytes, limit: int = THREAD_PAGE
    ) -> PageHolding:
        """The page of a thread that holds a post (its first post or any reply, e.g. one
        reported): the replies up to and including it, the reply just after it that the
        page ends before (None: the thread's newest page), and the post the page starts
        just after, so that the newest page too can be read again (with its reactions as
        they are then) by reading the replies after that post."""
        root_id, later = self.posts.place_of(space_id, post_id)
        page = self.posts.read_thread(space_id, root_id, before=later, limit=limit)
        after = root_id
        if page.replies and page.older:
            after = self.posts.reply_before(space_id, root_id, page.replies[0].post_id)
        return PageHolding(page, later, after)

    def _heal_quietly(self, space_id: bytes) -> None:
        """After a commit touched a space: an admin's device heals its keys, and seals its
        open invites to admin devices that lack them, if it must; an organiser's device
        totals new pledges; offers of a direct conversation are tried on this device."""
        self.keys.heal_quietly(space_id)
        self.dms.take_offers_quietly(space_id)
        self.invite_events.heal_quietly(space_id)
        self.fundraisers.tally_quietly(space_id)


__all__ = ["Member", "Profile", "SpaceService"]
