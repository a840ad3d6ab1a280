import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import SwaggerParser from '@apidevtools/swagger-parser';
import { startTestShop, type TestShop } from '../../test/helpers/shop.ts';

type Operation = {
  tags?: string[];
  summary?: string;
  security?: unknown;
  parameters?: { in: string; name: string }[];
  requestBody?: { content: Record<string, { schema: { $ref?: string } }> };
  responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }>;
};
type Doc = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, any> } };

// Operation, tag, statuses it must document, and whether it takes an API key.
const OPERATIONS: [string, string, string, string[], boolean][] = [
  ['get', '/api/store/products', 'Store', ['200', '400', '404'], false],
  ['get', '/api/store/products/{handle}', 'Store', ['200', '404'], false],
  ['post', '/api/store/carts', 'Store', ['201', '400'], false],
  ['get', '/api/store/carts/{id}', 'Store', ['200', '404'], false],
  ['post', '/api/store/carts/{id}/lines', 'Store', ['201', '400', '404', '409'], false],
  ['patch', '/api/store/carts/{id}/lines/{lineId}', 'Store', ['200', '400', '404', '409'], false],
  ['delete', '/api/store/carts/{id}/lines/{lineId}', 'Store', ['200', '404', '409'], false],
  ['post', '/api/store/carts/{id}/checkout', 'Store', ['200', '201', '400', '402', '404', '409'], false],
  ['get', '/api/store/orders/{id}', 'Store', ['200', '404'], false],
  ['post', '/api/webhooks/stripe', 'Webhooks', ['200', '400', '404'], false],
  ['post', '/api/admin/variants/{id}/stock', 'Stock', ['200', '400', '401', '403', '404'], true],
  ['get', '/api/admin/variants/{id}/stock', 'Stock', ['200', '401', '403', '404'], true],
  ['get', '/api/admin/variants/{id}/stock/movements', 'Stock', ['200', '400', '401', '403', '404'], true],
];

describe('store API: OpenAPI document', () => {
  let shop: TestShop;
  let doc: Doc;
  before(async () => {
    shop = await startTestShop({ WORKER: '0' });
    doc = (await (await fetch(`${shop.url}/api/openapi.json`)).json()) as Doc;
  });
  after(() => shop.close());

  it('stays a valid OpenAPI 3.1 document with the store, webhook and stock operations', async () => {
    await SwaggerParser.validate(structuredClone(doc) as never);
  });

  it('documents every store, webhook and stock operation with its tag, summary and answers', () => {
    for (const [method, path, tag, statuses, keyed] of OPERATIONS) {
      const op = doc.paths[path]?.[method];
      assert.ok(op, `${method} ${path} is documented`);
      assert.deepEqual(op.tags, [tag], `${method} ${path}`);
      assert.ok(op.summary, `${method} ${path} has a summary`);
      if (keyed) assert.deepEqual(op.security, [{ apiKey: [] }]);
      else assert.equal(op.security, undefined, `${method} ${path} needs no key`);
      for (const s of statuses) assert.ok(op.responses[s], `${method} ${path} documents ${s}`);
    }
  });

  it('names the request and answer shapes of checkout, with the idempotency header', () => {
    const op = doc.paths['/api/store/carts/{id}/checkout']!.post!;
    assert.equal(op.requestBody!.content['application/json']!.schema.$ref, '#/components/schemas/CheckoutInput');
    assert.equal(op.responses['201']!.content!['application/json']!.schema.$ref, '#/components/schemas/PlacedOrder');
    assert.equal(op.responses['409']!.content!['application/json']!.schema.$ref, '#/components/schemas/StoreError');
    assert.ok(op.parameters!.some((p) => p.in === 'header' && p.name === 'idempotency-key'));
    const error = doc.components.schemas.StoreError.properties.error.properties;
    assert.ok(error.lines && error.order, 'INSUFFICIENT_STOCK lines and the declined order are documented');
    const add = doc.paths['/api/store/carts/{id}/lines']!.post!.requestBody!.content['application/json']!.schema as any;
    assert.equal(add.properties.quantity.maximum, 99, 'the documented limit is the shop’s CART_MAX_QUANTITY');
    for (const name of ['StoreProduct', 'StoreProductList', 'StoreCart', 'StoreOrder', 'StockChange', 'StockMovementList', 'WebhookAnswer']) {
      assert.ok(doc.components.schemas[name], `components.schemas.${name}`);
    }
    const variant = doc.components.schemas.StoreVariant.properties;
    assert.equal(variant.stock, undefined, 'shoppers never see stock counts');
  });
});
