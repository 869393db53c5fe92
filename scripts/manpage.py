#!/usr/bin/env python3
"""Writes a man page (roff, section 1) from a program's `--experimental-dump-help` JSON.

usage: taizhang-agent --experimental-dump-help | scripts/manpage.py VERSION > taizhang-agent.1

One page per program: the synopsis, the description, the global options, then each
command with its abstract, discussion (examples kept line for line) and options.
"""
import json
import sys


def roff(text):
    """Escapes text for roff: backslashes, and leading dots or quotes."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    lines = []
    for line in text.split("\n"):
        if line.startswith(".") or line.startswith("'"):
            line = "\\&" + line
        lines.append(line)
    return "\n".join(lines)


def synopsis(argument):
    names = argument.get("names") or []
    name = next((n for n in names if n["kind"] == "long"), names[0] if names else None)
    if argument["kind"] == "positional":
        label = "<%s>" % argument.get("valueName", "value")
    else:
        prefix = "--" if name["kind"] == "long" else "-"
        label = prefix + name["name"]
        if argument["kind"] == "option":
            label += " <%s>" % argument.get("valueName", "value")
    return label


def discussion(text):
    """Paragraphs as .PP; indented lines (examples) verbatim in .nf/.fi."""
    out = []
    verbatim = False
    for line in text.split("\n"):
        if line.startswith("  "):
            if not verbatim:
                out.append(".nf")
                out.append(".RS 4")
                verbatim = True
            out.append(roff(line.strip() if not line.startswith("      ") else "    " + line.strip()))
            continue
        if verbatim:
            out.append(".RE")
            out.append(".fi")
            verbatim = False
        out.append(".PP" if not line.strip() else roff(line))
    if verbatim:
        out += [".RE", ".fi"]
    return "\n".join(out)


def options(arguments):
    out = []
    for argument in arguments or []:
        if not argument.get("shouldDisplay", True):
            continue
        out.append(".TP")
        out.append("\\fB%s\\fR" % roff(synopsis(argument)))
        out.append(roff(argument.get("abstract", "")))
    return "\n".join(out)


def commands(command, path):
    out = []
    for sub in command.get("subcommands") or []:
        if sub["commandName"] == "help" or not sub.get("shouldDisplay", True):
            continue
        full = path + [sub["commandName"]]
        if sub.get("subcommands"):
            out.append(commands(sub, full))
            continue
        out.append(".SS %s" % roff(" ".join(full[1:])))
        out.append(roff(sub.get("abstract", "")))
        if sub.get("discussion"):
            out.append(".PP")
            out.append(discussion(sub["discussion"]))
        if sub.get("arguments"):
            out.append(".PP")
            out.append(options(sub["arguments"]))
    return "\n".join(out)


def main():
    version = sys.argv[1] if len(sys.argv) > 1 else ""
    root = json.load(sys.stdin)["command"]
    name = root["commandName"]
    page = [
        '.TH "%s" 1 "" "%s %s" "Taizhang"' % (name.upper(), name, version),
        ".ad l",
        ".nh",
        ".SH NAME",
        "%s \\- %s" % (roff(name), roff(root.get("abstract", ""))),
        ".SH SYNOPSIS",
        "\\fB%s\\fR \\fIcommand\\fR [\\fIoptions\\fR]" % roff(name),
        ".SH DESCRIPTION",
        discussion(root.get("discussion", "")),
        ".SH OPTIONS",
        options(root.get("arguments")),
        ".TP", "\\fB\\-\\-lang <zh|en>\\fR",
        "The language of messages and help (default: $TAIZHANG_LANG, else the locale).",
        ".SH COMMANDS",
        commands(root, [name]),
    ]
    sys.stdout.write("\n".join(page) + "\n")


if __name__ == "__main__":
    main()
