"""Removal plans: products in, ordered steps out. Pure: a plan never runs anything.

The `switchover.plan/1` document (`Plan.to_json`) is the contract shared by the
command line, the GUI, the executor and reports; see docs/plan.md.

The order is the one a careful technician follows: rescue what would be lost
(passwords, licence, quarantined files, encrypted data), then remove products in
their families' `removal_order` (the Network Agent last: removing it first frees
the device from policy and can make the uninstall password unrecoverable), with
Kaspersky's own mechanisms first and its removal tool as the guided fallback;
successors separately; then restart, verify and deal with leftovers.
Every sentence a person reads (titles, reasons, needs, warnings) is data: a text id
such as "rescue.quarantine.title", in resources/plan/<language>.json.
Vendor facts are from /work/shared/research/footprints.md ("footprints" below).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import ClassVar, Literal

from core import guard
from core.messages import DEFAULT_LANGUAGE, phrase
from core.model import Evidence, Kind, OsName, Product, ScanResult
from core.signatures import bundled_signatures
from core.windows_cmdline import split_command_line

Phase = Literal["rescue", "remove", "finish"]
Mode = Literal["interactive", "silent"]

SCHEMA = "switchover.plan/1"
PASSWORD = "{password}"  # noqa: S105 - a placeholder, never a secret
PASSWORD_HEX = "{password_hex}"  # noqa: S105 - hex of the UTF-16LE password, filled in at run time

MSIEXEC = guard.WINDOWS_MSIEXEC
# Kaspersky's own uninstall strings log to C:\Windows\Temp (footprints §1.3, pastebin csNuehYH), but
# users can write there, and an elevated msiexec would write its log through a link planted at that
# name. C:\Windows\Logs is writable by administrators only.
_MSI_LOG = "C:\\Windows\\Logs\\switchover-{name}.log"

# Windows Installer properties that answer a family's uninstall password (footprints §1.4: KES takes
# KLLOGIN/KLPASSWD, default account KLAdmin; the Network Agent takes KLUNINSTPASSWD as UTF-16LE hex).
_MSI_PASSWORD_PROPERTIES: Mapping[str, tuple[str, ...]] = {
    "kes": ("KLLOGIN=KLAdmin", f"KLPASSWD={PASSWORD}"),
    "network-agent": (f"KLUNINSTPASSWD={PASSWORD_HEX}",),
}
# Kaspersky's uninstall scripts on macOS (footprints §2, gist mrowell/732b71cc3699865e6aefe54edf3c1329).
_MACOS_UNINSTALLERS: Mapping[str, str] = {
    "network-agent": "/Library/Application Support/Kaspersky Lab/klnagent/Binaries/UninstallScript",
}
_MACOS_UNINSTALLER = "/Library/Application Support/Kaspersky Lab/KAV/Binaries/UninstallScript"
_GUID = re.compile(r"\{[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\}")
_USER_HIVES = ("HKEY_CURRENT_USER", "HKCU", "HKEY_USERS", "HKU\\")


@dataclass(frozen=True)
class Step:
    """One thing to do, in plain words, with the exact program it would run (or None when done by hand).

    Secrets never appear in `command`: a password is written as the placeholder
    `{password}` (or `{password_hex}`, hex of its UTF-16LE bytes) and filled in by
    the executor at run time.
    """

    id: str
    phase: Phase
    action: str
    title: str
    why: str
    product: str | None = None
    product_id: str | None = None
    command: tuple[str, ...] | None = None
    elevated: bool = False
    needs: tuple[str, ...] = ()
    undoable: bool = False
    timeout_s: int = 1800
    details: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "phase": self.phase,
            "action": self.action,
            "title": self.title,
            "why": self.why,
            "product": self.product,
            "product_id": self.product_id,
            "command": list(self.command) if self.command is not None else None,
            "elevated": self.elevated,
            "needs": list(self.needs),
            "undoable": self.undoable,
            "timeout_s": self.timeout_s,
            "details": dict(self.details),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> Step:
        command = data.get("command")
        return cls(
            id=str(data["id"]),
            phase=data["phase"],  # type: ignore[arg-type]
            action=str(data["action"]),
            title=str(data["title"]),
            why=str(data["why"]),
            product=_optional_str(data.get("product")),
            product_id=_optional_str(data.get("product_id")),
            command=tuple(str(a) for a in command) if isinstance(command, list) else None,
            elevated=bool(data.get("elevated", False)),
            needs=tuple(str(n) for n in data.get("needs", ())),  # type: ignore[attr-defined]
            undoable=bool(data.get("undoable", False)),
            timeout_s=int(data.get("timeout_s", 1800)),  # type: ignore[call-overload]
            details={str(k): str(v) for k, v in dict(data.get("details", {})).items()},  # type: ignore[call-overload]
        )


@dataclass(frozen=True)
class Plan:
    """The ordered steps for one machine, and what the person must know before starting."""

    created_at: str  # ISO 8601, UTC
    mode: Mode
    os: OsName
    steps: tuple[Step, ...]
    warnings: tuple[str, ...] = ()
    managed: bool = False

    schema: ClassVar[str] = SCHEMA

    def to_json(self) -> dict[str, object]:
        from core import __version__

        return {
            "schema": SCHEMA,
            "switchover_version": __version__,
            "created_at": self.created_at,
            "mode": self.mode,
            "os": self.os,
            "managed": self.managed,
            "warnings": list(self.warnings),
            "steps": [s.to_json() for s in self.steps],
        }

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> Plan:
        """Read a plan document back; a document of another schema raises ValueError."""
        if data.get("schema") != SCHEMA:
            raise ValueError(f"not a {SCHEMA} document (schema: {data.get('schema')!r})")
        steps = data.get("steps")
        if not isinstance(steps, list):
            raise ValueError(f"{SCHEMA}: 'steps' must be a list")
        return cls(
            created_at=str(data["created_at"]),
            mode=data["mode"],  # type: ignore[arg-type]
            os=data["os"],  # type: ignore[arg-type]
            steps=tuple(Step.from_json(s) for s in steps),
            warnings=tuple(str(w) for w in data.get("warnings", ())),  # type: ignore[attr-defined]
            managed=bool(data.get("managed", False)),
        )


def resume_plan(journaled: Plan, fresh: Plan, *, settled: Collection[str]) -> Plan:
    """The plan that finishes an interrupted run: the fresh plan, after the journal's settled records.

    The journal lives in the user's data folder, which the user (or malware running as the
    user) can write, while the resumed run may be elevated: so neither a command nor the order
    is ever taken from it. The steps, their commands, their order and the checks to confirm are
    those of a plan made now from a fresh scan. A step that ended or was cut off (`settled`) and
    that the fresh plan no longer has (its product is gone) keeps its record first, running
    nothing; any other step the fresh plan lacks is dropped.
    """
    now_planned = {step.id for step in fresh.steps}
    records = tuple(
        replace(step, command=None, elevated=False)
        for step in journaled.steps
        if step.id in settled and step.id not in now_planned
    )
    return replace(journaled, steps=records + fresh.steps)


def plan_removal(
    scan: ScanResult,
    *,
    silent: bool = False,
    package_managers: Collection[str] = (),
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
    language: str = DEFAULT_LANGUAGE,
) -> Plan:
    """The removal plan for what the scan found; it changes nothing.

    `silent` plans quiet uninstalls for help-desk runs; `package_managers` names
    the front ends present on a Linux machine ("apt-get", "dnf", "zypper") that
    are preferred to bare dpkg and rpm. Titles, reasons, needs and warnings are
    in `language`, read by id from resources/plan/ (core.messages.phrase);
    commands and ids never change with it.
    """
    kaspersky = _in_removal_order(scan.kaspersky)
    managed = any(p.managed for p in scan.products)
    warnings: list[str] = []
    builder = _Builder(
        scan.target.os, silent, scan.target.root, frozenset(package_managers), warnings, language
    )
    steps = [
        *_rescue_steps(kaspersky, managed, warnings, language),
        *builder.removal_steps(kaspersky),
        *builder.successor_steps(scan.successors),
        *_finish_steps(scan, kaspersky, language),
    ]
    if not scan.found_anything:
        warnings.append(phrase("plan.nothing_found", language))
    return Plan(
        created_at=now().isoformat(timespec="seconds").replace("+00:00", "Z"),
        mode="silent" if silent else "interactive",
        os=scan.target.os,
        steps=tuple(steps),
        warnings=tuple(warnings),
        managed=managed,
    )


def _in_removal_order(products: Iterable[Product]) -> list[Product]:
    """Sorted by the signature family's removal_order (the Network Agent's is last), then by name."""
    families = bundled_signatures()

    def order(product: Product) -> tuple[int, str]:
        try:
            return families.family(product.family).removal_order, product.name.casefold()
        except StopIteration:  # a family from another signature set: middle of the road
            return 50, product.name.casefold()

    return sorted(products, key=order)


def _rescue_steps(products: list[Product], managed: bool, warnings: list[str], language: str) -> list[Step]:
    if not products:
        return []
    steps: list[Step] = []
    if managed:
        warnings.append(phrase("rescue.helpdesk.warning", language))
        steps.append(
            Step(
                id="rescue:helpdesk",
                phase="rescue",
                action="contact_helpdesk",
                title=phrase("rescue.helpdesk.title", language),
                why=phrase("rescue.helpdesk.why", language),
                needs=(phrase("rescue.helpdesk.needs.password", language),),
                details={"blocking": "true"},
            )
        )
    vaults = [p for p in products if _is_password_manager(p)]
    for vault in vaults:
        warnings.append(phrase("rescue.passwords.warning", language))
        steps.append(
            Step(
                id=f"rescue:passwords:{vault.id}",
                phase="rescue",
                action="export_passwords",
                title=phrase("rescue.passwords.title", language),
                why=phrase("rescue.passwords.why", language),
                product=vault.name,
                product_id=vault.id,
                needs=(
                    phrase("rescue.passwords.needs.master", language),
                    phrase("rescue.passwords.needs.safe_place", language),
                ),
                details={"blocking": "true"},
            )
        )
    steps.append(
        Step(
            id="rescue:licence",
            phase="rescue",
            action="note_licence",
            title=phrase("rescue.licence.title", language),
            why=phrase("rescue.licence.why", language),
            needs=(phrase("rescue.licence.needs.note", language),),
        )
    )
    steps.append(
        Step(
            id="rescue:quarantine",
            phase="rescue",
            action="keep_quarantine",
            title=phrase("rescue.quarantine.title", language),
            why=phrase("rescue.quarantine.why", language),
            needs=(phrase("rescue.quarantine.needs.decision", language),),
        )
    )
    for product in products:
        if product.category != "endpoint_security":
            continue
        detected = _encryption_evidence(product)
        steps.append(
            Step(
                id=f"rescue:encryption:{product.id}",
                phase="rescue",
                action="check_encryption",
                title=phrase("rescue.encryption.title", language),
                why=phrase("rescue.encryption.why", language),
                product=product.name,
                product_id=product.id,
                needs=(phrase("rescue.encryption.needs.confirmation", language),),
                details={"blocking": "true", **({"detected": ", ".join(detected)} if detected else {})},
            )
        )
        if detected:
            warnings.append(
                phrase(
                    "rescue.encryption.warning",
                    language,
                    product=product.name,
                    components=", ".join(detected),
                )
            )
    return steps


def _is_password_manager(product: Product) -> bool:
    return product.category == "password_manager" or "password manager" in product.name.casefold()


def _encryption_evidence(product: Product) -> list[str]:
    # klfle.sys and klvfs.sys are Kaspersky's minifilters in Microsoft's "Encryption" group (footprints §1.7).
    return sorted({e.name for e in product.evidence if re.match(r"^kl(fle|vfs)\b", e.name, re.IGNORECASE)})


def _agents_after_products(steps: list[Step], products: list[Product]) -> list[Step]:
    """A management agent's removal names the product removals it must wait for (details "after").

    Removing the agent while a product stays frees the device from its policy and can make that
    product's uninstall password unrecoverable; the executor skips the agent if one of them failed.
    """
    agents = {p.id for p in products if p.category == "management_agent"}
    before: list[str] = []
    ordered = []
    for step in steps:
        if step.action.startswith("uninstall") and step.product_id in agents and before:
            step = replace(step, details={**step.details, "after": ",".join(before)})
        elif step.action.startswith("uninstall"):
            before.append(step.id)
        ordered.append(step)
    return ordered


@dataclass
class _Builder:
    """The removal steps for one OS and mode."""

    os: OsName
    silent: bool
    root: str | None
    package_managers: frozenset[str]
    warnings: list[str]
    language: str = DEFAULT_LANGUAGE

    def removal_steps(self, products: list[Product]) -> list[Step]:
        if self.os == "linux":
            steps = self._linux_steps(products)
        else:
            steps = []
            for product in products:
                step = self._windows_step(product) if self.os == "windows" else self._macos_step(product)
                steps += [step, _kavremover_step(product, step, self.os, self.language)]
        if self.os == "windows" and products:
            steps.append(_safe_mode_step([s.id for s in steps if s.action == "kavremover"], self.language))
        return _agents_after_products([self._guarded(s) for s in steps], products)

    def _guarded(self, step: Step) -> Step:
        """Every planned command passes the guard's path policy; its verdict decides `elevated`."""
        if step.command is None:
            return step
        verdict = guard.check_command(
            step.command, os=self.os, user_scope=step.details.get("scope") == "user"
        )
        if not verdict.allowed:
            self.warnings.append(
                phrase("remove.untrusted.warning", self.language, product=step.product, reason=verdict.reason)
            )
            return replace(
                step,
                action="uninstall_manual",
                command=None,
                elevated=False,
                details={**step.details, "refused": verdict.reason},
            )
        return replace(step, elevated=step.elevated and verdict.elevated_allowed)

    def successor_steps(self, products: Iterable[Product]) -> list[Step]:
        steps: list[Step] = []
        for product in products:
            step = (
                self._windows_step(product)
                if self.os == "windows"
                else _manual_uninstall(product, None, self.os, self.language)
            )
            steps.append(self._guarded(replace(step, details={**step.details, "optional": "true"})))
            steps.append(
                Step(
                    id=f"cancel:{product.id}",
                    phase="remove",
                    action="cancel_subscription",
                    title=phrase("remove.subscription.title", self.language, product=product.family_name),
                    why=phrase("remove.subscription.why", self.language),
                    product=product.name,
                    product_id=product.id,
                    needs=(phrase("remove.subscription.needs.account", self.language),),
                    details={"optional": "true"},
                )
            )
            self.warnings.append(phrase("remove.subscription.warning", self.language, product=product.name))
        return steps

    def _windows_step(self, product: Product) -> Step:
        anchor = product.anchor
        if anchor is None:
            return _manual_uninstall(product, None, self.os, self.language)
        user_scope = product.scope == "user" or anchor.location.upper().startswith(_USER_HIVES)
        code = _product_code(anchor)
        uninstall = anchor.details.get("UninstallString", "")
        if code and (anchor.details.get("WindowsInstaller") == "1" or "msiexec" in uninstall.casefold()):
            return self._msi_step(product, code, user_scope)
        quiet = anchor.details.get("QuietUninstallString", "")
        chosen = quiet if self.silent and quiet else uninstall
        if not chosen.strip():
            return _manual_uninstall(product, None, self.os, self.language)
        return Step(
            id=f"uninstall:{product.id}",
            phase="remove",
            action="uninstall_program",
            title=phrase("remove.program.title", self.language, product=product.name),
            why=phrase("remove.program.why", self.language),
            product=product.name,
            product_id=product.id,
            command=tuple(split_command_line(chosen)),
            elevated=True,
            needs=self._password_needs(product),
            details={"signer": _vendor_id(product), "scope": _scope(user_scope), "source": anchor.location},
        )

    def _msi_step(self, product: Product, code: str, user_scope: bool) -> Step:
        # `/x` uninstalls, whatever `/I` the entry holds; `/qn` no UI, `/norestart` leaves the restart to
        # the plan's own step, `/l*v` a verbose log (learn.microsoft.com/windows-server/administration/
        # windows-commands/msiexec).
        command = [MSIEXEC, "/x", code]
        if self.silent:
            command += ["/qn", "/norestart"]
        passwords = _MSI_PASSWORD_PROPERTIES.get(product.family, ()) if _needs_password(product) else ()
        log = {}
        if not passwords:
            # A verbose log dumps every property, the password with them (Wine's msiexec wrote
            # "Property(S): KLPASSWD = ..."; Windows does unless the package hides it): none then.
            log = {"log": _MSI_LOG.format(name=code.strip("{}"))}
            command += ["/l*v", log["log"]]
        command += passwords
        return Step(
            id=f"uninstall:{product.id}",
            phase="remove",
            action="uninstall_msi",
            title=phrase("remove.msi.title", self.language, product=product.name),
            why=phrase("remove.msi.why", self.language),
            product=product.name,
            product_id=product.id,
            command=tuple(command),
            elevated=not user_scope,
            needs=self._password_needs(product),
            details={"product_code": code, **log, "scope": _scope(user_scope)},
        )

    def _password_needs(self, product: Product) -> tuple[str, ...]:
        if not _needs_password(product):
            return ()
        if product.family in _MSI_PASSWORD_PROPERTIES:
            return (phrase("remove.password.needs.kladmin", self.language),)
        if self.silent:
            self.warnings.append(
                phrase("remove.password.warning.silent", self.language, product=product.name)
            )
        return (phrase("remove.password.needs.asked", self.language),)

    def _macos_step(self, product: Product) -> Step:
        if product.origin != "kaspersky":
            return _manual_uninstall(product, None, self.os, self.language)
        script = _MACOS_UNINSTALLERS.get(product.family, _MACOS_UNINSTALLER)
        return Step(
            id=f"uninstall:{product.id}",
            phase="remove",
            action="uninstall_app",
            title=phrase("remove.app.title", self.language, product=product.name),
            why=phrase("remove.app.why", self.language),
            product=product.name,
            product_id=product.id,
            command=(script,),
            elevated=True,
            needs=(phrase("remove.app.needs.admin", self.language),),
            details={"signer": _vendor_id(product)},
        )

    def _linux_steps(self, products: list[Product]) -> list[Step]:
        # One step per family: dpkg and rpm refuse to remove a package another one still needs
        # (kesl-gui needs kesl), so a family's packages go together.
        groups: dict[tuple[str, str], list[Product]] = {}
        for product in products:
            anchor = product.anchor
            if anchor is None or anchor.kind != Kind.PACKAGE:
                continue
            groups.setdefault((product.family, _package_manager(anchor)), []).append(product)
        steps: list[Step] = []
        for (_family, manager), members in groups.items():
            packages = [p.anchor.name for p in members if p.anchor is not None]
            lead = members[0]
            steps.append(
                Step(
                    id=f"uninstall:{lead.id}",
                    phase="remove",
                    action="uninstall_package",
                    title=phrase(
                        "remove.package.title",
                        self.language,
                        product=lead.family_name,
                        packages=", ".join(packages),
                    ),
                    why=phrase("remove.package.why", self.language),
                    product=lead.name,
                    product_id=lead.id,
                    command=self._package_command(manager, packages),
                    elevated=True,
                    details={"packages": " ".join(packages), "product_ids": " ".join(p.id for p in members)},
                )
            )
        return steps

    def _package_command(self, manager: str, packages: list[str]) -> tuple[str, ...]:
        yes = ["-y"] if self.silent else []
        if manager == "rpm":
            if self.root:
                return ("/usr/bin/rpm", f"--root={self.root}", "-e", *packages)
            if "dnf" in self.package_managers:
                return ("/usr/bin/dnf", "remove", *yes, *packages)
            if "zypper" in self.package_managers:
                return (
                    "/usr/bin/zypper",
                    *(["--non-interactive"] if self.silent else []),
                    "remove",
                    *packages,
                )
            return ("/usr/bin/rpm", "-e", *packages)
        if self.root:
            return ("/usr/bin/dpkg", f"--root={self.root}", "--remove", *packages)
        if "apt-get" in self.package_managers:
            return ("/usr/bin/apt-get", "remove", *yes, *packages)
        return ("/usr/bin/dpkg", "--remove", *packages)


