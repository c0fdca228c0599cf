#!/usr/bin/env bash
# Builds the container image's base, a one-layer image tarball that Jib reads as `tar://` (docs/deployment.md):
# a Java runtime cut by jlink from the build's own JDK, the shared libraries it loads (found with ldd), the CA
# certificates, a passwd entry for the numeric non-root user, and the writable /data, /home/nonroot and /tmp.
# No registry is reachable from our machines, so no base image can be pulled.
#
# Usage: build-base-image.sh JDK_HOME OUT_DIR   (writes OUT_DIR/base-image.tar)
set -euo pipefail

jdk=${1:?JDK home (with jmods) expected}
out=${2:?output directory expected}
uid=65532
java_home=/opt/java/openjdk
# java.se is every java.* module, so a new dependency never finds one missing; the jdk.* ones are what the service
# reaches without naming them (TLS with EC keys, Unsafe, the platform MXBeans and JFR, extra charsets, zip files).
modules=java.se,jdk.crypto.ec,jdk.unsupported,jdk.management,jdk.jfr,jdk.net,jdk.charsets,jdk.zipfs,jdk.security.auth
# Window toolkit, splash screen and the AWT native interface: never loaded by a headless server, and they would pull
# in X11's libraries.
x11_libs=(libawt_xawt.so libjawt.so libsplashscreen.so)

if [[ ! -d $jdk/jmods ]]; then
  echo "build-base-image: $jdk has no jmods; install the JDK's jmods (Debian: openjdk-17-jdk-headless ships them," \
    "or openjdk-17-jmods) or build with -Djib.from.image=<a registry image with Java 17>" >&2
  exit 1
fi

