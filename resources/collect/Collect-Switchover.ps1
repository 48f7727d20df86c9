<#
.SYNOPSIS
    Collects what Switchover's scanner reads from this PC into one zip, installing and changing nothing.

.DESCRIPTION
    Exports, with Windows' own reg.exe, every registry key Switchover reads: Add/Remove Programs in
    both registry views, KasperskyLab in both views, services and drivers, ProductOptions (Windows
    Server or not), the computer's name, the Windows version, browser extension keys, and the same
    user keys from every loaded user's hive under HKEY_USERS (an elevated prompt's HKCU would be the
    administrator's own hive, not the user's). Writes a manifest (switchover.bundle/1) with each
    file's SHA-256, then zips the folder. Run it from an administrator prompt: without elevation
    other users' hives cannot be read (the manifest says "elevated": false).

    The same key lists are in Switchover's resources/collect/keys.json; a test keeps them equal.

.PARAMETER Output
    The folder to write switchover-<COMPUTERNAME>-<date>.zip into (default: the current folder).

.EXAMPLE
    powershell.exe -NoProfile -ExecutionPolicy Bypass -File .\Collect-Switchover.ps1 -Output \\server\share\migration

.NOTES
    Then, on the technician's machine: switchover scan --bundle switchover-PC-042-20261201-101500.zip
    Exit codes: 0 written, 2 error.
#>
[CmdletBinding()]
param([string]$Output = (Get-Location).Path)

Set-StrictMode -Version 2
$ErrorActionPreference = 'Stop'

$CollectorVersion = '1'
$MachineKeys = @(
    'HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall',
    'HKLM\SOFTWARE\WOW6432Node\Microsoft\Windows\CurrentVersion\Uninstall',
    'HKLM\SOFTWARE\KasperskyLab',
    'HKLM\SOFTWARE\WOW6432Node\KasperskyLab',
    'HKLM\SOFTWARE\Google\Chrome\Extensions',
    'HKLM\SOFTWARE\WOW6432Node\Google\Chrome\Extensions',
    'HKLM\SOFTWARE\Microsoft\Edge\Extensions',
    'HKLM\SOFTWARE\WOW6432Node\Microsoft\Edge\Extensions',
    'HKLM\SOFTWARE\Policies\Google\Chrome\ExtensionInstallForcelist',
    'HKLM\SOFTWARE\Policies\Microsoft\Edge\ExtensionInstallForcelist',
    'HKLM\SOFTWARE\Mozilla\Firefox\Extensions',
    'HKLM\SOFTWARE\WOW6432Node\Mozilla\Firefox\Extensions',
    'HKLM\SYSTEM\CurrentControlSet\Services',
    'HKLM\SYSTEM\CurrentControlSet\Control\ProductOptions',
    'HKLM\SYSTEM\CurrentControlSet\Control\ComputerName\ComputerName'
)
$MachineValuesOnly = @(
    'HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion'
)
$UserKeys = @(
    'Software\Microsoft\Windows\CurrentVersion\Uninstall',
    'Software\KasperskyLab',
    'Software\Google\Chrome\Extensions',
    'Software\Microsoft\Edge\Extensions',
    'Software\Policies\Google\Chrome\ExtensionInstallForcelist',
    'Software\Policies\Microsoft\Edge\ExtensionInstallForcelist',
    'Software\Mozilla\Firefox\Extensions'
)

# reg.exe by its full path (never found through PATH); /reg:64 reads the 64-bit view even when this
# script runs in 32-bit PowerShell (an RMM agent's default), where System32 is redirected.
$Reg = Join-Path ([Environment]::GetFolderPath('System')) 'reg.exe'

function Export-Keys([string[]]$Keys, [string]$Name, [string]$Folder) {
    $record = [ordered]@{ path = "registry/$Name.reg"; sha256 = ''; keys = @(); missing = @() }
    $parts = @()
    $index = 0
    foreach ($key in $Keys) {
        $part = Join-Path $Folder ("part-{0}-{1}.reg" -f $Name, $index)
        $index += 1
        # reg.exe says "unable to find the specified registry key" on stderr for a key that is not there;
        # Windows PowerShell 5.1 would turn that into a terminating error under 'Stop'.
        $ErrorActionPreference = 'Continue'
        & $Reg export $key $part /y /reg:64 2>&1 | Out-Null
        $code = $LASTEXITCODE
        $ErrorActionPreference = 'Stop'
        # Entries by index: $record.keys would be the dictionary's own Keys property.
        if ($code -eq 0 -and (Test-Path -LiteralPath $part)) {
            $record['keys'] += $key
            $parts += $part
        } else {
            $record['missing'] += $key
        }
    }
    if ($parts.Count -eq 0) { return $null }
    # One file per hive: the first export's header, then every export's keys (UTF-16LE, as reg writes).
    $target = Join-Path $Folder "registry\$Name.reg"
    $text = 'Windows Registry Editor Version 5.00' + "`r`n"
    foreach ($part in $parts) {
        $body = [IO.File]::ReadAllText($part, [Text.Encoding]::Unicode)
        $text += ($body -replace '^\uFEFF?Windows Registry Editor Version 5\.00\r?\n', '')
        Remove-Item -LiteralPath $part
    }
    [IO.File]::WriteAllText($target, $text, [Text.Encoding]::Unicode)
    $record['sha256'] = (Get-FileHash -LiteralPath $target -Algorithm SHA256).Hash.ToLowerInvariant()
    return $record
}

