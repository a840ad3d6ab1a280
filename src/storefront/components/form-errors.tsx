import { CSRF_FIELD } from '../csrf.ts';

/** A field's message, named by the field's id so the input can point at it with aria-describedby. */
export function FieldError({ id, message }: { id: string; message?: string | null }) {
  return message ? (
    <p class="field-error" id={`${id}-error`}>
      {message}
    </p>
  ) : null;
}

/** Every problem at once, at the top of the form, each a link to its field; announced when the page loads. */
export function ErrorSummary({ title, items }: { title: string; items: { href: string | null; message: string }[] }) {
  if (!items.length) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1} id="error-summary">
      <p>{title}</p>
      <ul>
        {items.map((i) => (
          <li>{i.href ? <a href={i.href}>{i.message}</a> : i.message}</li>
        ))}
      </ul>
    </div>
  );
}

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name={CSRF_FIELD} value={token} />;
}
