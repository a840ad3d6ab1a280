import { shade, tint } from './palette.ts';

// Stationery and gifts, on a 960x1200 canvas.

export function notebook(c: string): string {
  return `<rect x="330" y="290" width="340" height="620" rx="18" fill="#f4efe4"/>
  <rect x="310" y="280" width="340" height="620" rx="18" fill="${c}"/>
  <rect x="310" y="280" width="46" height="620" rx="12" fill="${shade(c, 0.18)}"/>
  <rect x="590" y="280" width="18" height="620" fill="${shade(c, 0.35)}"/>
  <rect x="410" y="400" width="160" height="90" rx="6" fill="${tint(c, 0.75)}"/>`;
}

export function pencils(c: string): string {
  const hues = [c, '#d19a2a', '#b5332e', '#3f6fa0', '#5e8a5a', '#7b5ea7'];
  return hues
    .map((h, i) => {
      const a = -25 + i * 10;
      return `<g transform="rotate(${a} 480 900)">
      <rect x="455" y="330" width="50" height="520" fill="${h}"/>
      <path d="M455 330 L480 250 L505 330 Z" fill="#e6c79a"/><path d="M472 276 L480 250 L488 276 Z" fill="${shade(h, 0.3)}"/>
      <rect x="455" y="850" width="50" height="30" fill="#c0c0c0"/></g>`;
    })
    .join('');
}

export function cards(c: string): string {
  const card = (r: number, dx: number, dy: number, f: string) => `<g transform="translate(${dx} ${dy}) rotate(${r} 480 600)">
  <rect x="250" y="440" width="460" height="320" rx="8" fill="#fbf8f2" stroke="${shade('#fbf8f2', 0.1)}" stroke-width="3"/>
  <rect x="272" y="462" width="416" height="276" fill="${tint(f, 0.65)}"/>
  <circle cx="600" cy="530" r="36" fill="#e9a23b"/>
  <path d="M272 680 Q380 580 470 660 Q560 600 688 680 L688 738 L272 738 Z" fill="${f}"/></g>`;
  return card(-12, -30, 120, shade(c, 0.2)) + card(6, 20, 0, tint(c, 0.1)) + card(-3, 0, -140, c);
}

export function pen(c: string): string {
  return `<g transform="rotate(-35 480 600)">
  <rect x="440" y="230" width="80" height="330" rx="36" fill="${c}"/>
  <rect x="506" y="250" width="12" height="180" rx="6" fill="#c9a25b"/>
  <rect x="436" y="550" width="88" height="24" fill="#c9a25b"/>
  <path d="M446 574 L514 574 L508 830 Q480 860 452 830 Z" fill="${shade(c, 0.15)}"/>
  <path d="M458 830 L502 830 L480 960 Z" fill="#c9a25b"/><line x1="480" y1="860" x2="480" y2="950" stroke="#6b5a2f" stroke-width="3"/></g>`;
}

export function book(c: string): string {
  return `<path d="M300 300 L640 280 L660 290 L660 920 L320 940 L300 930 Z" fill="#efe7d6"/>
  <path d="M280 300 L620 280 L620 920 L280 940 Z" fill="${c}"/>
  <rect x="280" y="300" width="36" height="640" fill="${shade(c, 0.2)}"/>
  <path d="M450 740 Q450 540 560 440 Q600 600 450 740 Z" fill="${tint(c, 0.6)}"/>
  <path d="M450 740 Q500 600 545 470" fill="none" stroke="${c}" stroke-width="5"/>
  <rect x="370" y="800" width="180" height="14" fill="${tint(c, 0.5)}"/>`;
}

export function wrap(c: string): string {
  const roll = (y: number, f: string) => `<g transform="rotate(-20 480 ${y})">
  <rect x="210" y="${y - 60}" width="540" height="120" rx="12" fill="${f}"/>
  ${Array.from({ length: 10 }, (_, i) => `<circle cx="${250 + i * 52}" cy="${y - 20 + (i % 2) * 40}" r="10" fill="${tint(f, 0.6)}"/>`).join('')}
  <ellipse cx="750" cy="${y}" rx="24" ry="60" fill="${shade(f, 0.2)}"/><ellipse cx="750" cy="${y}" rx="10" ry="26" fill="#e3d5bd"/></g>`;
  return roll(460, tint(c, 0.15)) + roll(640, c) + roll(820, shade(c, 0.2));
}

export function giftcard(c: string): string {
  return `<rect x="200" y="400" width="560" height="360" rx="28" fill="${c}"/>
  <rect x="200" y="540" width="560" height="34" fill="${tint(c, 0.6)}"/>
  <rect x="520" y="400" width="34" height="360" fill="${tint(c, 0.6)}"/>
  <path d="M537 557 Q450 460 470 520 Q480 560 537 557 Q620 460 610 520 Q600 560 537 557 Z" fill="${tint(c, 0.75)}"/>
  <rect x="250" y="680" width="180" height="20" rx="10" fill="${tint(c, 0.4)}"/>`;
}

export function giftbox(c: string): string {
  return `<rect x="290" y="560" width="380" height="370" rx="8" fill="${c}"/>
  <rect x="270" y="500" width="420" height="90" rx="8" fill="${shade(c, 0.12)}"/>
  <rect x="458" y="500" width="44" height="430" fill="#c9a25b"/>
  <path d="M480 500 Q360 360 390 440 Q410 500 480 500 Q600 360 570 440 Q550 500 480 500 Z" fill="#c9a25b"/>
  <path d="M480 500 L430 560 M480 500 L530 560" stroke="#b08b45" stroke-width="10" stroke-linecap="round"/>`;
}
