"""Images and files attached to posts (docs/PROTOCOL.md, "Attachments").

`images` decodes a picture with explicit limits and re-encodes its pixels alone (no EXIF,
GPS, XMP, IPTC, ICC profile, embedded thumbnail or text chunk survives) before anything is
encrypted; `names` makes a file name a peer chose safe to show and to save; `spec` is what a
post says about its attachments and how their bytes are cut into chunk events. The service
over a vault is `haven.core.spaces.attachments`."""
