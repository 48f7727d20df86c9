"""Signed updates over HTTPS, against a real server on 127.0.0.1."""

from __future__ import annotations

import base64
import gzip
import json
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from nacl.signing import VerifyKey

from core.advice.catalog import CATALOG_DOCUMENT, catalog_from_json
from core.advice.facts import BRIEFING_DOCUMENT
from core.advice.updates import (
    DocumentError,
    UpdateRefused,
    bundled_document,
    check_url,
    fetch_update,
    load_document,
    public_key_from_pem,
    signature_matches,
    trusted_keys,
)
from core.cli import main
from tests.catalog.https_server import Route, Server, self_signed_certificate
from tests.conftest import REPO
from tests.wine_support import wine_gap

KINDS = (CATALOG_DOCUMENT, BRIEFING_DOCUMENT)


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return self_signed_certificate(tmp_path_factory.mktemp("tls"))


@pytest.fixture
def server(certificate: tuple[Path, Path]) -> Iterator[Server]:
    yield from Server(*certificate).serve()


@pytest.fixture(scope="module")
def signing_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


@pytest.fixture
def keys(signing_key: Ed25519PrivateKey) -> list[VerifyKey]:
    # Signed by OpenSSL (cryptography), as the maintainers' tool signs; checked by libsodium (PyNaCl),
    # as Switchover checks: two implementations that must agree.
    pem = signing_key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return [public_key_from_pem(pem)]


def catalog_document(version: int, **changes: object) -> bytes:
    # a signed document must name its last day (issue 9 #15): far ahead unless a test says otherwise
    data = {**bundled_document(CATALOG_DOCUMENT).data, "version": version, "expires": "2099-12-31", **changes}
    return json.dumps(data).encode()


def publish(server: Server, path: str, document: bytes, key: Ed25519PrivateKey, **route: object) -> str:
    server.routes[path] = Route(document, **route)  # type: ignore[arg-type]
    server.routes[path + ".sig"] = Route(base64.b64encode(key.sign(document)), "application/octet-stream")
    return server.url(path)


def fetch(url: str, keys: list[VerifyKey], certificate: tuple[Path, Path], **options: object):
    return fetch_update(url, kinds=KINDS, keys=keys, ca_bundle=str(certificate[0]), **options)  # type: ignore[arg-type]


def test_a_valid_signed_catalog_is_used_and_cached(
    server, signing_key, keys, certificate, private_data_dir
) -> None:
    url = publish(server, "/catalog.json", catalog_document(2), signing_key)
    result = fetch(url, keys, certificate)
    assert (result.kind, result.status, result.previous_version, result.version) == (
        "catalog",
        "updated",
        1,
        2,
    )
    assert (private_data_dir / "updates" / "catalog.json").read_bytes() == catalog_document(2)
    in_use = load_document(CATALOG_DOCUMENT, keys=keys)
    assert (in_use.origin, in_use.version) == ("downloaded", 2)
    assert (
        catalog_from_json(in_use.data, version=2, origin=in_use.origin).entry("norton-360").name
        == "Norton 360"
    )
    assert fetch(url, keys, certificate).status == "current"


def test_a_tampered_document_is_refused(server, signing_key, keys, certificate, private_data_dir) -> None:
    url = publish(server, "/catalog.json", catalog_document(2), signing_key)
    server.routes["/catalog.json"].body = catalog_document(3)  # the signature was made for version 2
    with pytest.raises(UpdateRefused, match="signature does not match"):
        fetch(url, keys, certificate)
    assert not (private_data_dir / "updates").exists()
    assert load_document(CATALOG_DOCUMENT, keys=keys).origin == "bundled"


def test_a_document_signed_by_an_unknown_key_is_refused(server, keys, certificate) -> None:
    url = publish(server, "/catalog.json", catalog_document(2), Ed25519PrivateKey.generate())
    with pytest.raises(UpdateRefused, match="signature does not match"):
        fetch(url, keys, certificate)


