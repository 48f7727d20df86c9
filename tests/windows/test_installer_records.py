"""Finding 4 (the part that runs anywhere): `msiexec /x {code}` runs only when Windows Installer's own
records in HKLM (never HKCU) know that code as the product the plan names. Judged on real `reg export`
output of Wine's registry (tests/fixtures/windows)."""

from __future__ import annotations

from core.detection.adapters.registry import ExportView
from core.detection.adapters.registry_export import read_export
from core.model import Notes
from core.removal.installer_records import msi_refusal
from tests.conftest import REPO

FIXTURES = REPO / "tests" / "fixtures" / "windows"
CODE_360 = "{1854CDC7-EAF8-442F-893D-162D00AD1B63}"  # "360 Total Security", HKLM 32-bit view


def _machine() -> ExportView:
    notes = Notes()
    return ExportView(
        read_export(str(FIXTURES / name), notes) for name in ("uninstall-64.reg", "uninstall-32.reg")
    )


def test_a_code_hklm_knows_as_the_planned_product_may_be_removed() -> None:
    assert msi_refusal(CODE_360, "360 Total Security", _machine()) is None
    assert msi_refusal(CODE_360.lower(), "360 total security", _machine()) is None  # as Windows compares


def test_a_user_hive_entry_naming_another_vendors_code_is_refused() -> None:
    # an HKCU entry "Kaspersky Free" keyed with another vendor's HKLM ProductCode, whatever the rights
    for per_user_unelevated in (False, True):
        refusal = msi_refusal(CODE_360, "Kaspersky Free", _machine(), per_user_unelevated=per_user_unelevated)
        assert refusal is not None and "360 Total Security" in refusal and "Kaspersky Free" in refusal


def test_a_per_user_product_unknown_to_hklm_is_removed_only_without_administrator_rights() -> None:
    code = "{00000000-1111-2222-3333-444444444444}"
    assert msi_refusal(code, "Kaspersky Free", _machine(), per_user_unelevated=True) is None
    assert msi_refusal(code, "Kaspersky Free", _machine(), per_user_unelevated=False) is not None


def test_a_code_windows_installer_does_not_know_is_refused() -> None:
    refusal = msi_refusal("{00000000-1111-2222-3333-444444444444}", "Kaspersky Free", _machine())
    assert refusal is not None and "do not know" in refusal
