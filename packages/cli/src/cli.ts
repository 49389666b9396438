#!/usr/bin/env node
import { runCli } from './index.js';

// A reader that stops early (`org-engine list ... | head`) closes the pipe: that ends the run
// quietly rather than with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
// Exit once the output is written instead of waiting for idle keep-alive connections to close.
process.stdout.write('', () => process.exit(code));