# Where a person removes a program by hand, per OS (text ids in resources/plan/).
_MANUAL_PLACES: Mapping[str, str] = {
    "windows": "remove.manual.place.windows",
    "macos": "remove.manual.place.macos",
    "linux": "remove.manual.place.linux",
}


def _manual_uninstall(product: Product, refused: str | None, os: OsName, language: str) -> Step:
    details = {"refused": refused} if refused else {}
    anchor = product.anchor
    if anchor is not None and anchor.details.get("UninstallString"):
        details["uninstall_string"] = anchor.details["UninstallString"]
    return Step(
        id=f"uninstall:{product.id}",
        phase="remove",
        action="uninstall_manual",
        title=phrase("remove.manual.title", language, product=product.name),
        why=(
            phrase("remove.manual.why.refused", language, reason=refused)
            if refused
            else phrase("remove.manual.why.unregistered", language)
        )
        + " "
        + phrase("remove.manual.remove_with", language, place=phrase(_MANUAL_PLACES[os], language)),
        product=product.name,
        product_id=product.id,
        details=details,
    )


def _kavremover_step(product: Product, primary: Step, os: OsName, language: str) -> Step:
    # kavremover (Windows) and kavremover-mac.dmg are Kaspersky's removal tools for when the normal
    # uninstall fails; the Windows one asks the user to type a code from an image (footprints §1.4, §2).
    tool = "kavremover-mac" if os == "macos" else "kavremover"
    return Step(
        id=f"kavremover:{product.id}",
        phase="remove",
        action="kavremover",
        title=phrase("remove.kavremover.title", language, product=product.name),
        why=phrase("remove.kavremover.why", language, tool=tool),
        product=product.name,
        product_id=product.id,
        needs=(
            phrase("remove.kavremover.needs.tool", language, tool=tool),
            phrase("remove.kavremover.needs.restart", language),
        ),
        details={"when": f"if_failed:{primary.id}"},
    )


