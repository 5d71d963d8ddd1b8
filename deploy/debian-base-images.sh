#!/usr/bin/env bash
# Node.js 20 base images built from Debian's own packages, for a host that reaches Debian's
# archive but not Docker Hub (where deploy/Dockerfile's default base, node:20-bookworm-slim, lives):
#
#   deploy/debian-base-images.sh [TAG_PREFIX]      # default: knative-console-base
#
# makes two images, then builds the console on them:
#   TAG_PREFIX:runtime  Debian trixie (minbase), nodejs (20.19) and ca-certificates
#   TAG_PREFIX:build    the same and npm, for the Dockerfile's build stage
#
#   docker build -f deploy/Dockerfile \
#     --build-arg BUILD_IMAGE=knative-console-base:build \
#     --build-arg RUNTIME_IMAGE=knative-console-base:runtime -t knative-console .
#
# Needs root, debootstrap and a Docker engine (the client is $DOCKER, else docker). Debian
# bookworm's nodejs is 18, below what Next 16 needs (package.json "engines"); trixie's is 20.
set -euo pipefail

prefix="${1:-knative-console-base}"
suite=trixie
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
rootfs="$(mktemp -d)/rootfs"
trap 'rm -rf "$(dirname "$rootfs")"' EXIT

in_root() { chroot "$rootfs" env DEBIAN_FRONTEND=noninteractive "$@"; }

# The image as a layer: the root filesystem without apt's caches, with the official node image's
# PATH and command, so either base serves the Dockerfile alike.
import_as() {
  in_root apt-get clean
  rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/log/apt "$rootfs"/var/cache/debconf/*-old
  tar --numeric-owner -C "$rootfs" -c . | "${DOCKER:-docker}" import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'CMD ["node"]' - "$1" >/dev/null
  echo "$1: $(in_root node --version), $(du -sh "$rootfs" | cut -f1)"
}

echo "--- debootstrap $suite from $mirror"
debootstrap --variant=minbase --include=ca-certificates "$suite" "$rootfs" "$mirror" >/dev/null
in_root apt-get update -qq
in_root apt-get -o Dpkg::Use-Pty=0 install -y -qq --no-install-recommends nodejs >/dev/null
import_as "$prefix:runtime"

in_root apt-get update -qq
in_root apt-get -o Dpkg::Use-Pty=0 install -y -qq --no-install-recommends npm >/dev/null
import_as "$prefix:build"
