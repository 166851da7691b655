#!/usr/bin/env bash
# Installs, with apt, whatever Fundtrace needs to build, test and run that is not yet installed.
# Idempotent: when everything is present it changes nothing and makes no network call.
set -euo pipefail

packages=(
    build-essential cmake ninja-build pkg-config git
    qt6-base-dev qt6-base-dev-tools qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    libgl-dev libqcustomplot-dev libspdlog-dev libsqlite3-dev sqlite3 libssl-dev
    libquazip1-qt6-dev libxlsxwriter-dev libicu-dev libphonenumber-dev libigraph-dev
    fonts-dejavu-core xvfb xauth time
)

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$package")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all ${#packages[@]} packages already installed"
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    SUDO=sudo
else
    SUDO=
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
