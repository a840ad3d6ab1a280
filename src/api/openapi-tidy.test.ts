import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { tidyOpenApi } from './openapi-tidy.ts';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const body = (name: string) => ({ requestBody: { content: { 'application/json': { schema: ref(name) } } } });
const answer = (name: string) => ({ responses: { 200: { content: { 'application/json': { schema: ref(name) } } } } });

describe('tidyOpenApi', () => {
  it('gives an input-only schema its plain name, merges identical pairs and drops unused ones', () => {
    const doc = {
      openapi: '3.1.0',
      paths: { '/a': { post: { ...body('ThingInputInput'), ...answer('Money') } } },
      components: {
        schemas: {
          Money: { type: 'object', properties: { amount: { type: 'integer' } } },
          MoneyInput: { type: 'object', properties: { amount: { type: 'integer' } } },
          ThingInput: { type: 'object', required: ['price', 'status'], properties: { price: ref('Money') } },
          ThingInputInput: { type: 'object', required: ['price'], properties: { price: ref('MoneyInput') } },
          Unused: { type: 'string' },
          UnusedInput: { type: 'string' },
        },
      },
    };
    const tidy = tidyOpenApi(doc);
    assert.deepEqual(tidy.paths['/a'].post.requestBody.content['application/json'].schema, ref('ThingInput'));
    assert.deepEqual(tidy.components.schemas, {
      Money: { type: 'object', properties: { amount: { type: 'integer' } } },
      ThingInput: { type: 'object', required: ['price'], properties: { price: ref('Money') } },
    });
  });

  it('keeps both shapes under their own names when a request and a response use different ones', () => {
    const doc = {
      paths: { '/a': { post: { ...body('ThingInput'), ...answer('Thing') } } },
      components: { schemas: { Thing: { type: 'object', required: ['a', 'b'] }, ThingInput: { type: 'object', required: ['a'] } } },
    };
    assert.deepEqual(Object.keys(tidyOpenApi(doc).components.schemas).sort(), ['Thing', 'ThingInput']);
  });

  it('leaves a document without components alone', () => {
    const doc = { openapi: '3.1.0', paths: {} };
    assert.equal(tidyOpenApi(doc), doc);
  });
});
