"""The Authenticode wrapper on real files: an unsigned Windows program and things that are not programs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from core.authenticode import check_signature, signed_by_kaspersky

WINE_PE = Path("/usr/lib/x86_64-linux-gnu/wine/x86_64-windows/clock.exe")
KASPERSKY = [re.compile(r"^(AO )?Kaspersky( Lab)?\b")]


def _verifier_loads() -> bool:
    try:
        import signify.authenticode  # noqa: F401
    except Exception:  # oscrypto cannot load this OpenSSL (wbond/oscrypto#78)
        return False
    return True


@pytest.fixture
def unsigned_pe() -> Path:
    if not WINE_PE.is_file():
        pytest.skip("Debian's wine is not installed (its PE files are the unsigned test programs)")
    return WINE_PE


def test_an_unsigned_windows_program_is_never_counted_as_signed(unsigned_pe: Path) -> None:
    result = check_signature(str(unsigned_pe), KASPERSKY)
    assert not result.signed_by_publisher and result.signer is None
    assert not signed_by_kaspersky(str(unsigned_pe))


@pytest.mark.skipif(not _verifier_loads(), reason="signify cannot load its crypto backend here")
def test_an_unsigned_program_is_reported_as_unsigned(unsigned_pe: Path) -> None:
    assert "no valid Authenticode signature" in check_signature(str(unsigned_pe), KASPERSKY).reason


def test_a_file_that_is_not_a_program_is_not_signed(tmp_path: Path) -> None:
    text = tmp_path / "uninstall.exe"
    text.write_text("@echo off\r\ncalc\r\n", encoding="ascii")
    assert not check_signature(str(text), KASPERSKY).signed_by_publisher


def test_a_missing_file_is_not_signed(tmp_path: Path) -> None:
    result = check_signature(str(tmp_path / "gone.exe"), KASPERSKY)
    assert not result.signed_by_publisher
