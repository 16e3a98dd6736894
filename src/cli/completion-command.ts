// `fmfi-plot completion bash|zsh`: a shell completion script, made from the commands and options themselves.
import { Argument, Command, type Option } from 'commander';
import { withExamples, type SetStatus } from './options.js';

/** How an option's value is completed: from its choices, as a file, as a folder, or not at all. */
type ValueKind = { readonly kind: 'words'; readonly words: readonly string[] } | { readonly kind: 'file' | 'dir' | 'none' };

function valueOf(option: Option): ValueKind | null {
  if (!option.required && !option.optional) return null;
  if (option.argChoices !== undefined) return { kind: 'words', words: option.argChoices };
  const meta = /<([^>]+)>/.exec(option.flags)?.[1] ?? '';
  if (meta === 'DIR') return { kind: 'dir' };
  if (meta === 'FILE' || meta === 'PATH') return { kind: 'file' };
  return { kind: 'none' };
}

interface CommandSpec {
  readonly name: string;
  readonly description: string;
  readonly options: readonly Option[];
  /** What its arguments are: logs (files), command names, or shells. */
  readonly operands: 'files' | 'commands' | 'shells';
}

const SHELLS = ['bash', 'zsh'] as const;

function specs(program: Command): CommandSpec[] {
  const list: CommandSpec[] = program.commands.map((c) => ({
    name: c.name(),
    description: c.description(),
    options: c.options.filter((o) => !o.hidden),
    operands: c.name() === 'completion' ? 'shells' : 'files',
  }));
  list.push({ name: 'help', description: 'show the help of a command', options: [], operands: 'commands' });
  return list;
}

const flagsOf = (o: Option): string[] => [o.short, o.long].filter((f): f is string => f !== undefined);
const shellQuote = (s: string): string => `'${s.replaceAll("'", "'\\''")}'`;

/** A bash script: `complete -F _fmfi_plot fmfi-plot`, the command read from the first word (render when it is none). */
export function bashCompletion(program: Command): string {
  const commands = specs(program);
  const names = commands.map((c) => c.name);
  const values: string[] = [];
  const options: string[] = [];
  for (const c of commands) {
    options.push(`    ${c.name}) words=${shellQuote([...c.options.flatMap(flagsOf), '-h', '--help'].join(' '))} ;;`);
    for (const o of c.options) {
      const value = valueOf(o);
      if (value === null) continue;
      const cases = flagsOf(o).map((f) => shellQuote(`${c.name} ${f}`)).join('|');
      const action =
        value.kind === 'words'
          ? `COMPREPLY=($(compgen -W ${shellQuote(value.words.join(' '))} -- "$cur"))`
          : value.kind === 'file'
            ? 'compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- "$cur")'
            : value.kind === 'dir'
              ? 'compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -d -- "$cur")'
              : 'COMPREPLY=()';
      values.push(`    ${cases}) ${action}; return ;;`);
    }
  }
  return `# bash completion for fmfi-plot, made by \`fmfi-plot completion bash\`.
# Load it with: source <(fmfi-plot completion bash)   (in ~/.bashrc, for example), or save it as
# /usr/local/share/bash-completion/completions/fmfi-plot (FreeBSD) or ~/.local/share/bash-completion/completions/fmfi-plot.
_fmfi_plot() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]} command=render words
  case \${COMP_WORDS[1]} in
    ${names.join('|')}) ((COMP_CWORD > 1)) && command=\${COMP_WORDS[1]} ;;
  esac
  # The value of an option.
  case "$command $prev" in
${values.join('\n')}
  esac
  case $command in
${options.join('\n')}
  esac
  if [[ $cur == -* ]]; then
    ((COMP_CWORD == 1)) && words+=' -V --version'
    COMPREPLY=($(compgen -W "$words" -- "$cur"))
    return
  fi
  case $command in
    help) ((COMP_CWORD == 2)) && COMPREPLY=($(compgen -W ${shellQuote(names.join(' '))} -- "$cur")); return ;;
    completion) ((COMP_CWORD == 2)) && COMPREPLY=($(compgen -W ${shellQuote(SHELLS.join(' '))} -- "$cur")); return ;;
  esac
  # Logs; and, as the first word, a command too.
  compopt -o filenames 2>/dev/null
  mapfile -t COMPREPLY < <(compgen -f -- "$cur")
  ((COMP_CWORD == 1)) && COMPREPLY+=($(compgen -W ${shellQuote(names.join(' '))} -- "$cur"))
  return 0
}
complete -F _fmfi_plot fmfi-plot
`;
}

