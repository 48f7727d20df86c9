"""The uninstall password: read once, held in memory, never logged, shown or written.

It reaches a command only at run time through the placeholders `{password}` and
`{password_hex}` (hex of its UTF-16LE bytes, the form the Network Agent's
`KLUNINSTPASSWD` property takes).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from core.model import InputError

PLACEHOLDERS = ("{password}", "{password_hex}")


@dataclass(frozen=True)
class Secret:
    value: str = field(repr=False)

    def __str__(self) -> str:  # a stray print or f-string shows nothing
        return "***"

    @property
    def hex(self) -> str:
        return self.value.encode("utf-16-le").hex().upper()

    def forms(self) -> tuple[str, ...]:
        """Every spelling of the secret that could appear in output, to scrub."""
        return tuple(dict.fromkeys((self.value, self.hex, self.hex.lower())))


def read_password(
    *, file: str | None = None, env: str | None = None, prompt: Callable[[str], str] | None = None
) -> Secret | None:
    """The password from a file (its first line), an environment variable or a prompt; None if none."""
    if file:
        try:
            text = Path(file).read_text(encoding="utf-8")
        except OSError as error:
            raise InputError(f"{file}: cannot read the password file ({error.strerror})") from None
        value = text.splitlines()[0] if text else ""
    elif env:
        if env not in os.environ:
            raise InputError(f"--password-env {env}: no such environment variable")
        # Taken out as it is read: every uninstaller inherits this environment, and would get it.
        value = os.environ.pop(env)
    elif prompt:
        value = prompt("Uninstall password: ")
    else:
        return None
    if not value:
        raise InputError("the uninstall password is empty")
    return Secret(value)


def needs_password(argv: Sequence[str]) -> bool:
    return any(p in arg for arg in argv for p in PLACEHOLDERS)


def fill(argv: Sequence[str], secret: Secret | None) -> tuple[str, ...]:
    """argv with the placeholders filled in; only ever held in memory for the run."""
    if not needs_password(argv):
        return tuple(argv)
    if secret is None:
        raise ValueError("this command needs the uninstall password")
    return tuple(a.replace("{password_hex}", secret.hex).replace("{password}", secret.value) for a in argv)


def scrub(text: str, secrets: Sequence[str]) -> str:
    for value in sorted(secrets, key=len, reverse=True):
        if value:
            text = text.replace(value, "***")
    return text
