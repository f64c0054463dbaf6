#!/bin/sh
# Writes the app's class-data archive (lib/app/mt5-console.jsa) by starting the console once, headless, on a private
# demo Redis of 2,000 instances (enough to take the paths a large fleet takes) until its window has laid out the fleet.
# The launcher reads the archive with -XX:SharedArchiveFile; Java 17 ties it to the jar's absolute path, so this runs
# where the app lives (installer/build.sh for the app image, the .deb's postinst after installing).
# Usage: train-class-archive.sh APP_DIR
set -eu
app=$(cd "$1" && pwd -P)
jar="$app/lib/app/mt5-console.jar"
archive="$app/lib/app/mt5-console.jsa"
options=$(sed -n 's/^java-options=//p' "$app/lib/app/mt5-console.cfg" | grep -v -e SharedArchiveFile -e '^-Xlog' | tr '\n' ' ')
config=$(mktemp -d)
trap 'rm -rf "$config"' EXIT
rm -f "$archive"
# shellcheck disable=SC2086 # the launcher's options, one per word
timeout 300 "$app/lib/runtime/bin/java" $options -XX:ArchiveClassesAtExit="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off \
  -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Dmt5.config.dir="$config" \
  -cp "$jar" com.mt5ops.console.app.Launcher gui --demo --demo-instances 2000 --read-only --exit-after-first-data >/dev/null 2>&1
[ -f "$archive" ] && echo "class-data archive: $archive"
