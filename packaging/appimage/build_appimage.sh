#!/usr/bin/env bash
# Build Haven-<version>-x86_64.AppImage from the PyInstaller bundle (make dist first):
#   packaging/appimage/build_appimage.sh dist/haven
# Assembles dist/Haven.AppDir (the bundle, AppRun, the desktop file, the icons and the
# AppStream metadata), then packs it with appimagetool when APPIMAGETOOL or PATH names one
# (https://github.com/AppImage/appimagetool, not packaged by Debian). Without it, the AppDir
# is left in place and the script says so. Signing: packaging/README.md.
set -euo pipefail
bundle="${1:?usage: build_appimage.sh dist/haven}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
version="$("$bundle/haven" --version | awk '{print $2}')"
appdir="$(dirname "$bundle")/Haven.AppDir"

rm -rf "$appdir"
mkdir -p "$appdir/usr/lib" "$appdir/usr/share/applications" "$appdir/usr/share/metainfo"
cp -a "$bundle" "$appdir/usr/lib/haven"
install -m 755 "$here/AppRun" "$appdir/AppRun"
install -m 644 "$root/packaging/linux/haven.desktop" "$appdir/haven.desktop"
install -m 644 "$root/packaging/linux/haven.desktop" "$appdir/usr/share/applications/haven.desktop"
install -m 644 "$root/packaging/linux/haven.metainfo.xml" \
    "$appdir/usr/share/metainfo/haven.appdata.xml"
for size in 16 24 32 48 64 128 256 512; do
    install -D -m 644 "$root/resources/icons/haven-$size.png" \
        "$appdir/usr/share/icons/hicolor/${size}x${size}/apps/haven.png"
done
install -D -m 644 "$root/resources/icons/haven.svg" \
    "$appdir/usr/share/icons/hicolor/scalable/apps/haven.svg"
install -m 644 "$root/resources/icons/haven-256.png" "$appdir/haven.png"
ln -sf haven.png "$appdir/.DirIcon"
echo "AppDir ready: $appdir (Haven $version)"

tool="${APPIMAGETOOL:-$(command -v appimagetool || true)}"
if [ -z "$tool" ]; then
    echo "appimagetool not found: set APPIMAGETOOL or put it on PATH to pack the AppDir"
    exit 0
fi
out="$(dirname "$bundle")/Haven-$version-$(uname -m).AppImage"
ARCH="$(uname -m)" "$tool" --no-appstream "$appdir" "$out"
echo "built $out"
