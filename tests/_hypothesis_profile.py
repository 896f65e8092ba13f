"""The hypothesis profile of the fuzz tests: deterministic, no deadline, examples set per test.

Imported by the fuzz test modules (not by conftest.py), so loading it is idempotent. CI and
local runs see the same examples (`derandomize=True`); a failure therefore reproduces with
the same command. `HYPOTHESIS_PROFILE=dev` gives random (non-derandomized) runs for
exploration.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    derandomize=True,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "dev",
    derandomize=False,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
