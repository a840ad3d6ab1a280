import type { ComponentChildren } from 'preact';
import { CSRF_FIELD } from './csrf.ts';
import { t } from './strings.ts';

/** What a form shows: the values (as typed, or from the stored record) and the messages per input name. */
export type FormValues = Record<string, string | string[] | undefined>;
export type FieldErrors = Record<string, string[]>;
export type FormState = { values: FormValues; errors: FieldErrors; summary: { name?: string; message: string }[] };

export const emptyForm = (values: FormValues = {}): FormState => ({ values, errors: {}, summary: [] });

/** One message for a field: shown beside the input and listed in the summary at the top. */
export function addError(form: FormState, name: string | undefined, message: string): void {
  if (name) (form.errors[name] ??= []).push(message);
  form.summary.push({ name, message });
}

export const fieldId = (name: string) => 'f-' + name.replace(/[^A-Za-z0-9_-]/g, '-');

export function valueOf(values: FormValues, name: string): string {
  const v = values[name];
  return Array.isArray(v) ? (v[v.length - 1] ?? '') : (v ?? '');
}

export function valuesOf(values: FormValues, name: string): string[] {
  const v = values[name];
  return Array.isArray(v) ? v : v === undefined ? [] : [v];
}

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name={CSRF_FIELD} value={token} />;
}

export function Flash({ message }: { message: string | null }) {
  return message ? (
    <p class="flash" role="status">
      {message}
    </p>
  ) : null;
}

export function ErrorSummary({ form, id = 'error-summary', label }: { form: FormState; id?: string; label?: (name: string) => string }) {
  if (form.summary.length === 0) return null;
  return (
    <div class="error-summary" role="alert" id={id} tabIndex={-1}>
      <p>{t.errors.summaryTitle(form.summary.length)}</p>
      <ul>
        {form.summary.map((s) => (
          <li>{s.name ? <a href={`#${fieldId(s.name)}`}>{label ? `${label(s.name)}: ${s.message}` : s.message}</a> : s.message}</li>
        ))}
      </ul>
    </div>
  );
}

type Common = { name: string; label: string; form: FormState; hint?: string; class?: string };

function described(form: FormState, name: string, hint?: string) {
  const id = fieldId(name);
  const errors = form.errors[name] ?? [];
  const ids = [hint ? `${id}-hint` : '', errors.length ? `${id}-error` : ''].filter(Boolean).join(' ');
  return { id, errors, describedBy: ids || undefined, invalid: errors.length ? ('true' as const) : undefined };
}

function Messages({ id, hint, errors }: { id: string; hint?: string; errors: string[] }) {
  return (
    <>
      {hint && (
        <span class="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {errors.length > 0 && (
        <span class="field-error" id={`${id}-error`}>
          {errors.join('; ')}
        </span>
      )}
    </>
  );
}

export function TextField(
  p: Common & {
    inputMode?: 'decimal' | 'numeric' | 'text' | 'email';
    required?: boolean;
    autocomplete?: string;
    maxLength?: number;
    placeholder?: string;
    type?: 'text' | 'search' | 'date' | 'datetime-local';
  },
) {
  const d = described(p.form, p.name, p.hint);
  return (
    <div class={`field${d.errors.length ? ' has-error' : ''}${p.class ? ' ' + p.class : ''}`}>
      <label for={d.id}>{p.label}</label>
      <Messages id={d.id} hint={p.hint} errors={d.errors} />
      <input
        id={d.id}
        name={p.name}
        // preact types each input type's attributes apart; these four take the same ones here.
        type={(p.type ?? 'text') as 'text'}
        value={valueOf(p.form.values, p.name)}
        inputMode={p.inputMode}
        required={p.required}
        autocomplete={p.autocomplete}
        maxLength={p.maxLength}
        placeholder={p.placeholder}
        aria-invalid={d.invalid}
        aria-describedby={d.describedBy}
      />
    </div>
  );
}

export function TextArea(p: Common & { rows?: number; maxLength?: number }) {
  const d = described(p.form, p.name, p.hint);
  return (
    <div class={`field${d.errors.length ? ' has-error' : ''}${p.class ? ' ' + p.class : ''}`}>
      <label for={d.id}>{p.label}</label>
      <Messages id={d.id} hint={p.hint} errors={d.errors} />
      <textarea id={d.id} name={p.name} rows={p.rows ?? 4} maxLength={p.maxLength} aria-invalid={d.invalid} aria-describedby={d.describedBy}>
        {valueOf(p.form.values, p.name)}
      </textarea>
    </div>
  );
}

export function SelectField(p: Common & { options: readonly (readonly [string, string])[] }) {
  const d = described(p.form, p.name, p.hint);
  const current = valueOf(p.form.values, p.name);
  return (
    <div class={`field${d.errors.length ? ' has-error' : ''}${p.class ? ' ' + p.class : ''}`}>
      <label for={d.id}>{p.label}</label>
      <Messages id={d.id} hint={p.hint} errors={d.errors} />
      <select id={d.id} name={p.name} aria-invalid={d.invalid} aria-describedby={d.describedBy}>
        {p.options.map(([value, label]) => (
          <option value={value} selected={value === current}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function CheckboxField(p: Common & { value?: string }) {
  const d = described(p.form, p.name, p.hint);
  const value = p.value ?? 'on';
  const checked = p.value === undefined ? valueOf(p.form.values, p.name) !== '' : valuesOf(p.form.values, p.name).includes(value);
  return (
    <div class={`check${p.class ? ' ' + p.class : ''}`}>
      <input
        type="checkbox"
        id={p.value === undefined ? d.id : `${d.id}-${value}`}
        name={p.name}
        value={value}
        checked={checked}
        aria-describedby={d.describedBy}
      />
      <label for={p.value === undefined ? d.id : `${d.id}-${value}`}>{p.label}</label>
    </div>
  );
}

export function Section({ title, children, id }: { title: string; children: ComponentChildren; id?: string }) {
  return (
    <fieldset class="section" id={id}>
      <legend>{title}</legend>
      {children}
    </fieldset>
  );
}
