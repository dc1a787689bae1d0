/**
 * `scripts/scribe`: the command-line client. `keys` talks to the database; the other
 * commands talk to the API (SCRIBE_API_URL, SCRIBE_API_KEY).
 */
import { parseArgs, UsageError } from './args.ts';
import { keysCommand, KEYS_HELP } from './keys.command.ts';
import {
  dictateCommand, DICTATE_HELP, noteCommand, NOTE_HELP, sessionsCommand, SESSIONS_HELP, signCommand, SIGN_HELP, streamCommand, STREAM_HELP,
} from './sessions.command.ts';

const commands: Record<string, { help: string; run: (a: ReturnType<typeof parseArgs>) => Promise<void> }> = {
  stream: { help: STREAM_HELP, run: streamCommand },
  dictate: { help: DICTATE_HELP, run: dictateCommand },
  sessions: { help: SESSIONS_HELP, run: sessionsCommand },
  note: { help: NOTE_HELP, run: noteCommand },
  sign: { help: SIGN_HELP, run: signCommand },
  keys: { help: KEYS_HELP, run: keysCommand },
};

const HELP = `Usage: scripts/scribe <command> [options]

Commands:
${Object.values(commands).map((c) => `  ${c.help.split('\n')[0]}`).join('\n')}

The API commands read SCRIBE_API_URL (default http://127.0.0.1:3000) and SCRIBE_API_KEY.
Run "scripts/scribe <command> --help" for a command's options.`;

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const name = args.positionals[0];
  if (!name || name === 'help') {
    console.log(HELP);
    return;
  }
  const cmd = commands[name];
  if (!cmd) throw new UsageError(`unknown command "${name}"\n\n${HELP}`);
  if (args.flags.help) {
    console.log(cmd.help);
    return;
  }
  await cmd.run(args);
}

main().catch((err: Error) => {
  if (err instanceof UsageError) {
    console.error(err.message);
    process.exit(2);
  }
  console.error(`scribe: ${err.message}`);
  process.exit(1);
});
