"""Windows removal steps: Windows Installer by product code, else the registered uninstaller.

Each Kaspersky product gets Kaspersky's removal tool as its fallback, and Safe Mode
comes last, after every fallback failed. Vendor facts: footprints §1.3, §1.4.
"""

from __future__ import annotations

from collections.abc import Mapping

from core.model import Evidence, Product
from core.product_code import find_product_code
from core.removal import guard
from core.removal.plan_build import (
    Context,
    kavremover_step,
    manual_uninstall,
    needs_password,
    scope_of,
    vendor_id,
)
from core.removal.plan_model import PASSWORD, PASSWORD_HEX, Step, When
from core.removal.windows_cmdline import split_command_line

MSIEXEC = guard.WINDOWS_MSIEXEC
# Kaspersky's own uninstall strings log to C:\Windows\Temp (footprints §1.3, pastebin csNuehYH), but
# users can write there, and an elevated msiexec would write its log through a link planted at that
# name. C:\Windows\Logs is writable by administrators only.
MSI_LOG = "C:\\Windows\\Logs\\switchover-{name}.log"

# Windows Installer properties that answer a family's uninstall password (footprints §1.4: KES takes
# KLLOGIN/KLPASSWD, default account KLAdmin; the Network Agent takes KLUNINSTPASSWD as UTF-16LE hex).
MSI_PASSWORD_PROPERTIES: Mapping[str, tuple[str, ...]] = {
    "kes": ("KLLOGIN=KLAdmin", f"KLPASSWD={PASSWORD}"),
    "network-agent": (f"KLUNINSTPASSWD={PASSWORD_HEX}",),
}
_USER_HIVES = ("HKEY_CURRENT_USER", "HKCU", "HKEY_USERS", "HKU\\")


class WindowsBuilder:
    def removal_steps(self, products: list[Product], context: Context) -> list[Step]:
        steps: list[Step] = []
        for product in products:
            step = self.uninstall_step(product, context)
            steps += [step, kavremover_step(product, step, context)]
        if products:
            steps.append(_safe_mode_step([s.id for s in steps if s.action == "kavremover"], context))
        return steps

    def successor_step(self, product: Product, context: Context) -> Step:
        return self.uninstall_step(product, context)

    def uninstall_step(self, product: Product, context: Context) -> Step:
        """Windows Installer when the entry is an MSI with a product code, else its registered uninstaller."""
        anchor = product.anchor
        if anchor is None:
            return manual_uninstall(product, context)
        user_scope = product.scope == "user" or anchor.location.upper().startswith(_USER_HIVES)
        code = _product_code(anchor)
        uninstall = anchor.details.get("UninstallString", "")
        if code and (anchor.details.get("WindowsInstaller") == "1" or "msiexec" in uninstall.casefold()):
            return _msi_step(product, code, user_scope, context)
        quiet = anchor.details.get("QuietUninstallString", "")
        chosen = quiet if context.silent and quiet else uninstall
        if not chosen.strip():
            return manual_uninstall(product, context)
        return Step(
            id=f"uninstall:{product.id}",
            phase="remove",
            action="uninstall_program",
            title=context.say("remove.program.title", product=product.name),
            why=context.say("remove.program.why"),
            product=product.name,
            product_id=product.id,
            command=tuple(split_command_line(chosen)),
            elevated=True,
            needs=_password_needs(product, context),
            signer=vendor_id(product),
            scope=scope_of(user_scope),
            source=anchor.location,
        )


def _msi_step(product: Product, code: str, user_scope: bool, context: Context) -> Step:
    # `/x` uninstalls, whatever `/I` the entry holds; `/qn` no UI, `/norestart` leaves the restart to
    # the plan's own step, `/l*v` a verbose log (learn.microsoft.com/windows-server/administration/
    # windows-commands/msiexec).
    command = [MSIEXEC, "/x", code]
    if context.silent:
        command += ["/qn", "/norestart"]
    passwords = MSI_PASSWORD_PROPERTIES.get(product.family, ()) if needs_password(product) else ()
    log = None
    if not passwords:
        # A verbose log dumps every property, the password with them (Wine's msiexec wrote
        # "Property(S): KLPASSWD = ..."; Windows does unless the package hides it): none then.
        log = MSI_LOG.format(name=code.strip("{}"))
        command += ["/l*v", log]
    command += passwords
    return Step(
        id=f"uninstall:{product.id}",
        phase="remove",
        action="uninstall_msi",
        title=context.say("remove.msi.title", product=product.name),
        why=context.say("remove.msi.why"),
        product=product.name,
        product_id=product.id,
        command=tuple(command),
        elevated=not user_scope,
        needs=_password_needs(product, context),
        product_code=code,
        log=log,
        scope=scope_of(user_scope),
    )


def _password_needs(product: Product, context: Context) -> tuple[str, ...]:
    if not needs_password(product):
        return ()
    if product.family in MSI_PASSWORD_PROPERTIES:
        return (context.say("remove.password.needs.kladmin"),)
    if context.silent:
        context.warn("remove.password.warning.silent", product=product.name)
    return (context.say("remove.password.needs.asked"),)


def _safe_mode_step(kavremover_ids: list[str], context: Context) -> Step:
    return Step(
        id="remove:safe-mode",
        phase="remove",
        action="safe_mode",
        title=context.say("remove.safe_mode.title"),
        why=context.say("remove.safe_mode.why"),
        needs=(context.say("remove.safe_mode.needs.restart"), context.say("remove.safe_mode.needs.tool")),
        when=When("if_failed", tuple(kavremover_ids)),
        blocking=True,
    )


def _product_code(anchor: Evidence) -> str | None:
    return find_product_code(
        anchor.details.get("ProductCode", ""),
        anchor.location.rstrip("\\").rsplit("\\", 1)[-1],
        anchor.details.get("UninstallString", ""),
    )