def _safe_mode_step(kavremover_ids: list[str], language: str) -> Step:
    return Step(
        id="remove:safe-mode",
        phase="remove",
        action="safe_mode",
        title=phrase("remove.safe_mode.title", language),
        why=phrase("remove.safe_mode.why", language),
        needs=(
            phrase("remove.safe_mode.needs.restart", language),
            phrase("remove.safe_mode.needs.tool", language),
        ),
        details={"when": f"if_failed:{','.join(kavremover_ids)}", "blocking": "true"},
    )


def _finish_steps(scan: ScanResult, kaspersky: list[Product], language: str) -> list[Step]:
    if not scan.found_anything:
        return []
    steps = [
        Step(
            id="finish:restart",
            phase="finish",
            action="restart",
            title=phrase("finish.restart.title", language),
            why=phrase("finish.restart.why", language),
            needs=(phrase("finish.restart.needs.saved", language),),
            details={"when": "reboot_needed"},
        ),
        Step(
            id="finish:verify",
            phase="finish",
            action="verify",
            title=phrase("finish.verify.title", language),
            why=phrase("finish.verify.why", language),
        ),
    ]
    leftovers = [e for p in scan.leftovers for e in p.evidence]
    if leftovers or kaspersky:
        tool = {
            "windows": phrase("finish.leftovers.tool.windows", language),
            "macos": "kavremover-mac",
        }.get(scan.target.os) or phrase("finish.leftovers.tool.linux", language)
        steps.append(
            Step(
                id="finish:leftovers",
                phase="finish",
                action="clean_leftovers",
                title=phrase("finish.leftovers.title", language),
                why=phrase("finish.leftovers.why", language, tool=tool),
                details={
                    "when": "leftovers_remain",
                    **({"items": "\n".join(sorted({e.location for e in leftovers}))} if leftovers else {}),
                },
            )
        )
    return steps


def _scope(user_scope: bool) -> str:
    # The executor's guard reads it: a per-user registration never runs elevated.
    return "user" if user_scope else "machine"


def _needs_password(product: Product) -> bool:
    return product.managed or product.state.get("password_protection") == "true"


def _product_code(anchor: Evidence) -> str | None:
    for text in (
        anchor.details.get("ProductCode", ""),
        anchor.location.rstrip("\\").rsplit("\\", 1)[-1],
        anchor.details.get("UninstallString", ""),
    ):
        found = _GUID.search(text)
        if found:
            return found.group(0).upper()
    return None


def _package_manager(anchor: Evidence) -> str:
    manager = anchor.details.get("manager") or anchor.location.split(":", 1)[0]
    return "rpm" if manager == "rpm" else "dpkg"


def _vendor_id(product: Product) -> str:
    return product.id.split(":", 1)[0]


def _optional_str(value: object) -> str | None:
    return None if value is None else str(value)
