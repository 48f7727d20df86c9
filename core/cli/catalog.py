"""`switchover catalog update`: fetch a newer signed catalog or briefing over HTTPS."""

from __future__ import annotations

import argparse
import os
import sys

EXIT_OK = 0
EXIT_REFUSED = 2
URL_VARIABLE = "SWITCHOVER_UPDATE_URL"
HTTP_LOOPBACK_VARIABLE = "SWITCHOVER_ALLOW_HTTP_LOOPBACK"  # developers serving from this machine only


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "catalog", help="manage the catalog of alternatives and the briefing facts"
    )
    actions = parser.add_subparsers(dest="catalog_command", metavar="ACTION", required=True)
    update = actions.add_parser(
        "update",
        help="download a newer signed catalog or briefing",
        description="Download a signed catalog or briefing document (and URL.sig) over HTTPS and use it when "
        f"its signature, schema and version are good. The address comes from --url or {URL_VARIABLE}. "
        "Exit codes: 0 updated or already current, 2 refused.",
    )
    update.add_argument(
        "--url", action="append", default=[], help="the document's https:// address; repeatable"
    )
    update.set_defaults(run=run_update)


def run_update(args: argparse.Namespace) -> int:
    from core.advice.catalog import CATALOG_DOCUMENT
    from core.advice.facts import BRIEFING_DOCUMENT
    from core.advice.updates import UpdateRefused, fetch_update

    urls = args.url or [u for u in [os.environ.get(URL_VARIABLE, "")] if u]
    if not urls:
        print(f"switchover: no update address: give --url or define {URL_VARIABLE}", file=sys.stderr)
        return EXIT_REFUSED
    refused = False
    for url in urls:
        try:
            result = fetch_update(
                url,
                kinds=(CATALOG_DOCUMENT, BRIEFING_DOCUMENT),
                allow_http_loopback=os.environ.get(HTTP_LOOPBACK_VARIABLE) == "1",
            )
        except UpdateRefused as error:
            print(f"switchover: update refused: {error}", file=sys.stderr)
            refused = True
            continue
        if result.status == "updated":
            print(f"{result.kind}: updated from version {result.previous_version} to {result.version}")
        else:
            print(f"{result.kind}: version {result.version} is already in use")
    return EXIT_REFUSED if refused else EXIT_OK