def test_a_rollback_is_refused(server, signing_key, keys, certificate) -> None:
    fetch(publish(server, "/new.json", catalog_document(5), signing_key), keys, certificate)
    old = publish(server, "/old.json", catalog_document(3), signing_key)
    with pytest.raises(UpdateRefused, match="version 3, older than version 5 in use"):
        fetch(old, keys, certificate)
    assert load_document(CATALOG_DOCUMENT, keys=keys).version == 5


def test_an_oversized_document_is_refused_by_its_declared_length(
    server, signing_key, keys, certificate
) -> None:
    url = publish(server, "/big.json", catalog_document(2), signing_key)
    with pytest.raises(UpdateRefused, match="bytes is more than the 1000 allowed"):
        fetch(url, keys, certificate, max_bytes=1000)


def test_an_oversized_stream_is_cut_off_at_the_cap(server, signing_key, keys, certificate) -> None:
    url = publish(server, "/stream.json", catalog_document(2), signing_key, chunked=True)
    with pytest.raises(UpdateRefused, match="more than the 1000 bytes allowed"):
        fetch(url, keys, certificate, max_bytes=1000)


def test_a_document_that_fails_the_schema_is_refused(server, signing_key, keys, certificate) -> None:
    url = publish(server, "/bad.json", catalog_document(2, entries=[]), signing_key)
    with pytest.raises(UpdateRefused, match=r"does not validate: entries: .* should be non-empty"):
        fetch(url, keys, certificate)


def test_a_slow_server_is_refused(server, signing_key, keys, certificate) -> None:
    url = publish(server, "/slow.json", catalog_document(2), signing_key, delay=1.5)
    with pytest.raises(UpdateRefused, match="too slow"):
        fetch(url, keys, certificate, timeout=0.3)


def test_a_server_dripping_bytes_is_cut_off_at_the_deadline(server, signing_key, keys, certificate) -> None:
    # Each byte arrives well within the read timeout; only the whole-download deadline can stop it.
    url = publish(server, "/drip.json", catalog_document(2), signing_key, drip=0.05)
    started = time.monotonic()
    with pytest.raises(UpdateRefused, match=r"too slow \(not done within 0\.5 s\)"):
        fetch(url, keys, certificate, timeout=0.5)
    assert time.monotonic() - started < 5


def test_a_compressed_body_is_refused(server, signing_key, keys, certificate) -> None:
    # Its size on the wire says nothing about its size once inflated, nor how long inflating takes.
    document = gzip.compress(catalog_document(2))
    url = publish(server, "/gz.json", document, signing_key, headers={"Content-Encoding": "gzip"})
    with pytest.raises(UpdateRefused, match="the body came gzip-encoded"):
        fetch(url, keys, certificate)


def test_the_wrong_content_type_is_refused(server, signing_key, keys, certificate) -> None:
    url = publish(server, "/page.json", catalog_document(2), signing_key, content_type="text/html")
    with pytest.raises(UpdateRefused, match="expected application/json, the server sent text/html"):
        fetch(url, keys, certificate)


def test_a_missing_document_is_refused(server, keys, certificate) -> None:
    with pytest.raises(UpdateRefused, match="answered 404"):
        fetch(server.url("/nothing.json"), keys, certificate)


def test_a_refused_connection_is_reported(keys, certificate) -> None:
    with socket.socket() as probe:  # a port that was free a moment ago and has no listener now
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(UpdateRefused, match=r"could not connect to 127\.0\.0\.1 \(connection refused\)"):
        fetch(f"https://127.0.0.1:{port}/catalog.json", keys, certificate)


