# N-able (N-central / N-sight) automation or script check: exit codes above 1000 are this
# script's own: 0 no Kaspersky software, 1001 Kaspersky software found, 1002 the check failed.
try {
    $found = @(Get-Found)
} catch {
    Write-Output "Switchover could not check this device: $($_.Exception.Message)"
    exit 1002
}
if ($found.Count -gt 0) {
    Write-Output (Format-Line 'Kaspersky found: ' $found)
    exit 1001
}
Write-Output 'No Kaspersky software found.'
exit 0
