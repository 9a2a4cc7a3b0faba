<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>JournalPage</name>
    <message numerus="yes">
        <location filename="../../src/haven/ui/journal/journal_page.py" line="231"/>
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message numerus="yes">
        <location filename="../../src/haven/ui/sync_status.py" line="34"/>
        <source>Synced %n min ago (local network)</source>
        <translation>
            <numerusform>Synced %n min ago (local network)</numerusform>
            <numerusform>Synced %n min ago (local network)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/haven/ui/sync_status.py" line="35"/>
        <source>Synced %n hours ago (local network)</source>
        <translation>
            <numerusform>Synced %n hour ago (local network)</numerusform>
            <numerusform>Synced %n hours ago (local network)</numerusform>
        </translation>
    </message>
</context>
</TS>
