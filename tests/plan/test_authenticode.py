"""The Authenticode wrapper on real files: an unsigned Windows program and things that are not programs."""

from __future__ import annotations

import re
import struct
import sys
from pathlib import Path

import pytest

from core.removal.authenticode import check_signature, signed_by_kaspersky

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


# python.org's python.exe, Authenticode-signed by the Python Software Foundation through a DigiCert chain:
# the interpreter of the Windows lane, or on Linux the lane's copy when it has been set up.
LANE_PYTHON = Path.home() / ".cache/switchover-winlane/prefix/drive_c/Python311/python.exe"
PSF = [re.compile(r"^Python Software Foundation$")]


@pytest.fixture
def signed_pe() -> Path:
    for candidate in (Path(sys.base_prefix) / "python.exe", LANE_PYTHON):
        if candidate.is_file():
            break
    else:
        pytest.skip("no PSF-signed python.exe here (the Windows lane's interpreter is one)")
    if not _verifier_loads():
        pytest.skip("signify cannot load its crypto backend here")
    return candidate


def without_signature(program: bytes) -> bytes:
    """The program with its certificate table (PE data directory 4) removed, as before signing."""
    header = struct.unpack_from("<I", program, 0x3C)[0] + 24
    magic = struct.unpack_from("<H", program, header)[0]
    entry = header + (144 if magic == 0x20B else 128)  # PE32+ or PE32
    offset, _size = struct.unpack_from("<II", program, entry)
    assert offset, "the program is not signed to begin with"
    return program[:entry] + bytes(8) + program[entry + 8 : offset]


def test_the_signer_is_the_certificate_that_signed_not_the_root(signed_pe: Path) -> None:
    result = check_signature(str(signed_pe), PSF)
    assert result.signed_by_publisher, result.reason
    assert result.signer == "Python Software Foundation"


def test_a_genuine_signature_of_another_publisher_is_not_kaspersky(signed_pe: Path) -> None:
    result = check_signature(str(signed_pe), KASPERSKY)
    assert not result.signed_by_publisher
    assert result.reason.endswith("is signed by Python Software Foundation, not by the expected publisher")
    assert not signed_by_kaspersky(str(signed_pe))


def test_an_unsigned_copy_is_not_signed(signed_pe: Path, tmp_path: Path) -> None:
    copy = tmp_path / "python.exe"
    copy.write_bytes(without_signature(signed_pe.read_bytes()))
    result = check_signature(str(copy), PSF)
    assert not result.signed_by_publisher and result.signer is None
    assert "no valid Authenticode signature" in result.reason


def test_a_copy_with_one_byte_changed_is_not_signed(signed_pe: Path, tmp_path: Path) -> None:
    program = bytearray(signed_pe.read_bytes())
    program[len(program) // 2] ^= 0x01  # inside the signed image, far from the signature at the end
    copy = tmp_path / "python.exe"
    copy.write_bytes(bytes(program))
    result = check_signature(str(copy), PSF)
    assert not result.signed_by_publisher and result.signer is None
    assert "no valid Authenticode signature" in result.reason
