<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CausesTab</name>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="221"/>
        <source>%1 — %Ln did this</source>
        <translation>
            <numerusform>%1 — %Ln did this</numerusform>
            <numerusform>%1 — %Ln did this</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="273"/>
        <source>%Ln supporter(s)</source>
        <translation>
            <numerusform>%Ln supporter</numerusform>
            <numerusform>%Ln supporters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/spaces/causes_tab.py" line="279"/>
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
        <location filename="../../src/haven/ui/main_window.py" line="318"/>
        <source>Haven found %Ln damaged page(s) in your vault: a disk error, or the file was changed. What opens is intact; what was on those pages cannot be read.</source>
        <translation>
            <numerusform>Haven found %Ln damaged page in your vault: a disk error, or the file was changed. What opens is intact; what was on that page cannot be read.</numerusform>
            <numerusform>Haven found %Ln damaged pages in your vault: a disk error, or the file was changed. What opens is intact; what was on those pages cannot be read.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/main_window.py" line="366"/>
        <source>Spaces, %Ln unread</source>
        <translation>
            <numerusform>Spaces, %Ln unread</numerusform>
            <numerusform>Spaces, %Ln unread</numerusform>
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
        <location filename="../../src/haven/ui/spaces/members_tab.py" line="145"/>
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
        <location filename="../../src/haven/ui/spaces/requests_box.py" line="81"/>
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
</TS>
