import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../app.ts';
import type { AdmissionSnapshot, QueueMode } from '../admission/index.ts';
import { audit } from '../audit/index.ts';
import { actorOf } from './auth.ts';
import { addError, CsrfField, emptyForm, ErrorSummary, Flash, type FormState, fieldId, Section } from './form-fields.tsx';
import { Layout } from './layout.tsx';
import { redirect, sendPage } from './render.ts';
import { t } from './strings.ts';

// The merchant's switch for the checkout queue (owner only): automatic, on ahead of a campaign, or off.
// The choice lives in the admission store, in memory for now: a restart goes back to QUEUE_MODE.

const MODES: readonly QueueMode[] = ['auto', 'on', 'off'];
const Query = z.object({ flash: z.literal('saved').optional() }).strict();
const q = t.queue;
const number = new Intl.NumberFormat(t.numberLocale, { maximumFractionDigits: 0 });

function waitLabel(seconds: number): string {
  return seconds < 60 ? q.seconds(number.format(seconds)) : q.minutes(number.format(Math.round(seconds / 60)));
}

function Figures({ s }: { s: AdmissionSnapshot }) {
  return (
    <div class="cards">
      <section class="card">
        <h2>{q.inCheckout}</h2>
        <p class="big-number" id="queue-active">
          {q.ofCapacity(number.format(s.active), number.format(s.capacity))}
        </p>
        <p class="muted">{q.admittedLastMinute(number.format(s.admittedLastMinute))}</p>
      </section>
      <section class="card">
        <h2>{q.waiting}</h2>
        <p class="big-number" id="queue-waiting">
          {number.format(s.waiting)}
        </p>
        <p class="muted">{s.waiting ? q.waitForNewcomer(waitLabel(s.estimatedWaitSeconds)) : q.nobodyWaiting}</p>
      </section>
      <section class="card">
        <h2>{q.loopDelay}</h2>
        <p class="big-number">{q.ms(number.format(s.loopDelayP99Ms))}</p>
        <p class={s.overloaded ? 'notice' : 'muted'}>{s.overloaded ? q.overloaded : q.loopLimit}</p>
      </section>
    </div>
  );
}

export function registerQueueRoutes(admin: FastifyInstance, services: Services): void {
  const r = admin.withTypeProvider<ZodTypeProvider>();
  const admission = admin.admission;
  const configured = services.config.admission.mode;

  async function page(req: FastifyRequest, reply: FastifyReply, status: number, form: FormState, flash: string | null = null) {
    const s = await admission.snapshot();
    const chosen = (form.values.mode as string | undefined) ?? s.mode;
    const error = form.errors.mode?.join('; ');
    return sendPage(
      reply,
      status,
      <Layout title={q.title} session={req.adminSession} nav="queue" shopName={services.config.shopName}>
        <h1>{q.title}</h1>
        <p>{q.intro(services.config.admission.maxCheckouts, services.config.admission.maxEventLoopDelayMs)}</p>
        <Flash message={flash} />
        <ErrorSummary form={form} label={() => q.mode} />
        <Figures s={s} />
        <form id="queue-form" class="stack" method="post" action="/admin/queue">
          <CsrfField token={req.adminSession!.csrfToken} />
          <Section title={q.mode} id={fieldId('mode')}>
            <p class="hint" id="queue-mode-hint">
              {q.modeNow(q.modes[s.mode]!.label)} {s.mode === configured ? q.asConfigured : q.overridden(q.modes[configured]!.label)}
            </p>
            {error && (
              <span class="field-error" id={`${fieldId('mode')}-error`}>
                {error}
              </span>
            )}
            {MODES.map((m) => (
              <div class="check">
                <input type="radio" id={`queue-mode-${m}`} name="mode" value={m} checked={chosen === m} aria-describedby={`queue-mode-${m}-hint`} />
                <label for={`queue-mode-${m}`}>
                  <strong>{q.modes[m]!.label}</strong>
                  <span class="hint" id={`queue-mode-${m}-hint`}>
                    {q.modes[m]!.hint}
                  </span>
                </label>
              </div>
            ))}
            <p class="hint">{q.restartNote(q.modes[configured]!.label)}</p>
          </Section>
          <div class="form-actions">
            <button type="submit" class="button primary">
              {q.save}
            </button>
          </div>
        </form>
      </Layout>,
    );
  }

  r.get('/queue', { schema: { querystring: Query } }, async (req, reply) => page(req, reply, 200, emptyForm(), req.query.flash ? q.saved : null));

  r.post('/queue', async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const mode = typeof body.mode === 'string' ? body.mode : '';
    if (!(MODES as readonly string[]).includes(mode)) {
      const form = emptyForm({ mode });
      addError(form, 'mode', q.modeRequired);
      return page(req, reply, 400, form);
    }
    const before = await admission.mode();
    await admission.setMode(mode as QueueMode);
    await audit(services.conn.db, actorOf(req.adminSession!), 'queue.mode', 'settings', 'queue_mode', { from: before, to: mode });
    return redirect(reply, '/admin/queue?flash=saved');
  });
}
