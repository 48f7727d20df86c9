"""The scan target shared by every command that scans: live, or offline from exports or a tree."""

from __future__ import annotations

import argparse
import os

from core.model import InputError, OsName, ScanResult, Target


def add_target_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("offline scan (another machine's data)")
    group.add_argument(
        "--reg",
        action="extend",
        nargs="+",
        default=[],
        metavar="FILE",
        help="Windows registry exports (reg export / regedit .reg files): several after one --reg "
        "(as a shell's *.reg gives them) or --reg repeated. "
        "A collected bundle (folder or zip) given here is read as --bundle",
    )
    group.add_argument(
        "--bundle",
        metavar="DIR|ZIP",
        help="what 'switchover collect' or Collect-Switchover.ps1 gathered on a Windows PC",
    )
    group.add_argument(
        "--root", metavar="DIR", help="a mounted disk or copied tree of the machine to inspect"
    )
    group.add_argument("--os", choices=["windows", "macos", "linux"], help="what the offline data is")


# What another machine's data looks like on a command line: `remove` refuses every one of them.
OFFLINE_OPTIONS = ("--reg", "--root", "--os", "--bundle")


def add_offline_refusals(parser: argparse.ArgumentParser) -> None:
    """`remove` takes no offline input; the options are still read (unlisted) so that they are refused
    with a reason, not an argparse usage error."""
    for option in OFFLINE_OPTIONS:
        parser.add_argument(option, action="append", dest=f"offline_{option[2:]}", help=argparse.SUPPRESS)


def offline_refusal(args: argparse.Namespace) -> str | None:
    """Why these arguments cannot be removed from, in one line, or None.

    A registry export, a mounted disk or a collected bundle is another machine's data: planning from it and
    running the plan here would remove this machine's software by another machine's product codes, or run
    the disk's own package scripts as root. Offline data gives scan, plan and reports only.
    """
    given = [option for option in OFFLINE_OPTIONS if getattr(args, f"offline_{option[2:]}", None)]
    if not given:
        return None
    return (
        f"remove acts only on the machine it runs on, and {' and '.join(given)} "
        f"{'names' if len(given) == 1 else 'name'} another machine's "
        "data: use 'switchover plan' with it, then 'switchover remove --plan FILE' on that machine"
    )


def target_from_args(args: argparse.Namespace) -> Target:
    from core.detection.scan import live_target

    bundle = _bundle_argument(args)
    if bundle is not None:
        return _bundle_target(bundle, args)
    if not args.reg and not args.root:
        if args.os:
            raise InputError(
                f"--os {args.os}: needs --reg or --root (an offline scan); omit it to scan this machine"
            )
        return live_target()
    for path in args.reg:
        if not os.path.isfile(path):
            raise InputError(f"{path}: no such registry export")
    if args.root and not os.path.isdir(args.root):
        raise InputError(f"{args.root}: not a folder")
    os_name = args.os or _guess_os(args.reg, args.root)
    if args.reg and os_name != "windows":
        raise InputError(f"--reg: registry exports come from Windows, not {os_name}")
    return Target(os=os_name, live=False, root=args.root, registry_exports=tuple(args.reg))


def _bundle_argument(args: argparse.Namespace) -> str | None:
    """The bundle to read: --bundle, or a lone --reg or --root that is one (found by its manifest)."""
    given = getattr(args, "bundle", None)
    if given is not None:
        if args.reg or args.root:
            raise InputError("--bundle: give the bundle alone, without --reg or --root")
        if not os.path.exists(given):
            raise InputError(f"{given}: no such bundle")
        return str(given)
    candidates = [*args.reg, *([args.root] if args.root else [])]
    if len(candidates) != 1:
        return None
    from core.helpdesk.bundle import is_bundle  # here, not above: a live scan never needs it

    return str(candidates[0]) if is_bundle(candidates[0]) else None


def _bundle_target(path: str, args: argparse.Namespace) -> Target:
    from core.helpdesk.bundle import open_bundle

    if args.os not in (None, "windows"):
        raise InputError(f"--os {args.os}: a collected bundle comes from Windows")
    bundle = open_bundle(path)
    return Target(
        os="windows", live=False, registry_exports=bundle.exports, bundle=path, hostname=bundle.hostname
    )


def scan_target(args: argparse.Namespace) -> ScanResult:
    """Scan what the target options name (raises InputError for unusable input)."""
    from core.detection.scan import scan

    return scan(target_from_args(args))


def _guess_os(exports: list[str], root: str | None) -> OsName:
    if exports or root is None:
        return "windows"
    if any(
        os.path.isdir(os.path.join(root, d))
        for d in ("Windows/System32", "WINDOWS/system32", "Program Files")
    ):
        return "windows"
    if os.path.isdir(os.path.join(root, "System/Library")) or os.path.isdir(
        os.path.join(root, "Applications")
    ):
        return "macos"
    return "linux"
