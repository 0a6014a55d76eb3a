"""The regulation tests are pure Python: no database, no Django settings needed.

They import ``ptdv.regulation`` from the checkout, so the project root must be importable even
when pytest is started as a plain command without an installed package.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
