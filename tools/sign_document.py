"""Sign a catalog or briefing document for publication (maintainers only).

    python tools/sign_document.py new-key PRIVATE_KEY_FILE PUBLIC_KEY_FILE
    python tools/sign_document.py sign DOCUMENT [--key PRIVATE_KEY_FILE]

`sign` writes DOCUMENT.sig: base64 of the Ed25519 signature over the exact
bytes of DOCUMENT, the form core/advice/updates.py verifies. The private key comes
from --key or the SWITCHOVER_SIGNING_KEY environment variable (a path to a PEM
file) and must never enter the repository; the public half goes to
resources/keys/. See docs/catalog.md for the whole procedure. It needs cryptography (the test extra:
`pip install -e .[test]`); Switchover itself checks signatures with PyNaCl.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import sys
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

KNOWN_SCHEMAS = ("switchover.catalog/1", "switchover.briefing/1")


def new_key(private_path: Path, public_path: Path) -> None:
    key = Ed25519PrivateKey.generate()
    private_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    private_path.chmod(0o600)
    public_path.write_bytes(
        key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )


def sign(document: Path, key_path: Path) -> Path:
    content = document.read_bytes()
    schema = json.loads(content).get("schema")
    if schema not in KNOWN_SCHEMAS:  # signing the wrong file is easy, unsigning a published one is not
        raise SystemExit(f"{document}: not a catalog or briefing document (schema {schema!r})")
    key = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise SystemExit(f"{key_path}: not an Ed25519 private key")
    signature_path = document.with_name(document.name + ".sig")
    signature_path.write_text(base64.b64encode(key.sign(content)).decode("ascii") + "\n", encoding="ascii")
    return signature_path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    keygen = commands.add_parser("new-key", help="create a key pair")
    keygen.add_argument("private_key", type=Path)
    keygen.add_argument("public_key", type=Path)
    signer = commands.add_parser("sign", help="write DOCUMENT.sig")
    signer.add_argument("document", type=Path)
    signer.add_argument("--key", type=Path, default=os.environ.get("SWITCHOVER_SIGNING_KEY"))
    args = parser.parse_args(argv)
    if args.command == "new-key":
        new_key(args.private_key, args.public_key)
        print(
            f"private key: {args.private_key} (keep it out of the repository)\npublic key: {args.public_key}"
        )
        return 0
    if args.key is None:
        parser.error("no private key: pass --key or set SWITCHOVER_SIGNING_KEY")
    print(sign(args.document, args.key))
    return 0


if __name__ == "__main__":
    sys.exit(main())
