#!/usr/bin/env node
import { runCli } from './index.js';

// A reader that stops early (`org-engine list ... | head`) closes the pipe: that ends the run
// quietly rather than with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

// The first Ctrl-C asks the command to stop cleanly (a listing writes what it fetched and how
// to resume); a second one ends the process at once.
const interrupt = new AbortController();
process.on('SIGINT', () => {
  if (interrupt.signal.aborted) process.exit(130);
  interrupt.abort();
});

const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  signal: interrupt.signal,
});
// Exit once the output is written instead of waiting for idle keep-alive connections to close.
process.stdout.write('', () => process.exit(code));
