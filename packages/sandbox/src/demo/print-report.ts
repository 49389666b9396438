import type { ResourceReport } from './list-everything.js';

/** A resource's report next to the count the sandbox's seeded data says it must have. */
export interface CheckedReport extends ResourceReport {
  expected: number | undefined;
}

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

/** True when the listing produced exactly the seeded count, with unique ids and no error. */
export function isCorrect(report: CheckedReport): boolean {
  return (
    report.error === undefined &&
    report.uniqueIds &&
    (report.expected === undefined || report.expected === report.records)
  );
}

/** Prints one provider's table: resource, records (and expected), pages, time. */
export function printTable(provider: string, baseUrl: string, reports: readonly CheckedReport[]): void {
  console.log(`\n${provider} (${baseUrl})`);
  console.log(
    `  ${pad('resource', 28)}${pad('records', 10, true)}${pad('expected', 10, true)}${pad('pages', 7, true)}${pad('time', 10, true)}`,
  );
  for (const report of reports) {
    const mark = isCorrect(report) ? 'ok' : 'MISMATCH';
    const time = `${report.milliseconds.toFixed(0)} ms`;
    console.log(
      `  ${pad(report.resource, 28)}${pad(String(report.records), 10, true)}${pad(String(report.expected ?? '-'), 10, true)}${pad(String(report.pages), 7, true)}${pad(time, 10, true)}  ${mark}`,
    );
    if (report.error) console.log(`    ${report.error}`);
  }
}

/** Prints a few records, as an application would see them (without remote_data). */
export function printSamples(
  provider: string,
  reports: readonly CheckedReport[],
  resources: readonly string[],
): void {
  for (const resource of resources) {
    const sample = reports.find((report) => report.resource === resource)?.sample;
    if (!sample) continue;
    console.log(`\n${provider} ${resource}, first record:`);
    console.log(JSON.stringify(sample, null, 2).replace(/^/gm, '  '));
  }
}
