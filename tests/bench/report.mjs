// Numbers for people: medians, units, and the terminal table every part reports into.
//
// A part's result is a list of rows `{ measurement, value, budget, pass }`: `value` and `budget`
// are display strings, `pass` is true or false against the budget, or null for a figure reported
// as information only.

export function median(values) {
  const sorted = values.filter((v) => typeof v === 'number').sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export const ms = (value) =>
  value === null || value === undefined ? '—' : `${Math.round(value).toLocaleString('en')} ms`;

/** Kilobytes as Vite prints them: 1 kB = 1,000 bytes. */
export const kB = (bytes) =>
  bytes === null || bytes === undefined ? '—' : `${(bytes / 1000).toFixed(1)} kB`;

export const MB = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

export const count = (value) =>
  value === null || value === undefined ? '—' : Math.round(value).toLocaleString('en');

export const row = (measurement, value, budget = '', pass = null) => ({
  measurement,
  value,
  budget,
  pass,
});

export function stripColour(text) {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\x1b\[[0-9;]*m/g, '');
}

const mark = (pass) =>
  pass === true ? '\x1b[32m✔\x1b[0m' : pass === false ? '\x1b[31m✘\x1b[0m' : '';

/** Aligned columns; the first row is the header. */
export function table(rows) {
  const widths = rows[0].map((_, column) =>
    Math.max(...rows.map((cells) => stripColour(cells[column] ?? '').length)),
  );
  return rows
    .map((cells, index) => {
      const line = cells
        .map((cell, column) => cell + ' '.repeat(widths[column] - stripColour(cell).length))
        .join('  ')
        .trimEnd();
      return index === 0 ? `  \x1b[1m${line}\x1b[0m` : `  ${line}`;
    })
    .join('\n');
}

/** The summary table: one section per part, each row beside its budget. */
export function summaryTable(parts) {
  const rows = [['measurement', 'value', 'budget', '']];
  for (const { title, rows: partRows } of parts) {
    if (!partRows?.length) continue;
    rows.push([`\x1b[1m${title}\x1b[0m`, '', '', '']);
    for (const r of partRows) rows.push([`  ${r.measurement}`, r.value, r.budget, mark(r.pass)]);
  }
  return table(rows);
}

/** The same table as Markdown, for the README. */
export function markdownTable(parts) {
  const lines = ['| measurement | value | budget | |', '| --- | --- | --- | --- |'];
  for (const { title, rows: partRows } of parts) {
    if (!partRows?.length) continue;
    lines.push(`| **${title}** | | | |`);
    for (const r of partRows) {
      const verdict = r.pass === true ? '✔' : r.pass === false ? '✘' : '';
      lines.push(`| ${r.measurement} | ${r.value} | ${r.budget} | ${verdict} |`);
    }
  }
  return lines.join('\n');
}
