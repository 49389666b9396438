import { it } from 'vitest';
import jsonata from 'jsonata';
import { PageExpression, SingleExpression } from '../../src/mapping/record-mapping.js';

it('probe', async () => {
  for (const text of ['{ "id": id, "status": ( }', '{ "id": id', 'id +', '$foo(', 'a.b.]', '"abc', 'id ~> 3']) {
    let plain: any; try { jsonata(text); plain = 'ok'; } catch (e: any) { plain = [e.position, e.code, e.message]; }
    let page: any; try { new PageExpression(text); page = 'ok'; } catch (e: any) { page = [e.position, e.message]; }
    console.log(JSON.stringify(text), JSON.stringify(plain), JSON.stringify(page));
  }
  const p = new PageExpression('$number(x) + $toIsoUtc(y)');
  try { await p.apply([{ x: '1', y: '2024-01-01' }, { x: '2', y: 'garbage' }], {}); } catch (e: any) { console.log('eval', e.index, e.position, e.message); }
  const q = new PageExpression('{ "id": id, "n": x.y + 1 }');
  try { await q.apply([{ id: 1, x: { y: 1 } }, { id: 2, x: { y: 'a' } }], {}); } catch (e: any) { console.log('eval', e.index, e.position, e.message); }
  try { await jsonata('{ "id": id, "n": x.y + 1 }').evaluate({ id: 2, x: { y: 'a' } }); } catch (e: any) { console.log('plain eval', e.position, e.message); }
  const r = new PageExpression('items');
  console.log(JSON.stringify(await r.apply([{ items: [1, 2] }, {}, { items: 3 }, { items: [] }, {items:[[1],[2]]}], {})));
  const s = new PageExpression('$');
  console.log(JSON.stringify(await s.apply([[1,2], 5], {})));
});
