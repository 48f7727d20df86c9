"""The bundled signatures and the matcher together: evidence grouped into the products a person expects."""

from __future__ import annotations

from core.detection.matcher import MatchedProducts, match_observations
from core.model import Kind, Observation

from .helpers import obs, signatures

UNINSTALL = r"HKEY_LOCAL_MACHINE\Software\Microsoft\Windows\CurrentVersion\Uninstall"
WOW64_UNINSTALL = r"HKEY_LOCAL_MACHINE\Software\Wow6432Node\Microsoft\Windows\CurrentVersion\Uninstall"
USER_UNINSTALL = r"HKEY_USERS\S-1-5-21-1\Software\Microsoft\Windows\CurrentVersion\Uninstall"
SERVICES = r"HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Services"
KES_CODE = "{305A9EC9-294E-4555-A7C5-E1C767E01C11}"
AGENT_CODE = "{0F05E4E5-5A89-482C-9A62-47CC58643788}"


def scan(*observations: Observation) -> MatchedProducts:
    return match_observations(observations, signatures())


def entry(name: str, code: str, *, hive: str = UNINSTALL, publisher: str = "AO Kaspersky Lab", **attrs: str):
    return obs(Kind.UNINSTALL_ENTRY, name, rf"{hive}\{code}", Publisher=publisher, **attrs)


def kes(**attrs: str) -> Observation:
    return entry("Kaspersky Endpoint Security for Windows", KES_CODE, DisplayVersion="11.10.0.399", **attrs)


def agent() -> Observation:
    return entry("Kaspersky Security Center Network Agent", AGENT_CODE, DisplayVersion="13.2.0.1511")


def klif() -> Observation:
    return obs(Kind.DRIVER, "klif", rf"{SERVICES}\klif", ImagePath=r"system32\DRIVERS\klif.sys")


def test_kes_and_network_agent_are_two_products_both_managed() -> None:
    found = scan(kes(), agent(), obs(Kind.SERVICE, "klnagent", rf"{SERVICES}\klnagent"), klif())
    by_family = {p.family: p for p in found.products}
    assert set(by_family) == {"kes", "network-agent"}
    assert all(p.managed for p in found.products)
    assert by_family["kes"].version == "11.10.0.399"
    assert [e.kind for e in by_family["network-agent"].evidence] == [Kind.UNINSTALL_ENTRY, Kind.SERVICE]
    assert not found.leftovers


def test_kes_alone_is_not_managed() -> None:
    (product,) = scan(kes()).products
    assert not product.managed


def test_a_klif_driver_attaches_to_kes_not_to_the_agent() -> None:
    found = scan(agent(), kes(), klif(), obs(Kind.DRIVER, "KLIF.KES-21-9"))
    kes_product = next(p for p in found.products if p.family == "kes")
    assert [e.name for e in kes_product.evidence if e.kind is Kind.DRIVER] == ["klif", "KLIF.KES-21-9"]
    assert not found.leftovers


def test_an_orphaned_driver_with_no_uninstall_entry_is_a_leftover() -> None:
    found = scan(klif(), obs(Kind.SERVICE, "AVP21.3", rf"{SERVICES}\AVP21.3"))
    assert not found.products
    (leftover,) = found.leftovers
    assert leftover.leftover and leftover.family == "shared" and leftover.origin == "kaspersky"
    assert leftover.version == "21.3"  # baked into the service name


def test_the_same_entry_in_the_64_bit_and_wow64_views_is_one_product() -> None:
    found = scan(kes(), kes(hive=WOW64_UNINSTALL))
    (product,) = found.products
    assert len(product.evidence) == 2


def test_localized_kes_with_quoted_russian_publisher() -> None:
    (product,) = scan(
        entry(
            "Kaspersky Endpoint Security 10 для Windows",
            "{7A4192A1-84C4-4E90-A31B-B4847CA8E23A}",
            publisher='"Лаборатория Касперского"',
            DisplayVersion="10.2.2.10535",
        )
    ).products
    assert (product.family, product.version) == ("kes", "10.2.2.10535")


def test_an_entry_without_display_name_is_known_by_its_product_code() -> None:
    (product,) = scan(obs(Kind.UNINSTALL_ENTRY, AGENT_CODE, rf"{UNINSTALL}\{AGENT_CODE}")).products
    assert product.family == "network-agent" and product.managed


def test_ultraav_is_a_successor_not_kaspersky() -> None:
    found = scan(obs(Kind.UNINSTALL_ENTRY, "UltraAV", rf"{UNINSTALL}\UltraAV"))
    (product,) = found.products
    assert (product.origin, product.family) == ("successor", "ultraav")
    assert not found.other_security_software


def test_defender_is_other_security_software() -> None:
    found = scan(
        obs(Kind.SERVICE, "WinDefend", rf"{SERVICES}\WinDefend"),
        obs(Kind.PROCESS, "MsMpEng.exe", "process:MsMpEng.exe:4242"),
        obs(Kind.SECURITY_CENTER, "Windows Defender", active="true", up_to_date="true"),
    )
    assert not found.products and not found.leftovers
    (defender,) = found.other_security_software
    assert (defender.origin, defender.family, len(defender.evidence)) == ("other", "defender", 3)
    assert defender.state == {"active": "true", "up_to_date": "true"}


