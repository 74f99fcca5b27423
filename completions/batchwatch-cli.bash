# bash completion for batchwatch-cli (installed as
# /usr/share/bash-completion/completions/batchwatch-cli; or source this file).
#
# Completes commands, options (the global ones and those of the command on the line), option
# values (--format for the command given, --route, --auth, --provider, --status, files and
# directories), profile names (from "batchwatch-cli profiles --format csv") and the job ids the
# local store watches ("export --all --offline --format csv -o -" of the profile on the line, or
# of every profile). --data-dir on the line is passed on to both queries. Needs nothing but bash;
# works with and without the bash-completion package.

_batchwatch_cli_command_options()
{
    case $1 in
        get) echo --from-file ;;
        list) echo --status --name-contains --max --submitted-after --submitted-before ;;
        watch) echo --from-file --all --until-terminal --interval --give-up-after ;;
        stop) echo --from-file --yes ;;
        export) echo --from-file --all --output --offline --report ;;
        results) echo --failed-only --max-bytes ;;
    esac
}

_batchwatch_cli_formats()
{
    case $1 in
        get | list | profiles) echo table json csv ;;
        watch | stop | test-connection) echo table json ;;
        export) echo json csv html pdf ;;
        results) echo table json jsonl csv ;;
        *) echo table json jsonl csv html pdf ;;
    esac
}

# The first field of every CSV line on stdin but the header (RFC 4180 quoting undone).
_batchwatch_cli_first_csv_field()
{
    awk 'NR > 1 {
        sub(/\r$/, "")
        if (substr($0, 1, 1) != "\"") {
            i = index($0, ",")
            print (i ? substr($0, 1, i - 1) : $0)
            next
        }
        s = substr($0, 2); out = ""
        while (1) {
            i = index(s, "\"")
            if (i == 0) { out = out s; break }
            out = out substr(s, 1, i - 1)
            if (substr(s, i + 1, 1) != "\"") break
            out = out "\""; s = substr(s, i + 2)
        }
        if (out != "") print out
    }'
}

_batchwatch_cli()
{
    local line=${COMP_LINE:0:COMP_POINT}
    local -a words
    read -r -a words <<<"$line"
    local cur=""
    if [[ -n $line && ! $line =~ [[:space:]]$ ]]; then
        cur=${words[${#words[@]} - 1]}
        unset 'words[${#words[@]}-1]'
    fi
    local prev=""
    ((${#words[@]} > 1)) && prev=${words[${#words[@]} - 1]}
    if [[ $cur == --*=* ]]; then
        prev=${cur%%=*}
        cur=${cur#*=}
    fi

    local program=${words[0]:-batchwatch-cli}
    command -v -- "$program" >/dev/null 2>&1 || program=batchwatch-cli
    local takes_value=" --gateway --profile --token-env --auth --route --provider --timeout
        --max-rate --format --data-dir --store --from-file --status --name-contains --max
        --submitted-after --submitted-before --interval --give-up-after --output -o --max-bytes --report "
    local commands="get list watch stop export profiles test-connection results"

    # The command, the profile and the data directory given so far.
    local command="" profile="" datadir="" i word
    for ((i = 1; i < ${#words[@]}; i++)); do
        word=${words[i]}
        case $word in
            --profile=*) profile=${word#*=} ;;
            --data-dir=* | --store=*) datadir=${word#*=} ;;
            -*)
                if [[ $takes_value == *" $word "* ]]; then
                    ((i++))
                    [[ $word == --profile ]] && profile=${words[i]}
                    [[ $word == --data-dir || $word == --store ]] && datadir=${words[i]}
                fi
                ;;
            *) [[ -z $command && " $commands " == *" $word "* ]] && command=$word ;;
        esac
    done
    local -a dirarg=()
    [[ -n $datadir ]] && dirarg=(--data-dir "$datadir")

    local -a candidates=()
    local filenames=""
    if [[ $prev == -* && $takes_value == *" $prev "* ]]; then
        case $prev in
            --format) read -r -a candidates <<<"$(_batchwatch_cli_formats "$command")" ;;
            --route) candidates=(auto plural singular) ;;
            --report) candidates=(full summary) ;;
            --auth) candidates=(x-bf-vk bearer none header:) ;;
            --provider) candidates=(bedrock openai azure anthropic gemini vertex) ;;
            --status)
                local s head=""
                [[ $cur == *,* ]] && head=${cur%,*},
                for s in Submitted Validating Scheduled InProgress Stopping Completed \
                    PartiallyCompleted Failed Stopped Expired; do
                    candidates+=("$head$s")
                done
                ;;
            --profile)
                mapfile -t candidates < <("$program" profiles --format csv "${dirarg[@]}" \
                    2>/dev/null | _batchwatch_cli_first_csv_field)
                ;;
            --token-env) mapfile -t candidates < <(compgen -e) ;;
            --data-dir | --store)
                mapfile -t candidates < <(compgen -d -- "$cur")
                filenames=1
                ;;
            --from-file | --output | -o)
                mapfile -t candidates < <(compgen -f -- "$cur")
                candidates+=(-)
                filenames=1
                ;;
        esac
    elif [[ $cur == -* ]]; then
        # shellcheck disable=SC2207 # option names never contain white space
        candidates=(--help --version --gateway --profile --token-env --auth --route --provider
            --timeout --max-rate --format --data-dir --store
            $(_batchwatch_cli_command_options "$command"))
    elif [[ -z $command ]]; then
        read -r -a candidates <<<"$commands"
    elif [[ " get watch stop export results " == *" $command "* ]]; then
        local -a profiles=("$profile")
        if [[ -z $profile ]]; then
            mapfile -t profiles < <("$program" profiles --format csv "${dirarg[@]}" 2>/dev/null \
                | _batchwatch_cli_first_csv_field)
        fi
        local p
        for p in "${profiles[@]}"; do
            [[ -n $p ]] || continue
            mapfile -t -O "${#candidates[@]}" candidates < <("$program" --profile "$p" \
                "${dirarg[@]}" export --all --offline --format csv -o - 2>/dev/null \
                | _batchwatch_cli_first_csv_field)
        done
    fi

    COMPREPLY=()
    local c
    for c in "${candidates[@]}"; do
        [[ $c == "$cur"* ]] || continue
        # bash splits the word at ':' (ARNs, header:NAME): reply with the part after the last one.
        if [[ $cur == *:* && $COMP_WORDBREAKS == *:* ]]; then
            c=${c#"${cur%"${cur##*:}"}"}
        fi
        COMPREPLY+=("$c")
    done
    if [[ -n $filenames ]]; then
        compopt -o filenames 2>/dev/null
    elif ((${#COMPREPLY[@]} == 1)) && [[ ${COMPREPLY[0]} == *: ]]; then
        compopt -o nospace 2>/dev/null
    fi
    # Replies that are not file names are quoted for the command line (profile names with spaces).
    if [[ -z $filenames ]]; then
        for i in "${!COMPREPLY[@]}"; do
            [[ ${COMPREPLY[i]} == *[[:space:]\'\"\\]* ]] && COMPREPLY[i]=$(printf '%q' "${COMPREPLY[i]}")
        done
    fi
    return 0
}

complete -F _batchwatch_cli batchwatch-cli
