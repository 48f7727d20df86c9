"""Windows, live or offline: what the registry and the disk say is installed.

The registry comes from `reg export` files (`Target.registry_exports`) or, live on
Windows, from `winreg`; files come from `Target.root` (a mounted or copied drive) or,
live, from the system drive. Every item is reported as an `Observation` with the
Windows path the scanned machine would show; the signatures decide what is Kaspersky.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

from core.detection.adapters.registry import ExportView, LiveView, RegistryView, Values
from core.detection.adapters.registry_export import RegValue, read_export
from core.detection.adapters.rootfs import SkippedFile, read_regular_file
from core.model import Kind, Notes, Observation, Scope, Target
from core.product_code import PRODUCT_CODE

HKLM = "HKEY_LOCAL_MACHINE"
HKCU = "HKEY_CURRENT_USER"
HKU = "HKEY_USERS"
UNINSTALL = r"Microsoft\Windows\CurrentVersion\Uninstall"

_UNINSTALL_ATTRIBUTES = (
    "Publisher",
    "DisplayVersion",
    "UninstallString",
    "QuietUninstallString",
    "WindowsInstaller",
    "NoRemove",
    "InstallLocation",
)
_SERVICE_ATTRIBUTES = ("DisplayName", "ImagePath", "Type", "Start")
_DRIVER_TYPES = frozenset({1, 2})  # SERVICE_KERNEL_DRIVER, SERVICE_FILE_SYSTEM_DRIVER
_MAX_MANIFEST_BYTES = 1 << 20


def observe(target: Target, notes: Notes) -> Iterator[Observation]:
    """Everything the target's registry and files show, one observation per item."""
    registry = _registry(target, notes)
    if registry is None and not target.live:
        notes.gap(
            "the registry (uninstall entries, services, drivers, Kaspersky's own keys)",
            target.root or "the input",
            "no registry was read: add the machine's exports with --reg (docs/registry-exports.md)",
        )
    if registry is not None:
        notes.machine.update(machine_identity(registry))
        yield from uninstall_entries(registry)
        services = services_key(registry, notes)
        if isinstance(registry, ExportView):
            _note_missing_keys(registry, services, notes)
        if services:
            yield from service_entries(registry, services)
        yield from vendor_keys(registry, _vendor_roots())
        yield from extension_keys(registry)
        if is_server(registry, services):
            notes.skip(
                f"{HKLM}\\SYSTEM\\...\\Control\\ProductOptions",
                "Windows Server has no Security Center, so no antivirus registrations could be read",
            )
        elif target.live:
            yield from security_center(notes)
    root = _files_root(target)
    if root is not None:
        yield from folders(root, notes)
        yield from browser_extensions(root, notes)


# What a set of exports must hold to show the whole machine (docs/registry-exports.md).
_NEEDED_KEYS = (
    ("the 64-bit Uninstall key", f"{HKLM}\\SOFTWARE\\{UNINSTALL}"),
    (
        "the 32-bit Uninstall key (Endpoint Security registers there)",
        f"{HKLM}\\SOFTWARE\\WOW6432Node\\{UNINSTALL}",
    ),
)


def _note_missing_keys(registry: ExportView, services: str | None, notes: Notes) -> None:
    for what, key in _NEEDED_KEYS:
        if not registry.has(key):
            notes.gap(what, key, "not in the exports")
    if services is None:
        notes.gap(
            "the Services key (drivers and services)",
            f"{HKLM}\\SYSTEM\\CurrentControlSet\\Services",
            "not in the exports",
        )


def _vendor_roots() -> tuple[str, ...]:
    # The vendors' own keys under SOFTWARE come from the signature data (vendor_rules registry_roots).
    from core.detection.signatures import bundled_signatures

    return bundled_signatures().registry_roots


def _registry(target: Target, notes: Notes) -> RegistryView | None:
    if target.registry_exports:
        return ExportView(read_export(path, notes) for path in target.registry_exports)
    if target.live and sys.platform == "win32":
        return LiveView()
    if target.root:  # a mounted Windows volume: its hive files (core/detection/adapters/hive.py)
        return windows_volume(target.root, notes, where=_windows_path(target.root, []).rstrip("\\"))
    return None


