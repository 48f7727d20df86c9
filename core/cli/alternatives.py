"""`switchover alternatives`: what to use instead, matched to what the scan found."""

from __future__ import annotations

import argparse

EXIT_OK = 0
NEED_CHOICES = {"vpn": "vpn", "passwords": "passwords", "parental": "parental", "free": "free"}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from core.cli.targets import add_target_arguments

    parser = subparsers.add_parser(
        "alternatives",
        help="suggest security software to use instead, with sources",
        description="Suggest alternatives that match what you had (VPN, passwords, parental controls, "
        "a managed fleet), your platform and your budget. Switchover installs nothing: each suggestion "
        "names the vendor's official page. Exit codes: 0 done, 2 error.",
    )
    parser.add_argument("--json", action="store_true", help="print the suggestions as JSON")
    parser.add_argument(
        "--platform",
        choices=["windows", "macos", "linux", "android", "ios"],
        help="the device to protect (default: the scanned machine's system)",
    )
    parser.add_argument(
        "--segment",
        choices=["home", "business"],
        help="home users or a business (default: from the scan: business products or a Network Agent "
        "mean business)",
    )
    parser.add_argument(
        "--need",
        type=_needs,
        default=set(),
        metavar="vpn,passwords,parental,free",
        help="what the replacement must cover, comma-separated: a VPN, a password manager, parental "
        "controls, or free of charge",
    )
    add_target_arguments(parser)
    parser.set_defaults(run=run)


def _needs(value: str) -> set[str]:
    needs = {n.strip() for n in value.split(",") if n.strip()}
    unknown = needs - NEED_CHOICES.keys()
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown need: {', '.join(sorted(unknown))}")
    return needs


def run(args: argparse.Namespace) -> int:
    from core.advice.catalog import load_catalog
    from core.advice.recommend import recommend
    from core.cli.output import write_json
    from core.cli.targets import scan_target

    result = scan_target(args)
    catalog = load_catalog()
    platform = args.platform or result.target.os
    suggestions = recommend(catalog, result, platform=platform, segment=args.segment, needs=args.need)
    if args.json:
        document = {
            "schema": "switchover.alternatives/1",
            "catalog_version": catalog.version,
            "catalog_origin": catalog.origin,
            "platform": platform,
            "recommendations": [s.to_json() for s in suggestions],
        }
        write_json(document)
        return EXIT_OK
    if not suggestions:
        print(f"No product in the catalog is verified for {platform}.")
    for suggestion in suggestions:
        entry = suggestion.entry
        print(f"{entry.name} ({entry.vendor})\n  {suggestion.reason}")
        for disclosure in entry.disclosures:
            print(f"  Note: {disclosure.text}")
        print(f"  Official page: {entry.official_url or 'not verified'}\n")
    print("Switchover installs and downloads nothing; it only opens the vendor's official page.")
    return EXIT_OK
