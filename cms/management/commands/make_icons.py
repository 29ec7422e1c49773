"""Draw the home-screen icons of the web app manifest (static/img/icon-*.png).

Drawn like static/img/favicon.svg: a blue diamond with a red dot. The PNGs are committed; run
this again only to change them.
"""

from django.conf import settings
from django.core.management.base import BaseCommand
from PIL import Image, ImageDraw

# (file, side in pixels, the diamond's share of the side)
ICONS = (
    ("icon-192.png", 192, 0.94),
    ("icon-512.png", 512, 0.94),
    # Maskable: a launcher may cut the icon to a circle of 80% of its side; the diamond stays in.
    ("icon-maskable-512.png", 512, 0.72),
)


def icon(size: int, share: float) -> Image.Image:
    image = Image.new("RGB", (size, size), "#ffffff")
    draw = ImageDraw.Draw(image)
    centre, reach = size / 2, size / 2 * share
    draw.polygon(
        [(centre, centre - reach), (centre + reach, centre), (centre, centre + reach),
         (centre - reach, centre)],
        fill="#1f5f8b",
    )  # fmt: skip
    dot = reach * 2.5 / 7
    draw.ellipse((centre - dot, centre - dot, centre + dot, centre + dot), fill="#c8102e")
    return image.quantize(colors=16)


class Command(BaseCommand):
    help = "Draw the web app manifest's icons into static/img/."

    def handle(self, *args, **options):
        folder = settings.BASE_DIR / "static" / "img"
        for name, size, share in ICONS:
            icon(size, share).save(folder / name, optimize=True)
            self.stdout.write(f"{name}: {(folder / name).stat().st_size} bytes")