def _files_root(target: Target) -> str | None:
    if target.root:
        return target.root
    if target.live and sys.platform == "win32":
        return os.environ.get("SYSTEMDRIVE", "C:") + "\\"
    return None


def _software_roots(registry: RegistryView) -> Iterator[tuple[str, Scope, str]]:
    """(SOFTWARE key, scope, hive label) for the machine's two views and every user hive."""
    yield f"{HKLM}\\SOFTWARE", "machine", "HKLM"
    yield f"{HKLM}\\SOFTWARE\\Wow6432Node", "machine", "HKLM\\Wow6432Node"
    yield f"{HKCU}\\Software", "user", "HKCU"
    for sid in registry.subkeys(HKU):
        if not sid.casefold().endswith("_classes"):
            yield f"{HKU}\\{sid}\\Software", "user", f"HKU\\{sid}"


def machine_identity(registry: RegistryView) -> dict[str, str]:
    r"""The computer's name and Windows version, as the registry records them (empty when it does not).

    The name Windows boots with is `Control\ComputerName\ComputerName` `ComputerName`; the version
    is `Windows NT\CurrentVersion` `ProductName`, `DisplayVersion` and `CurrentBuild` (Microsoft docs).
    """
    found: dict[str, str] = {}
    system = f"{HKLM}\\SYSTEM"
    sets = {name.casefold(): name for name in registry.subkeys(system)}
    current = registry.values(f"{system}\\Select").get("Current")
    names = ["currentcontrolset"]
    if current is not None and isinstance(current.data, int):
        names.append(f"controlset{current.data:03d}")
    for folded in names:
        if folded in sets:
            key = f"{system}\\{sets[folded]}\\Control\\ComputerName\\ComputerName"
            if name := (registry.values(key).text("ComputerName") or "").strip():
                found["hostname"] = name
                break
    version = registry.values(f"{HKLM}\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion")
    parts = [version.text(n) for n in ("ProductName", "DisplayVersion")]
    build = version.text("CurrentBuild")
    text = " ".join(p.strip() for p in parts if p and p.strip())
    if build and build.strip():
        text += f" (build {build.strip()})"
    if text.strip():
        found["os_version"] = text.strip()
    return found


# --- Add/Remove Programs ---------------------------------------------------------------


def uninstall_entries(registry: RegistryView) -> Iterator[Observation]:
    for software, scope, hive in _software_roots(registry):
        base = f"{software}\\{UNINSTALL}"
        for name in registry.subkeys(base):
            path = f"{base}\\{name}"
            values = registry.values(path)
            if not values:
                continue
            attributes = _texts(values, _UNINSTALL_ATTRIBUTES)
            attributes["hive"] = hive
            if PRODUCT_CODE.fullmatch(name):
                attributes["ProductCode"] = name.upper()
            display = (values.text("DisplayName") or "").strip() or name
            yield Observation(Kind.UNINSTALL_ENTRY, registry.spell(path), display, attributes, scope)


# --- services and drivers -------------------------------------------------------------


def services_key(registry: RegistryView, notes: Notes) -> str | None:
    """The Services key of the control set Windows boots with.

    Live and in Wine exports that is `CurrentControlSet`; an export of the whole SYSTEM
    hive holds `ControlSet00N` keys instead, and `SYSTEM\\Select` value `Current` names N.
    """
    system = f"{HKLM}\\SYSTEM"
    sets = {name.casefold(): name for name in registry.subkeys(system)}
    if "currentcontrolset" in sets:
        return f"{system}\\{sets['currentcontrolset']}\\Services"
    current = registry.values(f"{system}\\Select").get("Current")
    if current is not None and isinstance(current.data, int):
        name = f"ControlSet{current.data:03d}".casefold()
        if name in sets:
            return f"{system}\\{sets[name]}\\Services"
    numbered = sorted(name for folded, name in sets.items() if folded.startswith("controlset"))
    if numbered:
        notes.skip(f"{system}\\Select", f"no current control set recorded; read {numbered[0]}")
        return f"{system}\\{numbered[0]}\\Services"
    return None