@wine_gap("truststore's CertCreateCertificateChainEngine fails (E_INVALIDARG): no system-store check passes")
def test_an_untrusted_certificate_is_refused(server, signing_key, keys) -> None:
    url = publish(server, "/catalog.json", catalog_document(2), signing_key)
    with pytest.raises(UpdateRefused, match="certificate is not trusted"):
        fetch_update(
            url, kinds=KINDS, keys=keys
        )  # requests' default CA bundle does not know the test certificate


def test_a_briefing_document_is_recognised_by_its_schema(server, signing_key, keys, certificate) -> None:
    data = {**bundled_document(BRIEFING_DOCUMENT).data, "version": 2, "expires": "2099-12-31"}
    result = fetch(publish(server, "/facts.json", json.dumps(data).encode(), signing_key), keys, certificate)
    assert (result.kind, result.status) == ("briefing", "updated")
    assert load_document(BRIEFING_DOCUMENT, keys=keys).version == 2


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("https://updates.example.org/catalog.json", True),
        ("http://updates.example.org/catalog.json", False),
        ("http://127.0.0.1:8000/catalog.json", False),
        ("ftp://127.0.0.1/catalog.json", False),
        ("catalog.json", False),
    ],
)
def test_only_https_is_accepted(url: str, allowed: bool) -> None:
    if allowed:
        check_url(url)
    else:
        with pytest.raises(UpdateRefused):
            check_url(url)


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:8000/c.json", "http://localhost/c.json", "http://[::1]/c.json"]
)
def test_http_is_allowed_to_loopback_only_with_the_override(url: str) -> None:
    check_url(url, allow_http_loopback=True)
    with pytest.raises(UpdateRefused):
        check_url("http://10.0.0.1/c.json", allow_http_loopback=True)


def test_a_damaged_cache_falls_back_to_the_bundled_copy(
    server, signing_key, keys, certificate, private_data_dir
):
    fetch(publish(server, "/catalog.json", catalog_document(2), signing_key), keys, certificate)
    signature = private_data_dir / "updates" / "catalog.json.sig"
    signature.write_text(base64.b64encode(b"\0" * 64).decode())
    assert load_document(CATALOG_DOCUMENT, keys=keys).origin == "bundled"


def test_a_cache_signed_by_a_key_the_app_does_not_ship_is_ignored(
    server, signing_key, keys, certificate
) -> None:
    fetch(publish(server, "/catalog.json", catalog_document(2), signing_key), keys, certificate)
    assert load_document(CATALOG_DOCUMENT).origin == "bundled"  # the shipped keys, not the test key


def test_the_maintainer_tool_signs_what_the_app_verifies(tmp_path: Path) -> None:
    private, public = tmp_path / "maintainer.key", tmp_path / "maintainer.pub"
    document = tmp_path / "catalog.json"
    document.write_bytes(catalog_document(7))
    tool = [sys.executable, str(REPO / "tools" / "sign_document.py")]
    subprocess.run([*tool, "new-key", str(private), str(public)], check=True, capture_output=True)
    signed = subprocess.run(
        [*tool, "sign", str(document), "--key", str(private)], capture_output=True, text=True
    )
    assert signed.returncode == 0, signed.stderr
    key = public_key_from_pem(public.read_bytes())
    signature = (tmp_path / "catalog.json.sig").read_bytes()
    assert signature_matches(document.read_bytes(), signature, [key])
    assert not signature_matches(catalog_document(8), signature, [key])


def test_the_shipped_key_is_an_ed25519_public_key() -> None:
    assert len(trusted_keys()) == 1


def test_catalog_update_command_exits_2_with_the_reason(server, signing_key, capsys) -> None:
    url = publish(server, "/catalog.json", catalog_document(2), signing_key)
    assert main(["catalog", "update", "--url", url]) == 2  # the server's certificate is self-signed
    assert "update refused:" in capsys.readouterr().err
    assert main(["catalog", "update", "--url", "http://example.org/catalog.json"]) == 2
    assert "only https:// addresses are accepted" in capsys.readouterr().err


