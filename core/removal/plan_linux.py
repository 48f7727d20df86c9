"""Linux removal steps: the package manager, one step per signature family.

dpkg and rpm refuse to remove a package another one still needs (kesl-gui needs
kesl), so a family's packages go together. A front end present on the machine
(apt-get, dnf, zypper) is preferred to bare dpkg or rpm; an offline tree is
acted on with `--root`.
"""

from __future__ import annotations

from core.model import Evidence, Kind, Product
from core.removal.plan_build import Context, manual_uninstall
from core.removal.plan_model import Step


class LinuxBuilder:
    def removal_steps(self, products: list[Product], context: Context) -> list[Step]:
        groups: dict[tuple[str, str], list[Product]] = {}
        for product in products:
            anchor = product.anchor
            if anchor is None or anchor.kind != Kind.PACKAGE:
                continue
            groups.setdefault((product.family, _package_manager(anchor)), []).append(product)
        return [
            self._package_step(manager, members, context) for (_family, manager), members in groups.items()
        ]

    def successor_step(self, product: Product, context: Context) -> Step:
        return manual_uninstall(product, context)

    def _package_step(self, manager: str, members: list[Product], context: Context) -> Step:
        packages = tuple(p.anchor.name for p in members if p.anchor is not None)
        lead = members[0]
        return Step(
            id=f"uninstall:{lead.id}",
            phase="remove",
            action="uninstall_package",
            title=context.say("remove.package.title", product=lead.family_name, packages=", ".join(packages)),
            why=context.say("remove.package.why"),
            product=lead.name,
            product_id=lead.id,
            command=package_command(manager, packages, context),
            elevated=True,
            packages=packages,
            product_ids=tuple(p.id for p in members),
        )


# Well inside the step's own time limit; older apt (before 1.9.11) ignores the option.
APT_LOCK_WAIT_S = 300


def package_command(manager: str, packages: tuple[str, ...], context: Context) -> tuple[str, ...]:
    """The front ends always get their "yes": the user confirmed in Switchover, and the
    uninstaller runs with no terminal (stdin is closed), where apt-get's, dnf's and zypper's
    own question reads end-of-file and aborts. apt-get also waits for dpkg's lock, which the
    daily unattended upgrade may hold: without the wait it fails at once with exit 100."""
    if manager == "rpm":
        if context.root:
            return ("/usr/bin/rpm", f"--root={context.root}", "-e", *packages)
        if "dnf" in context.package_managers:
            return ("/usr/bin/dnf", "remove", "-y", *packages)
        if "zypper" in context.package_managers:
            return ("/usr/bin/zypper", "--non-interactive", "remove", *packages)
        return ("/usr/bin/rpm", "-e", *packages)
    if context.root:
        return ("/usr/bin/dpkg", f"--root={context.root}", "--remove", *packages)
    if "apt-get" in context.package_managers:
        return ("/usr/bin/apt-get", "-o", f"DPkg::Lock::Timeout={APT_LOCK_WAIT_S}", "remove", "-y", *packages)
    return ("/usr/bin/dpkg", "--remove", *packages)


def _package_manager(anchor: Evidence) -> str:
    manager = anchor.details.get("manager") or anchor.location.split(":", 1)[0]
    return "rpm" if manager == "rpm" else "dpkg"
