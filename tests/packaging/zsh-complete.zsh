# zsh -f zsh-complete.zsh FPATH_DIR LINE DUMP_FILE
# Prints, one a line, what zsh's completion system offers for LINE (cursor at its end) with the
# completion functions in FPATH_DIR: an interactive zsh in a pseudo-terminal gets LINE and a TAB;
# compadd is wrapped to print every match it adds, and a post-completion hook ends the shell.
# DUMP_FILE is compinit's dump: the first run writes it (seconds), later runs read it.
zmodload zsh/zpty || exit 2
zpty completer zsh -f -i
zpty -w completer "PROMPT= RPROMPT=; fpath=(${(q)1} \$fpath); autoload -Uz compinit; compinit -u -d ${(q)3}"
zpty -w completer 'compadd() {
  if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then builtin compadd "$@"; return; fi
  local -a __matches; local __m
  builtin compadd -A __matches "$@"; local __ret=$?
  for __m in $__matches; do builtin print -r -- "<""match>$__m"; done
  return __ret
}'
# The markers are split in what is typed so that the echo of the input never matches.
zpty -w completer 'comppostfuncs=(__done); __done() { builtin print -r -- "<""done>"; exit }'
zpty -w completer "$2"$'\t'
local line
while zpty -r completer line; do
  line=${${line%$'\n'}%$'\r'}
  [[ $line == *'<done>'* ]] && break
  [[ $line == *'<match>'* ]] && print -r -- ${line##*<match>}
done
zpty -d completer
