#!/usr/bin/osascript
-- sudo's askpass helper on macOS (SUDO_ASKPASS): the system's own password dialog, no shell involved.
-- The password goes straight from this dialog to sudo; Switchover never sees it.
return text returned of (display dialog "Switchover needs an administrator's password to remove Kaspersky software." default answer "" with hidden answer with title "Switchover" with icon caution)
