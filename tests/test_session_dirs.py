"""Fixtures wider than a test run before `isolated_dirs`: they too see temp user dirs."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from newsdesk.paths import Paths, resolve


@pytest.fixture(scope="module")
def module_paths() -> Paths:
    # Resolved before any test of the module has its own dirs (as the module-scoped
    # fixture that extracts 84 real pages once does).
    return resolve()


def test_a_module_scoped_fixture_sees_no_real_user_dir(module_paths: Paths) -> None:
    temp = Path(tempfile.gettempdir()).resolve()
    for folder in (module_paths.data_dir, module_paths.config_dir, module_paths.cache_dir):
        assert folder.resolve().is_relative_to(temp), folder


def test_each_test_still_has_dirs_of_its_own(module_paths: Paths) -> None:
    assert resolve().cache_dir != module_paths.cache_dir