def service_entries(registry: RegistryView, services: str) -> Iterator[Observation]:
    for name in registry.subkeys(services):
        path = f"{services}\\{name}"
        values = registry.values(path)
        attributes = _texts(values, _SERVICE_ATTRIBUTES)
        if not attributes:
            continue  # a parameters-only key, not a service registration
        kind_value = values.get("Type")
        is_driver = kind_value is not None and kind_value.data in _DRIVER_TYPES
        yield Observation(Kind.DRIVER if is_driver else Kind.SERVICE, registry.spell(path), name, attributes)


def is_server(registry: RegistryView, services: str | None) -> bool:
    """ProductType is "WinNT" on client Windows, "ServerNT" or "LanmanNT" on servers (Microsoft docs)."""
    if services is None:
        return False
    control = services.rsplit("\\", 1)[0] + "\\Control\\ProductOptions"
    product_type = (registry.values(control).text("ProductType") or "").casefold()
    return product_type in ("servernt", "lanmannt")


# --- the vendor's own keys --------------------------------------------------------------


def vendor_keys(registry: RegistryView, roots: tuple[str, ...]) -> Iterator[Observation]:
    """Product and component keys under each vendor root (SOFTWARE\\KasperskyLab), with their state.

    Layout from footprints.md §1.5 / footprints.json `registry_key` records: product keys
    sit under the vendor root and under its `protected` subkey; `InstalledProducts\\<name>`
    (legacy) and `Components\\<n>\\Connectors\\<product>\\<version>` (server products) name
    products too; other `Components\\<n>\\<id>` keys describe installed components (1103 is
    the Network Agent). Every observation carries `vendor_root`, which vendor-level rules match.
    """
    for software, scope, _ in _software_roots(registry):
        for root in roots:
            vendor = f"{software}\\{root}"
            for found in _vendor_children(registry, vendor, scope):
                yield found.replace(attributes={**found.attributes, "vendor_root": root})


def _vendor_children(registry: RegistryView, vendor: str, scope: Scope) -> Iterator[Observation]:
    for child in registry.subkeys(vendor):
        folded = child.casefold()
        if folded == "protected":
            for product in registry.subkeys(f"{vendor}\\{child}"):
                yield _product_key(registry, f"{vendor}\\{child}\\{product}", product, scope)
        elif folded == "installedproducts":
            yield from _installed_products(registry, f"{vendor}\\{child}", scope)
        elif folded == "components":
            yield from _components(registry, f"{vendor}\\{child}", scope)
        else:
            yield _product_key(registry, f"{vendor}\\{child}", child, scope)


def _product_key(registry: RegistryView, path: str, name: str, scope: Scope) -> Observation:
    attributes: dict[str, str] = {}
    # `<key>\environment`: ProductName, ProductVersion (ProductDisplayVersion on KES 11),
    # ProductCode, ProductRoot (Tenable kaspersky_installed.nasl; KCI Dependencies.cs).
    environment = registry.values(f"{path}\\environment")
    for attr in ("ProductName", "ProductVersion", "ProductCode", "ProductRoot"):
        text = environment.text(attr)
        if attr == "ProductVersion" and not text:
            text = environment.text("ProductDisplayVersion")
        if text:
            attributes[attr] = text.strip()
    # `<key>\Data` LastSuccessfulUpdate (GLPI agent AntiVirus.pm reads it as Unix time; a
    # multi-AV backend as a REG_QWORD FILETIME) and `<key>\Data\UpdateState` LastUpdate (FILETIME).
    for key, value in (("Data", "LastSuccessfulUpdate"), ("Data\\UpdateState", "LastUpdate")):
        found = registry.values(f"{path}\\{key}").get(value)
        date = _update_date(found) if found is not None else None
        if date:
            attributes["last_signature_update"] = date
            break
    # `<key>\settings` EnableSelfProtection, 1 = on (admin scripts refuse to run while it is 1).
    self_protection = registry.values(f"{path}\\settings").get("EnableSelfProtection")
    if self_protection is not None and isinstance(self_protection.data, int):
        attributes["self_defence"] = _flag(self_protection.data != 0)
    # `<key>\settings\PasswordProtectionSettings` OPEP: empty means no password (KCI).
    opep = registry.values(f"{path}\\settings\\PasswordProtectionSettings").get("OPEP")
    if opep is not None:
        attributes["password_protection"] = _flag(bool(opep.text))
    return Observation(Kind.VENDOR_KEY, registry.spell(path), name, attributes, scope)


