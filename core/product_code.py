"""A Windows Installer product code: a GUID in braces, `{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}`.

The one pattern the adapters, the matcher and the plan use to find one in a key name,
a value or an uninstall string (learn.microsoft.com/windows/win32/msi/product-codes).
"""

from __future__ import annotations

import re

PRODUCT_CODE = re.compile(r"\{[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\}")


def find_product_code(*texts: str) -> str | None:
    """The first product code in `texts`, in upper case as Windows Installer writes it, else None."""
    for text in texts:
        found = PRODUCT_CODE.search(text)
        if found:
            return found.group(0).upper()
    return None
