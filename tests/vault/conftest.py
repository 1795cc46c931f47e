"""Shared fixtures: a weak KDF for speed wherever the KDF is not under test."""
from pathlib import Path

import pytest

from prep_app.vault import KdfParams, create_vault

WEAK = KdfParams(8192, 1, 1)
PASSPHRASE = "correct horse battery staple"
SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "example-plan.json"


@pytest.fixture
def plan_bytes() -> bytes:
    return SAMPLE.read_bytes()


@pytest.fixture
def made(tmp_path, plan_bytes):
    """(vault, recovery code) for the sample plan, freshly created."""
    return create_vault(tmp_path / "plan.prepvault", plan_bytes, PASSPHRASE, "Blue folder", kdf=WEAK)