def _installed_products(registry: RegistryView, base: str, scope: Scope) -> Iterator[Observation]:
    # Legacy products: InstalledProducts\<name> with Name, Folder, Version (Tenable).
    for name in registry.subkeys(base):
        path = f"{base}\\{name}"
        values = registry.values(path)
        pairs = (("ProductName", "Name"), ("ProductVersion", "Version"), ("ProductRoot", "Folder"))
        attributes = {attr: text for attr, source in pairs if (text := values.text(source))}
        yield Observation(Kind.VENDOR_KEY, registry.spell(path), name, attributes, scope)


def _components(registry: RegistryView, base: str, scope: Scope) -> Iterator[Observation]:
    # Server products: Components\<n>\Connectors\<product>\<version> with ProdDisplayName and
    # ProdVersion (Tenable; N-able AVStatus.vbs). Other Components\<n>\<id> keys are components,
    # named "Components\<n>\<id>" (Components\34 alone when it has no subkeys: SS_PRODINFO).
    for component in registry.subkeys(base):
        children = registry.subkeys(f"{base}\\{component}")
        if not children:
            path = f"{base}\\{component}"
            yield Observation(Kind.VENDOR_KEY, registry.spell(path), f"Components\\{component}", {}, scope)
        for child in children:
            if child.casefold() != "connectors":
                path = f"{base}\\{component}\\{child}"
                name = f"Components\\{component}\\{child}"
                yield Observation(Kind.VENDOR_KEY, registry.spell(path), name, {}, scope)
                continue
            connectors = f"{base}\\{component}\\{child}"
            for product in registry.subkeys(connectors):
                for version in registry.subkeys(f"{connectors}\\{product}"):
                    path = f"{connectors}\\{product}\\{version}"
                    values = registry.values(path)
                    attributes = {"ProductVersion": values.text("ProdVersion") or version}
                    if display := values.text("ProdDisplayName"):
                        attributes["ProductName"] = display
                    yield Observation(Kind.VENDOR_KEY, registry.spell(path), product, attributes, scope)


