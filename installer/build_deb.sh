#!/usr/bin/env bash
# Package the one-folder build as a Debian package: /opt/ctpat-desktop, a launcher in
# /usr/bin, the .desktop entry and the icon. Usage: build_deb.sh DIST_FOLDER OUT_DIR VERSION
set -euo pipefail
dist=$1 out=$2 version=$3
here=$(cd "$(dirname "$0")" && pwd)
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/opt" "$root/usr/bin" "$root/usr/share/applications" \
  "$root/usr/share/icons/hicolor/scalable/apps" "$root/usr/share/icons/hicolor/256x256/apps" \
  "$root/DEBIAN"
cp -a "$dist" "$root/opt/ctpat-desktop"
ln -s /opt/ctpat-desktop/ctpat-desktop "$root/usr/bin/ctpat-desktop"
cp "$here/ctpat-desktop.desktop" "$root/usr/share/applications/"
cp "$here/../resources/icons/ctpat-desktop.svg" "$root/usr/share/icons/hicolor/scalable/apps/"
cp "$here/../resources/icons/ctpat-desktop.png" "$root/usr/share/icons/hicolor/256x256/apps/"
size=$(du -sk "$root/opt" | cut -f1)
cat > "$root/DEBIAN/control" <<CONTROL
Package: ctpat-desktop
Version: $version
Section: utils
Priority: optional
Architecture: $(dpkg --print-architecture)
Installed-Size: $size
Depends: libegl1, libgl1, libxkbcommon0, libfontconfig1, libdbus-1-3
Maintainer: ctpat-desktop developers <ctpat-desktop@users.noreply.invalid>
Description: CTPAT validations: walk the MSC, record findings offline, sign reports
 A desktop application for CBP Supply Chain Security Specialists conducting CTPAT
 validations: findings kept offline in SQLite, signed PDF reports, Excel worksheets.
CONTROL
mkdir -p "$out"
dpkg-deb --root-owner-group --build "$root" "$out/ctpat-desktop_${version}_$(dpkg --print-architecture).deb"
