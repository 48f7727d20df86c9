# Intune Remediations, detection script: exit 1 when Kaspersky software is found (then the
# remediation script runs), 0 when none is; the last line is what Intune shows (2,048 characters).
# Run it in 64-bit PowerShell or not: the registry is read through its 64-bit view either way.
try {
    $found = @(Get-Found)
} catch {
    Write-Output "Switchover could not check this device: $($_.Exception.Message)"
    exit 1
}
if ($found.Count -gt 0) {
    Write-Output (Format-Line 'Kaspersky found: ' $found)
    exit 1
}
Write-Output 'No Kaspersky software found.'
exit 0
