<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>DemandImportDialog</name>
    <message numerus="yes">
        <location filename="../../outreach_app/ui/demands/dialogs.py" line="126"/>
        <source>%n demand(s) ready to import.</source>
        <translation>
            <numerusform>%n demand ready to import.</numerusform>
            <numerusform>%n demands ready to import.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../outreach_app/ui/demands/dialogs.py" line="128"/>
        <source>%n demand(s) to update with the board&apos;s progress.</source>
        <translation>
            <numerusform>%n demand to update with the board&apos;s progress.</numerusform>
            <numerusform>%n demands to update with the board&apos;s progress.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../outreach_app/ui/demands/dialogs.py" line="132"/>
        <source>%n demand(s) already imported or repeated in the file will be skipped.</source>
        <translation>
            <numerusform>%n demand already imported or repeated in the file will be skipped.</numerusform>
            <numerusform>%n demands already imported or repeated in the file will be skipped.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../outreach_app/ui/demands/dialogs.py" line="142"/>
        <source>%n disagreement(s) between the board and the work done here are listed; nothing done here is overwritten.</source>
        <translation>
            <numerusform>%n disagreement between the board and the work done here is listed; nothing done here is overwritten.</numerusform>
            <numerusform>%n disagreements between the board and the work done here are listed; nothing done here is overwritten.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../outreach_app/ui/demands/dialogs.py" line="190"/>
        <source>%n demand(s) imported.</source>
        <translation>
            <numerusform>%n demand imported.</numerusform>
            <numerusform>%n demands imported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../outreach_app/ui/demands/dialogs.py" line="192"/>
        <source>%n updated with the board&apos;s progress.</source>
        <translation>
            <numerusform>%n updated with the board&apos;s progress.</numerusform>
            <numerusform>%n updated with the board&apos;s progress.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../outreach_app/ui/demands/dialogs.py" line="195"/>
        <source>%n skipped: imported before or repeated in the file.</source>
        <translation>
            <numerusform>%n skipped: imported before or repeated in the file.</numerusform>
            <numerusform>%n skipped: imported before or repeated in the file.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../outreach_app/ui/demands/dialogs.py" line="201"/>
        <source>%n disagreement(s) between the board and the work done here are listed below; nothing done here was overwritten.</source>
        <translation>
            <numerusform>%n disagreement between the board and the work done here is listed below; nothing done here was overwritten.</numerusform>
            <numerusform>%n disagreements between the board and the work done here are listed below; nothing done here was overwritten.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NotesView</name>
    <message numerus="yes">
        <location filename="../../outreach_app/ui/notes/view.py" line="338"/>
        <source>%1. %2
    %3 min · %n note(s)</source>
        <translation>
            <numerusform>%1. %2
    %3 min · %n note</numerusform>
            <numerusform>%1. %2
    %3 min · %n notes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReminderService</name>
    <message numerus="yes">
        <location filename="../../outreach_app/ui/reminders.py" line="75"/>
        <source>“%1” starts at %2 with %n site(s).</source>
        <translation>
            <numerusform>“%1” starts at %2 with %n site.</numerusform>
            <numerusform>“%1” starts at %2 with %n sites.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SignInPresenter</name>
    <message numerus="yes">
        <location filename="../../outreach_app/ui/team/sign_in.py" line="135"/>
        <source>Too many attempts to sign in. Wait %n minute(s), then try again.</source>
        <translation>
            <numerusform>Too many attempts to sign in. Wait %n minute, then try again.</numerusform>
            <numerusform>Too many attempts to sign in. Wait %n minutes, then try again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SignOutDialog</name>
    <message numerus="yes">
        <location filename="../../outreach_app/ui/team/dialogs.py" line="351"/>
        <source>%n change(s) made on this computer have not reached the office&apos;s record yet. Removing the copy loses them.</source>
        <translation>
            <numerusform>%n change made on this computer has not reached the office&apos;s record yet. Removing the copy loses it.</numerusform>
            <numerusform>%n changes made on this computer have not reached the office&apos;s record yet. Removing the copy loses them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../outreach_app/ui/team/dialogs.py" line="358"/>
        <source>%n change(s) made on this computer have not reached the office&apos;s record yet. They stay in the copy and are sent when you sign in again.</source>
        <translation>
            <numerusform>%n change made on this computer has not reached the office&apos;s record yet. It stays in the copy and is sent when you sign in again.</numerusform>
            <numerusform>%n changes made on this computer have not reached the office&apos;s record yet. They stay in the copy and are sent when you sign in again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SiteImportDialog</name>
    <message numerus="yes">
        <location filename="../../outreach_app/ui/sites/dialogs.py" line="88"/>
        <source>%n site(s) ready to import.</source>
        <translation>
            <numerusform>%n site ready to import.</numerusform>
            <numerusform>%n sites ready to import.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../outreach_app/ui/sites/dialogs.py" line="115"/>
        <source>%n site(s) imported.</source>
        <translation>
            <numerusform>%n site imported.</numerusform>
            <numerusform>%n sites imported.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message numerus="yes">
        <location filename="../../outreach_app/ui/team/status_bar.py" line="73"/>
        <source>%n conflict(s) to resolve</source>
        <translation>
            <numerusform>%n conflict to resolve</numerusform>
            <numerusform>%n conflicts to resolve</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../outreach_app/ui/team/status_bar.py" line="93"/>
        <source>Offline since %1 — %n change(s) waiting</source>
        <translation>
            <numerusform>Offline since %1 — %n change waiting</numerusform>
            <numerusform>Offline since %1 — %n changes waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../outreach_app/ui/team/status_bar.py" line="99"/>
        <source>Sending %n change(s)…</source>
        <translation>
            <numerusform>Sending %n change…</numerusform>
            <numerusform>Sending %n changes…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_ImportCounts</name>
    <message numerus="yes">
        <location filename="../../outreach_app/ui/widgets/import_preview.py" line="53"/>
        <source>%n line(s) must be fixed before anything can be imported.</source>
        <translation>
            <numerusform>%n line must be fixed before anything can be imported.</numerusform>
            <numerusform>%n lines must be fixed before anything can be imported.</numerusform>
        </translation>
    </message>
</context>
</TS>
