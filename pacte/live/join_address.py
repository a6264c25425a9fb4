"""The address trainees' phones type to join: found among this machine's interfaces, chosen, explained.

Bound to every interface (``0.0.0.0`` or ``::``), ``pacte serve`` lists its
non-loopback addresses (``ip -j addr`` on Linux, else what the host name and
the outgoing route give) and picks a private IPv4 one (a phone on the room's
Wi-Fi reaches it) for the join link and the QR code. The trainer may pick
another from the dashboard. Whenever the join address is a loopback one,
the console and the dashboard warn in French: no phone can open it.
"""

from __future__ import annotations

import ipaddress
import json
import os
import shutil
import socket
import subprocess
from dataclasses import dataclass
from urllib.parse import urlsplit

from pacte.course.fmt import NBSP

ANY_HOSTS = ("0.0.0.0", "::", "")
# Interfaces of containers and virtual machines: a phone in the room cannot reach them.
VIRTUAL_PREFIXES = ("docker", "br-", "veth", "virbr", "vboxnet", "vmnet", "cni", "flannel", "podman", "lxc")


@dataclass(frozen=True)
class Address:
    """One address of one network interface (``interface`` is ``""`` when unknown)."""

    ip: str
    interface: str = ""

    @property
    def parsed(self) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
        """The address as an :mod:`ipaddress` object."""
        return ipaddress.ip_address(self.ip.split("%")[0])


def is_loopback_host(host: str) -> bool:
    """Whether ``host`` (a name or an address, IPv6 possibly in brackets) is this machine only."""
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


def is_loopback_url(url: str) -> bool:
    """Whether the host of ``url`` is a loopback one."""
    return is_loopback_host(urlsplit(url).hostname or "")


def parse_ip_json(text: str) -> list[Address]:
    """The addresses listed by ``ip -j addr`` (interfaces that are down are left out)."""
    found = []
    for link in json.loads(text or "[]"):
        if "UP" not in link.get("flags", []):
            continue
        for info in link.get("addr_info", []):
            if info.get("family") in ("inet", "inet6") and info.get("local"):
                found.append(Address(str(info["local"]), str(link.get("ifname", ""))))
    return found


def _from_ip_command() -> list[Address] | None:
    ip = shutil.which("ip") or ("/usr/sbin/ip" if os.path.exists("/usr/sbin/ip") else None)
    if ip is None:
        return None
    try:
        done = subprocess.run([ip, "-j", "addr"], capture_output=True, text=True, timeout=5, check=True)
        return parse_ip_json(done.stdout)
    except (OSError, subprocess.SubprocessError, ValueError):
        return None


def _from_resolver() -> list[Address]:
    """What the host name resolves to, and the source address of the default route (no packet is sent)."""
    found: list[Address] = []
    try:
        found += [Address(a) for a in socket.gethostbyname_ex(socket.gethostname())[2]]
    except OSError:
        pass
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1: connecting a UDP socket only picks a route
            found.append(Address(probe.getsockname()[0]))
    except OSError:
        pass
    return found


def interface_addresses() -> list[Address]:
    """This machine's addresses, loopback ones included, without duplicates."""
    found = _from_ip_command()
    if found is None:
        found = _from_resolver()
    unique: dict[str, Address] = {}
    for address in found:
        unique.setdefault(address.ip, address)
    return list(unique.values())


def _rank(address: Address) -> int:
    """0 best: private IPv4 of a real interface … 8 and 9: never a room address."""
    ip = address.parsed
    virtual = address.interface.startswith(VIRTUAL_PREFIXES)
    if ip.is_loopback:
        return 9
    if ip.is_link_local or ip.is_multicast or ip.is_unspecified:
        return 8
    if ip.version == 4:
        return (0 if ip.is_private else 1) + (2 if virtual else 0)
    return 5 if virtual else 4


def room_addresses(addresses: list[Address]) -> list[Address]:
    """The addresses a phone may reach, best first: private IPv4, other IPv4, IPv6; no loopback or link-local."""
    usable = [a for a in addresses if _rank(a) < 8]
    return sorted(usable, key=_rank)  # stable: interface order kept within a rank


def url_for(ip: str, port: int, scheme: str = "http") -> str:
    """``http://ip:port/`` (IPv6 in brackets)."""
    host = f"[{ip}]" if ":" in ip else ip
    return f"{scheme}://{host}:{port}/"


def join_choices(host: str, port: int, public_url: str | None, addresses: list[Address]) -> list[dict]:
    """The join addresses the trainer may pick, the chosen one first: ``{"url", "interface", "loopback"}``.

    ``public_url`` (``--public-url``) comes first when given; then, bound to
    every interface, the room addresses; bound to one address, that address.
    """
    choices: list[dict] = []

    def add(url: str, interface: str = "") -> None:
        url = url if url.endswith("/") else url + "/"
        if all(c["url"] != url for c in choices):
            choices.append({"url": url, "interface": interface, "loopback": is_loopback_url(url)})

    if public_url:
        add(public_url)
    if host in ANY_HOSTS:
        for address in room_addresses(addresses):
            add(url_for(address.ip, port), address.interface)
        add(url_for("127.0.0.1", port), "lo")
    else:
        add(url_for(host, port))
    return choices


def loopback_warning(url: str) -> str | None:
    """The French warning shown when ``url`` cannot be opened from a phone, else None."""
    if not is_loopback_url(url):
        return None
    return (
        f"Attention{NBSP}: le lien de la séance ({url}) est une adresse locale à cet ordinateur{NBSP}; "
        f"les téléphones de la salle ne pourront pas l’ouvrir. Lancez «{NBSP}pacte serve --host 0.0.0.0{NBSP}» "
        f"sur le réseau de la salle, ou donnez l’adresse à taper avec --public-url."
    )


def describe_choice(choices: list[dict]) -> list[str]:
    """The console lines that say which join address was chosen, the others, and the warning if any."""
    if not choices:
        return []
    chosen = choices[0]
    where = f" (interface {chosen['interface']})" if chosen["interface"] else ""
    lines = [f"pacte serve{NBSP}: lien et QR code de la séance sur {chosen['url']}{where}"]
    others = [c["url"] for c in choices[1:]]
    if others:
        lines.append(
            f"pacte serve{NBSP}: autres adresses possibles (au choix sur le tableau de bord){NBSP}: "
            + ", ".join(others)
        )
    warning = loopback_warning(chosen["url"])
    if warning:
        lines.append(f"pacte serve{NBSP}: {warning}")
    return lines
