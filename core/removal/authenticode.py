"""Is this Windows program signed by a given publisher, with a valid certificate chain?

A thin wrapper over signify (pure Python, so the same check runs on the build
machines and in tests on Linux). The guard asks it before it lets an
uninstaller other than the system's msiexec run: a path in Program Files is not
enough, the file itself must carry the vendor's valid Authenticode signature.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass

from core.detection.signatures import bundled_signatures

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SignatureCheck:
    """The outcome of one check: `signed_by_publisher` is the only thing policy reads."""

    signed_by_publisher: bool
    signer: str | None  # the signing certificate's organisation (or common name) when the chain is valid
    reason: str


def check_signature(path: str, publishers: Iterable[re.Pattern[str]]) -> SignatureCheck:
    """Verify the file's Authenticode signature and match its signer against `publishers`.

    The signature must verify (file digest, certificate chain to a trusted root,
    counter-signature) before the signer's name is even looked at.
    """
    try:
        from signify.authenticode import AuthenticodeFile
        from signify.exceptions import SignifyError
    except Exception as error:  # oscrypto raises its own LibraryNotFoundError on import
        # PyPI's oscrypto 1.3.0 cannot parse OpenSSL 3.0.10+ version strings (wbond/oscrypto#78);
        # without a verifier nothing counts as signed: fail closed.
        return SignatureCheck(False, None, f"Authenticode verification is unavailable here: {error}")
    try:
        with open(path, "rb") as stream:
            signed = AuthenticodeFile.from_stream(stream)
            results = signed.verify()
    except OSError as error:
        return SignatureCheck(False, None, f"cannot read {path}: {error.strerror or error}")
    except SignifyError as error:
        return SignatureCheck(False, None, f"{path}: no valid Authenticode signature ({error})")
    except ValueError as error:  # signify raises it for structures it cannot parse at all
        return SignatureCheck(False, None, f"{path}: not a signed Windows program ({error})")
    # signify builds each chain from the trusted root down to the certificate that signed the file:
    # the signer is the chain's last certificate, never its first (that is the root CA).
    signers = [_signer_name(chain[-1]) for _data, _indirect, chains in results for chain in chains if chain]
    patterns = list(publishers)
    for signer in signers:
        if signer and any(p.search(signer) for p in patterns):
            return SignatureCheck(True, signer, f"signed by {signer}")
    shown = ", ".join(s for s in signers if s) or "an unnamed signer"
    log.info("%s is validly signed, but by %s", path, shown)
    return SignatureCheck(False, shown, f"{path} is signed by {shown}, not by the expected publisher")


def signed_by_kaspersky(path: str) -> bool:
    """The guard's default check: a valid signature from one of Kaspersky's publisher names."""
    vendor = next(v for v in bundled_signatures().vendors if v.id == "kaspersky")
    return check_signature(path, vendor.publishers).signed_by_publisher


def _signer_name(certificate: object) -> str | None:
    subject = certificate.subject  # type: ignore[attr-defined]
    for component in ("O", "CN"):
        values = list(subject.get_components(component))
        if values:
            return str(values[0])
    return None
