/**
 * The `gleaner` command (built by scripts/build.mjs into dist/cli/gleaner.mjs; during
 * development: `npx tsx src/cli/gleaner.ts`). Subcommands: analyze.
 */
import { runAnalyze, USAGE } from './analyze-command';

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd === 'analyze') {
    return runAnalyze(rest, {
      out: s => process.stdout.write(s),
      err: s => process.stderr.write(s),
      readStdin,
    });
  }
  if (cmd === undefined || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    process.stdout.write(USAGE + '\n');
    return cmd === undefined ? 2 : 0;
  }
  process.stderr.write(`gleaner: unknown command: ${cmd}\n${USAGE}\n`);
  return 2;
}

main(process.argv.slice(2)).then(
  code => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`gleaner: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
