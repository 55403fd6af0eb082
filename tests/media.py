"""Real media files for tests, made on the spot: silent MP3 audio."""

from __future__ import annotations

FRAME_HEADER = bytes([0xFF, 0xFB, 0x90, 0xC0])  # MPEG-1 Layer III, 128 kbit/s, 44.1 kHz, mono
FRAME_BYTES = 417  # 144 * 128000 / 44100, no padding
FRAME_SECONDS = 1152 / 44100


def silent_mp3(seconds: float = 3.0) -> bytes:
    """An MP3 of seconds of silence: frames whose side information says "no audio data"."""
    frames = max(1, round(seconds / FRAME_SECONDS))
    return (FRAME_HEADER + bytes(FRAME_BYTES - len(FRAME_HEADER))) * frames


WEBVTT = """WEBVTT

00:00:00.000 --> 00:00:02.000
Velkommen til afsnittet.

00:00:02.000 --> 00:00:03.000
Tak fordi du lyttede.
"""
