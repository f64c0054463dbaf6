#!/usr/bin/env bash
# Builds a self-contained MT5 Instance Console with jpackage (bundled Java runtime, app icon, desktop entry):
#   installer/build.sh            Linux app image and .deb in target/installer/
#   installer/build.sh app-image  only the app image (no fakeroot/dpkg-deb needed)
# Then proves the built app starts: its launcher must print the version and exit 0.
# Windows (.msi, needs WiX) and macOS (.dmg) use the same jpackage options on those systems; see installer/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
types=${1:-all}
name=mt5-console
version=1.0.0
out=target/installer

command -v jpackage >/dev/null || { echo "jpackage not found: use a full JDK 17+ (it ships jpackage and jmods)" >&2; exit 1; }
[ -f target/mt5-console.jar ] || mvn -B -q -ntp package -DskipTests
rm -rf "$out"
mkdir -p "$out/input"
cp target/mt5-console.jar installer/train-class-archive.sh "$out/input/"

# The bundled runtime: the JDK's modules as jpackage would pick them, plus the class-data archive of their classes,
# which jpackage's own runtime lacks (measured here: 5.15 -> 4.76 s to a filled window, median of 5). jlink needs
# the runtime's java launcher to write that archive, so the native commands stay in.
jdk_bin=$(dirname "$(readlink -f "$(command -v jpackage)")")
modules=$("$jdk_bin/java" --list-modules | sed 's/@.*//' \
  | grep -vE '^(java\.se|jdk\.hotspot\.agent|jdk\.internal\.vm\..*|jdk\.jcmd|jdk\.incubator\..*)$' | paste -sd, -)
"$jdk_bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --generate-cds-archive \
  --output "$out/runtime" >/dev/null

# The window's JVM options (the pom's gui.jvm.options: C1 only), and the app's class-data archive when it exists
# (written by train-class-archive.sh where the app lives; a missing or stale one is skipped without a word).
gui_options=$(sed -n 's:.*<gui.jvm.options>\(.*\)</gui.jvm.options>.*:\1:p' pom.xml)
java_options=(--java-options "-Xmx1g")
for o in $gui_options '-XX:SharedArchiveFile=$APPDIR/mt5-console.jsa' -Xlog:cds=off -Xlog:cds+dynamic=off; do
  java_options+=(--java-options "$o")
done

common=(--name "$name" --app-version "$version" --vendor "MT5 Ops"
  --description "Live operations console for fleets of MetaTrader 5 instances kept in Redis"
  --input "$out/input" --main-jar mt5-console.jar --main-class com.mt5ops.console.app.Launcher
  --icon assets/icons/mt5-console.png "${java_options[@]}" --runtime-image "$out/runtime" --dest "$out")

jpackage --type app-image "${common[@]}"
echo "app image: $out/$name"
"$out/$name/lib/app/train-class-archive.sh" "$out/$name" || echo "no class-data archive: the training start failed" >&2

if [ "$types" = all ]; then
  if command -v fakeroot >/dev/null && command -v dpkg-deb >/dev/null; then
    # installer/linux: jpackage's postinst and prerm, plus writing (and removing) the class-data archive on the target
    jpackage --type deb "${common[@]}" --resource-dir installer/linux --linux-shortcut --linux-menu-group "Office;Finance" \
      --linux-app-category finance --linux-package-name "$name" --linux-deb-maintainer "ops@example.invalid"
    echo "deb: $(ls "$out"/*.deb)"
  else
    echo "skipping .deb: install fakeroot and dpkg-dev (apt-get install fakeroot dpkg-dev)" >&2
  fi
fi

# Smoke test: the bundled runtime starts the app, with the class-data archives of the JDK's classes and of the app's
# (the JVM logs which class path entries its archive covers; JAVA_TOOL_OPTIONS reaches the JVM through any launcher).
got=$("$out/$name/bin/$name" --version)
[ "$got" = "mt5-console 1.0" ] || { echo "the built app did not start: got '$got'" >&2; exit 1; }
[ -f "$out/$name/lib/runtime/lib/server/classes.jsa" ] || { echo "the bundled runtime has no class-data archive" >&2; exit 1; }
[ -f "$out/$name/lib/app/mt5-console.jsa" ] || { echo "the app has no class-data archive" >&2; exit 1; }
paths=$(JAVA_TOOL_OPTIONS="-Xlog:class+path=info" "$out/$name/bin/$name" --version 2>&1)
if ! grep -q "checking shared classpath entry: .*mt5-console.jar" <<<"$paths" || grep -qi "mismatch" <<<"$paths"; then
  echo "the launcher does not use the app's class-data archive:" >&2; echo "$paths" | grep -i -e "class,path" -e cds >&2; exit 1
fi
echo "smoke test passed: $got (with both class-data archives)"
