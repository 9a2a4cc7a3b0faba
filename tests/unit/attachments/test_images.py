"""Pictures lose every piece of metadata before they are attached, and hostile pictures
(decompression bombs, huge dimensions, damaged or animated files, random corruption) are
refused with a clear message, never a crash (core/attachments/images.py)."""

from __future__ import annotations

import io
import random

import pytest
from PIL import Image

from haven.core.attachments import images
from haven.errors import InvalidInput
from tests.attachment_helpers import METADATA_WORDS, photo_with_gps, png_claiming, png_with_text


def _no_metadata(data: bytes) -> None:
    for word in METADATA_WORDS:
        assert word.encode() not in data
    for marker in (b"Exif\x00\x00", b"ICC_PROFILE", b"http://ns.adobe.com/xap", b"Photoshop"):
        assert marker not in data
    with Image.open(io.BytesIO(data)) as img:
        assert len(img.getexif()) == 0
        assert "icc_profile" not in img.info and "exif" not in img.info
        assert not getattr(img, "text", {})


def test_a_photo_loses_gps_exif_xmp_icc_and_comment_and_stays_upright() -> None:
    photo = photo_with_gps(64, 48)
    assert all(w.encode() in photo for w in METADATA_WORDS)  # the test photo carries them
    clean = images.clean(photo)
    _no_metadata(clean.data)
    assert {"EXIF", "GPS location", "XMP", "colour profile", "comment"} <= set(clean.removed)
    assert (clean.width, clean.height) == (48, 64)  # the orientation went into the pixels
    assert clean.mime == "image/jpeg"


def test_png_text_chunks_are_removed() -> None:
    clean = images.clean(png_with_text())
    _no_metadata(clean.data)
    assert clean.mime == "image/png"
    assert "text" in clean.removed


def test_the_render_of_a_peers_picture_is_a_clean_png() -> None:
    rendered = images.render(photo_with_gps(64, 48), max_side=16)
    _no_metadata(rendered)
    with Image.open(io.BytesIO(rendered)) as img:
        assert img.format == "PNG" and max(img.size) == 16


@pytest.mark.parametrize("size", [(60_000, 60_000), (10_000, 10_000), (30_000, 10)])
def test_a_decompression_bomb_is_refused_before_decoding(size: tuple[int, int]) -> None:
    bomb = png_claiming(*size)
    with pytest.raises(InvalidInput, match="too large"):
        images.clean(bomb)
    with pytest.raises(InvalidInput, match="too large"):
        images.render(bomb)


def test_a_truncated_picture_is_refused() -> None:
    photo = photo_with_gps(64, 48)
    with pytest.raises(InvalidInput, match="damaged"):
        images.clean(photo[: len(photo) // 2])


def test_an_animated_picture_is_refused() -> None:
    frames = [Image.new("RGB", (8, 8), (80 * i, 0, 0)) for i in range(3)]
    out = io.BytesIO()
    frames[0].save(out, "GIF", save_all=True, append_images=frames[1:])
    with pytest.raises(InvalidInput, match="animated"):
        images.clean(out.getvalue())


@pytest.mark.parametrize("kind", ["TIFF", "BMP"])
def test_a_picture_format_outside_the_four_is_refused_not_sent_as_a_file(kind: str) -> None:
    out = io.BytesIO()
    exif = Image.Exif()
    exif[0x010F] = METADATA_WORDS[0]
    Image.new("RGB", (8, 8)).save(out, kind, **({"exif": exif} if kind == "TIFF" else {}))
    assert images.is_picture(out.getvalue())
    with pytest.raises(InvalidInput, match="convert this one first"):
        images.clean(out.getvalue())


def test_an_iphone_heic_photo_counts_as_a_picture() -> None:
    heic = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + bytes(64)
    assert images.is_picture(heic)
    assert not images.is_picture(b"hello, this is a text file")


def test_corrupted_pictures_give_a_clear_error_or_a_clean_picture_never_a_crash() -> None:
    rng = random.Random(15)
    sources = [photo_with_gps(32, 24), png_with_text()]
    for _ in range(150):
        data = bytearray(rng.choice(sources))
        for _ in range(rng.randint(1, 12)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        try:
            clean = images.clean(bytes(data))
        except InvalidInput:
            continue
        _no_metadata(clean.data)
