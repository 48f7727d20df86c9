# NinjaOne script: writes the result to the device's custom field "kasperskyStatus" (create it
# as a text field first) and exits 1 when Kaspersky software is found, so a condition can alert.
try {
    $found = @(Get-Found)
    $status = if ($found.Count -gt 0) { Format-Line 'Kaspersky found: ' $found } else { 'No Kaspersky software found.' }
} catch {
    $found = @('error')
    $status = "Switchover could not check this device: $($_.Exception.Message)"
}
if (Get-Command Ninja-Property-Set -ErrorAction SilentlyContinue) {
    Ninja-Property-Set kasperskyStatus $status
}
Write-Output $status
if ($found.Count -gt 0) { exit 1 }
exit 0
