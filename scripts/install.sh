#!/bin/sh
# Installs the two programs, their shell completions and man pages under PREFIX.
# usage: scripts/install.sh BIN_DIR PREFIX     (make install PREFIX=… calls it)
set -eu
bin_dir=$1
prefix=$2
version=$("$bin_dir/taizhang-agent" --version)
for dir in bin share/bash-completion/completions share/zsh/site-functions share/fish/vendor_completions.d \
           share/man/man1 share/man/zh_CN/man1; do
  mkdir -p "$prefix/$dir"
done
for program in taizhang-agent taizhang-hub; do
  install -m 755 "$bin_dir/$program" "$prefix/bin/$program"
  # Completion scripts and the English man page are made in English whatever the locale.
  TAIZHANG_LANG=en "$bin_dir/$program" --generate-completion-script bash > "$prefix/share/bash-completion/completions/$program"
  TAIZHANG_LANG=en "$bin_dir/$program" --generate-completion-script zsh > "$prefix/share/zsh/site-functions/_$program"
  TAIZHANG_LANG=en "$bin_dir/$program" --generate-completion-script fish > "$prefix/share/fish/vendor_completions.d/$program.fish"
  TAIZHANG_LANG=en "$bin_dir/$program" --experimental-dump-help | python3 "$(dirname "$0")/manpage.py" "$version" \
    > "$prefix/share/man/man1/$program.1"
  TAIZHANG_LANG=zh "$bin_dir/$program" --experimental-dump-help | python3 "$(dirname "$0")/manpage.py" "$version" \
    > "$prefix/share/man/zh_CN/man1/$program.1"
done
echo "Installed taizhang-agent and taizhang-hub $version under $prefix" >&2
