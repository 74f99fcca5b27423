#!/usr/bin/env bash
# check-manpage.sh PROGRAM MANPAGE
# Fails (exit 1, naming each difference) when PROGRAM --help, or the --help of any command that
# help lists under "Commands:", names an option or command MANPAGE does not document, or when
# MANPAGE names a --long option that no --help lists. Reads the options from the help text
# itself, so new commands and options are found without changing this script.
set -euo pipefail
program=$1
page=$2

help=$("$program" --help)
commands=$(awk '/^Commands:/ { on = 1; next } on && /^[[:space:]]*$/ { exit } on { print $1 }' \
    <<<"$help")
all=$help
for command in $commands; do
    all+=$'\n'$("$program" "$command" --help)
done
# Option lines: two or more spaces, then "-x, --long" or "--long".
options=$(grep -oE '^ {2,}(-[[:alnum:]?], )?--[[:alnum:]][[:alnum:]-]*' <<<"$all" \
    | grep -oE -- '-{1,2}[[:alnum:]?][[:alnum:]-]*' | sort -u)
[ -n "$options" ] || { echo "no options found in $program --help" >&2; exit 1; }

# The page's text with roff escapes for hyphens and fonts undone.
text=$(sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' -e 's/\\&//g' "$page")

problems=()
for option in $options; do
    grep -qE -- "(^|[^[:alnum:]-])${option//\?/\\?}([^[:alnum:]-]|$)" <<<"$text" \
        || problems+=("$program lists $option; $page does not")
done
for command in $commands; do
    grep -qE "^\.(B|BI|BR) \"?$command([ \"]|$)" <<<"$text" \
        || problems+=("$program lists the command $command; $page does not describe it")
done
for option in $(grep -oE -- '--[[:alnum:]][[:alnum:]-]*' <<<"$text" | sort -u); do
    grep -qxF -- "$option" <<<"$options" || problems+=("$page names $option; $program does not")
done

if [ ${#problems[@]} -gt 0 ]; then
    printf '%s\n' "${problems[@]}" >&2
    exit 1
fi
echo "$page: $(wc -l <<<"$options") options and $(wc -w <<<"$commands") commands documented"
