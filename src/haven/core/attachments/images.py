"""Pictures: decoded with explicit limits, re-encoded from their pixels alone.

Before a picture is attached, this device decodes it (JPEG, PNG, WebP or GIF only; Pillow's
other decoders are never asked) and writes a new file from the pixels: no EXIF (so no GPS
position, camera or time), no XMP, no IPTC, no embedded thumbnail, no comment or text chunk,
and no ICC profile (the pixels are converted to sRGB first, so colours stay right). The EXIF
orientation is applied to the pixels before it goes. Animated pictures are refused (their
frames would each need the same care). The result is read back and checked for metadata
before it is used, so a Pillow change that kept some would fail loudly, not quietly.

Pictures from other members are decoded with the same limits and shown only as new PNG
images made here (`render`): a decompression bomb, a malformed file or one too large is
refused with a clear message, never decoded in full.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from PIL import ExifTags, Image, ImageCms, ImageOps, UnidentifiedImageError

from haven.core.attachments.spec import AttachmentRefused
from haven.errors import InvalidInput

T = TypeVar("T")

#: The largest picture decoded, in pixels (about 50 megapixels) and per side.
MAX_PIXELS = 50_000_000
MAX_SIDE = 20_000
FORMATS = ("JPEG", "PNG", "WEBP", "GIF")
JPEG_QUALITY = 90
#: What `info` keys and JPEG segments hold, by the name shown to the person.
_INFO_NAMES = {
    "exif": "EXIF",
    "xmp": "XMP",
    "XML:com.adobe.xmp": "XMP",
    "icc_profile": "colour profile",
    "comment": "comment",
    "photoshop": "IPTC",
}
_GPS_IFD = 0x8825


@dataclass(frozen=True)
class CleanImage:
    data: bytes
    mime: str
    width: int
    height: int
    removed: tuple[str, ...]


def _open(data: bytes) -> Image.Image:
    """Open (read the header of) a picture within the limits; raises InvalidInput."""
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            img = Image.open(io.BytesIO(data), formats=FORMATS)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise AttachmentRefused(
            "too-many-pixels", "this picture is too large to open safely"
        ) from None
    except UnidentifiedImageError:
        raise AttachmentRefused(
            "format",
            "Haven attaches pictures as JPEG, PNG, WebP or GIF only: convert this one first"
            " (its metadata could not be removed)",
        ) from None
    except Exception:
        raise AttachmentRefused(
            "damaged", "this picture is damaged and could not be read"
        ) from None
    width, height = img.size
    if not (0 < width <= MAX_SIDE and 0 < height <= MAX_SIDE and width * height <= MAX_PIXELS):
        raise AttachmentRefused("too-many-pixels", "this picture is too large to open safely")
    if getattr(img, "is_animated", False) or getattr(img, "n_frames", 1) > 1:
        raise AttachmentRefused("animated", "animated pictures cannot be attached yet")
    return img


#: How picture files start, for formats Haven cleans and formats that carry metadata it
#: cannot clean (TIFF, HEIC/HEIF, AVIF, JPEG XL, BMP…): such a file is never attached as it
#: is, whatever its name says.
_PICTURE_SIGNATURES = (
    b"\xff\xd8\xff",  # JPEG
    b"\x89PNG\r\n\x1a\n",
    b"GIF87a",
    b"GIF89a",
    b"II*\x00",  # TIFF (and most camera raw files)
    b"MM\x00*",
    b"BM",
    b"\x00\x00\x00\x0cJXL ",
    b"\xff\x0a",  # JPEG XL codestream
    b"\x00\x00\x00\x0cjP  ",  # JPEG 2000
)
_ISO_BRANDS = (b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1", b"avif", b"avis")


def is_picture(data: bytes) -> bool:
    """Whether `data` is, by its first bytes, a picture (one Haven cleans, or one whose
    metadata it cannot remove and so refuses): never sent as a plain file."""
    if data.startswith(_PICTURE_SIGNATURES):
        return True
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return True
    return data[4:8] == b"ftyp" and data[8:12] in _ISO_BRANDS


def _found_metadata(img: Image.Image) -> list[str]:
    """Names of the metadata `img` carries, as shown to the person attaching it."""
    found: list[str] = []
    exif = img.getexif()
    if len(exif):
        found.append("EXIF")
        if _GPS_IFD in exif or exif.get_ifd(ExifTags.IFD.GPSInfo):
            found.append("GPS location")
        try:
            if exif.get_ifd(ExifTags.IFD.IFD1):
                found.append("thumbnail")
        except Exception:
            pass
    for key, label in _INFO_NAMES.items():
        if key in img.info and label not in found:
            found.append(label)
    for marker, _body in getattr(img, "applist", []):
        if marker == "APP13" and "IPTC" not in found:
            found.append("IPTC")
    if getattr(img, "text", None):
        found.append("text")
    return found


def _pixels(img: Image.Image) -> Image.Image:
    """The picture's pixels in sRGB, upright, as a new image with nothing else attached."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            upright = ImageOps.exif_transpose(img) or img
            upright.load()
    except Exception:
        raise AttachmentRefused(
            "damaged", "this picture is damaged and could not be read"
        ) from None
    icc = img.info.get("icc_profile")
    if upright.mode in ("P", "PA"):
        transparent = "transparency" in upright.info or upright.mode == "PA"
        upright = upright.convert("RGBA" if transparent else "RGB")
    elif upright.mode not in ("L", "LA", "RGB", "RGBA"):
        upright = upright.convert("RGB")
    if icc and upright.mode in ("RGB", "RGBA"):
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            converted = ImageCms.profileToProfile(
                upright, source, ImageCms.createProfile("sRGB"), outputMode=upright.mode
            )
            upright = converted or upright
        except Exception:
            pass  # an unreadable profile: keep the pixels as they are, the profile goes
    return Image.frombytes(upright.mode, upright.size, upright.tobytes())


