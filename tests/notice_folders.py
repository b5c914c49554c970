"""The notices as the tests see them: one per policy_data/notices/<id>/ folder, never a typed list."""
from __future__ import annotations

from pathlib import Path

POLICY_DATA = Path(__file__).resolve().parents[1] / "policy_data"


def notice_folders(root: Path = POLICY_DATA) -> list[str]:
    return sorted(p.name for p in (root / "notices").iterdir() if p.is_dir())
