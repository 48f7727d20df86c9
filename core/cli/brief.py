"""`switchover brief`: what the US ban means for this user and this computer, with sources."""

from __future__ import annotations

import argparse
import os
import textwrap
import time
from datetime import date

EXIT_OK = 0


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from core.cli.targets import add_target_arguments

    parser = subparsers.add_parser(
        "brief",
        help="explain the US ban on Kaspersky, tailored to this computer, with sources",
        description="Explain what the US ban on Kaspersky means for you and for what the scan finds. "
        "Every statement comes with its source and date. Exit codes: 0 done, 2 error.",
    )
    parser.add_argument("--json", action="store_true", help="print one switchover.brief/1 JSON document")
    parser.add_argument(
        "--us-person",
        choices=["yes", "no"],
        help="whether you are a US person (US citizen or resident, or a US business); "
        "when omitted, the answer you gave in the assistant, else a guess; for another machine's data "
        "(--reg, --root, --bundle), unknown: this machine's answer is not the customer's",
    )
    add_target_arguments(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from core.advice.briefing import build_briefing
    from core.cli.output import write_json
    from core.cli.targets import scan_target

    result = scan_target(args)
    us_person, source = _us_person(args.us_person, offline=not result.target.live)
    briefing = build_briefing(result, us_person=us_person, today=date.today())
    if args.json:
        document = briefing.to_json()
        document["us_person_guessed"] = source == "guessed"
        document["us_person_source"] = source
        write_json(document)
        return EXIT_OK
    if source != "given":
        answer = {True: "a US person", False: "not a US person", None: "unknown"}[us_person]
        how = {
            "saved": "your answer saved in the assistant",
            "guessed": "guessed from your language and time zone",
            "unknown": "another machine's data: this machine's answer does not apply",
        }[source]
        print(f"US person: {answer} ({how}; --us-person yes|no to say)\n")
    for section in briefing.sections:
        print(section.title.upper())
        for paragraph in section.paragraphs:
            print(textwrap.fill(paragraph, width=88), end="\n\n")
        for fact in section.facts:
            print(f"  [{fact.date}] {fact.source_title} ({fact.source_kind})\n      {fact.source_url}")
        print()
    return EXIT_OK


def _us_person(given: str | None, *, offline: bool = False) -> tuple[bool | None, str]:
    """The answer to use and where it came from: "given" (--us-person), "saved" (asked once), "guessed",
    or "unknown" for offline data: the answer saved, and the locale, are the technician's own."""
    from core.advice.briefing import guess_us_person
    from core.settings import load_settings

    if given is not None:
        return given == "yes", "given"
    if offline:
        return None, "unknown"
    saved = load_settings()
    if saved.us_person is not None:
        return saved.us_person_value, "saved"
    return guess_us_person(*system_locale_and_timezone()), "guessed"


def system_locale_and_timezone() -> tuple[str, str]:
    """The locale name and IANA time zone of this session, as far as the OS tells (empty when unknown)."""
    import locale

    language = os.environ.get("LC_ALL") or os.environ.get("LANG") or (locale.getlocale()[0] or "")
    zone = os.environ.get("TZ", "").lstrip(":")
    if not zone and os.path.islink("/etc/localtime"):  # Linux and macOS: a link into the zoneinfo tree
        zone = os.readlink("/etc/localtime").partition("zoneinfo/")[2]
    return language, zone or time.tzname[0]
