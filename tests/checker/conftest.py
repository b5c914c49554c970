"""Makes the helpers next to these tests importable (golden.py)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
