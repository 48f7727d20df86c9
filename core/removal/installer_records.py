"""Does Windows Installer itself know this product code as the product the plan names?

`msiexec /x {code}` removes whatever product has that code, and the code comes from an uninstall
entry: one in a user's hive (HKCU, HKEY_USERS) can be written by that user, and an entry named
"Kaspersky Free" keyed with another vendor's code would make an elevated msiexec remove that vendor's
product. So before it runs, the code must be an entry in HKLM's Uninstall key (either view; only
administrators and Windows Installer write there) whose DisplayName is the product the plan names.
"""

from __future__ import annotations

from core.detection.adapters.registry import RegistryView

HKLM = "HKEY_LOCAL_MACHINE"
_UNINSTALL = "Microsoft\\Windows\\CurrentVersion\\Uninstall"
_VIEWS = (f"{HKLM}\\SOFTWARE\\{_UNINSTALL}", f"{HKLM}\\SOFTWARE\\WOW6432Node\\{_UNINSTALL}")


def msi_refusal(
    code: str, product: str | None, registry: RegistryView, *, per_user_unelevated: bool = False
) -> str | None:
    """None when HKLM knows `code` as `product`; else why msiexec must not remove it.

    A code HKLM knows under another name is refused whatever the step's scope. A code HKLM does not
    know is allowed only for a per-user product removed without administrator rights
    (`per_user_unelevated`): with them, that user's entry would decide what an administrator removes.
    """
    names = [registry.values(f"{view}\\{code}").text("DisplayName") for view in _VIEWS]
    known = [name for name in names if name is not None]
    if not known and per_user_unelevated:
        return None
    if not known:
        return f"Windows Installer's records (HKLM) do not know {code}: no product of this machine has it"
    if product is not None and all(name.casefold() != product.casefold() for name in known):
        return (
            f"Windows Installer knows {code} as {known[0]!r}, not as {product!r}: "
            "an entry naming one product and keyed with another's code is never run"
        )
    return None


def live_refusal(code: str, product: str | None, *, per_user: bool) -> str | None:
    """`msi_refusal` against this Windows machine's live registry, for this process's rights."""
    import ctypes

    from core.detection.adapters.registry import LiveView

    elevated = bool(ctypes.windll.shell32.IsUserAnAdmin())  # type: ignore[attr-defined]
    return msi_refusal(code, product, LiveView(), per_user_unelevated=per_user and not elevated)
