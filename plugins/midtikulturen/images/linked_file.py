"""A MkDocs file published as a hard link to the cache's file, so renditions are not copied."""

from __future__ import annotations

import os
import shutil

from mkdocs.structure.files import File


class LinkedFile(File):
    """A generated file read from abs_src_path: linked into the site where the site and the
    cache share a file system, copied elsewhere.

    A rendition is read back and checked against its digest each time the cache hands it out
    (`cache.RenditionCache.get`), so a site file changed in place, and with it the cache's,
    is made again, never published.
    """

    def copy_file(self, dirty: bool = False) -> None:
        if dirty and not self.is_modified():
            return
        assert self.abs_src_path is not None
        target = self.abs_dest_path
        os.makedirs(os.path.dirname(target), exist_ok=True)
        try:
            os.unlink(target)
        except FileNotFoundError:
            pass
        try:
            os.link(self.abs_src_path, target)
        except OSError:  # another file system, or one without hard links
            shutil.copyfile(self.abs_src_path, target)
