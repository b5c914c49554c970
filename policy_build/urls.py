"""Site URLs of policy items, relative to the site root (no leading slash)."""

from __future__ import annotations


def clause_url(notice_id: str, clause_id: str) -> str:
    """clause_url("2025-bigdata", "c1-5") == "notices/2025-bigdata/#c1-5"."""
    return f"notices/{notice_id}/#{clause_id}"


def office_anchor(office: dict) -> str:
    """"office-01" for the office numbered 1."""
    return f"office-{office['number']:02d}"


def office_url(office: dict) -> str:
    """office_url({"number": 1, ...}) == "offices/#office-01"."""
    return f"offices/#{office_anchor(office)}"


def reference_url(ref_id: str) -> str:
    """reference_url("yrsf-2023-28") == "references/#yrsf-2023-28"."""
    return f"references/#{ref_id}"

