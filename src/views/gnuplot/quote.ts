// Text from the input (file names) → gnuplot string literals that cannot run anything.
//
// gnuplot expands `backquotes` (shell commands) inside double-quoted strings, before it
// parses the string, and a newline ends a command wherever it is. So every string that
// carries input text is double-quoted with backslash escapes, and the characters gnuplot
// reads specially are written as octal escapes, which it turns back into the characters
// only after the command line has been read.

/** Control characters shown the way the error messages show them, so a title stays one visible line. */
function visible(text: string): string {
  // eslint-disable-next-line no-control-regex
  const shown = text.replace(/[\x00-\x1f\x7f-\x9f]/g, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\t') return '\\t';
    if (c === '\r') return '\\r';
    return `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
  });
  // `]]>` may not appear in XML text: gnuplot's SVG would no longer be well-formed.
  return shown.replace(/\]\]>/g, ']]\u200b>');
}

/** Characters escaped inside the double-quoted literal, and why. */
const ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\', // the escape character itself
  '"': '\\"', // ends the string
  '`': '\\140', // command substitution, expanded even inside double quotes
  '@': '\\100', // macro substitution (not expanded inside quotes today; kept out anyway)
};

/**
 * A double-quoted gnuplot string literal whose value is `text` as a reader should see it:
 * control characters become visible `\n`, `\x1b`… and nothing in it is gnuplot syntax.
 * Use with `noenhanced` so `^ _ { } @ &` in a name are not markup either.
 */
export function gnuplotString(text: string): string {
  const body = visible(text).replace(/[\\"`@]/g, (c) => ESCAPES[c] ?? c);
  return `"${body}"`;
}
