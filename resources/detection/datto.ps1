# Datto RMM monitor component: the result between Datto's markers, exit 1 to raise an alert.
try {
    $found = @(Get-Found)
    $status = if ($found.Count -gt 0) { Format-Line 'Kaspersky found: ' $found } else { 'No Kaspersky software found.' }
} catch {
    $found = @('error')
    $status = "Switchover could not check this device: $($_.Exception.Message)"
}
Write-Output '<-Start Result->'
Write-Output "Kaspersky=$status"
Write-Output '<-End Result->'
if ($found.Count -gt 0) { exit 1 }
exit 0
