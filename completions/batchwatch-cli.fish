# fish completion for batchwatch-cli (installed in /usr/share/fish/vendor_completions.d).
# The same as the bash completion: commands, options (global and per command), option values,
# profile names ("profiles --format csv") and the job ids the local store watches
# ("export --all --offline --format csv -o -" of the profile given, or of every profile).

set -l commands get list watch stop export profiles test-connection results

function __batchwatch_cli_first_field
    awk 'NR > 1 {
        sub(/\r$/, "")
        if (substr($0, 1, 1) != "\"") { i = index($0, ","); print (i ? substr($0, 1, i - 1) : $0); next }
        s = substr($0, 2); out = ""
        while (1) {
            i = index(s, "\""); if (i == 0) { out = out s; break }
            out = out substr(s, 1, i - 1)
            if (substr(s, i + 1, 1) != "\"") break
            out = out "\""; s = substr(s, i + 2)
        }
        if (out != "") print out
    }'
end

# The value of option $argv[1] on the command line so far, if any.
function __batchwatch_cli_option_value
    set -l tokens (commandline -opc)
    for i in (seq (count $tokens))
        if test "$tokens[$i]" = "$argv[1]"; and test $i -lt (count $tokens)
            echo $tokens[(math $i + 1)]
            return
        else if string match -q -- "$argv[1]=*" $tokens[$i]
            string replace -- "$argv[1]=" "" $tokens[$i]
            return
        end
    end
end

function __batchwatch_cli_datadir_args
    set -l dir (__batchwatch_cli_option_value --data-dir)
    test -n "$dir"; or set dir (__batchwatch_cli_option_value --store)
    test -n "$dir"; and printf '%s\n' --data-dir $dir
end

function __batchwatch_cli_profiles
    batchwatch-cli profiles --format csv (__batchwatch_cli_datadir_args) 2>/dev/null | __batchwatch_cli_first_field
end

function __batchwatch_cli_ids
    set -l profiles (__batchwatch_cli_option_value --profile)
    test -n "$profiles"; or set profiles (__batchwatch_cli_profiles)
    for p in $profiles
        batchwatch-cli --profile $p (__batchwatch_cli_datadir_args) export --all --offline --format csv -o - 2>/dev/null | __batchwatch_cli_first_field
    end
end

function __batchwatch_cli_formats
    set -l tokens (commandline -opc)
    if contains -- export $tokens
        printf '%s\n' json csv html pdf
    else if contains -- results $tokens
        printf '%s\n' table json jsonl csv
    else if contains -- watch $tokens; or contains -- stop $tokens; or contains -- test-connection $tokens
        printf '%s\n' table json
    else
        printf '%s\n' table json csv
    end
end

complete -c batchwatch-cli -f
complete -c batchwatch-cli -n "not __fish_seen_subcommand_from $commands" -a get -d 'fetch jobs now'
complete -c batchwatch-cli -n "not __fish_seen_subcommand_from $commands" -a list -d "the gateway's jobs, filtered"
complete -c batchwatch-cli -n "not __fish_seen_subcommand_from $commands" -a watch -d 'follow jobs'
complete -c batchwatch-cli -n "not __fish_seen_subcommand_from $commands" -a stop -d 'stop jobs'
complete -c batchwatch-cli -n "not __fish_seen_subcommand_from $commands" -a export -d 'write a JSON, CSV, HTML or PDF export'
complete -c batchwatch-cli -n "not __fish_seen_subcommand_from $commands" -a profiles -d 'the stored gateway profiles'
complete -c batchwatch-cli -n "not __fish_seen_subcommand_from $commands" -a test-connection -d 'is the gateway reachable, the key accepted?'
complete -c batchwatch-cli -n "not __fish_seen_subcommand_from $commands" -a results -d 'per-record results of batches'

