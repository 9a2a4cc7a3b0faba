"""Pictures made in the test with Pillow, carrying the metadata a phone would write: GPS
position, camera make, a comment, XMP, an ICC profile and an EXIF thumbnail."""

from __future__ import annotations

import io
import struct
import zlib

from PIL import Image, ImageCms

#: Words that appear only in the metadata, never in pixels: a test looks for them anywhere.
CAMERA = "Qxcamerasecret"
COMMENT = "Qxcommentsecret"
XMP_WORD = "Qxxmpsecret"
GPS_LATITUDE = (51.0, 30.0, 26.34)


def photo_with_gps(width: int = 640, height: int = 480) -> bytes:
    img = Image.new("RGB", (width, height))
    img.putdata(
        [((x * 7) % 256, (y * 3) % 256, (x + y) % 256) for y in range(height) for x in range(width)]
    )
    exif = Image.Exif()
    exif[0x010F] = CAMERA  # Make
    exif[0x0110] = CAMERA + "-model"  # Model
    exif[0x0112] = 6  # orientation: rotate 90°
    exif[0x8825] = {1: "N", 2: GPS_LATITUDE, 3: "W", 4: (0.0, 7.0, 39.0)}
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    xmp = (
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">'
        f"<rdf:Description>{XMP_WORD}</rdf:Description></x:xmpmeta>"
    )
    out = io.BytesIO()
    img.save(
        out,
        "JPEG",
        exif=exif.tobytes(),
        comment=COMMENT.encode(),
        icc_profile=icc,
        xmp=xmp.encode(),
        quality=80,
    )
    return out.getvalue()


def png_with_text() -> bytes:
    from PIL import PngImagePlugin

    img = Image.new("RGBA", (40, 30), (10, 200, 30, 128))
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", COMMENT)
    info.add_itxt("XML:com.adobe.xmp", XMP_WORD)
    out = io.BytesIO()
    img.save(out, "PNG", pnginfo=info)
    return out.getvalue()


METADATA_WORDS = (CAMERA, COMMENT, XMP_WORD)


def png_claiming(width: int, height: int) -> bytes:
    """A valid 1×1 PNG whose header claims another size: a decompression bomb's shape."""
    out = io.BytesIO()
    Image.new("L", (1, 1)).save(out, "PNG")
    data = bytearray(out.getvalue())
    ihdr = struct.pack(">II", width, height) + bytes(data[24:29])
    data[16:29] = ihdr
    data[29:33] = struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))
    return bytes(data)
