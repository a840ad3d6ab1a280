import type { Locale } from '../catalog/index.ts';
import { waitingRoomStrings, waitText } from './strings.ts';

export type WaitingRoomView = {
  locale: Locale;
  shopName: string;
  /** The checkout URL to go back to: the only personal-looking part, and it is one of two fixed paths. */
  returnTo: string;
  /** Given in the URL by the gate, so the page says it without JavaScript (and stays the same for everyone there). */
  position: number | null;
  waitSeconds: number | null;
  soldOut: boolean;
  assets: { css: string; js: string };
};

/**
 * The waiting room: nothing personal in the HTML, so a CDN may hold it. The script asks
 * /waiting-room/status for the live place and goes to checkout when it is this shopper's turn; without
 * script, the page goes back to checkout every 10 seconds, which re-checks the ticket.
 */
export function WaitingRoomPage(v: WaitingRoomView) {
  const s = waitingRoomStrings(v.locale);
  const home = `/${v.locale}/`;
  return (
    <html lang={v.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${s.title} · ${v.shopName}`}</title>
        {!v.soldOut && (
          <noscript>
            <meta http-equiv="refresh" content={`10;url=${v.returnTo}`} />
          </noscript>
        )}
        <link rel="stylesheet" href={v.assets.css} />
        <script src={v.assets.js} defer />
      </head>
      <body>
        <main
          id="waiting-room"
          class="wr"
          data-status="/waiting-room/status"
          data-return={v.returnTo}
          data-wait-short={s.waitShort}
          data-wait-minutes={s.waitMinutes}
          data-ready={s.ready}
          data-lost={s.lost}
        >
          <p class="wr-shop">
            <a href={home}>{v.shopName}</a>
          </p>
          <div id="wr-queue" hidden={v.soldOut}>
            <h1>{s.heading}</h1>
            <p>{s.lead}</p>
            <div class="wr-card" role="status" aria-live="polite">
              <p class="wr-label">{s.place}</p>
              <p class="wr-position" id="wr-position">
                {v.position ?? s.placeUnknown}
              </p>
              <p class="wr-wait" id="wr-wait">
                {v.waitSeconds === null ? s.waitUnknown : waitText(s, v.waitSeconds)}
              </p>
              <span class="wr-dots" aria-hidden="true">
                <span />
                <span />
                <span />
              </span>
            </div>
            <p class="wr-note">{s.keepOpen}</p>
            <noscript>
              <p class="wr-note">{s.noScript}</p>
            </noscript>
            <p class="wr-links">
              <a class="wr-button" href={v.returnTo}>
                {s.checkNow}
              </a>
              <a href={`/${v.locale}/cart`}>{s.viewCart}</a>
            </p>
          </div>
          <section id="wr-sold-out" class="wr-card wr-sold-out" hidden={!v.soldOut} aria-labelledby="wr-sold-out-title">
            <h1 id="wr-sold-out-title">{s.soldOutTitle}</h1>
            <p>{s.soldOutText}</p>
            <p class="wr-links">
              <a class="wr-button" href={home}>
                {s.backToShop}
              </a>
              <a href={`/${v.locale}/cart`}>{s.viewCart}</a>
            </p>
          </section>
        </main>
      </body>
    </html>
  );
}
