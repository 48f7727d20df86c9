"""Signed documents: the bundled catalog and briefing facts, and newer signed copies fetched over HTTPS.

A published document is JSON plus a detached Ed25519 signature (`<url>.sig`,
base64 of the 64 signature bytes) over its exact bytes. A download is accepted
only when the signature matches a key in `resources/keys/*.pub`, the document
validates against its schema and its version is not older than the one in use.
The last good download is cached in the user's data folder beside its
signature; loading re-verifies it and prefers it only when it is newer than
the bundled copy, so a damaged or stale cache silently falls back to the copy
shipped with the app. A signed document may name the last day it may be used
(`expires`, an ISO date): after it, the download is refused and the cached copy
ignored, so a copy signed long ago cannot be replayed for ever. The bundled
copies are not signed and carry no expiry: they ship inside the installer and
are as trustworthy as the code reading them.
"""

from __future__ import annotations

import base64
import binascii
import functools
import ipaddress
import json
import logging
import os
import stat
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import urlsplit

from core.files import atomic_write
from core.paths import data_dir

if TYPE_CHECKING:
    import requests
    from nacl.signing import VerifyKey

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DocumentKind:
    """One kind of signed document, described by the module that owns it (core/advice/catalog.py's
    CATALOG_DOCUMENT, core/advice/facts.py's BRIEFING_DOCUMENT): this module knows none of them."""

    name: str  # "catalog": in messages and the cached file's name
    schema_id: str  # the document's "schema" field, "switchover.catalog/1"
    package: str  # the resources package holding the bundled copy and its schema.json
    bundled: str  # the bundled copy's file name
    check_references: Callable[[Mapping[str, Any]], None]  # raises DocumentError for a dangling id


MAX_DOCUMENT_BYTES = 2 * 1024 * 1024  # today's catalog is ~60 kB; anything near this bound is not ours
MAX_SIGNATURE_BYTES = 1024
# Every string (and key) of a document: today's longest is ~300 characters. Bounded so that a signed but
# hostile or broken document cannot fill a label, a log line or memory with one value.
MAX_STRING_CHARS = 4000
DEFAULT_TIMEOUT = 20.0  # seconds, for connecting, for each read and for the whole download
LOOPBACK_NAMES = frozenset({"localhost"})


class UpdateRefused(Exception):
    """A download that is not used, with the reason in words a person can act on."""


class DocumentError(ValueError):
    """A document that fails its schema or its internal references."""


@dataclass(frozen=True)
class LoadedDocument:
    kind: str
    data: dict[str, Any]
    version: int
    origin: Literal["bundled", "downloaded"]


@dataclass(frozen=True)
class UpdateResult:
    kind: str
    status: Literal["updated", "current"]
    version: int
    previous_version: int
    url: str


# An Ed25519 SubjectPublicKeyInfo (RFC 8410) is this fixed DER prefix and the 32 key bytes.
ED25519_SPKI_PREFIX = bytes.fromhex("302a300506032b6570032100")


def trusted_keys() -> tuple[VerifyKey, ...]:
    """Every Ed25519 public key shipped in resources/keys (PEM, one per .pub file)."""
    keys = []
    for entry in sorted(resources.files("resources.keys").iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".pub"):
            keys.append(public_key_from_pem(entry.read_bytes(), entry.name))
    return tuple(keys)


def public_key_from_pem(pem: bytes, name: str = "key") -> VerifyKey:
    """An Ed25519 public key from its PEM SubjectPublicKeyInfo; DocumentError for anything else."""
    from nacl.signing import VerifyKey

    lines = pem.decode("ascii", "replace").strip().splitlines()
    if len(lines) < 3 or lines[0] != "-----BEGIN PUBLIC KEY-----" or lines[-1] != "-----END PUBLIC KEY-----":
        raise DocumentError(f"{name}: not a PEM public key")
    try:
        der = base64.b64decode("".join(lines[1:-1]), validate=True)
    except (binascii.Error, ValueError):
        raise DocumentError(f"{name}: not a PEM public key") from None
    if len(der) != len(ED25519_SPKI_PREFIX) + 32 or not der.startswith(ED25519_SPKI_PREFIX):
        raise DocumentError(f"{name}: not an Ed25519 public key")
    return VerifyKey(der[len(ED25519_SPKI_PREFIX) :])


