"""Shared fixtures: the repository root and the validated policy data."""

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def policy():
    """policy_data/ loaded once per session (schema + integrity validated)."""
    from policy_build.loader import load_policy
    return load_policy()
