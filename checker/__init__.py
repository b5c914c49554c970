"""渝职通 checker: a visitor's answers in, a verdict with cited reasons out.

    from checker import check, check_json
    check({"notice": "2025-bigdata", "path": "normal", "level": "intermediate"})

Pure standard library (CPython 3.11+ and Pyodide). Every policy fact comes
from checker/data/rules.json, compiled from policy_data/ by
`python -m policy_build compile`.
"""

from .contract import check, check_json

__all__ = ["check", "check_json"]