# Global options.
complete -c batchwatch-cli -s h -l help -d 'show help'
complete -c batchwatch-cli -s v -l version -d 'show the version'
complete -c batchwatch-cli -l gateway -x -d 'base URL of the gateway'
complete -c batchwatch-cli -l profile -x -a '(__batchwatch_cli_profiles)' -d 'stored profile (name or id)'
complete -c batchwatch-cli -l token-env -x -a '(set -nx)' -d 'environment variable holding the key'
complete -c batchwatch-cli -l auth -x -a 'x-bf-vk bearer none header:' -d 'how the key is sent'
complete -c batchwatch-cli -l route -x -a 'auto plural singular' -d 'retrieve route'
complete -c batchwatch-cli -l provider -x -a 'bedrock openai azure anthropic gemini vertex' -d 'x-model-provider to send'
complete -c batchwatch-cli -l timeout -x -d 'request timeout in seconds'
complete -c batchwatch-cli -l max-rate -x -d 'requests per second at most'
complete -c batchwatch-cli -l format -x -a '(__batchwatch_cli_formats)' -d 'output format'
complete -c batchwatch-cli -l data-dir -x -a '(__fish_complete_directories)' -d 'directory of the local store, or postgresql://...'
complete -c batchwatch-cli -l store -x -a '(__fish_complete_directories)' -d 'the same as --data-dir'

# Command options.
complete -c batchwatch-cli -n '__fish_seen_subcommand_from get watch stop export' -l from-file -r -F -d 'read identifiers from a file'
complete -c batchwatch-cli -n '__fish_seen_subcommand_from list' -l status -x -a 'Submitted Validating Scheduled InProgress Stopping Completed PartiallyCompleted Failed Stopped Expired' -d 'only jobs in this status'
complete -c batchwatch-cli -n '__fish_seen_subcommand_from list' -l name-contains -x -d 'only jobs whose name contains this text'
complete -c batchwatch-cli -n '__fish_seen_subcommand_from list' -l max -x -d 'at most this many jobs'
complete -c batchwatch-cli -n '__fish_seen_subcommand_from list' -l submitted-after -x -d 'submitted at or after (ISO 8601)'
complete -c batchwatch-cli -n '__fish_seen_subcommand_from list' -l submitted-before -x -d 'submitted at or before (ISO 8601)'
complete -c batchwatch-cli -n '__fish_seen_subcommand_from watch' -l all -d 'every watched job of the profile in the store'
complete -c batchwatch-cli -n '__fish_seen_subcommand_from watch' -l until-terminal -d 'exit once every job has ended'
complete -c batchwatch-cli -n '__fish_seen_subcommand_from watch' -l interval -x -d 'poll every this many seconds'
complete -c batchwatch-cli -n '__fish_seen_subcommand_from watch' -l give-up-after -x -d 'exit 3 after this many seconds without an answer'
complete -c batchwatch-cli -n '__fish_seen_subcommand_from stop' -s y -l yes -d 'do not ask for confirmation'
complete -c batchwatch-cli -n '__fish_seen_subcommand_from export' -l all -d 'every watched job of the profile'
complete -c batchwatch-cli -n '__fish_seen_subcommand_from export' -s o -l output -r -F -d 'write the export to this file'
complete -c batchwatch-cli -n '__fish_seen_subcommand_from export' -l offline -d 'export the last-known state from the store'
complete -c batchwatch-cli -n '__fish_seen_subcommand_from export' -l report -x -a 'full summary' -d 'HTML/PDF: the full report or the summary table only'
complete -c batchwatch-cli -n '__fish_seen_subcommand_from results' -l failed-only -d 'print the records that did not succeed'
complete -c batchwatch-cli -n '__fish_seen_subcommand_from results' -l max-bytes -x -d 'read at most this many bytes per batch'

# Job ids from the local store.
complete -c batchwatch-cli -n '__fish_seen_subcommand_from get watch stop export results' -a '(__batchwatch_cli_ids)' -d 'watched job'
