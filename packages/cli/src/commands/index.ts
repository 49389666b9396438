import type { Command } from 'commander';
import type { RunContext } from '../run-context.js';
import { createCommand } from './create.js';
import { deactivateCommand } from './deactivate.js';
import { getCommand } from './get.js';
import { initCommand } from './init.js';
import { listCommand } from './list.js';
import { addMemberCommand, removeMemberCommand } from './member-commands.js';
import { providersCommand } from './providers.js';
import { proxyCommand } from './proxy.js';
import { recordCommand } from './record.js';
import { sandboxCommand } from './sandbox.js';
import { syncCommand } from './sync.js';
import { testCommand } from './test.js';
import { updateCommand } from './update.js';
import { validateCommand } from './validate.js';

/**
 * Every `org-engine` command, in the order `--help` lists them. A command is one file that
 * exports a factory of a commander `Command` whose action sets `context.exitCode`; add it here.
 */
export const COMMANDS: ReadonlyArray<(context: RunContext) => Command> = [
  initCommand,
  validateCommand,
  testCommand,
  providersCommand,
  listCommand,
  getCommand,
  createCommand,
  updateCommand,
  deactivateCommand,
  addMemberCommand,
  removeMemberCommand,
  proxyCommand,
  recordCommand,
  sandboxCommand,
  syncCommand,
];