/** Text inside an _arguments spec: brackets and colons escaped. */
const zshText = (s: string): string => s.replace(/([\\[\]:])/g, '\\$1');

function zshOptionSpec(o: Option): string {
  const flags = flagsOf(o);
  // The first clause of the description is enough beside a flag.
  const description = zshText(o.description.split(';')[0]!.trim());
  const value = valueOf(o);
  const meta = zshText(/<([^>]+)>/.exec(o.flags)?.[1] ?? '');
  const action =
    value === null
      ? ''
      : value.kind === 'words'
        ? `:${meta}:(${value.words.join(' ')})`
        : value.kind === 'file'
          ? `:${meta}:_files`
          : value.kind === 'dir'
            ? `:${meta}:_files -/`
            : `:${meta}: `;
  const spec = shellQuote(`[${description}]${action}`);
  // `-o` and `--output` are one option: either excludes the other.
  return flags.length > 1 ? `${shellQuote(`(${flags.join(' ')})`)}{${flags.join(',')}}${spec}` : `${shellQuote(flags[0]!)}${spec}`;
}

/** A zsh script for compsys: `#compdef fmfi-plot`, the command read from the first word (render when it is none). */
export function zshCompletion(program: Command): string {
  const commands = specs(program);
  const described = commands.map((c) => `    ${shellQuote(`${c.name}:${zshText(c.description.split(/[:;(]/)[0]!.trim())}`)}`);
  const cases = commands.map((c) => {
    const operand = c.operands === 'files' ? "'*:log:_files'" : c.operands === 'shells' ? `':shell:(${SHELLS.join(' ')})'` : "':command:_fmfi_plot_commands'";
    const specsText = [...c.options.map(zshOptionSpec), "'(- *)'{-h,--help}'[show this help]'", operand].join(' \\\n        ');
    return `    ${c.name})\n      _arguments -s -S \\\n        ${specsText}\n      ;;`;
  });
  return `#compdef fmfi-plot
# zsh completion for fmfi-plot, made by \`fmfi-plot completion zsh\`.
# Save it as _fmfi-plot in a folder of $fpath (before compinit runs), or source it after compinit:
#   fmfi-plot completion zsh > ~/.zsh/completions/_fmfi-plot
_fmfi_plot_commands() {
  local -a commands
  commands=(
${described.join('\n')}
  )
  _describe -t commands 'fmfi-plot command' commands
}

_fmfi_plot() {
  local command=render
  if ((CURRENT > 2)) && [[ \${words[2]} == (${commands.map((c) => c.name).join('|')}) ]]; then
    command=\${words[2]}
    shift words
    ((CURRENT--))
  elif ((CURRENT == 2)) && [[ \${words[2]} != -* ]]; then
    _fmfi_plot_commands
  fi
  case $command in
${cases.join('\n')}
  esac
}

if [[ \${zsh_eval_context[-1]} == loadautofunc ]]; then
  _fmfi_plot "$@"
else
  compdef _fmfi_plot fmfi-plot
fi
`;
}

export function completionCommand(_setStatus: SetStatus): Command {
  const command = new Command('completion')
    .description('print a shell completion script for bash or zsh')
    .addArgument(new Argument('<SHELL>', 'the shell').choices(SHELLS))
    .exitOverride()
    .action((shell: (typeof SHELLS)[number], _flags: unknown, self: Command) => {
      const program = self.parent!;
      process.stdout.write(shell === 'bash' ? bashCompletion(program) : zshCompletion(program));
    });
  return withExamples(command, [
    ['source <(fmfi-plot completion bash)', 'completion in this bash, and in every one if the line goes in ~/.bashrc'],
    ['fmfi-plot completion zsh > ~/.zsh/completions/_fmfi-plot', 'completion in zsh, from the next start on, with ~/.zsh/completions in $fpath'],
  ]);
}