def signature_matches(document: bytes, signature: bytes, keys: Sequence[VerifyKey]) -> bool:
    """True when `signature` (base64 text) is a valid signature of `document` by one of `keys`
    (libsodium's strict Ed25519 verification, through PyNaCl)."""
    from nacl.exceptions import BadSignatureError

    try:
        raw = base64.b64decode(signature.strip(), validate=True)
    except (binascii.Error, ValueError):
        return False
    if len(raw) != 64:
        return False
    for key in keys:
        try:
            key.verify(document, raw)
        except BadSignatureError:
            continue
        return True
    return False


def check_document(kind: DocumentKind, data: Any) -> None:
    """Raise DocumentError unless `data` is a valid document of this kind (schema and references)."""
    import jsonschema

    if not isinstance(data, dict) or data.get("schema") != kind.schema_id:
        raise DocumentError(f"not a {kind.schema_id} document")
    schema = json.loads(resources.files(kind.package).joinpath("schema.json").read_bytes())
    error = jsonschema.exceptions.best_match(jsonschema.Draft202012Validator(schema).iter_errors(data))
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "document"
        raise DocumentError(f"{where}: {error.message}")
    expiry(data)  # a date the pattern lets through but the calendar does not ("2025-02-30")
    _check_string_sizes(data)
    kind.check_references(data)


def expiry(data: dict[str, Any]) -> date | None:
    """The last day a signed document may be used, or None when it names none."""
    text = data.get("expires")
    if text is None:
        return None
    try:
        return date.fromisoformat(str(text))
    except ValueError:
        raise DocumentError(f"expires: {text!r} is not a date (YYYY-MM-DD)") from None


def _check_string_sizes(data: Any, where: str = "document") -> None:
    pending = [(where, data)]
    while pending:
        place, value = pending.pop()
        if isinstance(value, str) and len(value) > MAX_STRING_CHARS:
            raise DocumentError(f"{place}: a text of {len(value)} characters (at most {MAX_STRING_CHARS})")
        if isinstance(value, dict):
            for key, item in value.items():
                if len(key) > MAX_STRING_CHARS:
                    raise DocumentError(
                        f"{place}: a key of {len(key)} characters (at most {MAX_STRING_CHARS})"
                    )
                pending.append((f"{place}/{key}", item))
        elif isinstance(value, list):
            pending += [(f"{place}/{index}", item) for index, item in enumerate(value)]


def _check_not_expired(kind: DocumentKind, data: dict[str, Any], today: date | None) -> None:
    """A signed document must name its last day (`expires`), and be used no later: a copy signed long
    ago cannot be replayed for ever. (The bundled copies ship unsigned, inside the app, with none.)"""
    last_day = expiry(data)
    if last_day is None:
        raise DocumentError(f"the signed {kind.name} names no last day (expires); a signed document must")
    today = today or datetime.now(UTC).date()
    if today > last_day:
        raise DocumentError(f"the {kind.name} expired on {last_day.isoformat()}")


def bundled_document(kind: DocumentKind) -> LoadedDocument:
    data = json.loads(resources.files(kind.package).joinpath(kind.bundled).read_bytes())
    return LoadedDocument(kind.name, data, int(data["version"]), "bundled")


def load_document(
    kind: DocumentKind, *, keys: Sequence[VerifyKey] | None = None, today: date | None = None
) -> LoadedDocument:
    """The document in use: a valid, unexpired cached download newer than the bundled copy, else the
    bundled copy. `today` (UTC) decides expiry; tests pass it."""
    bundled = bundled_document(kind)
    cached = _cached_paths(kind)
    if not cached[0].exists():
        return bundled
    try:
        document = _read_cached(cached[0], MAX_DOCUMENT_BYTES)
        signature = _read_cached(cached[1], MAX_SIGNATURE_BYTES)
        if not signature_matches(document, signature, trusted_keys() if keys is None else keys):
            raise DocumentError("signature does not match")
        data = json.loads(document)
        check_document(kind, data)
        _check_not_expired(kind, data, today)
    except (OSError, ValueError) as error:  # DocumentError and JSONDecodeError are ValueErrors
        log.warning("ignoring the cached %s (%s); using the bundled copy", kind.name, error)
        return bundled
    if int(data["version"]) <= bundled.version:
        return bundled
    return LoadedDocument(kind.name, data, int(data["version"]), "downloaded")


