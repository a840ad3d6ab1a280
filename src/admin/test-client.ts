import type { Services } from '../app.ts';
import type { Role } from '../staff/index.ts';
import { CookieJar } from '../lib/cookie-jar.ts';

// For the admin's HTTP tests: a tiny browser that keeps cookies between fetches and never follows redirects.

export const PASSWORD = 'correct horse battery staple';

export async function createStaff(services: Services, role: Role = 'owner', email = `${role}-${Math.random().toString(36).slice(2, 8)}@shop.test`) {
  return services.staff.create({ email, name: role, password: PASSWORD, role });
}

/** The value of a hidden (or any) input by name, read from rendered HTML. */
export function inputValue(html: string, name: string): string | undefined {
  const esc = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const tag = new RegExp(`<input[^>]*\\bname="${esc}"[^>]*>`).exec(html)?.[0];
  if (!tag) return undefined;
  const v = /\bvalue="([^"]*)"/.exec(tag)?.[1];
  return v === undefined ? '' : v.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

export class AdminClient {
  readonly cookies = new CookieJar();
  constructor(readonly base: string) {}

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', this.cookies.header().cookie!);
    if (!headers.has('accept')) headers.set('accept', 'text/html');
    const res = await fetch(this.base + path, { ...init, headers, redirect: 'manual' });
    this.cookies.store(res.headers.getSetCookie());
    return res;
  }

  get(path: string) {
    return this.fetch(path);
  }

  postForm(path: string, fields: Record<string, string | string[]> | [string, string][]) {
    const body = new URLSearchParams();
    const entries = Array.isArray(fields) ? fields : Object.entries(fields).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x] as [string, string]) : [[k, v] as [string, string]]));
    for (const [k, v] of entries) body.append(k, v);
    return this.fetch(path, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  }

  /** The session's CSRF token, read from a page as a browser would see it. */
  async csrf(path = '/admin'): Promise<string> {
    const html = await (await this.get(path)).text();
    const token = inputValue(html, '_csrf');
    if (!token) throw new Error(`no _csrf field on ${path}`);
    return token;
  }

  async login(email: string, password = PASSWORD, next?: string): Promise<Response> {
    const page = await (await this.get('/admin/login')).text();
    const fields: Record<string, string> = { _csrf: inputValue(page, '_csrf') ?? '', email, password };
    if (next) fields.next = next;
    return this.postForm('/admin/login', fields);
  }
}

export async function loggedIn(base: string, services: Services, role: Role = 'owner'): Promise<AdminClient> {
  const staff = await createStaff(services, role);
  const client = new AdminClient(base);
  const res = await client.login(staff.email);
  if (res.status !== 303) throw new Error(`login failed with ${res.status}`);
  return client;
}

const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.replace(/^<\w+|\/?>$/g, '').matchAll(/([\w:-]+)(?:="([^"]*)")?/g)) out[m[1]!] = decode(m[2] ?? '');
  return out;
}

/** What a browser would submit for the form with this id, as it stands in the HTML. */
export function formEntries(html: string, formId: string): [string, string][] {
  const start = html.indexOf(`<form id="${formId}"`);
  if (start < 0) throw new Error(`no form #${formId}`);
  const form = html.slice(start, html.indexOf('</form>', start));
  const out: [string, string][] = [];
  for (const m of form.matchAll(/<input\b[^>]*>|<textarea\b[^>]*>([\s\S]*?)<\/textarea>|<select\b[^>]*>([\s\S]*?)<\/select>/g)) {
    const a = attrs(/^<\w+[^>]*>/.exec(m[0])![0]);
    if (!a.name) continue;
    if (m[0].startsWith('<textarea')) out.push([a.name, decode(m[1] ?? '')]);
    else if (m[0].startsWith('<select')) {
      const options = [...(m[2] ?? '').matchAll(/<option\b[^>]*>/g)].map((o) => attrs(o[0]));
      const chosen = options.find((o) => 'selected' in o) ?? options[0];
      if (chosen) out.push([a.name, chosen.value ?? '']);
    } else if (a.type === 'checkbox' || a.type === 'radio') {
      if ('checked' in a) out.push([a.name, a.value ?? 'on']);
    } else if (a.type !== 'file' && a.type !== 'submit') out.push([a.name, a.value ?? '']);
  }
  return out;
}

/** Set a field as a person would type it (replacing its value, or adding it). */
export function setEntry(entries: [string, string][], name: string, value: string): [string, string][] {
  const i = entries.findIndex(([k]) => k === name);
  if (i >= 0) entries[i] = [name, value];
  else entries.push([name, value]);
  return entries;
}

export function uncheck(entries: [string, string][], name: string): [string, string][] {
  return entries.filter(([k]) => k !== name);
}
