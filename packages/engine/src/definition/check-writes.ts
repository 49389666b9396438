import type { ResourceDefinition } from './schema-resource.js';
import { WRITE_OPERATIONS } from './schema-write.js';

type Report = (path: string, message: string) => void;

/** Operations that take no input: their definition has nothing to list in `fields` or map in a body. */
const WITHOUT_INPUT = new Set(['deactivate', 'add_member', 'remove_member']);

/** Checks what the schema cannot of a resource's write operations: references between their parts. */
export function checkWrites(resource: ResourceDefinition, path: string, report: Report): void {
  for (const operation of WRITE_OPERATIONS) {
    const write = resource[operation];
    if (!write) continue;
    const where = `${path}.${operation}`;
    if (write.read_back === 'get' && !resource.get) report(`${where}.read_back`, 'the resource has no get');
    if (write.read_back === 'find' && !write.find) report(`${where}.read_back`, 'read_back: find needs find');
    if (write.find && !resource.list) report(`${where}.find`, 'find needs the resource to have a list');
    if (write.pending && !write.find) report(`${where}.pending`, 'pending is used only together with find');
    if (write.fields && WITHOUT_INPUT.has(operation))
      report(`${where}.fields`, `${operation} takes no input`);
    for (const [status, rule] of Object.entries(write.request.on_status ?? {})) {
      if (rule !== 'exists' && !(typeof rule === 'object' && 'exists' in rule)) continue;
      if (operation !== 'create')
        report(`${where}.request.on_status.${status}`, 'exists applies to create only');
      else if (!write.find)
        report(`${where}.request.on_status.${status}`, 'exists needs find, to read the existing record');
    }
  }
}
