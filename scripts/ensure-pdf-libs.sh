#!/usr/bin/env bash
# Report cards are PDFs made by WeasyPrint, which draws text with Debian's Pango.
# Installs Pango (and a font) with apt when the system lacks them.
set -euo pipefail
if ldconfig -p | grep -q 'libpangoft2-1.0.so.0' && fc-list 2>/dev/null | grep -q .; then
  exit 0
fi
echo "Installing Pango and a font for the PDF report cards…"
if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq \
  libpango-1.0-0 libpangoft2-1.0-0 fontconfig fonts-dejavu-core
ldconfig -p | grep -q 'libpangoft2-1.0.so.0'
