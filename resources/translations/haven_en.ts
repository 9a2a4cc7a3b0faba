<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>FeedTab</name>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/feed_tab.py" line="130"/>
        <source>Showing %n post(s) your mute words hide — hide them</source>
        <translation>
            <numerusform>Showing %n post your mute words hide — hide it</numerusform>
            <numerusform>Showing %n posts your mute words hide — hide them</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/feed_tab.py" line="132"/>
        <source>%n post(s) hidden by your mute words — show</source>
        <translation>
            <numerusform>%n post hidden by your mute words — show</numerusform>
            <numerusform>%n posts hidden by your mute words — show</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HavenWindow</name>
    <message numerus="yes">
        <location filename="../../src/haven/ui/main_window.py" line="297"/>
        <source>Haven found %n damaged page(s) in your vault: a disk error, or the file was changed. What opens is intact; what was on those pages cannot be read.</source>
        <translation>
            <numerusform>Haven found %n damaged page in your vault: a disk error, or the file was changed. What opens is intact; what was on that page cannot be read.</numerusform>
            <numerusform>Haven found %n damaged pages in your vault: a disk error, or the file was changed. What opens is intact; what was on those pages cannot be read.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/main_window.py" line="327"/>
        <source>Spaces, %n unread</source>
        <translation>
            <numerusform>Spaces, %n unread</numerusform>
            <numerusform>Spaces, %n unread</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JournalPage</name>
    <message numerus="yes">
        <location filename="../../src/haven/ui/journal/journal_page.py" line="263"/>
        <source>%n or more entries</source>
        <translation>
            <numerusform>%n or more entries</numerusform>
            <numerusform>%n or more entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/journal/journal_page.py" line="265"/>
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MembersTab</name>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/members_tab.py" line="136"/>
        <source>%n members</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ModerationTab</name>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/moderation_tab.py" line="93"/>
        <source>Reports (%n)</source>
        <translation>
            <numerusform>Reports (%n)</numerusform>
            <numerusform>Reports (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReactionsBar</name>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/reactions.py" line="43"/>
        <source>%1: %n reactions</source>
        <extracomment>kind, on</extracomment>
        <translation>
            <numerusform>%1: %n reaction</numerusform>
            <numerusform>%1: %n reactions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RequestsBox</name>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/requests_box.py" line="81"/>
        <source>Join requests (%n)</source>
        <translation>
            <numerusform>Join requests (%n)</numerusform>
            <numerusform>Join requests (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SpaceStatus</name>
    <message numerus="yes">
        <location filename="../../src/haven/ui/space_status.py" line="38"/>
        <source>Synced %n min ago through a relay</source>
        <translation>
            <numerusform>Synced %n min ago through a relay</numerusform>
            <numerusform>Synced %n min ago through a relay</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/space_status.py" line="39"/>
        <source>Synced %n hours ago through a relay</source>
        <translation>
            <numerusform>Synced %n hours ago through a relay</numerusform>
            <numerusform>Synced %n hours ago through a relay</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/space_status.py" line="44"/>
        <source>Synced %n min ago on the local network</source>
        <translation>
            <numerusform>Synced %n min ago on the local network</numerusform>
            <numerusform>Synced %n min ago on the local network</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/space_status.py" line="45"/>
        <source>Synced %n hours ago on the local network</source>
        <translation>
            <numerusform>Synced %n hours ago on the local network</numerusform>
            <numerusform>Synced %n hours ago on the local network</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/space_status.py" line="49"/>
        <source>Synced %n min ago with a direct connection</source>
        <translation>
            <numerusform>Synced %n min ago with a direct connection</numerusform>
            <numerusform>Synced %n min ago with a direct connection</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/space_status.py" line="50"/>
        <source>Synced %n hours ago with a direct connection</source>
        <translation>
            <numerusform>Synced %n hours ago with a direct connection</numerusform>
            <numerusform>Synced %n hours ago with a direct connection</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/space_status.py" line="60"/>
        <source>%n waiting to go out</source>
        <translation>
            <numerusform>%n waiting to go out</numerusform>
            <numerusform>%n waiting to go out</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/space_status.py" line="62"/>
        <source>%n waiting for earlier events</source>
        <translation>
            <numerusform>%n waiting for earlier events</numerusform>
            <numerusform>%n waiting for earlier events</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Spaces</name>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/models.py" line="92"/>
        <source>%n replies</source>
        <translation>
            <numerusform>%n reply</numerusform>
            <numerusform>%n replies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/models.py" line="212"/>
        <source>%n unread</source>
        <translation>
            <numerusform>%n unread</numerusform>
            <numerusform>%n unread</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message numerus="yes">
        <location filename="../../src/haven/ui/sync_status.py" line="36"/>
        <source>Synced %n min ago (relay)</source>
        <translation>
            <numerusform>Synced %n min ago (relay)</numerusform>
            <numerusform>Synced %n min ago (relay)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/sync_status.py" line="37"/>
        <source>Synced %n hours ago (relay)</source>
        <translation>
            <numerusform>Synced %n hours ago (relay)</numerusform>
            <numerusform>Synced %n hours ago (relay)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/sync_status.py" line="42"/>
        <source>Synced %n min ago (local network)</source>
        <translation>
            <numerusform>Synced %n min ago (local network)</numerusform>
            <numerusform>Synced %n min ago (local network)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/sync_status.py" line="43"/>
        <source>Synced %n hours ago (local network)</source>
        <translation>
            <numerusform>Synced %n hour ago (local network)</numerusform>
            <numerusform>Synced %n hours ago (local network)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/sync_status.py" line="47"/>
        <source>Synced %n min ago (direct connection)</source>
        <translation>
            <numerusform>Synced %n min ago (direct connection)</numerusform>
            <numerusform>Synced %n min ago (direct connection)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/sync_status.py" line="48"/>
        <source>Synced %n hours ago (direct connection)</source>
        <translation>
            <numerusform>Synced %n hours ago (direct connection)</numerusform>
            <numerusform>Synced %n hours ago (direct connection)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VaultFilesSection</name>
    <message numerus="yes">
        <location filename="../../src/haven/ui/pages/settings/vault_files.py" line="165"/>
        <source>Exported %n entries as plain text to %1.</source>
        <translation>
            <numerusform>Exported %n entry as plain text to %1.</numerusform>
            <numerusform>Exported %n entries as plain text to %1.</numerusform>
        </translation>
    </message>
</context>
</TS>
