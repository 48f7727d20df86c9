<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AlternativesPage</name>
    <message numerus="yes">
        <location filename="../../gui/pages/alternatives.py" line="107"/>
        <source>%n suggestions match.</source>
        <translation>
            <numerusform>%n suggestion matches.</numerusform>
            <numerusform>%n suggestions match.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FoundPage</name>
    <message numerus="yes">
        <location filename="../../gui/pages/found.py" line="129"/>
        <source>We found %n programs; here is what each one does.</source>
        <translation>
            <numerusform>We found %n program; here is what it does.</numerusform>
            <numerusform>We found %n programs; here is what each one does.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/found.py" line="143"/>
        <source>Pieces left behind by an earlier removal (%n items).</source>
        <translation>
            <numerusform>Pieces left behind by an earlier removal (%n item).</numerusform>
            <numerusform>Pieces left behind by an earlier removal (%n items).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreparePage</name>
    <message numerus="yes">
        <location filename="../../gui/pages/prepare.py" line="120"/>
        <source>%n of {total} items still to tick.</source>
        <translation>
            <numerusform>%n of {total} items still to tick.</numerusform>
            <numerusform>%n of {total} items still to tick.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RemovePage</name>
    <message numerus="yes">
        <location filename="../../gui/pages/remove.py" line="172"/>
        <source>%v of %n steps</source>
        <translation>
            <numerusform>%v of %n step</numerusform>
            <numerusform>%v of %n steps</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/remove.py" line="198"/>
        <source>Switchover stopped before it finished the removal started on {when}: the computer may have lost power, or Switchover closed unexpectedly. %n of {total} steps had finished; they will not run again.</source>
        <translation>
            <numerusform>Switchover stopped before it finished the removal started on {when}: the computer may have lost power, or Switchover closed unexpectedly. %n of {total} steps had finished; it will not run again.</numerusform>
            <numerusform>Switchover stopped before it finished the removal started on {when}: the computer may have lost power, or Switchover closed unexpectedly. %n of {total} steps had finished; they will not run again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TechnicianWindow</name>
    <message numerus="yes">
        <location filename="../../gui/technician.py" line="228"/>
        <source>%n products found.</source>
        <translation>
            <numerusform>%n product found.</numerusform>
            <numerusform>%n products found.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VerifyPage</name>
    <message numerus="yes">
        <location filename="../../gui/pages/verify.py" line="97"/>
        <source>%n leftover items are still on this computer; the details list them.</source>
        <translation>
            <numerusform>%n leftover item is still on this computer; the details name it.</numerusform>
            <numerusform>%n leftover items are still on this computer; the details list them.</numerusform>
        </translation>
    </message>
</context>
</TS>