def fetch_update(
    url: str,
    *,
    kinds: Sequence[DocumentKind],
    keys: Sequence[VerifyKey] | None = None,
    ca_bundle: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = MAX_DOCUMENT_BYTES,
    allow_http_loopback: bool = False,
    today: date | None = None,
) -> UpdateResult:
    """Download the document at `url` and its signature at `url + ".sig"`; cache it when it is newer.

    The document must be one of `kinds` (chosen by its "schema" field). Raises UpdateRefused
    when anything is wrong; the cache and the document in use are then left as they were.
    `ca_bundle` replaces the trusted certificates (tests use a self-signed one);
    `allow_http_loopback` lets a developer serve plain HTTP from this machine, never from elsewhere.
    `today` (UTC) decides whether the document has expired; tests pass it.
    """
    check_url(url, allow_http_loopback=allow_http_loopback)
    with _session(ca_bundle) as session:
        fetch = functools.partial(
            _download, session, timeout=timeout, allow_http_loopback=allow_http_loopback, ca_bundle=ca_bundle
        )
        document = fetch(url, limit=max_bytes, json_only=True)
        signature = fetch(url + ".sig", limit=MAX_SIGNATURE_BYTES, json_only=False)
    if not signature_matches(document, signature, trusted_keys() if keys is None else keys):
        raise UpdateRefused("the signature does not match the document or any trusted key")
    try:
        data = json.loads(document)
    except ValueError as error:
        raise UpdateRefused(f"the document is not valid JSON ({error})") from None
    schema = data.get("schema") if isinstance(data, dict) else None
    kind = next((k for k in kinds if k.schema_id == schema), None)
    if kind is None:
        raise UpdateRefused(f"the document is none of: {', '.join(k.name for k in kinds)}")
    try:
        check_document(kind, data)
    except DocumentError as error:
        raise UpdateRefused(f"the {kind.name} does not validate: {error}") from None
    try:
        _check_not_expired(kind, data, today)
    except DocumentError as error:
        raise UpdateRefused(f"{error}; the publisher must sign a current one") from None
    in_use = load_document(kind, keys=keys, today=today).version
    version = int(data["version"])
    if version < in_use:
        raise UpdateRefused(
            f"the {kind.name} offered is version {version}, older than version {in_use} in use"
        )
    if version == in_use:
        return UpdateResult(kind.name, "current", version, in_use, url)
    try:
        _store(kind, document, signature)
    except OSError as error:
        # A half-stored pair (new document, old signature) fails verification when loaded, so the
        # bundled copy is used until the next update: never an unverified document.
        folder = _cached_paths(kind)[0].parent
        raise UpdateRefused(
            f"the {kind.name} could not be saved in {folder} ({error.strerror or error})"
        ) from None
    return UpdateResult(kind.name, "updated", version, in_use, url)


def check_url(url: str, *, allow_http_loopback: bool = False) -> None:
    """Refuse anything but HTTPS (or plain HTTP to this machine, when a developer allowed it)."""
    parts = urlsplit(url)
    if not parts.hostname:
        raise UpdateRefused(f"{url}: not a web address")
    if parts.scheme == "https":
        return
    if parts.scheme == "http" and allow_http_loopback and _is_loopback(parts.hostname):
        return
    raise UpdateRefused(f"{url}: only https:// addresses are accepted")


def _is_loopback(host: str) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _session(ca_bundle: str | None) -> requests.Session:
    import requests

    session = requests.Session()  # trust_env stays on: HTTPS_PROXY, NO_PROXY and friends are honoured
    if ca_bundle is not None:
        return session
    import truststore

    truststore.inject_into_ssl()  # the operating system's certificate store, incl. company CAs
    return session


