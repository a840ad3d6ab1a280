import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import SwaggerParser from '@apidevtools/swagger-parser';
import { startTestShop, type TestShop } from '../../test/helpers/shop.ts';
import { tidyOpenApi } from './openapi-tidy.ts';

type Operation = {
  tags?: string[];
  summary?: string;
  security?: unknown;
  parameters?: { in: string; name: string }[];
  requestBody?: { content: Record<string, { schema: { $ref?: string } }> };
  responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }>;
};
type Doc = { openapi: string; paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, any>; securitySchemes: Record<string, any> } };

// Every admin API operation, with its request body media type and the statuses it must document.
const OPERATIONS: [string, string, string | null, string[]][] = [
  ['get', '/api/admin/products', null, ['200', '400', '401', '403']],
  ['post', '/api/admin/products', 'application/json', ['201', '400', '401', '403']],
  ['get', '/api/admin/products/{id}', null, ['200', '401', '403', '404']],
  ['patch', '/api/admin/products/{id}', 'application/json', ['200', '400', '401', '403', '404']],
  ['delete', '/api/admin/products/{id}', null, ['200', '401', '403', '404']],
  ['post', '/api/admin/products/{id}/archive', null, ['200', '401', '403', '404']],
  ['post', '/api/admin/products/{id}/images', 'multipart/form-data', ['201', '400', '401', '403', '404', '413', '415']],
  ['delete', '/api/admin/products/{id}/images/{imageId}', null, ['204', '401', '403', '404']],
  ['get', '/api/admin/collections', null, ['200', '401', '403']],
  ['post', '/api/admin/collections', 'application/json', ['201', '400', '401', '403']],
  ['get', '/api/admin/collections/{id}', null, ['200', '401', '403', '404']],
  ['patch', '/api/admin/collections/{id}', 'application/json', ['200', '400', '401', '403', '404']],
];

describe('admin API: OpenAPI document', () => {
  let shop: TestShop;
  let doc: Doc;
  before(async () => {
    shop = await startTestShop();
    const res = await fetch(`${shop.url}/api/openapi.json`);
    assert.equal(res.status, 200);
    doc = (await res.json()) as Doc;
  });
  after(() => shop.close());

  it('is a valid OpenAPI 3.1 document', async () => {
    assert.equal(doc.openapi, '3.1.0');
    await SwaggerParser.validate(structuredClone(doc) as never);
  });

  it('documents every admin operation with tags, summary, security, request body and responses', () => {
    for (const [method, path, body, statuses] of OPERATIONS) {
      const op = doc.paths[path]?.[method];
      assert.ok(op, `${method} ${path} is documented`);
      assert.ok(op.tags?.length, `${method} ${path} has tags`);
      assert.ok(op.summary, `${method} ${path} has a summary`);
      assert.deepEqual(op.security, [{ apiKey: [] }]);
      if (body) assert.ok(op.requestBody?.content[body]?.schema, `${method} ${path} documents a ${body} body`);
      else assert.equal(op.requestBody, undefined, `${method} ${path} takes no body`);
      for (const s of statuses) assert.ok(op.responses[s], `${method} ${path} documents ${s}`);
      for (const [s, r] of Object.entries(op.responses)) {
        if (Number(s) >= 400) assert.equal(r.content?.['application/json']?.schema.$ref, '#/components/schemas/Error', `${method} ${path} ${s}`);
      }
    }
    const list = doc.paths['/api/admin/products']!.get!;
    assert.deepEqual(list.parameters!.map((p) => p.name).sort(), ['collectionId', 'page', 'perPage', 'q', 'sort', 'status']);
    assert.equal(doc.components.securitySchemes.apiKey.scheme, 'bearer');
  });

  it('holds the reusable schemas under components', () => {
    for (const name of ['ProductInput', 'ProductPatch', 'CollectionInput', 'Money', 'Error', 'ProductView', 'Variant', 'Stock', 'ProductImage', 'CollectionView']) {
      assert.ok(doc.components.schemas[name], `components.schemas.${name}`);
    }
  });

  it('refers to ProductInput for the create body once tidied, with one copy of each shared schema', async () => {
    const tidy = tidyOpenApi(doc);
    await SwaggerParser.validate(structuredClone(tidy) as never);
    const create = tidy.paths['/api/admin/products']!.post!;
    assert.equal(create.requestBody!.content['application/json']!.schema.$ref, '#/components/schemas/ProductInput');
    const input = tidy.components.schemas.ProductInput;
    assert.deepEqual(input.required.sort(), ['translations', 'variants'], 'fields with defaults are optional in the request shape');
    assert.equal(input.additionalProperties, false);
    assert.equal(input.properties.variants.items.properties.price.$ref, '#/components/schemas/Money');
    assert.equal(tidy.paths['/api/admin/products/{id}']!.get!.responses['200']!.content!['application/json']!.schema.$ref, '#/components/schemas/ProductView');
    const names = Object.keys(tidy.components.schemas);
    assert.deepEqual(names.filter((n) => n.endsWith('InputInput')), []);
    assert.ok(!names.includes('MoneyInput'), 'identical input and output shapes share one name');
    assert.ok(!names.includes('ErrorInput'), 'schemas nothing refers to are dropped');
    assert.deepEqual(tidyOpenApi(tidy), tidy, 'tidying twice changes nothing');
  });
});
