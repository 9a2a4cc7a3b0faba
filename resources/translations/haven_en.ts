<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CausesTab</name>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="241"/>
        <source>%1 — %Ln did this</source>
        <translation>
            <numerusform>%1 — %Ln did this</numerusform>
            <numerusform>%1 — %Ln did this</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="295"/>
        <source>%Ln supporter(s)</source>
        <translation>
            <numerusform>%Ln supporter</numerusform>
            <numerusform>%Ln supporters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="301"/>
        <source>%Ln pledge change(s) not yet counted by an organiser</source>
        <translation>
            <numerusform>%Ln pledge change not yet counted by an organiser</numerusform>
            <numerusform>%Ln pledge changes not yet counted by an organiser</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DevicesPage</name>
    <message numerus="yes">
        <location filename="../../src/haven/ui/devices/devices_page.py" line="204"/>
        <source>%1 has not synced with this device since the last key update, so this device does not have its key yet. After this unlink it would have to be linked again. Sync it with this device first to avoid that.</source>
        <translation>
            <numerusform>%1 has not synced with this device since the last key update, so this device does not have its key yet. After this unlink it would have to be linked again. Sync it with this device first to avoid that.</numerusform>
            <numerusform>%1 have not synced with this device since the last key update, so this device does not have their keys yet. After this unlink they would have to be linked again. Sync them with this device first to avoid that.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EventsTab</name>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="192"/>
        <source>Every week, %Ln times</source>
        <translation>
            <numerusform>Every week, %Ln time</numerusform>
            <numerusform>Every week, %Ln times</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="194"/>
        <source>Every month, %Ln times</source>
        <translation>
            <numerusform>Every month, %Ln time</numerusform>
            <numerusform>Every month, %Ln times</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/events_tab.py" line="214"/>
        <source>%Ln people answered</source>
        <translation>
            <numerusform>%Ln person answered</numerusform>
            <numerusform>%Ln people answered</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FeedTab</name>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/feed_tab.py" line="135"/>
        <source>Showing %Ln post(s) your mute words hide — hide them</source>
        <translation>
            <numerusform>Showing %Ln post your mute words hide — hide it</numerusform>
            <numerusform>Showing %Ln posts your mute words hide — hide them</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/feed_tab.py" line="137"/>
        <source>%Ln post(s) hidden by your mute words — show</source>
        <translation>
            <numerusform>%Ln post hidden by your mute words — show</numerusform>
            <numerusform>%Ln posts hidden by your mute words — show</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GoingExport</name>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/going_export.py" line="109"/>
        <source>Wrote %Ln event(s) to %1 — outside the encrypted vault.</source>
        <translation>
            <numerusform>Wrote %Ln event to %1 — outside the encrypted vault.</numerusform>
            <numerusform>Wrote %Ln events to %1 — outside the encrypted vault.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HavenWindow</name>
    <message numerus="yes">
        <location filename="../../src/haven/ui/main_window.py" line="320"/>
        <source>Haven found %Ln damaged page(s) in your vault: a disk error, or the file was changed. What opens is intact; what was on those pages cannot be read.</source>
        <translation>
            <numerusform>Haven found %Ln damaged page in your vault: a disk error, or the file was changed. What opens is intact; what was on that page cannot be read.</numerusform>
            <numerusform>Haven found %Ln damaged pages in your vault: a disk error, or the file was changed. What opens is intact; what was on those pages cannot be read.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/main_window.py" line="363"/>
        <source>Spaces, %Ln unread</source>
        <translation>
            <numerusform>Spaces, %Ln unread</numerusform>
            <numerusform>Spaces, %Ln unread</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/main_window.py" line="367"/>
        <source>Messages, %Ln unread</source>
        <translation>
            <numerusform>Messages, %Ln unread</numerusform>
            <numerusform>Messages, %Ln unread</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JournalPage</name>
    <message numerus="yes">
        <location filename="../../src/haven/ui/journal/journal_page.py" line="281"/>
        <source>%Ln or more entries</source>
        <translation>
            <numerusform>%Ln or more entries</numerusform>
            <numerusform>%Ln or more entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/journal/journal_page.py" line="283"/>
        <source>%Ln entries</source>
        <translation>
            <numerusform>%Ln entry</numerusform>
            <numerusform>%Ln entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MembersTab</name>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/members_tab.py" line="146"/>
        <source>%Ln members</source>
        <translation>
            <numerusform>%Ln member</numerusform>
            <numerusform>%Ln members</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ModerationTab</name>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/moderation_tab.py" line="93"/>
        <source>Reports (%Ln)</source>
        <translation>
            <numerusform>Reports (%Ln)</numerusform>
            <numerusform>Reports (%Ln)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReactionsBar</name>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/reactions.py" line="44"/>
        <source>%1: %Ln reactions</source>
        <extracomment>kind, on</extracomment>
        <translation>
            <numerusform>%1: %Ln reaction</numerusform>
            <numerusform>%1: %Ln reactions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RequestsBox</name>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/requests_box.py" line="76"/>
        <source>Join requests (%Ln)</source>
        <translation>
            <numerusform>Join requests (%Ln)</numerusform>
            <numerusform>Join requests (%Ln)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VaultFilesSection</name>
    <message numerus="yes">
        <location filename="../../src/haven/ui/pages/settings/vault_files.py" line="165"/>
        <source>Exported %Ln entries as plain text to %1.</source>
        <translation>
            <numerusform>Exported %Ln entry as plain text to %1.</numerusform>
            <numerusform>Exported %Ln entries as plain text to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Channels</name>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/channel_wording.py" line="28"/>
        <source>%Ln unread</source>
        <translation>
            <numerusform>%Ln unread</numerusform>
            <numerusform>%Ln unread</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/channel_wording.py" line="30"/>
        <source>mentions of you: %Ln</source>
        <translation>
            <numerusform>mentions of you: %Ln</numerusform>
            <numerusform>mentions of you: %Ln</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Disappearing</name>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/disappear_notice.py" line="20"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/disappear_notice.py" line="21"/>
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/disappear_notice.py" line="16"/>
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/disappear_notice.py" line="18"/>
        <source>%n week(s)</source>
        <translation>
            <numerusform>%n week</numerusform>
            <numerusform>%n weeks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SpaceStatus</name>
    <message numerus="yes">
        <location filename="../../src/haven/ui/space_status.py" line="66"/>
        <source>%Ln waiting for earlier events</source>
        <translation>
            <numerusform>%Ln waiting for earlier events</numerusform>
            <numerusform>%Ln waiting for earlier events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/space_status.py" line="64"/>
        <source>%Ln waiting to go out</source>
        <translation>
            <numerusform>%Ln waiting to go out</numerusform>
            <numerusform>%Ln waiting to go out</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/space_status.py" line="47"/>
        <source>Synced %Ln hours ago on the local network</source>
        <translation>
            <numerusform>Synced %Ln hours ago on the local network</numerusform>
            <numerusform>Synced %Ln hours ago on the local network</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/space_status.py" line="39"/>
        <source>Synced %Ln hours ago through a relay</source>
        <translation>
            <numerusform>Synced %Ln hours ago through a relay</numerusform>
            <numerusform>Synced %Ln hours ago through a relay</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/space_status.py" line="54"/>
        <source>Synced %Ln hours ago with a direct connection</source>
        <translation>
            <numerusform>Synced %Ln hours ago with a direct connection</numerusform>
            <numerusform>Synced %Ln hours ago with a direct connection</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/space_status.py" line="44"/>
        <source>Synced %Ln min ago on the local network</source>
        <translation>
            <numerusform>Synced %Ln min ago on the local network</numerusform>
            <numerusform>Synced %Ln min ago on the local network</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/space_status.py" line="38"/>
        <source>Synced %Ln min ago through a relay</source>
        <translation>
            <numerusform>Synced %Ln min ago through a relay</numerusform>
            <numerusform>Synced %Ln min ago through a relay</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/space_status.py" line="51"/>
        <source>Synced %Ln min ago with a direct connection</source>
        <translation>
            <numerusform>Synced %Ln min ago with a direct connection</numerusform>
            <numerusform>Synced %Ln min ago with a direct connection</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Spaces</name>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/models.py" line="101"/>
        <source>%Ln replies</source>
        <translation>
            <numerusform>%Ln reply</numerusform>
            <numerusform>%Ln replies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/models.py" line="221"/>
        <source>%Ln unread</source>
        <translation>
            <numerusform>%Ln unread</numerusform>
            <numerusform>%Ln unread</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/models.py" line="99"/>
        <source>More than %Ln replies</source>
        <translation>
            <numerusform>More than %Ln reply</numerusform>
            <numerusform>More than %Ln replies</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message numerus="yes">
        <location filename="../../src/haven/ui/sync_status.py" line="50"/>
        <source>Synced %Ln hours ago (direct connection)</source>
        <translation>
            <numerusform>Synced %Ln hours ago (direct connection)</numerusform>
            <numerusform>Synced %Ln hours ago (direct connection)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/sync_status.py" line="45"/>
        <source>Synced %Ln hours ago (local network)</source>
        <translation>
            <numerusform>Synced %Ln hour ago (local network)</numerusform>
            <numerusform>Synced %Ln hours ago (local network)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/sync_status.py" line="39"/>
        <source>Synced %Ln hours ago (relay)</source>
        <translation>
            <numerusform>Synced %Ln hours ago (relay)</numerusform>
            <numerusform>Synced %Ln hours ago (relay)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/sync_status.py" line="49"/>
        <source>Synced %Ln min ago (direct connection)</source>
        <translation>
            <numerusform>Synced %Ln min ago (direct connection)</numerusform>
            <numerusform>Synced %Ln min ago (direct connection)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/sync_status.py" line="44"/>
        <source>Synced %Ln min ago (local network)</source>
        <translation>
            <numerusform>Synced %Ln min ago (local network)</numerusform>
            <numerusform>Synced %Ln min ago (local network)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/sync_status.py" line="38"/>
        <source>Synced %Ln min ago (relay)</source>
        <translation>
            <numerusform>Synced %Ln min ago (relay)</numerusform>
            <numerusform>Synced %Ln min ago (relay)</numerusform>
        </translation>
    </message>
</context>
</TS>
