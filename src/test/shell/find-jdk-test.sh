#!/usr/bin/env bash
# Tests bin/find-jdk against fake JDKs (tiny scripts that answer `java -version`), so it runs in a second
# anywhere. Run by bin/test before Maven. Prints "N passed, N failed" and exits non-zero on a failure.
set -uo pipefail
cd "$(dirname "$0")/../../.."
FIND_JDK=$PWD/bin/find-jdk
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0 failed=0

# fake_jdk DIR VERSION [jre]: a home whose java prints VERSION; a "jre" has no javac.
fake_jdk() {
  local home=$1 version=$2
  mkdir -p "$home/bin"
  printf '#!/bin/sh\necho "openjdk version \\"%s\\" 2025-01-21" >&2\n' "$version" > "$home/bin/java"
  chmod +x "$home/bin/java"
  if [ "${3:-}" != jre ]; then cp "$home/bin/java" "$home/bin/javac"; fi
}

# A PATH holding only the basic tools plus, optionally, one directory with a java in it.
base_path() {
  local bin=$work/basebin
  if [ ! -d "$bin" ]; then
    mkdir -p "$bin"
    for tool in bash sh env grep sed awk sort tail head readlink dirname cat printf ls id pwd mkdir chmod cp; do
      local p; p=$(command -v "$tool") && ln -sf "$p" "$bin/$tool"
    done
  fi
  printf '%s' "$bin${1:+:$1}"
}

# run NAME EXPECTED_RC EXPECTED_TEXT env...: runs find-jdk in a clean environment.
check() {
  local name=$1 want_rc=$2 want=$3; shift 3
  local out rc
  out=$(env -i HOME="$work" KAKEHASHI_JDK_INSTALL=off KAKEHASHI_JVM_DIRS="$work/none" PATH="$(base_path)" "$@" \
        bash "$FIND_JDK" 2>&1)
  rc=$?
  if [ "$rc" -eq "$want_rc" ] && [[ "$out" == *"$want"* ]]; then
    passed=$((passed + 1)); printf 'ok   %s\n' "$name"
  else
    failed=$((failed + 1)); printf 'FAIL %s: rc=%s, output: %s\n' "$name" "$rc" "$out"
  fi
}

fake_jdk "$work/jdk21" 21.0.5
fake_jdk "$work/jdk17" 17.0.15
fake_jdk "$work/jre25" 25.0.1 jre
fake_jdk "$work/jvm/java-17-openjdk-amd64" 17.0.15
fake_jdk "$work/jvm/java-21-openjdk-amd64" 21.0.5
fake_jdk "$work/jvm/temurin-25-jdk-amd64" 25.0.1
mkdir -p "$work/opt" "$work/pathjava"
ln -s "$work/jvm/temurin-25-jdk-amd64" "$work/opt/jdk"
ln -s "$work/jdk21/bin/java" "$work/pathjava/java"
mkdir -p "$work/path17"
ln -s "$work/jdk17/bin/java" "$work/path17/java"

check "JAVA_HOME at an unusual path (a symlink) is used" 0 "$work/jvm/temurin-25-jdk-amd64" \
  JAVA_HOME="$work/opt/jdk"
check "a JDK 21 in JAVA_HOME is used" 0 "$work/jdk21" JAVA_HOME="$work/jdk21"
check "the java on PATH is followed to its home" 0 "$work/jdk21" PATH="$(base_path "$work/pathjava")"
check "a JDK 17 everywhere gets the one sentence naming it" 1 "needs a JDK 21 or newer but found only $work/jdk17 (Java 17)" \
  JAVA_HOME="$work/jdk17" PATH="$(base_path "$work/path17")"
check "a JDK 17 in JAVA_HOME is passed over for a newer one under the JVM directory" 0 "$work/jvm/temurin-25-jdk-amd64" \
  JAVA_HOME="$work/jdk17" KAKEHASHI_JVM_DIRS="$work/jvm"
check "a JRE (no javac) is not a JDK" 1 "found none" JAVA_HOME="$work/jre25"
check "nothing at all: one sentence saying what to install" 1 "install one (e.g. apt-get install openjdk-21-jdk-headless)"

# The release file, when there is one, names the version without running java.
fake_jdk "$work/withrelease" 11.0.1
printf 'JAVA_VERSION="21.0.2"\n' > "$work/withrelease/release"
check "the release file's JAVA_VERSION is read" 0 "$work/withrelease" JAVA_HOME="$work/withrelease"

# No JDK, but the system offers packages: the newest openjdk-N-jdk-headless >= 21 is installed.
mkdir -p "$work/apt"
cat > "$work/apt/apt-cache" <<FAKE
#!/bin/sh
printf 'openjdk-17-jdk-headless - OpenJDK 17\nopenjdk-21-jdk-headless - OpenJDK 21\nopenjdk-25-jdk-headless - OpenJDK 25\n'
FAKE
cat > "$work/apt/apt-get" <<FAKE
#!/bin/sh
for a in "\$@"; do case "\$a" in openjdk-*-jdk-headless) echo "\$a" > "$work/installed";; esac; done
mkdir -p "$work/aptjvm/java-25-openjdk-amd64/bin"
cp "$work/jvm/temurin-25-jdk-amd64/bin/java" "$work/jvm/temurin-25-jdk-amd64/bin/javac" "$work/aptjvm/java-25-openjdk-amd64/bin/"
FAKE
chmod +x "$work/apt/apt-cache" "$work/apt/apt-get"
# as_root needs uid 0 or password-less sudo; a fake id says we are root.
printf '#!/bin/sh\necho 0\n' > "$work/apt/id"; chmod +x "$work/apt/id"
check "no JDK: the newest offered package >= 21 is installed and then found" 0 "$work/aptjvm/java-25-openjdk-amd64" \
  PATH="$(base_path "$work/apt")" KAKEHASHI_JDK_INSTALL=on KAKEHASHI_JVM_DIRS="$work/aptjvm"
if [ "$(cat "$work/installed" 2>/dev/null)" = openjdk-25-jdk-headless ]; then
  passed=$((passed + 1)); echo "ok   the package chosen was openjdk-25-jdk-headless"
else
  failed=$((failed + 1)); echo "FAIL the package chosen was '$(cat "$work/installed" 2>/dev/null)'"
fi
rm -rf "$work/aptjvm"
printf '#!/bin/sh\nprintf "openjdk-17-jdk-headless - OpenJDK 17\\n"\n' > "$work/apt/apt-cache"
check "the system offers only 17: the sentence, nothing installed" 1 "needs a JDK 21 or newer" \
  PATH="$(base_path "$work/apt")" KAKEHASHI_JDK_INSTALL=on KAKEHASHI_JVM_DIRS="$work/aptjvm"

echo "find-jdk: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
