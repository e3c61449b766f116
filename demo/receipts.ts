/** Lists the receipts the demo server stored. */
export {};

interface Row {
  id: number;
  account: string;
  bundleId: string;
  version: string;
  outcome: string;
  decidedAt: string;
  verified: boolean;
  problems: string[];
  bundleDigest: string;
}

const cell = (text: string) => Object.assign(document.createElement('td'), { textContent: text });

const rows = (await (await fetch('./api/receipts')).json()) as Row[];
document.querySelector('#rows')!.replaceChildren(
  ...rows.map((row) => {
    const tr = document.createElement('tr');
    tr.append(
      cell(String(row.id)),
      cell(row.account),
      cell(`${row.bundleId} ${row.version}`),
      cell(row.outcome),
      cell(new Date(row.decidedAt).toLocaleString()),
      cell(row.verified ? 'yes' : `no: ${row.problems.join('; ')}`),
      cell(row.bundleDigest),
    );
    return tr;
  }),
);
document.querySelector<HTMLElement>('#empty')!.hidden = rows.length > 0;
