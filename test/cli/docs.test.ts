// The manual page and the README say what --help says: every command, option and default, taken from the program itself.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command, Option } from 'commander';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { needProgram } from '../helpers/programs.js';
import { builtProgram, defaultText, examplesOf } from '../helpers/program.js';

const MAN = join(ROOT, 'man', 'fmfi-plot.1');
const man = readFileSync(MAN, 'utf8');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

let program: Command;
beforeAll(async () => {
  program = await builtProgram();
});

/** An option as the documents name it: `-o, --output PATH` (commander's flags without the angle brackets). */
const termOf = (option: Option): string => option.flags.replace(/[<>[\]]/g, '');

/** The lines of the manual's section `.Sh NAME` or subsection `.Ss Cm NAME`, up to the next one. */
function manSection(heading: RegExp): string[] {
  const lines = man.split('\n');
  const start = lines.findIndex((l) => heading.test(l));
  if (start < 0) return [];
  const end = lines.findIndex((l, i) => i > start && /^\.(Sh|Ss) /.test(l));
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

/** The options a subsection lists: each `.It Fl …` item as a term, and its text. */
function manOptions(command: string): Map<string, string[]> {
  const items = new Map<string, string[]>();
  let body: string[] | null = null;
  for (const line of manSection(new RegExp(`^\\.Ss Cm ${command}$`))) {
    if (line.startsWith('.It Fl ')) {
      // `.It Fl o , Fl -output Ar PATH` → `-o, --output PATH`
      const term = line.slice(4).replace(/Fl (\S+)/g, '-$1').replace(/ ,/g, ',').replace(/Ar (\S+)/g, '$1');
      body = [];
      items.set(term, body);
    } else if (line === '.El') {
      body = null;
    } else {
      body?.push(line);
    }
  }
  return items;
}

/** The rows of the option table of a README section `### \`fmfi-plot COMMAND …\``: option term → default cell. */
function readmeOptions(command: string): Map<string, string> {
  const start = readme.search(new RegExp(`^### \`fmfi-plot (\\[)?${command}`, 'm'));
  if (start < 0) return new Map();
  const end = readme.indexOf('\n## ', start + 1) < 0 ? readme.length : Math.min(...['\n## ', '\n### '].map((h) => readme.indexOf(h, start + 1)).filter((i) => i > 0));
  const rows = [...readme.slice(start, end).matchAll(/^\| `(-[^`]+)` \| ([^|]+) \|/gm)];
  return new Map(rows.map((m) => [m[1]!.replaceAll('\\|', '|'), m[2]!.trim().replaceAll('`', '')]));
}

describe('the manual page, man/fmfi-plot.1', () => {
  it('is what package.json installs as the manual', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { man: string[]; files: string[] };
    expect(pkg.man).toEqual(['./man/fmfi-plot.1']);
    expect(pkg.files).toContain('man');
  });

  it('has a subsection for every command, help too, and for no other', () => {
    const subsections = [...man.matchAll(/^\.Ss Cm (\S+)$/gm)].map((m) => m[1]);
    expect(subsections).toEqual([...program.commands.map((c) => c.name()), 'help']);
  });

  it('lists every option of every command, as --help names it, with its default', () => {
    for (const command of program.commands) {
      const items = manOptions(command.name());
      expect([...items.keys()].sort(), command.name()).toEqual(command.options.map(termOf).sort());
      for (const option of command.options) {
        const text = items.get(termOf(option))!;
        const shown = defaultText(option);
        const defaults = text.filter((l) => l.startsWith('Default: '));
        if (shown === null) {
          expect(defaults, `${command.name()} ${option.flags}`).toEqual([]);
        } else {
          expect(defaults, `${command.name()} ${option.flags}`).toHaveLength(1);
          // `Default: 1200.`, or with a gloss: `Default: . (the current folder).`
          const [line] = defaults;
          expect(line!.startsWith(`Default: ${shown}`), `${command.name()} ${option.flags}: ${line}`).toBe(true);
          expect(line!.slice(`Default: ${shown}`.length), `${command.name()} ${option.flags}: ${line}`).toMatch(/^(\.| \([^)]*\)\.)$/);
        }
      }
    }
  });

  it('gives the limits of every --width and --height', () => {
    for (const command of program.commands) {
      for (const option of command.options.filter((o) => o.long === '--width' || o.long === '--height')) {
        const limits = /(\d+) to (\d+)/.exec(option.description)!;
        const text = manOptions(command.name()).get(termOf(option))!.join(' ');
        expect(text, `${command.name()} ${option.long}`).toContain(`${limits[1]} to ${limits[2]}`);
      }
    }
  });

  it('holds every example of the help in EXAMPLES, and the cron job', () => {
    const examples = manSection(/^\.Sh EXAMPLES$/);
    for (const command of [program, ...program.commands]) {
      for (const [line] of examplesOf(command)) expect(examples, line).toContain(line);
    }
    expect(examples).toContain('*/5 * * * * /usr/local/sbin/vm_frag_log.sh');
    expect(examples.filter((l) => / fmfi-plot --quiet \/var\/tmp\/vm_frag_\*\.log -o \/var\/db\/fmfi$/.test(l))).toHaveLength(2);
  });

  it('has the sections a manual page has', () => {
    const sections = [...man.matchAll(/^\.Sh (.+)$/gm)].map((m) => m[1]);
    for (const s of ['NAME', 'SYNOPSIS', 'DESCRIPTION', 'COMMANDS', 'FILES', 'EXIT STATUS', 'EXAMPLES', 'SEE ALSO']) expect(sections).toContain(s);
    const exit = manSection(/^\.Sh EXIT STATUS$/).join('\n');
    for (const status of ['0', '1', '2']) expect(exit).toContain(`.It ${status}\n`);
  });

  const mandoc = needProgram('mandoc', 'apt-get install mandoc');
  it.skipIf(mandoc === null)('is clean under mandoc -Tlint', () => {
    const r = spawnSync(mandoc!, ['-Tlint', MAN], { encoding: 'utf8' });
    // Whether gnuplot(1) or cron(8) are installed here is no fault of the page.
    const messages = r.stdout.split('\n').filter((l) => l !== '' && !/STYLE: referenced manual not found/.test(l));
    expect(messages).toEqual([]);
    const strict = spawnSync(mandoc!, ['-Tlint', '-Wwarning', MAN], { encoding: 'utf8' });
    expect(strict.stdout).toBe('');
    expect(strict.status).toBe(0);
  });
});

describe('the README', () => {
  it('lists every option of every command in its table, with the default --help shows', () => {
    for (const command of program.commands.filter((c) => c.options.length > 0)) {
      const rows = readmeOptions(command.name());
      expect([...rows.keys()].sort(), command.name()).toEqual(command.options.map(termOf).sort());
      for (const option of command.options) {
        const shown = defaultText(option);
        const cell = rows.get(termOf(option))!;
        const expected = shown ?? (option.mandatory ? '(required)' : option.isBoolean() ? 'off' : 'none');
        expect(cell, `${command.name()} ${option.flags}`).toBe(expected);
      }
    }
  });
});
