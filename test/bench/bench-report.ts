import { execSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, type as osType, release } from 'node:os';
import { join } from 'node:path';

export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** The machine's limit for the same work, when there is one: the figure is reported as a ratio of it. */
  readonly baseline?: number;
  /** The target as words, and whether this run met it. */
  readonly target?: { readonly text: string; readonly met: boolean };
}

const REPORT = join(__dirname, '..', '..', 'docs', 'benchmarks.md');

function commit(): string {
  try {
    const sha = execSync('git rev-parse --short HEAD', { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    const dirty = execSync('git status --porcelain', { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    return dirty ? `${sha} (with uncommitted changes)` : sha;
  } catch {
    return 'unknown';
  }
}

const format = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(1));

/** The figures as a markdown table, as docs/benchmarks.md shows them. */
export function benchmarkTable(figures: readonly Figure[]): string {
  return [
    '| measure | figure | machine limit (plain SQL) | ratio | target | met |',
    '|---|---|---|---|---|---|',
    ...figures
      .map((f) =>
        [
          f.name,
          `${format(f.value)} ${f.unit}`,
          f.baseline === undefined ? '' : `${format(f.baseline)} ${f.unit}`,
          f.baseline === undefined ? '' : `${((100 * f.value) / f.baseline).toFixed(0)}%`,
          f.target?.text ?? '',
          f.target ? (f.target.met ? 'yes' : '**no**') : '',
        ].join(' | '),
      )
      .map((row) => `| ${row} |`),
  ].join('\n');
}

/**
 * Rewrites this benchmark's section of docs/benchmarks.md (between its markers), leaving other benchmarks'
 * sections as they are, so each `npm run bench:*` records its own latest run.
 */
export function writeBenchmarkReport(bench: string, figures: readonly Figure[], context: Record<string, unknown>): void {
  const cpu = cpus();
  const lines = [
    `<!-- bench:${bench}:start -->`,
    `## ${bench}`,
    '',
    `- date: ${new Date().toISOString()}`,
    `- commit: ${commit()}`,
    `- machine: ${cpu.length} x ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${osType()} ${release()}, Node ${process.version}`,
    ...Object.entries(context).map(([k, v]) => `- ${k}: ${String(v)}`),
    '',
    benchmarkTable(figures),
    `<!-- bench:${bench}:end -->`,
  ];
  const section = lines.join('\n');
  const header = '# Benchmarks\n\nWritten by `npm run bench` (each benchmark rewrites its own section). Figures from one run on the machine named.\n';
  let doc = existsSync(REPORT) ? readFileSync(REPORT, 'utf8') : header;
  const pattern = new RegExp(`<!-- bench:${bench}:start -->[\\s\\S]*?<!-- bench:${bench}:end -->`);
  doc = pattern.test(doc) ? doc.replace(pattern, section) : `${doc.trimEnd()}\n\n${section}\n`;
  writeFileSync(REPORT, doc);
  console.log(`wrote ${REPORT}`);
}
