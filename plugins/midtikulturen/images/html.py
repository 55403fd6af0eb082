"""`<picture>` markup for a picture's renditions: modern formats first, a JPEG for the rest."""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup

from .cache import Stored
from .pipeline import ImageSet
from .settings import JPEG

Url = Callable[[Stored], str]

# How wide a picture in a page's column is drawn (Material's layout, measured in Chromium):
# the column less its margins on a phone, less the contents sidebar from 60em, then a fixed
# width that grows with Material's root font size (20, 22, 24 px) at 76.25em, 100em, 125em.
MAIN_SIZES = (
    "(min-width: 125em) 826px, (min-width: 100em) 757px, (min-width: 76.25em) 688px, "
    "(min-width: 60em) calc(100vw - 274px), calc(100vw - 32px)"
)
# A card's thumbnail: 6rem, from 45em 12rem (midtikulturen.css, `.mik-card__picture`).
THUMB_SIZES = "(min-width: 125em) 288px, (min-width: 100em) 264px, (min-width: 45em) 240px, 120px"


def picture(
    image: ImageSet,
    url: Url,
    *,
    alt: str,
    sizes: str = MAIN_SIZES,
    main: bool = False,
    css: str = "",
    widest: int | None = None,
) -> Markup:
    """A `<picture>` of every rendition up to widest; main: the page's main picture.

    The main picture loads at once and first (`fetchpriority`); the others wait until they
    come near the screen (`loading="lazy"`) and are decoded off the main thread.
    """

    def fits(r: Stored) -> bool:
        return widest is None or r.width <= widest or r.width == image.widths(r.mime)[0].width

    sources = []
    for mime in dict.fromkeys(r.mime for r in image.responsive):
        candidates = [r for r in image.widths(mime) if fits(r)]
        if mime != JPEG:
            sources.append(
                Markup('<source type="{}" srcset="{}" sizes="{}">').format(
                    mime, _srcset(candidates, url), sizes
                )
            )
    fallback = [r for r in image.widths(JPEG) if fits(r)]
    shown = image.nearest(960, JPEG) if widest is None else fallback[-1]
    largest = fallback[-1]
    loading = (
        Markup(' fetchpriority="high"') if main else Markup(' loading="lazy" decoding="async"')
    )
    css_attr = Markup(' class="{}"').format(css) if css else Markup("")
    img = Markup('<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}"{}>').format(
        url(shown), _srcset(fallback, url), sizes, largest.width, largest.height, alt, loading
    )
    return Markup("<picture{}>{}{}</picture>").format(css_attr, Markup("").join(sources), img)


def thumbnail(image: ImageSet, url: Url) -> Markup:
    """A card's small picture: the narrowest renditions, decorative (the title is beside it)."""
    return picture(
        image,
        url,
        alt="",
        sizes=THUMB_SIZES,
        css="mik-card__picture",
        widest=image.widths(JPEG)[0].width,
    )


def _srcset(renditions: list[Stored], url: Url) -> Markup:
    return Markup(", ").join(Markup("{} {}w").format(url(r), r.width) for r in renditions)
