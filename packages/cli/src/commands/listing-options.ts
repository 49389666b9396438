import type { Command } from 'commander';
import {
  collect,
  keyValues,
  listOption,
  type OptionValues,
  positiveInteger,
  stringOption,
} from '../arguments.js';

/**
 * The arguments and options of the commands that read a resource (`list`, `record`):
 * `<provider> <model/resource>`, `--filter` and `--limit`. Add a command's own arguments after.
 */
export function addListingOptions(command: Command): Command {
  return command
    .argument('<provider>', 'a provider id, e.g. okta')
    .argument('<model/resource>', 'e.g. user-directory/users')
    .option(
      '--filter <name=value>',
      'a filter the resource declares, e.g. status=active (repeatable)',
      collect,
    )
    .option('--limit <n>', 'page size asked of the provider (capped at its maximum)');
}

/** `--filter` and `--limit` as listing options: only those given. */
export function listingOptions(values: OptionValues): { filter?: Record<string, string>; limit?: number } {
  const limit = positiveInteger('limit', stringOption(values, 'limit'));
  const filter = keyValues('filter', listOption(values, 'filter'));
  return {
    ...(Object.keys(filter).length > 0 ? { filter } : {}),
    ...(limit === undefined ? {} : { limit }),
  };
}
