"""macOS removal steps: Kaspersky's own uninstall script, with kavremover-mac as the fallback."""

from __future__ import annotations

from collections.abc import Mapping

from core.model import Product
from core.removal.plan_build import Context, kavremover_step, manual_uninstall, vendor_id
from core.removal.plan_model import Step

# Kaspersky's uninstall scripts on macOS (footprints §2, gist mrowell/732b71cc3699865e6aefe54edf3c1329).
UNINSTALLERS: Mapping[str, str] = {
    "network-agent": "/Library/Application Support/Kaspersky Lab/klnagent/Binaries/UninstallScript",
}
UNINSTALLER = "/Library/Application Support/Kaspersky Lab/KAV/Binaries/UninstallScript"


class MacosBuilder:
    def removal_steps(self, products: list[Product], context: Context) -> list[Step]:
        steps: list[Step] = []
        for product in products:
            step = self._uninstall(product, context)
            steps += [step, kavremover_step(product, step, context)]
        return steps

    def successor_step(self, product: Product, context: Context) -> Step:
        return manual_uninstall(product, context)

    def _uninstall(self, product: Product, context: Context) -> Step:
        if product.origin != "kaspersky":
            return manual_uninstall(product, context)
        return Step(
            id=f"uninstall:{product.id}",
            phase="remove",
            action="uninstall_app",
            title=context.say("remove.app.title", product=product.name),
            why=context.say("remove.app.why"),
            product=product.name,
            product_id=product.id,
            command=(UNINSTALLERS.get(product.family, UNINSTALLER),),
            elevated=True,
            needs=(context.say("remove.app.needs.admin"),),
            signer=vendor_id(product),
        )
