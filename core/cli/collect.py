"""`switchover collect`: gather what the scanner reads from this Windows PC into one folder or zip."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from core.detection.adapters.registry import RegistryView

EXIT_OK = 0
EXIT_ERROR = 2

EXAMPLES = """examples:
  switchover collect                                 this PC, into switchover-<NAME>-<date>.zip here
  switchover collect --output \\\\server\\share\\pc-042.zip
  switchover collect --reg uninstall.reg --reg services.reg --output pc-042   loose exports as a bundle
  switchover scan --bundle pc-042.zip               then, on the technician's machine
"""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "collect",
        help="gather this Windows PC's registry data into one bundle to scan elsewhere",
        description="Export every key the scanner reads (both registry views, every loaded user's hive "
        "through HKEY_USERS, services, KasperskyLab, ProductOptions, the computer's name and Windows "
        "version) into one folder or zip with a manifest (switchover.bundle/1). Run it from an "
        "administrator prompt so that other users' hives can be read. Changes nothing. "
        "Exit codes: 0 written, 2 error.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--output", metavar="DIR|ZIP", help="where to write the bundle (a name ending in .zip makes a zip)"
    )
    group = parser.add_argument_group("instead of this PC (repackage another machine's data)")
    group.add_argument(
        "--reg", action="extend", nargs="+", default=[], metavar="FILE", help="registry exports; repeatable"
    )
    group.add_argument("--root", metavar="DIR", help="a mounted Windows volume (its hive files are read)")
    parser.set_defaults(run=run, handles_output=True)


def run(args: argparse.Namespace) -> int:
    from datetime import UTC

    from core import __version__
    from core.helpdesk.collect import collect
    from core.model import InputError

    registry, elevated = _registry(args)
    now = datetime.now(UTC)
    output = args.output or _default_name(registry, now)
    try:
        manifest = collect(
            registry,
            output,
            elevated=elevated,
            collector=f"switchover collect {__version__}",
            now=lambda: now,
        )
    except OSError as error:
        raise InputError(f"{output}: cannot write the bundle ({error.strerror or error})") from None
    machine = manifest["machine"]
    missing = sum(len(f["missing"]) for f in manifest["files"])
    print(
        f"Collected {machine['hostname'] or 'this PC'} into {output}: "
        f"{len(manifest['files'])} files, {len(manifest['users'])} user hives, {missing} keys not present."
    )
    if not elevated:
        print("Note: not run as administrator; other users' hives may be missing.", file=sys.stderr)
    print(f"Next, on your machine: switchover scan --bundle {output}")
    return EXIT_OK


def _registry(args: argparse.Namespace) -> tuple[RegistryView, bool]:
    """The registry to read, and whether it was read with administrator rights."""
    from core.detection.adapters.registry import ExportView, LiveView
    from core.detection.adapters.registry_export import read_export
    from core.model import InputError, Notes

    if args.reg and args.root:
        raise InputError("collect: give --reg or --root, not both")
    if args.reg:
        notes = Notes()
        return ExportView(read_export(path, notes) for path in args.reg), True
    if args.root:
        from core.detection.adapters.windows import windows_volume

        view = windows_volume(args.root, Notes(), where="C:")
        if view is None:
            raise InputError(f"{args.root}: no Windows registry hives (Windows/System32/config) found")
        return view, True
    if sys.platform != "win32":
        raise InputError(
            "collect reads a Windows PC's registry: run it on that PC (or its Collect-Switchover.ps1), "
            "or give --reg/--root to repackage exports or a mounted disk"
        )
    import ctypes

    return LiveView(), bool(ctypes.windll.shell32.IsUserAnAdmin())


def _default_name(registry: RegistryView, now: datetime) -> str:
    import re

    from core.detection.adapters.windows import machine_identity

    name = machine_identity(registry).get("hostname") or "pc"
    return f"switchover-{re.sub(r'[^A-Za-z0-9-]', '_', name)}-{now:%Y%m%d-%H%M%S}.zip"