function Get-VersionValues([string]$Folder) {
    # Windows NT\CurrentVersion holds large subkeys; only its version values are kept.
    $base = [Microsoft.Win32.RegistryKey]::OpenBaseKey('LocalMachine', 'Registry64')
    $key = $base.OpenSubKey('SOFTWARE\Microsoft\Windows NT\CurrentVersion')
    $found = [ordered]@{}
    foreach ($name in 'ProductName', 'DisplayVersion', 'CurrentBuild', 'EditionID') {
        $value = $key.GetValue($name)
        if ($null -ne $value) { $found[$name] = [string]$value }
    }
    return $found
}

function ConvertTo-RegText([string]$Key, $Values) {
    $lines = @("[$($Key -replace '^HKLM', 'HKEY_LOCAL_MACHINE')]")
    foreach ($name in $Values.Keys) {
        $data = $Values[$name] -replace '\\', '\\' -replace '"', '\"'
        $lines += ('"{0}"="{1}"' -f $name, $data)
    }
    return ($lines -join "`r`n") + "`r`n`r`n"
}

try {
    $identity = [Security.Principal.WindowsPrincipal][Security.Principal.WindowsIdentity]::GetCurrent()
    $elevated = $identity.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)
    $computer = $env:COMPUTERNAME
    $stamp = (Get-Date).ToUniversalTime()
    $name = 'switchover-{0}-{1}' -f ($computer -replace '[^A-Za-z0-9-]', '_'), $stamp.ToString('yyyyMMdd-HHmmss')
    $folder = Join-Path ([IO.Path]::GetTempPath()) $name
    New-Item -ItemType Directory -Path (Join-Path $folder 'registry') -Force | Out-Null

    $files = @()
    $machine = Export-Keys $MachineKeys 'machine' $folder
    $version = Get-VersionValues $folder
    if ($null -ne $machine) {
        $target = Join-Path $folder 'registry\machine.reg'
        $extra = ConvertTo-RegText $MachineValuesOnly[0] $version
        [IO.File]::AppendAllText($target, $extra, [Text.Encoding]::Unicode)
        $machine['keys'] += $MachineValuesOnly[0]
        $machine['sha256'] = (Get-FileHash -LiteralPath $target -Algorithm SHA256).Hash.ToLowerInvariant()
        $files += $machine
    }
    $users = @()
    foreach ($hive in Get-ChildItem -LiteralPath 'Registry::HKEY_USERS') {
        $sid = $hive.PSChildName
        if ($sid -notmatch '^S-1-[0-9-]+$') { continue }  # *_Classes and .DEFAULT are not a person's hive
        $record = Export-Keys ($UserKeys | ForEach-Object { "HKU\$sid\$_" }) "user-$sid" $folder
        if ($null -ne $record) {
            $files += $record
            $users += [ordered]@{ sid = $sid; file = $record['path'] }
        }
    }
    $osVersion = (@($version['ProductName'], $version['DisplayVersion']) | Where-Object { $_ }) -join ' '
    if ($version.Contains('CurrentBuild')) { $osVersion += " (build $($version['CurrentBuild']))" }
    $manifest = [ordered]@{
        schema       = 'switchover.bundle/1'
        collected_at = $stamp.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'")
        collector    = "Collect-Switchover.ps1 $CollectorVersion"
        machine      = [ordered]@{ os = 'windows'; hostname = $computer; os_version = $osVersion; elevated = $elevated }
        users        = $users
        files        = $files
    }
    $json = ConvertTo-Json -InputObject $manifest -Depth 6
    [IO.File]::WriteAllText((Join-Path $folder 'manifest.json'), $json, (New-Object Text.UTF8Encoding $false))

    Add-Type -AssemblyName System.IO.Compression.FileSystem
    $zip = Join-Path $Output "$name.zip"
    [IO.Compression.ZipFile]::CreateFromDirectory($folder, $zip)
    Remove-Item -LiteralPath $folder -Recurse -Force
    if (-not $elevated) { Write-Warning 'Not run as administrator: other users'' hives may be missing.' }
    Write-Output "Collected $computer into $zip"
    exit 0
} catch {
    Write-Error "Collect-Switchover: $($_.Exception.Message)"
    exit 2
}