def test_a_per_user_entry_has_user_scope() -> None:
    location = rf"{USER_UNINSTALL}\Kaspersky Password Manager"
    (product,) = scan(
        obs(Kind.UNINSTALL_ENTRY, "Kaspersky Password Manager", location, scope="user")
    ).products
    assert (product.family, product.scope) == ("password-manager", "user")


def test_the_endpoint_agent_process_counts_only_in_its_kaspersky_folder() -> None:
    agent_exe = r"C:\Program Files (x86)\Kaspersky Lab\Endpoint Agent\agent.exe"
    assert scan(obs(Kind.PROCESS, "agent.exe", exe=agent_exe)).leftovers[0].family == "endpoint-agent"
    assert not scan(obs(Kind.PROCESS, "agent.exe", exe=r"C:\Program Files\Other\agent.exe")).leftovers


def test_mac_kes_and_consumer_app_share_a_bundle_id_and_differ_by_name() -> None:
    kes_app = obs(Kind.APP_BUNDLE, "com.kaspersky.kav", CFBundleName="Kaspersky Endpoint Security for Mac")
    kav_app = obs(Kind.APP_BUNDLE, "com.kaspersky.kav", CFBundleName="Kaspersky Anti-Virus For Mac")
    daemon = obs(Kind.LAUNCHD_JOB, "com.kaspersky.kav", "/Library/LaunchDaemons/com.kaspersky.kav.plist")
    assert [p.family for p in scan(kes_app, daemon).products] == ["kes"]
    (consumer,) = scan(kav_app, daemon).products
    assert consumer.family == "consumer" and [e.kind for e in consumer.evidence] == [
        Kind.APP_BUNDLE,
        Kind.LAUNCHD_JOB,
    ]


def test_linux_kesl_and_agent_packages_with_a_bare_tree() -> None:
    found = scan(
        obs(Kind.PACKAGE, "kesl", "dpkg:kesl", Version="12.1.0-1508"),
        obs(Kind.PACKAGE, "klnagent64", "dpkg:klnagent64", Version="15.1.0-20748"),
        obs(Kind.SERVICE, "kesl.service", "/lib/systemd/system/kesl.service"),
        obs(Kind.PATH, "/var/opt/kaspersky/kesl", type="dir"),
        obs(Kind.PATH, "/etc/opt/kaspersky", type="dir"),
    )
    by_family = {p.family: p for p in found.products}
    assert set(by_family) == {"kes", "network-agent"} and all(p.managed for p in found.products)
    assert {e.name for e in by_family["kes"].evidence} == {
        "kesl",
        "kesl.service",
        "/var/opt/kaspersky/kesl",
        "/etc/opt/kaspersky",
    }
    assert not found.leftovers


def test_a_kaspersky_tree_without_a_package_is_a_leftover() -> None:
    found = scan(
        obs(Kind.PATH, "/opt/kaspersky/kesl", type="dir"), obs(Kind.PROCESS, "kesl", "process:kesl:812")
    )
    assert not found.products
    assert [(p.family, len(p.evidence)) for p in found.leftovers] == [("kes", 2)]


def test_server_products_are_found_by_services_where_there_is_no_security_center() -> None:
    found = scan(
        entry("Kaspersky Security 11.0.1 for Windows Server", "{93EDBC7E-D73F-4401-84A5-79E8CBB8B843}"),
        obs(Kind.SERVICE, "KAVFS"),
        obs(Kind.SERVICE, "KAVFSGT"),
        obs(Kind.SERVICE, "kavfsslp"),
        klif(),
    )
    (server,) = found.products
    assert server.family == "server" and len(server.evidence) == 5


def test_two_entries_of_one_family_are_two_products_with_their_own_ids() -> None:
    # Issue 9, finding 10: two KES entries without a ProductCode both got "kaspersky:kes:kes".
    found = scan(
        entry("Kaspersky Endpoint Security for Windows", "KES.11", DisplayVersion="11.1"),
        entry("Kaspersky Endpoint Security for Windows", "KES.12", DisplayVersion="12.1"),
    )
    assert sorted(p.id for p in found.products) == ["kaspersky:kes:KES.11", "kaspersky:kes:KES.12"]


def test_product_ids_come_from_the_product_code_then_the_key_or_package_name() -> None:
    found = scan(
        kes(),
        entry("Kaspersky Security Center Network Agent", "NetworkAgent"),
        obs(Kind.PACKAGE, "kesl", "dpkg:kesl", manager="dpkg", Version="12.1.0-1508"),
    )
    assert sorted(p.id for p in found.products) == [
        "kaspersky:kes:kesl",
        f"kaspersky:kes:{KES_CODE}",
        "kaspersky:network-agent:NetworkAgent",
    ]


def test_one_key_name_in_two_hives_gives_two_ids_that_never_depend_on_each_other() -> None:
    machine = entry("Kaspersky Endpoint Security for Windows", "KES")
    user = entry("Kaspersky Endpoint Security for Windows", "KES", hive=USER_UNINSTALL, scope="user")
    both = {p.scope: p.id for p in scan(machine, user).products}
    assert len(set(both.values())) == 2 and all(i.startswith("kaspersky:kes:KES#") for i in both.values())
    assert scan(machine, user).products[0].id == both["machine"]  # the same on every scan
