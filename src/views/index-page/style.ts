// The page's style sheet: system fonts, light and dark colours as the reader's system asks, a table that scrolls sideways on narrow screens.

export const STYLE = `
:root {
  color-scheme: light dark;
  --ink: #1f2328; --muted: #59636e; --paper: #ffffff; --line: #d1d9e0; --head: #f6f8fa;
  --link: #0b5cad; --mark: #9a3412; --mark-paper: #fff1e6; --focus: #0b5cad;
}
@media (prefers-color-scheme: dark) {
  :root {
    --ink: #e6e8eb; --muted: #9ba3ad; --paper: #15181c; --line: #353b43; --head: #1d2127;
    --link: #7db7ff; --mark: #fdba74; --mark-paper: #3b2414; --focus: #7db7ff;
  }
}
* { box-sizing: border-box; }
body {
  margin: 0 auto; padding: 1.5rem 1.25rem 3rem; max-width: 84rem;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
  color: var(--ink); background: var(--paper);
}
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; }
p { margin: .25rem 0 .75rem; max-width: 60rem; }
.meta, .sub, footer { color: var(--muted); }
.sub { font-size: .85rem; display: block; white-space: nowrap; }
a { color: var(--link); }
a:focus-visible, button:focus-visible, summary:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
figure { margin: 0; }
.compare svg, .chart img { display: block; max-width: 100%; height: auto; background: #fff; border: 1px solid var(--line); border-radius: 4px; }
table { border-collapse: collapse; width: 100%; font-size: .93rem; font-variant-numeric: tabular-nums; }
caption { text-align: left; color: var(--muted); padding-bottom: .5rem; }
th, td { padding: .5rem .45rem; border-bottom: 1px solid var(--line); vertical-align: top; text-align: left; }
thead th { background: var(--head); font-weight: 600; vertical-align: bottom; position: sticky; top: 0; }
tbody th { font-weight: normal; }
tbody th a { font-weight: 600; overflow-wrap: break-word; }
td.n { text-align: right; white-space: nowrap; }
thead th.n { text-align: right; }
th button {
  font: inherit; color: inherit; background: none; border: 0; padding: 0; cursor: pointer; text-align: inherit;
}
th button { text-decoration: underline dotted var(--muted); text-underline-offset: .25em; }
th button:hover { text-decoration-style: solid; }
th[aria-sort="ascending"] button::after { content: " \\25B2"; }
th[aria-sort="descending"] button::after { content: " \\25BC"; }
.gone { display: inline-block; margin-top: .25rem; padding: 0 .4rem; border-radius: 3px; font-size: .8rem; color: var(--mark); background: var(--mark-paper); border: 1px solid currentColor; }
.none { color: var(--muted); }
details summary { cursor: pointer; white-space: nowrap; }
details ul { margin: .4rem 0 0; padding-left: 1.1rem; font-size: .85rem; min-width: 18rem; max-width: 30rem; text-align: left; white-space: normal; overflow-wrap: anywhere; }
.chart img { width: 180px; max-width: none; max-height: 16rem; object-fit: contain; object-position: center top; }
dl.legend { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .5rem 0 1rem; max-width: 60rem; }
dl.legend dt { font-weight: 600; }
dl.legend dd { margin: 0; color: var(--muted); }
footer { margin-top: 2rem; font-size: .85rem; }
/* On a narrow screen the table scrolls sideways in its box; on a wide one it needs no box, and its head stays in view. */
@media (max-width: 75rem) { .scroll { overflow-x: auto; } .chart img { width: 120px; } }
`;