def _download(
    session: requests.Session,
    url: str,
    *,
    limit: int,
    json_only: bool,
    timeout: float,
    allow_http_loopback: bool,
    ca_bundle: str | None,
) -> bytes:
    import requests
    import urllib3

    host = urlsplit(url).hostname
    deadline = time.monotonic() + timeout
    try:
        # verify goes with each request: a session-wide value loses to REQUESTS_CA_BUNDLE
        verify: str | bool = ca_bundle if ca_bundle is not None else True
        # identity: what arrives is the document itself, so the size cap and the deadline measure it
        headers = {"Accept-Encoding": "identity"}
        with _get_following_checked_redirects(
            session,
            url,
            timeout=timeout,
            verify=verify,
            headers=headers,
            allow_http_loopback=allow_http_loopback,
        ) as response:
            if response.status_code != 200:
                raise UpdateRefused(f"{url}: the server answered {response.status_code} {response.reason}")
            content_type = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
            if json_only and content_type != "application/json":
                raise UpdateRefused(
                    f"{url}: expected application/json, the server sent {content_type or 'nothing'}"
                )
            encoding = response.headers.get("Content-Encoding", "identity").strip().lower()
            if encoding not in ("", "identity"):
                raise UpdateRefused(f"{url}: the body came {encoding}-encoded; only plain bodies are used")
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > limit:
                raise UpdateRefused(f"{url}: {declared} bytes is more than the {limit} allowed")
            body = bytearray()
            # read1 returns after one read from the connection, so the deadline is checked after each
            # one: iter_content waits to fill a whole chunk, and a server sending a byte every few
            # seconds would hold it for days.
            while chunk := response.raw.read1(65536, decode_content=False):
                body += chunk
                if len(body) > limit:
                    raise UpdateRefused(f"{url}: more than the {limit} bytes allowed")
                if time.monotonic() > deadline:
                    raise UpdateRefused(f"{url}: the server is too slow (not done within {timeout:g} s)")
            return bytes(body)
    except requests.exceptions.SSLError:
        raise UpdateRefused(f"{url}: the server's certificate is not trusted") from None
    except requests.exceptions.Timeout:
        raise UpdateRefused(f"{url}: the server is too slow (no answer within {timeout:g} s)") from None
    except requests.exceptions.ConnectionError as error:
        if "timed out" in str(error):  # a read timeout while streaming surfaces as a ConnectionError
            raise UpdateRefused(f"{url}: the server is too slow (no answer within {timeout:g} s)") from None
        why = "connection refused" if "refused" in str(error).lower() else "no connection"
        raise UpdateRefused(f"{url}: could not connect to {host} ({why})") from None
    except requests.exceptions.RequestException as error:
        raise UpdateRefused(f"{url}: {error}") from None
    # Reading `response.raw` directly, urllib3's own errors arrive unwrapped.
    except urllib3.exceptions.ReadTimeoutError:
        raise UpdateRefused(f"{url}: the server is too slow (no answer within {timeout:g} s)") from None
    except urllib3.exceptions.HTTPError as error:
        raise UpdateRefused(f"{url}: the download broke off ({error})") from None


MAX_REDIRECTS = 5


def _get_following_checked_redirects(
    session: requests.Session,
    url: str,
    *,
    timeout: float,
    verify: str | bool,
    headers: dict[str, str],
    allow_http_loopback: bool,
) -> requests.Response:
    """GET `url`, following redirects one hop at a time, each checked before it is requested: HTTPS only
    (check_url) and the same host, so a redirect can neither downgrade the download nor send it elsewhere.
    requests' own following would ask the next address first and let the check come too late."""
    from urllib.parse import urljoin

    host = urlsplit(url).hostname
    for _ in range(MAX_REDIRECTS + 1):
        response = session.get(
            url,
            stream=True,
            timeout=(timeout, timeout),
            verify=verify,
            headers=headers,
            allow_redirects=False,
        )
        location = response.headers.get("Location") if response.is_redirect else None
        if location is None:
            return response
        response.close()
        following = urljoin(url, location)
        try:
            check_url(following, allow_http_loopback=allow_http_loopback)
        except UpdateRefused as refused:
            raise UpdateRefused(f"{url}: a redirect to {following} was refused ({refused})") from None
        if urlsplit(following).hostname != host:
            raise UpdateRefused(f"{url}: a redirect to another host ({following}) was refused")
        url = following
    raise UpdateRefused(f"{url}: more than {MAX_REDIRECTS} redirects")


def _cached_paths(kind: DocumentKind) -> tuple[Path, Path]:
    folder = data_dir() / "updates"
    return folder / f"{kind.name}.json", folder / f"{kind.name}.json.sig"


def _read_cached(path: Path, limit: int) -> bytes:
    """A cached file's bytes: a regular file of at most `limit` bytes (a FIFO must not block start-up)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as file:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise DocumentError(f"{path.name} is not a regular file")
        data = file.read(limit + 1)
    if len(data) > limit:
        raise DocumentError(f"{path.name} is larger than the {limit} bytes allowed")
    return data


def _store(kind: DocumentKind, document: bytes, signature: bytes) -> None:
    """Write the document and its signature so that a reader never sees a half-written file.

    Each goes to a new temporary file with a random name (mkstemp, O_EXCL) in the same folder, then
    is renamed over the old one: a link planted at a predictable name would be written through.
    """
    paths = _cached_paths(kind)
    paths[0].parent.mkdir(parents=True, exist_ok=True)
    for path, content in zip(paths, (document, signature), strict=True):
        atomic_write(path, content)
