"""The culture houses as an Excel workbook: the CSV's rows with real types, codes as text.

Spreadsheets opening the CSV read a municipality code such as `0661` as the number 661 and
dates or formulas where there are none; the workbook stores each cell with its type: codes
and all text as text (never as a formula), counts and coordinates as numbers. The file is the
same bytes on every build: openpyxl's timestamps are removed and the archive's dates fixed.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Sequence
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from ..content.model import House
from ..user_cache import Outputs, output_key
from .opendata import CSV_HEADERS, UrlOf, house_records, row_values

SHEET = "Kulturhuse"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip archive can hold
_STAMPS = re.compile(rb"<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\1>")
TEXT_COLUMNS = frozenset({"kommunekode"})


def houses_xlsx(houses: Sequence[House], url_of: UrlOf, kept: Outputs | None = None) -> bytes:
    """The houses as an .xlsx workbook: one sheet, a header row, one row per house by slug.

    With kept, a workbook made before from the same records is reused, so a build whose
    houses did not change needs neither openpyxl nor its time.
    """
    records = house_records(houses, url_of)
    if kept is None:
        return _workbook(records)
    key = output_key(
        "kulturhuse.xlsx",
        json.dumps(records, sort_keys=True, default=str),
        Path(__file__).read_bytes(),
        _openpyxl_version(),
    )
    return kept.get_or_make(key, "xlsx", lambda: _workbook(records))


def _openpyxl_version() -> str:
    try:
        return version("openpyxl")
    except PackageNotFoundError:
        return "?"


def _workbook(records: list[dict[str, Any]]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = SHEET
    sheet.append(list(CSV_HEADERS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for record in records:
        sheet.append([None] * len(CSV_HEADERS))
        row = sheet.max_row
        values = zip(CSV_HEADERS, row_values(record), strict=True)
        for column, (header, value) in enumerate(values, start=1):
            cell = sheet.cell(row, column)
            if value is None:
                continue
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"  # text, even when it starts with `=`: never a formula
                if header in TEXT_COLUMNS:
                    cell.number_format = "@"
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    for column, header in enumerate(CSV_HEADERS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = max(12, len(header) + 4)
    out = io.BytesIO()
    book.save(out)
    return _steady(out.getvalue())


def _steady(data: bytes) -> bytes:
    """The workbook without the time it was saved: no timestamps, fixed archive dates."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "docProps/core.xml":
                content = _STAMPS.sub(b"", content)
            target.writestr(
                zipfile.ZipInfo(info.filename, ZIP_DATE),
                content,
                compress_type=zipfile.ZIP_DEFLATED,
            )
    return out.getvalue()
