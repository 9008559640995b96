# Shared by deploy/run and deploy/test: installs what is missing (Debian 12
# packages only) and builds. Sourced, not run.
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

debian_packages=(
  g++ cmake ninja-build pkg-config ccache
  libboost1.81-dev libssl-dev libsqlite3-dev libsqlitecpp-dev doctest-dev libargon2-dev
  wrk
)

# Installs the Debian packages that are not there yet, with sudo when not root.
install_dependencies() {
  local missing=()
  for package in "${debian_packages[@]}" "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "==> installing ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# build <folder> <cmake options...>: configures once, then builds with -j2.
build() {
  local folder="$1"
  shift
  cmake -S "$repo_root" -B "$folder" -G Ninja "$@" >/dev/null
  cmake --build "$folder" -j "${CASECHAIN_JOBS:-2}"
}
