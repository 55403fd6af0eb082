"""The export's plan of the site refuses a project file in the way of a file the site makes."""

from __future__ import annotations

from pathlib import Path

import pytest

from midtikulturen.content.layout import Layout
from midtikulturen.content.problems import ContentError
from midtikulturen.export.site import refuse_taken
from midtikulturen.project import Project


def test_a_project_file_in_the_way_of_a_made_file_is_named_with_its_path(tmp_path: Path) -> None:
    project = Project(tmp_path, Layout())
    own = {"schemas/case.schema.json": tmp_path / "docs/schemas/case.schema.json"}
    made = {"schemas/case.schema.json": b"{}", "was/index.html": b""}
    with pytest.raises(ContentError) as raised:
        refuse_taken(project, own, made)
    [problem] = raised.value.problems
    assert str(problem).startswith(
        "docs/schemas/case.schema.json:1: sitet laver selv schemas/case.schema.json — "
    )
    refuse_taken(project, own, {"was/index.html": b""})  # nothing in the way: no problem
