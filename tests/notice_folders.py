"""The notices as the tests see them: one per policy_data/notices/<id>/ folder, never a typed list.

A notice folder holds its own golden cases (golden_cases.yaml), their rendered artefacts
(artefacts/<case>.txt) and its fidelity facts (fidelity_facts.py); the shared tests discover them here.
"""
from __future__ import annotations

from pathlib import Path

POLICY_DATA = Path(__file__).resolve().parents[1] / "policy_data"
GOLDEN_FILE = "golden_cases.yaml"
ARTEFACTS_DIR = "artefacts"
FACTS_FILE = "fidelity_facts.py"


def notice_folders(root: Path = POLICY_DATA) -> list[str]:
    return sorted(p.name for p in (root / "notices").iterdir() if p.is_dir())


def golden_files(root: Path = POLICY_DATA) -> list[Path]:
    """Every notice folder's golden_cases.yaml, in folder order."""
    paths = (root / "notices" / notice / GOLDEN_FILE for notice in notice_folders(root))
    return [path for path in paths if path.is_file()]


def golden_cases_by_folder(root: Path = POLICY_DATA) -> dict[Path, list[dict]]:
    """{notice folder: its golden cases}."""
    import yaml
    return {path.parent: (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("cases") or []
            for path in golden_files(root)}


def golden_cases(root: Path = POLICY_DATA) -> list[dict]:
    return [case for cases in golden_cases_by_folder(root).values() for case in cases]
