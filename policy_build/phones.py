"""How phone numbers are shown and dialled.

A phone is a contacts.yaml mapping {number, kind, area_code?} (kind: local,
mobile or hotline) or a bare offices.yaml string, which is a local number.
Local numbers and hotlines are shown with the area code the notice prints with
them (023-58520665, 023-12333); mobiles never take one.
"""

from __future__ import annotations


def _parts(phone, area_code: str | None) -> tuple[str, str, str | None]:
    if isinstance(phone, str):
        return phone, "local", area_code
    kind = phone.get("kind", "local")
    area = phone.get("area_code", area_code) if kind != "mobile" else None
    return phone["number"], kind, area


def phone_display(phone, area_code: str | None = None) -> str:
    """{"number": "58520665", "kind": "local"}, "023" -> "023-58520665"; mobiles as they are."""
    number, _, area = _parts(phone, area_code)
    return f"{area}-{number}" if area else number


def phone_tel(phone, area_code: str | None = None) -> str:
    """A tel: URI in international form: "tel:+862358520665", "tel:+8618983762621"."""
    number, kind, area = _parts(phone, area_code)
    if area:
        return f"tel:+86{area.lstrip('0')}{number}"
    if kind == "mobile":
        return f"tel:+86{number}"
    return f"tel:{number}"      # no area code known: dial as printed
