# Intune Remediations, remediation script: runs Switchover's silent removal, which scans, removes
# in the plan's order and verifies. Exit codes of `switchover remove` (docs/help-desk.md):
# 0 removed and verified, 4 a restart is needed to finish, 3 not removed, 2 error.
# Plans with blocking rescue checks (encryption, the password vault) stop before removing
# anything (exit 3) unless the script was exported with --rescued.
# An uninstall password, when the products have one, comes from the device's environment
# variable SWITCHOVER_UNINSTALL_PASSWORD; it is never written to the output.
# Where Switchover's console executable is installed: edit this line if you deploy it elsewhere.
# ProgramW6432 is the 64-bit Program Files even when the agent runs 32-bit PowerShell.
$programs = @($env:ProgramW6432, $env:ProgramFiles) | Where-Object { $_ } | Select-Object -First 1
$cli = Join-Path $programs 'Switchover\switchover-cli.exe'
if (-not (Test-Path -LiteralPath $cli)) {
    Write-Output "Switchover is not installed at ${cli}: deploy it first."
    exit 1
}
$arguments = @('remove', '--yes', '--silent')
# @RESCUED@
if ($env:SWITCHOVER_UNINSTALL_PASSWORD) { $arguments += @('--password-env', 'SWITCHOVER_UNINSTALL_PASSWORD') }
& $cli @arguments | Out-Null
switch ($LASTEXITCODE) {
    0 { Write-Output 'Kaspersky software removed and verified.'; exit 0 }
    4 { Write-Output 'Kaspersky removal started: a restart is needed to finish.'; exit 0 }
    3 { Write-Output 'Kaspersky software was not removed: see Switchover''s journal on the device.'; exit 1 }
    default { Write-Output "Switchover stopped with exit code $LASTEXITCODE."; exit 1 }
}