# Cached across clean builds (a fresh clone's target/ is empty), keyed by everything the base is made of.
cache=${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/tweetflow
key=$( {
  cat "$0" "$jdk/release"
  ls -l "$jdk/jmods"
  ls -lL --time-style=+%s /lib/*-linux-gnu /usr/lib/locale /etc/ssl/certs/java 2>/dev/null
} | sha256sum | cut -c1-16)
cached=$cache/base-image-$key.tar
mkdir -p "$out" "$cache"
out=$(cd "$out" && pwd) # ldd names the runtime's own libraries by this path, which must not look like the system's
# A build beside this one may replace the cached file at any moment: if it is gone, build.
if ln -f "$cached" "$out/base-image.tar" 2>/dev/null || cp "$cached" "$out/base-image.tar" 2>/dev/null; then
  echo "build-base-image: $out/base-image.tar from the cache ($cached)"
  exit 0
fi
work=$out/work
rm -rf "$work"
root=$work/rootfs
mkdir -p "$root/opt/java" "$work/image"

"$jdk/bin/jlink" --module-path "$jdk/jmods" --add-modules "$modules" \
  --strip-debug --no-man-pages --no-header-files --output "$root$java_home"
for lib in "${x11_libs[@]}"; do rm -f "$root$java_home/lib/$lib"; done

# Debian's JDK links its cacerts to the system store (ca-certificates-java), which jlink does not follow: the
# runtime gets the JDK's own, older list unless the system's is copied in.
system_cacerts=$(readlink -f "$jdk/lib/security/cacerts" || true)
if [[ -f $system_cacerts ]]; then
  cp "$system_cacerts" "$root$java_home/lib/security/cacerts"
fi

# Every library the runtime's programs and libraries need, from the machine the JDK runs on, under the same paths
# (the dynamic loader looks in /lib/x86_64-linux-gnu and the like without any /etc/ld.so.cache).
runtime=$root$java_home
mapfile -t elves < <(find "$runtime/bin" "$runtime/lib" -type f \( -perm -u+x -o -name '*.so' \) | LC_ALL=C sort)
links=$(for elf in "${elves[@]}"; do
  LD_LIBRARY_PATH=$runtime/lib:$runtime/lib/server ldd "$elf" 2>/dev/null | sed "s|^|$elf: |" || true
done)
if grep "not found" <<<"$links" >&2; then
  echo "build-base-image: the libraries above are not installed here" >&2
  exit 1
fi
mapfile -t needed < <(awk '$3 == "=>" && $4 ~ /^\// { print $4 } $2 ~ /^\// { print $2 }' <<<"$links" |
  grep -v "^$runtime/" | LC_ALL=C sort -u)
for lib in "${needed[@]}"; do
  mkdir -p "$root$(dirname "$lib")"
  cp -L "$lib" "$root$lib"
done
# LANG=C.UTF-8 (below) needs glibc's compiled C.UTF-8 locale: without it Java 17 falls back to ASCII for file
# names and its default charset.
locale=/usr/lib/locale/C.utf8
if [[ ! -d $locale ]]; then
  echo "build-base-image: $locale is missing (Debian's libc-bin ships it)" >&2
  exit 1
fi
mkdir -p "$root/usr/lib/locale"
cp -r "$locale" "$root/usr/lib/locale/"

mkdir -p "$root/etc" "$root/data" "$root/home/nonroot" "$root/tmp"
chmod 1777 "$root/tmp"
cat >"$root/etc/passwd" <<EOF
root:x:0:0:root:/root:/sbin/nologin
nonroot:x:$uid:$uid:nonroot:/home/nonroot:/sbin/nologin
EOF
cat >"$root/etc/group" <<EOF
root:x:0:
nonroot:x:$uid:
EOF
# Without it glibc asks DNS before /etc/hosts.
cat >"$root/etc/nsswitch.conf" <<EOF
passwd: files
group: files
hosts: files dns
EOF

# One layer, the same bytes for the same inputs (sorted, fixed times, numeric owners), so Jib's cache of base layers
# (keyed by the layer's digest) compresses it once. The user's directories are appended with the user as owner.
layer=$work/image/layer.tar
tar_opts=(--format=gnu --numeric-owner --mtime=@0 --no-recursion -C "$root")
(cd "$root" && find . -mindepth 1 | LC_ALL=C sort) >"$work/all-paths"
grep -v -x -e ./data -e ./home/nonroot "$work/all-paths" >"$work/root-paths"
tar -cf "$layer" "${tar_opts[@]}" --owner=0 --group=0 -T "$work/root-paths"
tar -rf "$layer" "${tar_opts[@]}" --owner=$uid --group=$uid ./data ./home/nonroot
rm "$work/all-paths" "$work/root-paths"

case $(uname -m) in x86_64) architecture=amd64 ;; aarch64) architecture=arm64 ;; *) architecture=$(uname -m) ;; esac
diff_id=sha256:$(sha256sum "$layer" | cut -d' ' -f1)
cat >"$work/image/config.json" <<EOF
{
  "architecture": "$architecture",
  "os": "linux",
  "config": {
    "Env": [
      "PATH=$java_home/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
      "JAVA_HOME=$java_home",
      "LANG=C.UTF-8"
    ],
    "User": "$uid:$uid"
  },
  "rootfs": { "type": "layers", "diff_ids": ["$diff_id"] },
  "history": [ { "created": "1970-01-01T00:00:00Z", "created_by": "scripts/build-base-image.sh: jlink $modules" } ]
}
EOF
cat >"$work/image/manifest.json" <<EOF
[ { "Config": "config.json", "RepoTags": ["tweetflow-base:local"], "Layers": ["layer.tar"] } ]
EOF
tar -cf "$work/base-image.tar" -C "$work/image" manifest.json config.json layer.tar
ln -f "$work/base-image.tar" "$out/base-image.tar"
rm -f "$cache"/base-image-*.tar
# Renamed within the cache's folder, so that a build beside this one never reads half a file.
mv "$work/base-image.tar" "$cached.$$" && mv "$cached.$$" "$cached"
rm -rf "$work"
echo "build-base-image: $out/base-image.tar ($(du -h "$cached" | cut -f1), layer $diff_id), cached as $cached"
