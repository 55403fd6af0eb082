"""A podcast series' artwork: the size podcast apps ask for, Danish letters drawn, names fitted."""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageChops

from midtikulturen.images.artwork import INDIGO, MARGIN, SIZE, series_artwork
from midtikulturen.images.lettering import drawable, wrapped
from midtikulturen.images.lettering import font as _font

SITE = "Midt i Kulturen"


def picture(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def ink(image: Image.Image) -> tuple[int, int, int, int] | None:
    """The box around everything that is not the background."""
    return ImageChops.difference(image, Image.new("RGB", image.size, INDIGO)).getbbox()


def test_artwork_is_a_square_rgb_png_within_apples_limits_and_the_same_every_time() -> None:
    data = series_artwork("Kulturhusene i lokalsamfundet", SITE)
    image = picture(data)
    assert (image.format, image.mode) == ("PNG", "RGB")
    assert image.size == (SIZE, SIZE) and 1400 <= SIZE <= 3000
    assert data == series_artwork("Kulturhusene i lokalsamfundet", SITE)
    assert data != series_artwork("Kulturhusene i byen", SITE)


def test_danish_letters_are_drawn_not_replaced_by_a_box() -> None:
    # A character the font lacks is drawn as one and the same box (here: 中).
    font = _font(100)
    masks = {bytes(font.getmask(letter)) for letter in "æøåÆØÅ中"}
    assert len(masks) == 7


@pytest.mark.parametrize(
    "name",
    [
        "Kulturhusene i lokalsamfundet",
        "Ærø, Øster Åby og kulturlivets længste navn på en podcastserie – nogensinde skrevet igen",
        "Kulturhusenesfællesskabsprojektsamarbejdsaftaleforhandlingsudvalgsmødereferat",
        "Ord " * 60,
        "🎭 \u202e",  # nothing the font can draw: the site's name and rule only
    ],
)
def test_every_name_stays_inside_the_margins(name: str) -> None:
    left, top, right, bottom = ink(picture(series_artwork(name, SITE * 6)))
    assert left >= MARGIN - 10 and top >= MARGIN - 10
    assert right <= SIZE - MARGIN + 10 and bottom <= SIZE - MARGIN + 10


def test_characters_the_font_cannot_draw_are_left_out() -> None:
    assert drawable("Kultur 🎭  og 中文 ånd") == "Kultur og ånd"
    assert series_artwork("Kultur 🎭", SITE) == series_artwork("Kultur", SITE)


def test_lines_break_at_spaces_and_inside_a_word_only_when_it_is_too_wide() -> None:
    font = _font(100)
    assert wrapped("a b c", font, 1000) == ["a b c"]
    long = "k" * 40
    lines = wrapped(f"ok {long}", font, 500)
    assert lines[0] == "ok" and "".join(lines[1:]) == long
    assert all(font.getlength(line) <= 500 for line in lines)


def test_the_sharing_picture_draws_danish_letters_the_same_on_every_machine() -> None:
    from midtikulturen.images.settings import Settings
    from midtikulturen.images.social import default_image

    settings = Settings()
    pictures = {
        name: default_image(name, "kultur.example.dk", "indigo", settings)
        for name in ("Ø", "Å", "Æ", "中")
    }
    assert len(set(pictures.values())) == 4  # a missing letter would be the same box each time
    image = picture(pictures["Å"])
    assert (image.format, image.size) == ("JPEG", settings.social)
    assert pictures["Å"] == default_image("Å", "kultur.example.dk", "indigo", settings)
