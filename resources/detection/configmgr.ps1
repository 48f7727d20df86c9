# Configuration Manager configuration item, discovery script (PowerShell, 64-bit or not):
# prints Compliant when no Kaspersky software is found, Non-Compliant otherwise. Compliance rule:
# the value returned equals "Compliant". The script itself always exits 0, as ConfigMgr expects.
try {
    $found = @(Get-Found)
} catch {
    Write-Output "Error: $($_.Exception.Message)"
    exit 0
}
if ($found.Count -gt 0) { Write-Output 'Non-Compliant' } else { Write-Output 'Compliant' }
exit 0
