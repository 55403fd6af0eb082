"""Pictures: header checks, resized renditions with their cache, and their HTML."""
