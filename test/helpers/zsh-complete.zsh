# zsh -f zsh-complete.zsh SCRIPT OUTDIR LINE...: types each LINE and a tab into an interactive zsh
# (on a pseudo-terminal, with compsys and SCRIPT loaded) and writes the words its completion
# offered for the Nth line to OUTDIR/N, one a line. compadd is wrapped to note what it adds.
zmodload zsh/zpty
script=$1 outdir=$2
shift 2
zpty shell zsh -f -i
zpty -w shell "PS1='' PROMPT='' RPROMPT=''; autoload -U compinit; compinit -u -D; source ${(q)script}"
zpty -w shell "compadd() { if [[ \${@[(I)-[OAD]*]} -eq 0 ]]; then local -a hits; builtin compadd -O hits \"\$@\"; print -rl -- \$hits >> \$out; fi; builtin compadd \"\$@\"; }"
# A marker the shell computes, so that its echo of the typed line does not match.
zpty -w shell "bindkey -e; zstyle ':completion:*' menu no; print READY-\$((6 * 7))"
zpty -r shell ignored '*READY-42*'
n=0
for line in "$@"; do
  n=$((n + 1))
  zpty -w shell "out=${(q)outdir}/$n; : > \$out"
  # The line and a tab, then Ctrl-A Ctrl-K (emacs keys, bound above) to clear what completion
  # left on it. (Not Ctrl-U:
  # typed before zsh has the terminal in raw mode, the terminal itself would erase the line.)
  zpty -w -n shell "$line"$'\t\x01\x0b'
  zpty -w shell "print DONE-\$((1000 + $n))"
  zpty -r shell ignored "*DONE-$((1000 + n))*"
done
zpty -d shell
