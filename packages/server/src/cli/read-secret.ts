import readline from 'node:readline/promises';
import { Writable } from 'node:stream';

/**
 * A password from the environment variable, or typed without echo at a terminal, or the first
 * line piped on standard input (`echo … | npm run ntm -- create-admin …`).
 */
export async function readSecret(prompt: string, envName: string): Promise<string> {
  const fromEnv = process.env[envName];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const rl = readline.createInterface({
    input: process.stdin,
    output,
    terminal: process.stdin.isTTY === true,
  });
  try {
    const answer = rl.question(prompt);
    muted = true;
    return (await answer).trim();
  } finally {
    rl.close();
    if (process.stdin.isTTY) process.stderr.write('\n');
  }
}
