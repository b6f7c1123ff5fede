// `juzhu import legacy <file.csv>`: the old card system's export into the register (R10). Prints a
// summary and every bad row (line, column, reason) on stdout; the progress bar, with rate and ETA,
// goes to stderr and only to a terminal (never in CI or when stderr is redirected).
import { createReadStream, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import cliProgress from 'cli-progress';
import type { ServiceContext } from '../services/context.ts';
import { importLegacyCards, type LegacyImportReport } from '../services/legacy/import-legacy-cards.ts';
import { legacyReasonMessage } from '../i18n/legacy-reasons.ts';
import { pickLanguage, type Language } from '../i18n/language.ts';
import { UsageError } from './usage-error.ts';

export interface ImportLegacyOptions {
  dryRun?: boolean;
  report?: string;
  json?: boolean;
}

/** Bad rows printed on the terminal; the --report file has all that were listed. */
const PRINTED_PROBLEMS = 50;

export function cliLanguage(env: NodeJS.ProcessEnv = process.env): Language {
  const tag = (env.LC_ALL || env.LC_MESSAGES || env.LANG || '').split('.')[0]?.replace('_', '-');
  return pickLanguage(tag || undefined);
}

function showProgress(env: NodeJS.ProcessEnv = process.env): boolean {
  return process.stderr.isTTY === true && !env.CI;
}

export async function runImportLegacy(
  ctx: ServiceContext,
  file: string,
  opts: ImportLegacyOptions,
): Promise<LegacyImportReport> {
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new Error('not a file');
    size = st.size;
  } catch {
    throw new UsageError(`cannot read ${file}`);
  }
  const bar = showProgress()
    ? new cliProgress.SingleBar(
        {
          stream: process.stderr,
          format: ' {bar} {percentage}% | {rows} rows | {rate} rows/s | ETA {eta_formatted}',
          etaBuffer: 50,
          hideCursor: true,
        },
        cliProgress.Presets.shades_classic,
      )
    : null;
  const started = performance.now();
  bar?.start(size, 0, { rows: 0, rate: 0 });
  let last = 0;
  let seen = 0;
  let reading = true;
  const finishReading = () => {
    if (bar === null || !reading) return;
    reading = false;
    bar.update(size, { rows: seen, rate: Math.round((seen * 1000) / (performance.now() - started)) });
    bar.stop();
  };
  const report = await importLegacyCards(
    ctx,
    { principal: undefined, channel: 'cli' },
    {
      source: createReadStream(file),
      fileName: basename(file),
      dryRun: opts.dryRun === true,
      onPhase: (phase) => {
        if (bar === null) return;
        finishReading();
        process.stderr.write(
          phase === 'writing'
            ? 'writing the cards…\n'
            : 'all rows read; checking them against the register…\n',
        );
      },
      onProgress: ({ bytes, rows }) => {
        seen = rows;
        const now = performance.now();
        if (bar === null || now - last < 100) return;
        last = now;
        bar.update(bytes, { rows, rate: Math.round((rows * 1000) / (now - started)) });
      },
    },
  );
  finishReading();
  const language = cliLanguage();
  if (opts.report) {
    const lines = report.problems.map(
      (p) =>
        `${p.line},${p.field},${p.reason},"${legacyReasonMessage(p.reason, language).replaceAll('"', '""')}"`,
    );
    writeFileSync(opts.report, ['line,field,reason,message', ...lines].join('\n') + '\n');
  }
  if (opts.json) {
    console.log(JSON.stringify(report));
    return report;
  }
  console.log(formatReport(report, language, performance.now() - started));
  return report;
}

export function formatReport(r: LegacyImportReport, language: Language, ms: number): string {
  const out: string[] = [];
  const seconds = (ms / 1000).toFixed(1);
  if (r.outcome === 'refused') {
    out.push(
      `${r.fileName}: refused, nothing imported: ${r.problemCount} problem(s) in ${r.rows} row(s) read (${seconds} s)`,
    );
    for (const p of r.problems.slice(0, PRINTED_PROBLEMS)) {
      out.push(
        `  line ${p.line}${p.field ? `, ${p.field}` : ''}: ${legacyReasonMessage(p.reason, language)} [${p.reason}]`,
      );
    }
    const more = r.problemCount - Math.min(r.problems.length, PRINTED_PROBLEMS);
    if (more > 0) out.push(`  … and ${more} more (--report <file> lists the first ${r.problems.length})`);
    return out.join('\n');
  }
  const verb = r.outcome === 'checked' ? 'checked (dry run, nothing written)' : 'imported';
  out.push(`${r.fileName}: ${verb}: ${r.rows} row(s) in ${seconds} s, sha256 ${r.sha256}`);
  out.push(`  new cards: ${r.imported}${r.outcome === 'checked' ? ' (would be imported)' : ''}`);
  out.push(`  already in the register (same details): ${r.alreadyPresent}`);
  if (r.supersededByElectronic > 0)
    out.push(`  kept as superseded (holder has an electronic card of the kind): ${r.supersededByElectronic}`);
  if (r.expired > 0) out.push(`  past their printed expiry (in the register, not in wallets): ${r.expired}`);
  return out.join('\n');
}
