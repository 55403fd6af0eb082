"""The content core: what editors write, read and validated, with no MkDocs imports."""
