"""Removal plans for synthetic scans: order, rescue, managed devices, mechanisms and secrets."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from core.model import Evidence, Kind
from core.removal.plan import MSIEXEC, Plan, When, plan_removal
from tests.plan.products import AGENT_CODE, KES_CODE, USER_UNINSTALL, agent, entry, kes, product, scan_of

FIXED = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)


def actions(plan: Plan) -> list[str]:
    return [s.action for s in plan.steps]


def removal_of(plan: Plan, product_id: str):
    return next(s for s in plan.steps if s.id == f"uninstall:{product_id}")


def test_products_are_removed_before_the_network_agent_whatever_the_scan_order() -> None:
    plan = plan_removal(scan_of("windows", agent(), kes()))
    removed = [s.product for s in plan.steps if s.action == "uninstall_msi"]
    assert removed == ["Kaspersky Endpoint Security for Windows", "Kaspersky Security Center Network Agent"]


def test_rescue_comes_before_removal_and_finish_comes_last() -> None:
    phases = [s.phase for s in plan_removal(scan_of("windows", kes())).steps]
    assert phases == sorted(phases, key=["rescue", "remove", "finish"].index)
    assert actions(plan_removal(scan_of("windows", kes())))[-3:] == ["restart", "verify", "clean_leftovers"]


def test_msi_products_use_msiexec_x_from_the_system_folder_never_the_registrys_i() -> None:
    step = removal_of(plan_removal(scan_of("windows", kes())), kes().id)
    assert step.command is not None
    assert step.command[:3] == (MSIEXEC, "/x", KES_CODE)
    assert not any(a.upper().startswith("/I") for a in step.command)
    assert step.elevated


def test_interactive_mode_shows_the_installer_and_silent_mode_is_quiet_with_a_log() -> None:
    interactive = removal_of(plan_removal(scan_of("windows", kes())), kes().id).command
    silent = removal_of(plan_removal(scan_of("windows", kes()), silent=True), kes().id).command
    assert interactive is not None and silent is not None
    assert "/qn" not in interactive and "/l*v" in interactive
    assert {"/qn", "/norestart", "/l*v"} <= set(silent)


def test_password_protected_kes_and_the_agent_get_placeholders_never_secrets() -> None:
    plan = plan_removal(scan_of("windows", kes(password=True), agent()), silent=True)
    kes_step = removal_of(plan, kes().id)
    agent_step = removal_of(plan, agent().id)
    assert kes_step.command is not None and agent_step.command is not None
    assert kes_step.command[-2:] == ("KLLOGIN=KLAdmin", "KLPASSWD={password}")
    assert agent_step.command[-1] == "KLUNINSTPASSWD={password_hex}"
    assert any("password" in need for need in kes_step.needs)


def test_no_password_properties_when_protection_is_off_and_unmanaged() -> None:
    command = removal_of(plan_removal(scan_of("windows", kes())), kes().id).command
    assert command is not None and not any(a.startswith("KL") for a in command)


def test_a_managed_device_gets_the_help_desk_path_and_the_reinstall_warning() -> None:
    plan = plan_removal(scan_of("windows", kes(managed=True), agent()))
    assert plan.managed
    assert plan.steps[0].action == "contact_helpdesk"
    assert plan.steps[0].blocking
    assert "Uninstall application remotely" in plan.steps[0].why and "reinstall" in plan.steps[0].why
    assert any("reinstall" in w for w in plan.warnings)


def test_password_manager_vault_is_exported_first_with_the_plain_text_warning() -> None:
    kpm = product(
        "password-manager",
        "Kaspersky Password Manager",
        entry(
            "Kaspersky Password Manager",
            "KPM",
            UninstallString='"C:\\Program Files (x86)\\Kaspersky Lab'
            '\\Kaspersky Password Manager\\uninstall.exe"',
        ),
        category="password_manager",
    )
    plan = plan_removal(scan_of("windows", kpm))
    export = next(s for s in plan.steps if s.action == "export_passwords")
    assert export.phase == "rescue" and export.command is None
    assert actions(plan).index("export_passwords") < actions(plan).index("uninstall_program")
    assert any("plain text" in need and "delete" in need for need in export.needs)
    assert any("plain-text" in w for w in plan.warnings)


def test_endpoint_security_stops_for_encryption_and_names_the_drivers_found() -> None:
    klfle = Evidence(Kind.DRIVER, "HKLM\\SYSTEM\\CurrentControlSet\\Services\\klfle", "klfle", {}, "test")
    plan = plan_removal(scan_of("windows", kes(extra=(klfle,))))
    check = next(s for s in plan.steps if s.action == "check_encryption")
    assert (check.blocking, check.detected) == (True, ("klfle",))
    assert actions(plan).index("check_encryption") < actions(plan).index("uninstall_msi")


def test_every_removal_has_a_guided_kavremover_fallback_and_safe_mode_is_last() -> None:
    plan = plan_removal(scan_of("windows", kes(), agent()))
    fallbacks = [s for s in plan.steps if s.action == "kavremover"]
    assert [f.when for f in fallbacks] == [
        When("if_failed", (f"uninstall:{kes().id}",)),
        When("if_failed", (f"uninstall:{agent().id}",)),
    ]
    assert all(f.command is None for f in fallbacks)
    removal = [s for s in plan.steps if s.phase == "remove"]
    assert removal[-1].action == "safe_mode" and removal[-1].command is None


def test_hostile_uninstall_strings_never_become_commands() -> None:
    hostile = product(
        "consumer",
        "Kaspersky Plus",
        entry("Kaspersky Plus", "Kaspersky Plus", UninstallString='"C:\\x.exe" & calc'),
        category="consumer_suite",
    )
    plan = plan_removal(scan_of("windows", hostile))
    step = removal_of(plan, hostile.id)
    assert step.action == "uninstall_manual" and step.command is None and not step.elevated
    assert "shell" in step.refused
    assert any("not trusted" in w for w in plan.warnings)


def test_a_per_user_uninstaller_in_appdata_is_refused_and_hkcu_msi_is_not_elevated() -> None:
    appdata = product(
        "consumer",
        "Kaspersky Free",
        entry(
            "Kaspersky Free",
            "KF",
            hive=USER_UNINSTALL,
            UninstallString="C:\\Users\\ann\\AppData\\Local\\k\\u.exe",
        ),
        category="consumer_suite",
        scope="user",
    )
    per_user_msi = product(
        "kes",
        "Kaspersky Endpoint Security",
        entry("Kaspersky Endpoint Security", KES_CODE, hive=USER_UNINSTALL, WindowsInstaller="1"),
        scope="user",
    )
    plan = plan_removal(scan_of("windows", appdata, per_user_msi))
    assert removal_of(plan, appdata.id).command is None
    msi = removal_of(plan, per_user_msi.id)
    assert msi.command is not None and not msi.elevated and msi.scope == "user"


def test_other_uninstallers_are_split_by_windows_rules_and_prefer_the_quiet_string_when_silent() -> None:
    avpui = '"C:\\Program Files (x86)\\Kaspersky Lab\\Kaspersky Total Security\\avpui.exe"'
    plus = product(
        "consumer",
        "Kaspersky Premium",
        entry(
            "Kaspersky Premium",
            "AVP21",
            UninstallString=f"{avpui} /uninstall",
            QuietUninstallString=f"{avpui} /s",
        ),
        category="consumer_suite",
    )
    program = "C:\\Program Files (x86)\\Kaspersky Lab\\Kaspersky Total Security\\avpui.exe"
    assert removal_of(plan_removal(scan_of("windows", plus)), plus.id).command == (program, "/uninstall")
    assert removal_of(plan_removal(scan_of("windows", plus), silent=True), plus.id).command == (program, "/s")


def test_successors_are_optional_separate_and_remind_to_cancel_the_subscription() -> None:
    ultra = product(
        "ultraav",
        "UltraAV",
        entry("UltraAV", "UltraAV", UninstallString='"C:\\Program Files\\UltraAV\\uninstall.exe"'),
        origin="successor",
        category="consumer_suite",
    )
    plan = plan_removal(scan_of("windows", kes(), ultra))
    ultra_steps = [s for s in plan.steps if s.product_id == ultra.id]
    assert [s.action for s in ultra_steps] == ["uninstall_program", "cancel_subscription"]
    assert all(s.optional for s in ultra_steps)
    assert ultra_steps[0].signer == "ultra"
    last_kaspersky = max(i for i, s in enumerate(plan.steps) if s.product_id == kes().id)
    assert plan.steps.index(ultra_steps[0]) > last_kaspersky


def test_linux_uses_the_package_manager_by_family_with_the_agent_last() -> None:
    def package(name: str) -> Evidence:
        return Evidence(Kind.PACKAGE, f"dpkg:{name}", name, {"manager": "dpkg"}, "test")

    kesl = product("kes", "kesl", package("kesl"))
    gui = product("kes", "kesl-gui", package("kesl-gui"))
    nagent = product(
        "network-agent", "klnagent64", package("klnagent64"), managed=True, category="management_agent"
    )
    scan = scan_of("linux", nagent, kesl, gui)
    live = [s.command for s in plan_removal(scan, package_managers={"apt-get"}).steps if s.command]
    assert live == [
        ("/usr/bin/apt-get", "-o", "DPkg::Lock::Timeout=300", "remove", "-y", "kesl", "kesl-gui"),
        ("/usr/bin/apt-get", "-o", "DPkg::Lock::Timeout=300", "remove", "-y", "klnagent64"),
    ]
    bare = [s.command for s in plan_removal(scan, silent=True).steps if s.command]
    assert bare[0] == ("/usr/bin/dpkg", "--remove", "kesl", "kesl-gui")
    offline = scan_of("linux", kesl, root="/mnt/disk")
    assert [s.command for s in plan_removal(offline).steps if s.command] == [
        ("/usr/bin/dpkg", "--root=/mnt/disk", "--remove", "kesl")
    ]


def test_rpm_machines_use_dnf_or_zypper_when_present_else_rpm() -> None:
    kesl = product("kes", "kesl", Evidence(Kind.PACKAGE, "rpm:kesl", "kesl", {"manager": "rpm"}, "test"))
    scan = scan_of("linux", kesl)
    first = [s.command for s in plan_removal(scan, silent=True, package_managers={"dnf"}).steps if s.command]
    assert first == [("/usr/bin/dnf", "remove", "-y", "kesl")]
    assert [s.command for s in plan_removal(scan).steps if s.command] == [("/usr/bin/rpm", "-e", "kesl")]
    interactive = [s.command for s in plan_removal(scan, package_managers={"zypper"}).steps if s.command]
    assert interactive == [("/usr/bin/zypper", "--non-interactive", "remove", "kesl")]


def test_macos_uses_kasperskys_own_uninstall_script() -> None:
    app = Evidence(
        Kind.APP_BUNDLE, "/Applications/Kaspersky Anti-Virus For Mac.app", "com.kaspersky.kav", {}, "t"
    )
    mac = product("consumer", "Kaspersky Anti-Virus For Mac", app, category="consumer_suite")
    step = removal_of(plan_removal(scan_of("macos", mac)), mac.id)
    assert step.command == ("/Library/Application Support/Kaspersky Lab/KAV/Binaries/UninstallScript",)
    assert step.elevated


def test_nothing_found_gives_an_empty_plan_that_says_so() -> None:
    plan = plan_removal(scan_of("windows"))
    assert plan.steps == () and "nothing to remove" in plan.warnings[0]


def test_json_round_trip_and_contract_fields() -> None:
    plan = plan_removal(scan_of("windows", kes(password=True), agent()), silent=True, now=lambda: FIXED)
    document = json.loads(json.dumps(plan.to_json()))
    assert document["schema"] == "switchover.plan/1"
    assert document["created_at"] == "2025-01-02T03:04:05Z" and document["mode"] == "silent"
    for step in document["steps"]:
        assert {"action", "product", "command", "elevated"} <= step.keys()
    assert Plan.from_json(document) == plan


def test_from_json_refuses_another_schema() -> None:
    try:
        Plan.from_json({"schema": "switchover.scan/1"})
    except ValueError as error:
        assert "switchover.plan/1" in str(error)
    else:
        raise AssertionError("a scan document was read as a plan")


def test_agent_product_code_comes_from_the_key_even_when_the_string_holds_a_log_path() -> None:
    step = removal_of(plan_removal(scan_of("windows", agent())), agent().id)
    assert step.product_code == AGENT_CODE
