"""Built-in simulated Windows machines for training and trying Switchover safely.

A demo machine is just another observation source (`observe` plugs into
`core.scan.scan`), a `Runner` that changes the simulated machine when the
plan's own commands run, and a protection probe. Nothing here touches the
real computer: the runner never starts a program.

The observations are shaped exactly like a real Windows scan's (see
docs/interfaces.md, "Observation names"), so the matcher, the plan and the
executor run unchanged. All ProductCode GUIDs below are FAKE: they follow the
pattern {00000000-DE40-4000-8000-0000000000NN} ("DE40" for demo) so that
nobody mistakes them for real Kaspersky product codes.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from core.exit_codes import (
    ERROR_CANCELLED,
    ERROR_INSTALL_FAILURE,
    ERROR_SUCCESS,
    ERROR_SUCCESS_REBOOT_REQUIRED,
    ERROR_UNKNOWN_PRODUCT,
)
from core.model import Kind, Notes, Observation, Scope, Target
from core.runner import RunResult

if TYPE_CHECKING:  # the demo window opens before removal and verification code is needed
    from core.plan import Step
    from core.verify import Protection

# The uninstall password of the simulated office PC; shown in the demo so trainees can use it.
DEMO_PASSWORD = "demo-uninstall-2024"  # noqa: S105 - public on purpose: a training value, not a secret
DEMO_LOGIN = "KLAdmin"
# Windows Installer property names that carry uninstall passwords (names, not secrets).
KES_PASSWORD_PROPERTY = "KLPASSWD"  # noqa: S105
AGENT_PASSWORD_PROPERTY = "KLUNINSTPASSWD"  # noqa: S105

# Windows Installer exit codes the simulated uninstallers return.
MSI_OK = ERROR_SUCCESS
MSI_REBOOT_NEEDED = ERROR_SUCCESS_REBOOT_REQUIRED
MSI_NOT_INSTALLED = ERROR_UNKNOWN_PRODUCT
MSI_FAILED = ERROR_INSTALL_FAILURE

_UNINSTALL = r"HKEY_LOCAL_MACHINE\SOFTWARE\WOW6432Node\Microsoft\Windows\CurrentVersion\Uninstall"
_SERVICES = r"HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Services"
_KL_KEY = r"HKEY_LOCAL_MACHINE\SOFTWARE\WOW6432Node\KasperskyLab\protected"
_KL_FILES = r"C:\Program Files (x86)\Kaspersky Lab"


def _fake_code(n: int) -> str:
    """A clearly fake ProductCode for the demo (never a real product's)."""
    return f"{{00000000-DE40-4000-8000-{n:012d}}}"


def _uninstall_entry(
    name: str,
    publisher: str,
    version: str,
    code: str,
    folder: str,
    *,
    msi: bool = True,
    no_remove: bool = False,
) -> Observation:
    attributes = {
        "Publisher": publisher,
        "DisplayVersion": version,
        "InstallLocation": folder,
        "hive": "HKLM",
    }
    if msi:
        # Real entries hold the repair command (/I); the plan must turn it into /x.
        attributes |= {
            "UninstallString": f"MsiExec.exe /I{code}",
            "WindowsInstaller": "1",
            "ProductCode": code,
        }
    else:
        attributes |= {
            "UninstallString": f'"{folder}\\uninstall.exe"',
            "QuietUninstallString": f'"{folder}\\uninstall.exe" /S',
        }
    if no_remove:
        attributes["NoRemove"] = "1"
    key = code if msi else name
    return Observation(Kind.UNINSTALL_ENTRY, f"{_UNINSTALL}\\{key}", name, attributes)


def _service(name: str, display: str, image: str, *, driver: bool = False) -> Observation:
    attributes = {"DisplayName": display, "ImagePath": image, "Type": "2" if driver else "16", "Start": "2"}
    return Observation(Kind.DRIVER if driver else Kind.SERVICE, f"{_SERVICES}\\{name}", name, attributes)


def _driver(name: str, display: str) -> Observation:
    return _service(name, display, f"\\SystemRoot\\System32\\drivers\\{name}.sys", driver=True)


def _process(name: str, pid: int, exe: str) -> Observation:
    return Observation(Kind.PROCESS, f"process:{name}:{pid}", name, {"pid": str(pid), "exe": exe})


def _path(path: str, *, kind: str = "dir", scope: Scope = "machine") -> Observation:
    return Observation(Kind.PATH, path, path, {"type": kind}, scope)


def _security_center(name: str, *, active: bool, up_to_date: bool, path: str) -> Observation:
    attributes = {
        "active": str(active).lower(),
        "up_to_date": str(up_to_date).lower(),
        "product_state": "397312" if active else "393472",
        "path": path,
    }
    return Observation(
        Kind.SECURITY_CENTER, f"root\\SecurityCenter2\\AntiVirusProduct\\{name}", name, attributes
    )


@dataclass(frozen=True)
class DemoProduct:
    """One simulated installed product and what its uninstaller does to the machine."""

    name: str
    code: str
    observations: tuple[Observation, ...]  # gone as soon as the uninstaller succeeds
    after_reboot: tuple[Observation, ...] = ()  # drivers that stay loaded until a restart
    uninstaller: str | None = None  # an .exe uninstaller instead of Windows Installer
    secret_property: str | None = None  # KLPASSWD (plain) or KLUNINSTPASSWD (hex of UTF-16LE)
    antivirus: bool = False  # registers with Windows Security Center as the machine's antivirus


@dataclass
class _MachineState:
    installed: set[str]  # product codes
    pending_reboot: set[str] = field(default_factory=set)  # codes whose drivers wait for a restart
    lock: threading.Lock = field(default_factory=threading.Lock)


class DemoRunner:
    """A `Runner` that simulates the uninstallers of a demo machine; it never starts a program."""

    def __init__(self, machine: DemoMachine, *, delay: float) -> None:
        self._machine = machine
        self._delay = delay
        self.refuse_elevation = 0  # how many administrator prompts the simulated user declines next
        self.calls: list[tuple[str, ...]] = []  # what ran, secrets scrubbed, for tests and training

    def run(
        self,
        argv: Sequence[str],
        *,
        elevated: bool,
        timeout: float,
        cancel: threading.Event,
        secrets: Sequence[str] = (),
    ) -> RunResult:
        self.calls.append(tuple(_scrub(arg, secrets) for arg in argv))
        if elevated and self.refuse_elevation > 0:
            self.refuse_elevation -= 1
            return RunResult(
                exit_code=ERROR_CANCELLED, error="elevation refused: the administrator prompt was declined"
            )
        if cancel.wait(min(self._delay, timeout)):
            return RunResult(exit_code=None, cancelled=True)
        product = self._machine.product_for(argv)
        if product is None:
            return RunResult(exit_code=MSI_OK, output_tail="demo: nothing to simulate for this command")
        return self._machine.uninstall(product, argv)


def _scrub(text: str, secrets: Sequence[str]) -> str:
    for secret in secrets:
        if secret:
            text = text.replace(secret, "********")
    return text


class DemoMachine:
    """A simulated Windows PC whose scan, uninstallers and protection react to each other."""

    def __init__(
        self,
        key: str,
        title: str,
        products: Sequence[DemoProduct],
        *,
        delay: float = 0.0,
        password_hint: str | None = None,
    ) -> None:
        self.key = key
        self.title = title
        self.password_hint = password_hint
        self.target = Target(os="windows", live=False, root=f"demo:{key}")
        self.products = tuple(products)
        self._state = _MachineState(installed={p.code for p in products})
        self.delay = delay
        self.runner = DemoRunner(self, delay=delay)

    def observe(self, target: Target, notes: Notes) -> Iterator[Observation]:
        """The machine as a scan sees it now; plug into `core.scan.scan(observe=...)`."""
        with self._state.lock:
            installed = set(self._state.installed)
            pending = set(self._state.pending_reboot)
        for product in self.products:
            if product.code in installed:
                yield from product.observations
            if product.code in installed or product.code in pending:
                yield from product.after_reboot
        yield from self._defender(defender_on=not self._kaspersky_antivirus_left(installed))

    def protection(self) -> Protection:
        """The protection probe: which antivirus is active now (Defender turns on once Kaspersky is gone)."""
        from core.verify import Protection

        with self._state.lock:
            installed = set(self._state.installed)
        active = [p.name for p in self.products if p.antivirus and p.code in installed]
        if not self._kaspersky_antivirus_left(installed):
            active.append("Microsoft Defender Antivirus")
        return Protection(active=tuple(active))

    def guard(self, step: Step, argv: Sequence[str], plan: object) -> str | None:
        """The executor's guard for the demo: the real path policy, minus the signature check
        (there is no file to check on a simulated machine, and nothing really runs)."""
        from core.guard import check_command

        verdict = check_command(argv, os=self.target.os)
        return None if verdict.allowed else verdict.reason

    @property
    def reboot_pending(self) -> bool:
        with self._state.lock:
            return bool(self._state.pending_reboot)

    def restart(self) -> None:
        """Simulate restarting the PC: drivers that waited for it unload."""
        with self._state.lock:
            self._state.pending_reboot.clear()

    def product_for(self, argv: Sequence[str]) -> DemoProduct | None:
        """Which product's uninstaller this command is: `msiexec /x {CODE}` or its own uninstall.exe."""
        if not argv:
            return None
        program = argv[0].strip('"').replace("/", "\\").rsplit("\\", 1)[-1].casefold()
        if program in ("msiexec", "msiexec.exe"):
            args = [a.casefold() for a in argv[1:]]
            codes = [a[2:] if len(a) > 2 else "" for a in args if a.startswith("/x")]
            if "/x" in args:
                codes.append(args[args.index("/x") + 1] if args.index("/x") + 1 < len(args) else "")
            return next((p for p in self.products if p.code.casefold() in codes), None)
        return next(
            (
                p
                for p in self.products
                if p.uninstaller and p.uninstaller.casefold() == argv[0].strip('"').casefold()
            ),
            None,
        )

    def uninstall(self, product: DemoProduct, argv: Sequence[str]) -> RunResult:
        with self._state.lock:
            if product.code not in self._state.installed:
                return RunResult(exit_code=MSI_NOT_INSTALLED, output_tail="This product is not installed.")
            if product.secret_property and not _password_given(product.secret_property, argv):
                return RunResult(
                    exit_code=MSI_FAILED, output_tail="The uninstall password is missing or not valid."
                )
            self._state.installed.discard(product.code)
            if product.after_reboot:
                self._state.pending_reboot.add(product.code)
                return RunResult(
                    exit_code=MSI_REBOOT_NEEDED, output_tail="Restart required to finish removal."
                )
        return RunResult(exit_code=MSI_OK, output_tail="Removal completed successfully.")

    def _kaspersky_antivirus_left(self, installed: set[str]) -> bool:
        return any(p.antivirus and p.code in installed for p in self.products)

    def _defender(self, *, defender_on: bool) -> Iterator[Observation]:
        yield _service(
            "WinDefend",
            "Microsoft Defender Antivirus Service",
            r'"C:\ProgramData\Microsoft\Windows Defender\Platform\4.18.24090.11-0\MsMpEng.exe"',
        )
        yield _security_center(
            "Windows Defender", active=defender_on, up_to_date=True, path=r"windowsdefender://"
        )
        if defender_on:
            yield _process(
                "MsMpEng.exe",
                3120,
                r"C:\ProgramData\Microsoft\Windows Defender\Platform\4.18.24090.11-0\MsMpEng.exe",
            )


def _password_given(prop: str, argv: Sequence[str]) -> bool:
    expected = DEMO_PASSWORD
    if prop == AGENT_PASSWORD_PROPERTY:  # the Network Agent takes the hex of the UTF-16LE password
        expected = DEMO_PASSWORD.encode("utf-16-le").hex()
    given = next((a.split("=", 1)[1] for a in argv if a.upper().startswith(prop + "=")), None)
    return given is not None and given.strip('"').upper() == expected.upper()


def _home(delay: float) -> DemoMachine:
    premium_dir = rf"{_KL_FILES}\Kaspersky 21.16"
    premium_code, kpm_code, vpn_code = _fake_code(1), _fake_code(2), _fake_code(3)
    premium = DemoProduct(
        name="Kaspersky Premium",
        code=premium_code,
        antivirus=True,
        observations=(
            _uninstall_entry("Kaspersky Premium", "Kaspersky", "21.16.6.467", premium_code, premium_dir),
            Observation(
                Kind.VENDOR_KEY,
                rf"{_KL_KEY}\AVP21.16",
                "AVP21.16",
                {
                    "ProductName": "Kaspersky Premium",
                    "ProductVersion": "21.16.6.467",
                    "ProductCode": premium_code,
                    "ProductRoot": premium_dir,
                    "last_signature_update": "2024-09-28",
                    "self_defence": "true",
                    "password_protection": "false",
                },
            ),
            _service("AVP21.16", "Kaspersky Anti-Virus Service 21.16", rf'"{premium_dir}\avp.exe" -r'),
            _process("avp.exe", 2240, rf"{premium_dir}\avp.exe"),
            _process("avpui.exe", 6812, rf"{premium_dir}\avpui.exe"),
            _path(premium_dir),
            _path(r"C:\ProgramData\Kaspersky Lab\AVP21.16"),
            _security_center(
                "Kaspersky Premium", active=True, up_to_date=False, path=rf"{premium_dir}\wmiav.exe"
            ),
        ),
        after_reboot=(
            _driver("klif", "Kaspersky Lab Core System Interceptors"),
            _driver("klflt", "Kaspersky Lab Filter Core"),
            _driver("klhk", "Kaspersky Lab klhk"),
        ),
    )
    kpm_dir = rf"{_KL_FILES}\Kaspersky Password Manager 24.0"
    password_manager = DemoProduct(
        name="Kaspersky Password Manager",
        code=kpm_code,
        observations=(
            _uninstall_entry("Kaspersky Password Manager", "Kaspersky", "24.0.0.427", kpm_code, kpm_dir),
            _process("kpm.exe", 7304, rf"{kpm_dir}\kpm.exe"),
            _path(kpm_dir),
            _path(
                r"C:\Users\Alex\AppData\Local\Kaspersky Lab\Kaspersky Password Manager\kpm_vault.edb",
                kind="file",
                scope="user",
            ),
        ),
    )
    vpn_dir = rf"{_KL_FILES}\Kaspersky VPN 5.16"
    vpn = DemoProduct(
        name="Kaspersky VPN Secure Connection",
        code=vpn_code,
        observations=(
            _uninstall_entry(
                "Kaspersky VPN Secure Connection", "Kaspersky", "5.16.0.1156", vpn_code, vpn_dir
            ),
            _service("ksde5.16", "Kaspersky VPN Secure Connection Service 5.16", rf'"{vpn_dir}\ksde.exe" -r'),
            _process("ksde.exe", 4410, rf"{vpn_dir}\ksde.exe"),
            _driver("kltap", "TAP-Windows Virtual Network Driver (Kaspersky)"),
            _path(vpn_dir),
        ),
    )
    ultra_dir = r"C:\Program Files\UltraAV"
    ultraav = DemoProduct(
        name="UltraAV",
        code="UltraAV",  # an .exe-based product: its uninstall key is named after it, no ProductCode
        uninstaller=rf"{ultra_dir}\uninstall.exe",
        observations=(
            _uninstall_entry("UltraAV", "Pango Group", "1.1.0.1034", "UltraAV", ultra_dir, msi=False),
            _process("UltraAV.exe", 5120, rf"{ultra_dir}\UltraAV.exe"),
            _path(ultra_dir),
        ),
    )
    return DemoMachine(
        "home",
        "Home PC: Kaspersky Premium, Password Manager, VPN Secure Connection and UltraAV",
        [premium, password_manager, vpn, ultraav],
        delay=delay,
    )


def _office(delay: float) -> DemoMachine:
    kes_dir = rf"{_KL_FILES}\KES.12.5.0"
    kes_code, agent_code = _fake_code(11), _fake_code(12)
    kes = DemoProduct(
        name="Kaspersky Endpoint Security for Windows",
        code=kes_code,
        antivirus=True,
        secret_property=KES_PASSWORD_PROPERTY,
        observations=(
            _uninstall_entry(
                "Kaspersky Endpoint Security for Windows",
                "AO Kaspersky Lab",
                "12.5.0.538",
                kes_code,
                kes_dir,
                no_remove=True,
            ),
            Observation(
                Kind.VENDOR_KEY,
                rf"{_KL_KEY}\KES.12.5",
                "KES.12.5",
                {
                    "ProductName": "Kaspersky Endpoint Security for Windows",
                    "ProductVersion": "12.5.0.538",
                    "ProductCode": kes_code,
                    "ProductRoot": kes_dir,
                    "last_signature_update": "2024-09-28",
                    "self_defence": "true",
                    "password_protection": "true",
                },
            ),
            _service("AVP12.5", "Kaspersky Endpoint Security Service", rf'"{kes_dir}\avp.exe" -r'),
            _process("avp.exe", 2016, rf"{kes_dir}\avp.exe"),
            _process("avpui.exe", 5488, rf"{kes_dir}\avpui.exe"),
            _path(kes_dir),
            _path(r"C:\ProgramData\Kaspersky Lab\KES.12.5"),
            _security_center(
                "Kaspersky Endpoint Security for Windows",
                active=True,
                up_to_date=False,
                path=rf"{kes_dir}\wmiav.exe",
            ),
        ),
        after_reboot=(
            _driver("klif", "Kaspersky Lab Core System Interceptors"),
            _driver("klim6", "Kaspersky Lab Packet Network Filter"),
            _driver("klbackupflt", "Kaspersky Lab Backup Filter"),
            _driver("klwtp", "Kaspersky Lab WFP Network Driver"),
        ),
    )
    agent_dir = rf"{_KL_FILES}\NetworkAgent"
    agent = DemoProduct(
        name="Kaspersky Security Center Network Agent",
        code=agent_code,
        secret_property=AGENT_PASSWORD_PROPERTY,
        observations=(
            _uninstall_entry(
                "Kaspersky Security Center Network Agent",
                "AO Kaspersky Lab",
                "14.2.0.26967",
                agent_code,
                agent_dir,
            ),
            _service("klnagent", "Kaspersky Security Center Network Agent", rf'"{agent_dir}\klnagent.exe"'),
            _process("klnagent.exe", 1804, rf"{agent_dir}\klnagent.exe"),
            _path(agent_dir),
        ),
    )
    return DemoMachine(
        "office",
        "Office PC: Kaspersky Endpoint Security (password-protected) and Network Agent,"
        " managed by Security Center",
        [kes, agent],
        delay=delay,
        password_hint=DEMO_PASSWORD,
    )


def demo_machines(delay: float = 0.0) -> dict[str, DemoMachine]:
    """Fresh simulated machines; `delay` is how long each simulated uninstaller takes, in seconds."""
    return {"home": _home(delay), "office": _office(delay)}
