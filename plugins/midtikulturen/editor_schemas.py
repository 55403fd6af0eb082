"""The JSON Schemas that editors' tools read, kept current in the project's `schemas/` folder.

The folder is not committed: `midtikulturen check` rewrites it whenever the vocabulary or the
validating code changed, so adding a value to vocabularies.yml never needs a step by hand.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from .content.cache_file import code_fingerprint
from .content.jsonschema import schema_file_names, schema_files
from .content.layout import Layout
from .content.problems import ContentError
from .content.vocabulary import Vocabulary, parse_vocabulary

SCHEMA_DIR = "schemas"
STAMP = ".fingerprint"  # what the schemas in the folder were made from


def write_schemas(folder: Path, vocabulary: Vocabulary) -> list[Path]:
    """Write every schema into folder, leaving files with the same text untouched."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_files(vocabulary).items():
        path = folder / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def refresh_schemas(root: Path, layout: Layout) -> bool:
    """Rewrite root/schemas/ if the vocabulary or the code changed since; True if it did.

    A vocabulary with problems leaves the schemas as they were (`check` reports the problems),
    and so does a folder that cannot be written.
    """
    folder = root / SCHEMA_DIR
    try:
        text = (root / layout.vocabulary_file).read_bytes()
        fingerprint = hashlib.blake2b(
            code_fingerprint().encode() + text, digest_size=16
        ).hexdigest()
        stamp = folder / STAMP
        if (
            stamp.is_file()
            and stamp.read_text(encoding="ascii").strip() == fingerprint
            and all((folder / name).is_file() for name in schema_file_names())
        ):
            return False
        vocabulary = parse_vocabulary(layout.vocabulary_file, text.decode("utf-8-sig"))
        write_schemas(folder, vocabulary)
        stamp.write_text(fingerprint + "\n", encoding="ascii")
    except (OSError, UnicodeDecodeError, ContentError):
        return False
    return True