def test_catalog_update_command_needs_an_address(monkeypatch, capsys) -> None:
    monkeypatch.delenv("SWITCHOVER_UPDATE_URL", raising=False)
    assert main(["catalog", "update"]) == 2
    assert "no update address" in capsys.readouterr().err


# --- the cache is written safely; signed documents expire --------------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX symbolic links")
def test_a_link_planted_at_the_cache_temporary_name_is_never_written_through(
    server, signing_key, keys, certificate, private_data_dir, tmp_path
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    updates = private_data_dir / "updates"
    updates.mkdir()
    for name in ("catalog.json.tmp", "catalog.json.sig.tmp"):  # the names it used to use
        (updates / name).symlink_to(victim)
    fetch(publish(server, "/catalog.json", catalog_document(2), signing_key), keys, certificate)
    assert victim.read_text(encoding="utf-8") == "precious"
    assert (updates / "catalog.json").read_bytes() == catalog_document(2)
    assert not (updates / "catalog.json").is_symlink()
    assert load_document(CATALOG_DOCUMENT, keys=keys).version == 2


def test_a_cache_that_cannot_be_saved_is_a_refusal_not_a_traceback(
    server, signing_key, keys, certificate, private_data_dir
) -> None:
    (private_data_dir / "updates" / "catalog.json").mkdir(parents=True)  # a folder where the file goes
    url = publish(server, "/catalog.json", catalog_document(2), signing_key)
    with pytest.raises(UpdateRefused, match="could not be saved"):
        fetch(url, keys, certificate)
    assert load_document(CATALOG_DOCUMENT, keys=keys).origin == "bundled"
    assert [p.name for p in (private_data_dir / "updates").iterdir()] == ["catalog.json"]  # no temp left


def test_an_expired_document_is_refused(server, signing_key, keys, certificate, private_data_dir) -> None:
    url = publish(server, "/catalog.json", catalog_document(2, expires="2025-06-30"), signing_key)
    with pytest.raises(UpdateRefused, match="the catalog expired on 2025-06-30"):
        fetch(url, keys, certificate, today=date(2025, 7, 1))
    assert not (private_data_dir / "updates").exists()
    assert load_document(CATALOG_DOCUMENT, keys=keys).origin == "bundled"


def test_a_document_is_usable_through_its_last_day_and_the_cache_then_falls_back(
    server, signing_key, keys, certificate
) -> None:
    url = publish(server, "/catalog.json", catalog_document(2, expires="2025-06-30"), signing_key)
    assert fetch(url, keys, certificate, today=date(2025, 6, 30)).status == "updated"
    assert load_document(CATALOG_DOCUMENT, keys=keys, today=date(2025, 6, 30)).origin == "downloaded"
    expired = load_document(CATALOG_DOCUMENT, keys=keys, today=date(2025, 7, 1))
    assert (expired.origin, expired.version) == ("bundled", 1)


def test_a_briefing_expires_too(server, signing_key, keys, certificate) -> None:
    data = {**bundled_document(BRIEFING_DOCUMENT).data, "version": 2, "expires": "2030-01-01"}
    url = publish(server, "/facts.json", json.dumps(data).encode(), signing_key)
    assert fetch(url, keys, certificate, today=date(2029, 1, 1)).status == "updated"
    assert load_document(BRIEFING_DOCUMENT, keys=keys, today=date(2029, 1, 1)).version == 2
    assert load_document(BRIEFING_DOCUMENT, keys=keys, today=date(2030, 1, 2)).origin == "bundled"


@pytest.mark.parametrize("expires", ["2025-02-30", "30/06/2025", "2025-6-30", 20250630])
def test_an_expiry_that_is_not_a_date_is_refused(server, signing_key, keys, certificate, expires) -> None:
    url = publish(server, "/catalog.json", catalog_document(2, expires=expires), signing_key)
    with pytest.raises(UpdateRefused, match="does not validate: expires"):
        fetch(url, keys, certificate, today=date(2025, 1, 1))


def test_the_bundled_copies_carry_no_expiry_and_load_on_any_date() -> None:
    for kind in KINDS:
        assert "expires" not in bundled_document(kind).data
        assert load_document(kind, today=date(2999, 1, 1)).origin == "bundled"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX FIFOs")
def test_a_fifo_in_the_cache_falls_back_without_blocking(private_data_dir) -> None:
    import os
    import threading

    updates = private_data_dir / "updates"
    updates.mkdir()
    os.mkfifo(updates / "catalog.json")
    loaded: list[str] = []
    reader = threading.Thread(
        target=lambda: loaded.append(load_document(CATALOG_DOCUMENT).origin), daemon=True
    )
    reader.start()
    reader.join(5)
    if reader.is_alive():
        os.close(os.open(updates / "catalog.json", os.O_WRONLY | os.O_NONBLOCK))
        reader.join(5)
        pytest.fail("a FIFO in the cache blocked loading")
    assert loaded == ["bundled"]


@pytest.mark.parametrize("to", ["http://127.0.0.1:{port}/final.json", "https://localhost:{port}/final.json"])
def test_every_redirect_hop_is_checked_before_it_is_followed(
    server, signing_key, keys, certificate, to
) -> None:
    # issue 9 #14: no redirect to plain HTTP or to another host, and the refused hop is never requested
    publish(server, "/final.json", catalog_document(99), signing_key)
    port = server.httpd.server_address[1]
    server.routes["/start.json"] = Route(b"", status=302, headers={"Location": to.format(port=port)})
    with pytest.raises(UpdateRefused, match="redirect"):
        fetch(server.url("/start.json"), keys, certificate)
    assert server.requested == ["/start.json"]


def test_a_redirect_on_the_same_host_is_followed(server, signing_key, keys, certificate) -> None:
    publish(server, "/final.json", catalog_document(99), signing_key)
    server.routes["/start.json"] = Route(b"", status=301, headers={"Location": "/final.json"})
    server.routes["/start.json.sig"] = Route(b"", status=301, headers={"Location": "/final.json.sig"})
    assert fetch(server.url("/start.json"), keys, certificate).status == "updated"


def test_a_signed_document_without_a_last_day_is_refused(server, signing_key, keys, certificate) -> None:
    # issue 9 #15
    data = {**bundled_document(CATALOG_DOCUMENT).data, "version": 2}
    url = publish(server, "/catalog.json", json.dumps(data).encode(), signing_key)
    with pytest.raises(UpdateRefused, match="names no last day"):
        fetch(url, keys, certificate)


def test_a_signed_document_with_an_oversized_text_is_refused(server, signing_key, keys, certificate) -> None:
    # issue 9 #15: every string is bounded, wherever it sits
    data = json.loads(catalog_document(2))
    data["entries"][0]["name"] = "A" * 100_000
    url = publish(server, "/catalog.json", json.dumps(data).encode(), signing_key)
    with pytest.raises(UpdateRefused, match="100000 characters"):
        fetch(url, keys, certificate)


def test_a_key_that_is_not_ed25519_is_refused(certificate: tuple[Path, Path]) -> None:
    """The TLS test certificate's EC P-256 key, a PEM that is not a key, and a truncated key."""
    from cryptography import x509

    ec_key = x509.load_pem_x509_certificate(certificate[0].read_bytes()).public_key()
    ec_pem = ec_key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    shipped = (REPO / "resources/keys/switchover-updates-1.pub").read_bytes()
    truncated = shipped.replace(b"RnY=", b"")
    for pem in (ec_pem, certificate[0].read_bytes(), truncated, b"not a key"):
        with pytest.raises(DocumentError):
            public_key_from_pem(pem)
    assert public_key_from_pem(shipped).encode() == base64.b64decode(shipped.splitlines()[1])[12:]
