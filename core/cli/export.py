"""`switchover export`: detection for osquery, Fleet, Intune, ConfigMgr and RMM tools, from the signatures."""

from __future__ import annotations

import argparse
import sys

EXIT_OK = 0
EXIT_ERROR = 2

EXAMPLES = """examples:
  switchover export osquery --output kaspersky.conf         an osquery query pack
  switchover export fleet --output kaspersky.yml            fleetctl apply -f kaspersky.yml
  switchover export intune --output detect.ps1              Remediations: detection script
  switchover export intune --remediation --output remediate.ps1
  switchover export intune --remediation --rescued --output remediate.ps1
  switchover export configmgr | nable | datto | ninjaone --output check.ps1
"""
ENGINES = {
    "osquery": "an osquery query pack (JSON): one query per table, each row names the rule that matched",
    "fleet": "Fleet queries and policies (YAML for fleetctl apply); a policy passes when no Kaspersky "
    "is found",
    "intune": "Intune Remediations: a detection script (exit 1 when found) or, with --remediation, "
    "one that runs switchover remove --yes --silent",
    "configmgr": "a ConfigMgr configuration item discovery script (prints Compliant or Non-Compliant)",
    "nable": "an N-able script check (exit 1001 found, 1002 check failed, 0 none)",
    "datto": "a Datto RMM monitor (result between Datto's markers, exit 1 to alert)",
    "ninjaone": "a NinjaOne script (sets the custom field kasperskyStatus, exit 1 when found)",
}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "export",
        help="detection for osquery, Fleet, Intune, ConfigMgr and RMM tools",
        description="Write detection for the tools IT already runs, generated from the same signatures as "
        "'switchover scan'. Exit codes: 0 written, 2 error.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    engines = parser.add_subparsers(dest="engine", metavar="ENGINE", required=True)
    for name, text in ENGINES.items():
        engine = engines.add_parser(name, help=text, description=text[0].upper() + text[1:] + ".")
        if name == "intune":
            engine.add_argument(
                "--remediation",
                action="store_true",
                help="the remediation script instead of the detection one",
            )
            engine.add_argument(
                "--rescued",
                action="store_true",
                help="with --remediation: state that every device's blocking rescue checks (encryption, "
                "password vault) are done, as 'switchover remove --rescued' does; without it such plans "
                "stop before removing anything (exit 3)",
            )
        engine.add_argument("--output", metavar="FILE", help="write to FILE instead of the screen")
        engine.set_defaults(run=run, handles_output=True)


def run(args: argparse.Namespace) -> int:
    import json

    from core.cli.report import write_text
    from core.helpdesk.detection_export import fleet_yaml, osquery_pack, powershell_script

    if args.engine == "osquery":
        text = json.dumps(osquery_pack(), indent=2, ensure_ascii=False) + "\n"
    elif args.engine == "fleet":
        text = fleet_yaml()
    elif args.engine == "intune":
        if args.rescued and not args.remediation:
            print("switchover: --rescued goes with --remediation", file=sys.stderr)
            return EXIT_ERROR
        if args.remediation:
            text = powershell_script("intune-remediate", rescued=args.rescued)
        else:
            text = powershell_script("intune-detect")
    else:
        text = powershell_script(args.engine)
    if args.engine not in ("osquery", "fleet"):
        text = text.replace("\r\n", "\n").replace(
            "\n", "\r\n"
        )  # Windows PowerShell 5.1 reads either; CRLF is native
        text = "\ufeff" + text  # with a BOM, Windows PowerShell 5.1 reads the script as UTF-8
    return write_text(text, args.output)
