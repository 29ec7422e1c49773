"""Fetch every rendition a lesson plan page shows in one query instead of one per image."""

from .models.files import DromRendition

GALLERY_IMAGE = "fill-640x480|format-webp"
COVER_IMAGE = "fill-1200x600|format-webp"


def _gallery_images(page):
    for child in page.body:
        if child.block_type == "gallery":
            for image in child.value["images"]:
                if image is not None:
                    yield image


def prefetch_lesson_images(page) -> None:
    images = list(_gallery_images(page))
    if page.cover_image_id and page.cover_image:
        images.append(page.cover_image)
    if not images:
        return
    by_image: dict[int, list] = {image.pk: [] for image in images}
    for rendition in DromRendition.objects.filter(
        image_id__in=by_image, filter_spec__in=[GALLERY_IMAGE, COVER_IMAGE]
    ):
        by_image[rendition.image_id].append(rendition)
    for image in images:
        for rendition in by_image[image.pk]:
            rendition.image = image  # the <img> tag reads the image's alt text through it
        # Wagtail looks in `prefetched_renditions` before asking the database.
        image.prefetched_renditions = by_image[image.pk]
