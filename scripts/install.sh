#!/bin/sh
# Installs the two programs, their shell completions and man pages under PREFIX.
# usage: scripts/install.sh BIN_DIR PREFIX     (make install PREFIX=… calls it)
# The man pages come from swift-argument-parser's manual generator, `generate-manual`, which
# `make install` builds beside the programs (`swift build --product generate-manual`); set
# GENERATE_MANUAL to use another copy of it.
set -eu
bin_dir=$1
prefix=$2
generate_manual=${GENERATE_MANUAL:-$bin_dir/generate-manual}
if [ ! -x "$generate_manual" ]; then
  echo "install.sh: $generate_manual is not there; build it with 'swift build --product generate-manual' (make install does) or set GENERATE_MANUAL" >&2
  exit 1
fi
version=$("$bin_dir/taizhang-agent" --version)
# The pages' date: the last commit's, so the same tree gives the same pages; else today.
date=$(git -C "$(dirname "$0")" log -1 --format=%cs 2>/dev/null || date -u +%F)
for dir in bin share/bash-completion/completions share/zsh/site-functions share/fish/vendor_completions.d \
           share/man/man1; do
  mkdir -p "$prefix/$dir"
done
for program in taizhang-agent taizhang-hub; do
  install -m 755 "$bin_dir/$program" "$prefix/bin/$program"
  # Completion scripts and the man page are made in English whatever the locale. The generator
  # keeps ASCII only, so the English help is ASCII (InstallTests checks); there is no Chinese
  # page — `--help` under a Chinese locale, and docs/clerk-guide.zh.md, are the Chinese help.
  TAIZHANG_LANG=en "$bin_dir/$program" --generate-completion-script bash > "$prefix/share/bash-completion/completions/$program"
  TAIZHANG_LANG=en "$bin_dir/$program" --generate-completion-script zsh > "$prefix/share/zsh/site-functions/_$program"
  TAIZHANG_LANG=en "$bin_dir/$program" --generate-completion-script fish > "$prefix/share/fish/vendor_completions.d/$program.fish"
  TAIZHANG_LANG=en "$generate_manual" "$bin_dir/$program" --date "$date" \
    --output-directory "$prefix/share/man/man1"
done
echo "Installed taizhang-agent and taizhang-hub $version under $prefix" >&2