def _decoded(work: Callable[[], T]) -> T:
    """Run decoding work; whatever a damaged file makes a decoder raise becomes one clear
    InvalidInput (the fuzz test in tests/unit/attachments finds the kinds)."""
    try:
        return work()
    except InvalidInput:
        raise
    except Exception:
        raise AttachmentRefused(
            "damaged", "this picture is damaged and could not be read"
        ) from None


def _encode(pixels: Image.Image, jpeg: bool) -> bytes:
    out = io.BytesIO()
    if jpeg:
        if pixels.mode not in ("L", "RGB"):
            pixels = pixels.convert("RGB")
        pixels.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
    else:
        pixels.save(out, "PNG", optimize=False)
    return out.getvalue()


def _assert_clean(data: bytes) -> None:
    with Image.open(io.BytesIO(data), formats=("JPEG", "PNG")) as check:
        if _found_metadata(check):
            raise RuntimeError("re-encoding left metadata in a picture")


def clean(data: bytes) -> CleanImage:
    """Re-encode a picture without its metadata. Raises InvalidInput for one that is not a
    picture Haven reads, is damaged, animated or too large."""
    with _open(data) as img:
        removed, jpeg, pixels = _decoded(
            lambda: (_found_metadata(img), img.format == "JPEG", _pixels(img))
        )
    encoded = _encode(pixels, jpeg)
    _assert_clean(encoded)
    width, height = pixels.size
    return CleanImage(encoded, "image/jpeg" if jpeg else "image/png", width, height, tuple(removed))


def render(data: bytes, max_side: int | None = None) -> bytes:
    """A PNG made here from a picture another member sent (scaled to fit `max_side` if
    given): the only form in which their picture reaches a widget. Raises InvalidInput."""
    with _open(data) as img:
        pixels = _decoded(lambda: _pixels(img))
    if max_side is not None:
        pixels.thumbnail((max_side, max_side))
    return _encode(pixels, jpeg=False)