def _update_date(value: RegValue) -> str | None:
    data = value.data
    if isinstance(data, bytes) and len(data) in (4, 8):
        data = int.from_bytes(data, "little")
    if not isinstance(data, int) or data in (0, 0xFFFFFFFF):
        return None  # GLPI treats 0xFFFFFFFF as "never updated"
    if data > 0xFFFFFFFF:  # FILETIME: 100 ns ticks since 1601-01-01
        moment = datetime(1601, 1, 1, tzinfo=UTC) + timedelta(microseconds=data // 10)
    else:
        moment = datetime.fromtimestamp(data, UTC)
    return moment.date().isoformat() if 1995 <= moment.year <= 2100 else None


def _flag(value: bool) -> str:
    return "true" if value else "false"


# --- Windows Security Center (live only) ------------------------------------------------

_WSC_ARGUMENTS = (
    "-NoProfile",
    "-NonInteractive",
    "-Command",
    "Get-CimInstance -Namespace root/SecurityCenter2 -ClassName AntiVirusProduct | "
    "Select-Object displayName,productState,pathToSignedProductExe | ConvertTo-Json -Compress",
)


def security_center(notes: Notes) -> Iterator[Observation]:
    """Antivirus products registered with Windows Security Center, read through WMI."""
    try:
        done = subprocess.run(
            (powershell_path(), *_WSC_ARGUMENTS), capture_output=True, text=True, timeout=20, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        notes.skip("wmi:root/SecurityCenter2", f"Security Center could not be queried ({error})")
        return
    if done.returncode != 0:
        notes.skip("wmi:root/SecurityCenter2", "Security Center could not be queried")
        return
    yield from security_center_products(done.stdout, notes)


def powershell_path() -> str:
    """Windows PowerShell by its full path. A bare "powershell.exe" is looked for in the program's
    own folder and the current folder before System32, so a copy planted there would run instead."""
    return system_folder() + "\\WindowsPowerShell\\v1.0\\powershell.exe"


def system_folder() -> str:
    """The System32 folder, as Windows reports it (not from an environment variable anyone can set)."""
    if sys.platform == "win32":
        import ctypes

        buffer = ctypes.create_unicode_buffer(260)
        if ctypes.windll.kernel32.GetSystemDirectoryW(buffer, len(buffer)):
            return buffer.value
    return "C:\\Windows\\System32"


def security_center_products(output: str, notes: Notes) -> Iterator[Observation]:
    """Observations from the JSON that `ConvertTo-Json` prints (one object, or a list of them)."""
    if not output.strip():
        return
    try:
        parsed = json.loads(output)
    except ValueError:
        notes.skip("wmi:root/SecurityCenter2", "Security Center answered with something that is not JSON")
        return
    for item in parsed if isinstance(parsed, list) else [parsed]:
        if not isinstance(item, dict) or not isinstance(item.get("displayName"), str):
            continue
        name = item["displayName"]
        attributes = {"path": str(item.get("pathToSignedProductExe") or "")}
        state = item.get("productState")
        if isinstance(state, int):
            # productState in hex ends in two bytes: the first is 0x1? when real-time protection
            # is on, the last 0x00 when definitions are up to date (GLPI agent AntiVirus.pm;
            # 262144/262160/266240/266256 = off/off+old/on/on+old in an AMP script, footprints.json).
            attributes["product_state"] = str(state)
            attributes["active"] = _flag((state >> 12) & 0xF == 1)
            attributes["up_to_date"] = _flag(state & 0xFF == 0)
        location = f"wmi:root/SecurityCenter2/AntiVirusProduct/{name}"
        yield Observation(Kind.SECURITY_CENTER, location, name, attributes)


# --- browser extensions in the registry ---------------------------------------------------

# External-extension keys and force-install policies, as Chrome, Edge and Firefox document them.
_EXTENSION_KEYS = (
    (r"Google\Chrome\Extensions", "chrome"),
    (r"Microsoft\Edge\Extensions", "edge"),
)
_EXTENSION_POLICIES = (
    (r"Policies\Google\Chrome\ExtensionInstallForcelist", "chrome"),
    (r"Policies\Microsoft\Edge\ExtensionInstallForcelist", "edge"),
)


def extension_keys(registry: RegistryView) -> Iterator[Observation]:
    for software, scope, _ in _software_roots(registry):
        for relative, browser in _EXTENSION_KEYS:
            base = f"{software}\\{relative}"
            for ext_id in registry.subkeys(base):
                path = f"{base}\\{ext_id}"
                attributes = {"browser": browser, **_texts(registry.values(path), ("version", "path"))}
                yield Observation(Kind.BROWSER_EXTENSION, registry.spell(path), ext_id, attributes, scope)
        for relative, browser in _EXTENSION_POLICIES:
            path = f"{software}\\{relative}"
            for value in registry.values(path).values():
                ext_id = value.text.split(";", 1)[0].strip()  # "<id>;<update url>"
                if ext_id:
                    yield Observation(
                        Kind.BROWSER_EXTENSION, registry.spell(path), ext_id, {"browser": browser}, scope
                    )
        path = f"{software}\\Mozilla\\Firefox\\Extensions"  # value name = add-on id, data = its path
        for ext_id, value in registry.values(path).items():
            attributes = {"browser": "firefox", "path": value.text}
            yield Observation(Kind.BROWSER_EXTENSION, registry.spell(path), ext_id, attributes, scope)


def _texts(values: Values, names: tuple[str, ...]) -> dict[str, str]:
    return {name: text for name in names if (text := values.text(name)) is not None}


# --- files under the root -----------------------------------------------------------------


def folders(root: str, notes: Notes) -> Iterator[Observation]:
    """Install and data folders two levels deep, and driver files, as Windows paths."""
    for top in ("Program Files", "Program Files (x86)", "ProgramData"):
        yield from _two_levels(root, [top], "machine", notes)
    drivers = ["Windows", "System32", "drivers"]
    for entry in _entries(root, drivers, notes):
        if entry.is_dir(follow_symlinks=False):
            yield _path_obs(root, [*drivers, entry.name], "dir", "machine")
            for inner in _entries(root, [*drivers, entry.name], notes):
                if inner.name.lower().endswith(".sys") and inner.is_file(follow_symlinks=False):
                    yield _path_obs(root, [*drivers, entry.name, inner.name], "file", "machine")
        elif entry.name.lower().endswith(".sys") and entry.is_file(follow_symlinks=False):
            yield _path_obs(root, [*drivers, entry.name], "file", "machine")
    for user in _users(root, notes):
        for area in ("Local", "Roaming"):
            yield from _two_levels(root, ["Users", user, "AppData", area], "user", notes)


def _two_levels(root: str, parts: list[str], scope: Scope, notes: Notes) -> Iterator[Observation]:
    for entry in _entries(root, parts, notes):
        if entry.is_dir(follow_symlinks=False):
            yield _path_obs(root, [*parts, entry.name], "dir", scope)
            for inner in _entries(root, [*parts, entry.name], notes):
                if inner.is_dir(follow_symlinks=False):
                    yield _path_obs(root, [*parts, entry.name, inner.name], "dir", scope)


def _users(root: str, notes: Notes) -> list[str]:
    return [e.name for e in _entries(root, ["Users"], notes) if e.is_dir(follow_symlinks=False)]


def _path_obs(root: str, parts: list[str], kind: str, scope: Scope) -> Observation:
    path = _windows_path(root, parts)
    return Observation(Kind.PATH, path, path, {"type": kind}, scope)


def _windows_path(root: str, parts: list[str]) -> str:
    """The path as the scanned machine shows it: under the system drive, with backslashes."""
    drive = root.rstrip("\\/") if re.fullmatch(r"[A-Za-z]:[\\/]?", root) else "C:"
    return drive + "\\" + "\\".join(parts)


def _resolve(root: str, parts: list[str]) -> str | None:
    """The real folder for `parts`, matching each name without regard to case, as Windows does."""
    current = root
    for part in parts:
        candidate = os.path.join(current, part)
        if os.path.isdir(candidate) and not os.path.islink(candidate):
            current = candidate
            continue
        wanted = part.casefold()
        try:
            with os.scandir(current) as found:
                match = next(
                    (
                        e.path
                        for e in found
                        if e.name.casefold() == wanted and e.is_dir(follow_symlinks=False)
                    ),
                    None,
                )
        except OSError:
            return None
        if match is None:
            return None
        current = match
    return current


def _entries(root: str, parts: list[str], notes: Notes) -> list[os.DirEntry[str]]:
    folder = _resolve(root, parts)
    if folder is None:
        return []
    try:
        with os.scandir(folder) as found:
            return sorted(found, key=lambda e: e.name)
    except OSError as error:
        notes.skip(_windows_path(root, parts), f"folder could not be read ({error.strerror or error})")
        return []


# --- browser extensions on disk -------------------------------------------------------------

_CHROMIUM = (("Google", "Chrome", "chrome"), ("Microsoft", "Edge", "edge"))


def browser_extensions(root: str, notes: Notes) -> Iterator[Observation]:
    """Chrome and Edge extensions (one folder per id and version) and Firefox add-ons, per profile."""
    for user in _users(root, notes):
        for company, product, browser in _CHROMIUM:
            data = ["Users", user, "AppData", "Local", company, product, "User Data"]
            for profile in _entries(root, data, notes):
                if not profile.is_dir(follow_symlinks=False):
                    continue
                extensions = [*data, profile.name, "Extensions"]
                for ext in _entries(root, extensions, notes):
                    if ext.is_dir(follow_symlinks=False):
                        yield _chromium_extension(root, [*extensions, ext.name], browser, notes)
        profiles = ["Users", user, "AppData", "Roaming", "Mozilla", "Firefox", "Profiles"]
        for profile in _entries(root, profiles, notes):
            if profile.is_dir(follow_symlinks=False):
                yield from _firefox_addons(root, [*profiles, profile.name], notes)


def _chromium_extension(root: str, parts: list[str], browser: str, notes: Notes) -> Observation:
    attributes = {"browser": browser, "path": _windows_path(root, parts)}
    versions = [e for e in _entries(root, parts, notes) if e.is_dir(follow_symlinks=False)]
    if versions:
        latest = versions[-1]
        attributes["version"] = latest.name
        manifest = _read_json(os.path.join(latest.path, "manifest.json"), _windows_path(root, parts), notes)
        if isinstance(manifest, dict) and isinstance(manifest.get("name"), str):
            attributes["name"] = _localized(manifest, latest.path, root, parts, notes)
    return Observation(Kind.BROWSER_EXTENSION, attributes["path"], parts[-1], attributes, "user")


def _localized(manifest: dict[str, Any], folder: str, root: str, parts: list[str], notes: Notes) -> str:
    name: str = manifest["name"]
    found = re.fullmatch(r"__MSG_(\w+)__", name)
    locale = manifest.get("default_locale")
    if not found or not isinstance(locale, str) or not re.fullmatch(r"[\w-]+", locale):
        return name
    messages = _read_json(
        os.path.join(folder, "_locales", locale, "messages.json"), _windows_path(root, parts), notes
    )
    if isinstance(messages, dict):
        wanted = found.group(1).casefold()  # Chrome matches message names without regard to case
        for key, entry in messages.items():
            if key.casefold() == wanted and isinstance(entry, dict) and isinstance(entry.get("message"), str):
                return str(entry["message"])
    return name


def _firefox_addons(root: str, parts: list[str], notes: Notes) -> Iterator[Observation]:
    folder = _resolve(root, parts)
    known: dict[str, dict[str, Any]] = {}
    if folder is not None:
        listing = _read_json(os.path.join(folder, "extensions.json"), _windows_path(root, parts), notes)
        addons = listing.get("addons") if isinstance(listing, dict) else None
        for addon in addons if isinstance(addons, list) else []:
            if isinstance(addon, dict) and isinstance(addon.get("id"), str):
                known[addon["id"]] = addon
    for entry in _entries(root, [*parts, "extensions"], notes):
        ext_id = entry.name[:-4] if entry.name.lower().endswith(".xpi") else entry.name
        attributes = {"browser": "firefox", "path": _windows_path(root, [*parts, "extensions", entry.name])}
        addon = known.get(ext_id, {})
        if isinstance(addon.get("version"), str):
            attributes["version"] = addon["version"]
        locale = addon.get("defaultLocale")
        if isinstance(locale, dict) and isinstance(locale.get("name"), str):
            attributes["name"] = locale["name"]
        yield Observation(Kind.BROWSER_EXTENSION, attributes["path"], ext_id, attributes, "user")


def _read_json(path: str, where: str, notes: Notes) -> object:
    """A small JSON file in a browser profile, or None (absent; or noted: damaged, special, too large).

    Checked and read through one descriptor (core/detection/adapters/rootfs.py): a FIFO named manifest.json
    must not block the scan, nor a link to /dev/zero read without end; links are not followed, as
    the folder walk follows none (on a mounted disk an absolute link points into the host).
    """
    name = os.path.basename(path)
    try:
        data = read_regular_file(path, _MAX_MANIFEST_BYTES, follow_links=False)
    except FileNotFoundError:
        return None
    except SkippedFile as why:
        notes.skip(where, f"{name} {why}")  # "manifest.json skipped: not a regular file"
        return None
    try:
        return json.loads(data.decode("utf-8-sig"))
    except (ValueError, RecursionError):  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        notes.skip(where, f"{name} could not be read")
        return None


def windows_volume(root: str, notes: Notes, *, where: str) -> RegistryView | None:
    """The registry of a mounted Windows volume from its hive files, or None when it has none."""
    from core.detection.adapters.hive import HKLM, HKU, HiveView, child_file, profile_sids

    config = _resolve(root, ["Windows", "System32", "config"])
    if config is None:
        return None
    view = HiveView(notes)
    for name in ("SOFTWARE", "SYSTEM"):
        file = child_file(config, name)
        if file is not None:
            view.mount(f"{HKLM}\\{name}", file, f"{where}\\Windows\\System32\\config\\{name}")
    if not view.mounted:
        return None
    profiles = profile_sids(view)
    for user in _users(root, notes):
        folder = _resolve(root, ["Users", user])
        hive = child_file(folder, "NTUSER.DAT") if folder else None
        if hive is not None:
            sid = profiles.get(user.casefold(), user)
            view.mount(f"{HKU}\\{sid}", hive, f"{where}\\Users\\{user}\\NTUSER.DAT")
    return view
