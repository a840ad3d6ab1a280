import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

/** Server-rendered HTML: preact escapes every interpolated value by default. */
export function renderDocument(page: VNode): string {
  return '<!doctype html>' + renderToString(page);
}

/** JSON inside <script type="application/ld+json">: escape what could close the tag. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
