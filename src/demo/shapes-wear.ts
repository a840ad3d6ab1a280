import { shade, tint } from './palette.ts';

// Clothing and accessories, drawn flat on a 960x1200 canvas around the centre (480, 600).
// Each function returns SVG elements in the given colour; no text, simple forms.

const tee = 'M330 330 L420 300 Q480 345 540 300 L630 330 L740 440 L668 512 L630 478 L630 910 L330 910 L330 478 L292 512 L220 440 Z';
const longSleeves = 'M340 300 L420 280 Q480 330 540 280 L620 300 L700 370 L760 800 L688 812 L640 490 L640 920 L320 920 L320 490 L272 812 L200 800 L260 370 Z';

export function tshirt(c: string): string {
  return `<path d="${tee}" fill="${c}"/>
  <path d="M420 300 Q480 360 540 300" fill="none" stroke="${shade(c, 0.25)}" stroke-width="14"/>
  <path d="M630 478 L630 910 L600 910 L600 520 Z" fill="${shade(c, 0.08)}"/>`;
}

export function shirt(c: string): string {
  const d = shade(c, 0.22);
  return `<path d="${longSleeves}" fill="${c}"/>
  <path d="M420 280 L480 330 L445 380 L400 300 Z M540 280 L480 330 L515 380 L560 300 Z" fill="${tint(c, 0.2)}" stroke="${d}" stroke-width="4"/>
  <line x1="480" y1="335" x2="480" y2="920" stroke="${d}" stroke-width="4"/>
  ${[400, 480, 560, 640, 720, 800].map((y) => `<circle cx="495" cy="${y}" r="8" fill="${tint(c, 0.5)}" stroke="${d}" stroke-width="2"/>`).join('')}
  <rect x="540" y="420" width="70" height="80" rx="6" fill="none" stroke="${d}" stroke-width="4"/>`;
}

export function stripeShirt(c: string): string {
  const stripes = Array.from({ length: 14 }, (_, i) => `<rect x="180" y="${340 + i * 44}" width="600" height="18" fill="${c}"/>`).join('');
  return `<defs><clipPath id="body"><path d="${longSleeves}"/></clipPath></defs>
  <path d="${longSleeves}" fill="#f4efe4"/>
  <g clip-path="url(#body)">${stripes}</g>
  <path d="M420 280 Q480 330 540 280" fill="none" stroke="${shade(c, 0.1)}" stroke-width="10"/>`;
}

export function sweater(c: string): string {
  const d = shade(c, 0.18);
  const ribs = (x: number, y: number, w: number) =>
    `<rect x="${x}" y="${y}" width="${w}" height="60" rx="8" fill="${d}"/>` +
    Array.from({ length: Math.floor(w / 16) }, (_, i) => `<line x1="${x + 8 + i * 16}" y1="${y + 6}" x2="${x + 8 + i * 16}" y2="${y + 54}" stroke="${shade(c, 0.3)}" stroke-width="3"/>`).join('');
  return `<path d="M340 300 Q480 350 620 300 L710 380 L770 790 L690 800 L640 500 L640 880 L320 880 L320 500 L270 800 L190 790 L250 380 Z" fill="${c}"/>
  <path d="M400 300 Q480 360 560 300" fill="none" stroke="${d}" stroke-width="22"/>
  ${ribs(320, 870, 320)}${ribs(190, 780, 80)}${ribs(690, 780, 80)}`;
}

export function dress(c: string): string {
  const d = shade(c, 0.2);
  return `<path d="M400 250 L440 240 Q480 280 520 240 L560 250 L590 300 L570 450 L720 930 Q480 980 240 930 L390 450 L370 300 Z" fill="${c}"/>
  <path d="M385 450 Q480 480 575 450" fill="none" stroke="${d}" stroke-width="12"/>
  <path d="M560 465 Q600 560 570 640 M560 465 Q620 540 620 610" fill="none" stroke="${d}" stroke-width="8" stroke-linecap="round"/>
  <path d="M440 240 Q480 285 520 240" fill="none" stroke="${d}" stroke-width="6"/>`;
}

export function jacket(c: string): string {
  const d = shade(c, 0.25);
  return `<path d="${longSleeves}" fill="${c}"/>
  <path d="M420 280 L480 520 L400 470 L380 330 Z M540 280 L480 520 L560 470 L580 330 Z" fill="${shade(c, 0.12)}" stroke="${d}" stroke-width="4"/>
  <line x1="480" y1="520" x2="480" y2="920" stroke="${d}" stroke-width="4"/>
  ${[580, 680, 780].map((y) => `<circle cx="496" cy="${y}" r="10" fill="${tint(c, 0.6)}"/>`).join('')}
  <rect x="350" y="640" width="100" height="110" rx="8" fill="none" stroke="${d}" stroke-width="5"/>
  <rect x="510" y="640" width="100" height="110" rx="8" fill="none" stroke="${d}" stroke-width="5"/>
  <rect x="360" y="420" width="80" height="60" rx="6" fill="none" stroke="${d}" stroke-width="4"/>`;
}

export function apron(c: string): string {
  const d = shade(c, 0.25);
  return `<path d="M410 280 Q480 140 550 280" fill="none" stroke="${d}" stroke-width="14"/>
  <path d="M400 270 L560 270 L560 420 Q610 430 650 450 L660 950 L300 950 L310 450 Q350 430 400 420 Z" fill="${c}"/>
  <path d="M310 460 Q250 520 230 640 M650 460 Q710 520 730 640" fill="none" stroke="${d}" stroke-width="12" stroke-linecap="round"/>
  <rect x="380" y="620" width="200" height="150" rx="10" fill="${shade(c, 0.1)}" stroke="${d}" stroke-width="4" stroke-dasharray="12 8"/>
  <line x1="480" y1="620" x2="480" y2="770" stroke="${d}" stroke-width="4" stroke-dasharray="12 8"/>`;
}

function sock(c: string, dx: number, dy: number): string {
  return `<g transform="translate(${dx} ${dy})">
  <path d="M400 280 L530 280 L530 690 Q532 770 610 790 L690 812 Q745 832 735 895 Q722 955 655 952 L480 940 Q400 930 400 845 Z" fill="${c}"/>
  <rect x="392" y="270" width="146" height="90" rx="10" fill="${shade(c, 0.18)}"/>
  <path d="M655 815 Q720 825 735 895 Q722 955 655 952 Q630 880 655 815 Z" fill="${tint(c, 0.35)}"/>
  <path d="M400 845 Q400 930 480 940 L500 860 Q440 860 400 845 Z" fill="${tint(c, 0.35)}"/></g>`;
}

export function socks(c: string): string {
  return sock(shade(c, 0.1), -110, -20) + sock(c, 40, 40);
}

export function pyjama(c: string): string {
  return `<path d="${longSleeves}" fill="${c}"/>
  <path d="M420 280 L480 440 L540 280" fill="none" stroke="${tint(c, 0.7)}" stroke-width="10"/>
  <path d="M272 812 L200 800 M688 812 L760 800 M320 920 L640 920" stroke="${tint(c, 0.7)}" stroke-width="10"/>
  ${Array.from({ length: 30 }, (_, i) => `<circle cx="${340 + (i % 6) * 56}" cy="${500 + Math.floor(i / 6) * 80}" r="6" fill="${tint(c, 0.6)}"/>`).join('')}`;
}

export function tote(c: string): string {
  const d = shade(c, 0.25);
  return `<path d="M380 460 Q380 250 440 250 Q470 250 470 460 M490 460 Q490 250 520 250 Q580 250 580 460" fill="none" stroke="${d}" stroke-width="22"/>
  <rect x="300" y="450" width="360" height="480" rx="8" fill="${c}"/>
  <rect x="300" y="450" width="360" height="36" fill="${shade(c, 0.08)}"/>
  <circle cx="480" cy="690" r="70" fill="none" stroke="${d}" stroke-width="8"/>`;
}

export function bag(c: string): string {
  const d = shade(c, 0.3);
  return `<path d="M320 560 Q300 140 480 150 Q660 140 640 560" fill="none" stroke="${d}" stroke-width="18"/>
  <rect x="290" y="520" width="380" height="360" rx="36" fill="${c}"/>
  <path d="M290 560 Q290 520 330 520 L630 520 Q670 520 670 560 L670 700 Q480 760 290 700 Z" fill="${shade(c, 0.12)}"/>
  <rect x="455" y="690" width="50" height="60" rx="8" fill="#c9a25b" stroke="${d}" stroke-width="4"/>
  <path d="M310 560 L310 860 M650 560 L650 860" stroke="${tint(c, 0.3)}" stroke-width="3" stroke-dasharray="10 8"/>`;
}

export function scarf(c: string): string {
  const d = shade(c, 0.2);
  const fringe = (x: number) => Array.from({ length: 9 }, (_, i) => `<line x1="${x + 5 + i * 10}" y1="920" x2="${x + 5 + i * 10}" y2="975" stroke="${d}" stroke-width="4"/>`).join('');
  return `<path d="M350 250 Q480 190 610 250 L600 920 L510 920 L505 340 Q480 330 455 340 L450 920 L360 920 Z" fill="${c}"/>
  <path d="M350 250 Q480 190 610 250 Q600 330 480 330 Q360 330 350 250 Z" fill="${shade(c, 0.12)}"/>
  ${[420, 560, 700, 840].map((y) => `<line x1="360" y1="${y}" x2="450" y2="${y}" stroke="${tint(c, 0.3)}" stroke-width="6"/><line x1="510" y1="${y}" x2="600" y2="${y}" stroke="${tint(c, 0.3)}" stroke-width="6"/>`).join('')}
  ${fringe(360)}${fringe(510)}`;
}

export function foulard(c: string): string {
  const l = tint(c, 0.55);
  return `<g transform="rotate(45 480 600)">
  <rect x="230" y="350" width="500" height="500" fill="${c}"/>
  <rect x="262" y="382" width="436" height="436" fill="none" stroke="${l}" stroke-width="14"/>
  <circle cx="480" cy="600" r="120" fill="${l}"/><circle cx="480" cy="600" r="60" fill="${shade(c, 0.2)}"/>
  ${[[340, 460], [620, 460], [340, 740], [620, 740]].map(([x, y]) => `<circle cx="${x}" cy="${y}" r="34" fill="${l}"/>`).join('')}</g>`;
}

export function beanie(c: string): string {
  const d = shade(c, 0.2);
  return `<path d="M300 720 Q300 330 480 330 Q660 330 660 720 Z" fill="${c}"/>
  <rect x="280" y="690" width="400" height="150" rx="24" fill="${d}"/>
  ${Array.from({ length: 19 }, (_, i) => `<line x1="${300 + i * 20}" y1="700" x2="${300 + i * 20}" y2="830" stroke="${shade(c, 0.32)}" stroke-width="5"/>`).join('')}
  ${Array.from({ length: 9 }, (_, i) => `<path d="M${330 + i * 38} 690 Q${330 + i * 38} 480 480 350" fill="none" stroke="${d}" stroke-width="4"/>`).join('')}`;
}

export function cap(c: string): string {
  const d = shade(c, 0.22);
  return `<path d="M300 720 Q300 420 480 420 Q660 420 660 720 Z" fill="${c}"/>
  <path d="M560 700 Q760 690 800 760 Q700 790 560 760 Z" fill="${d}"/>
  <path d="M480 420 L480 720 M390 440 Q360 560 380 720 M570 440 Q600 560 580 720" fill="none" stroke="${d}" stroke-width="5"/>
  <circle cx="480" cy="424" r="18" fill="${d}"/>
  <rect x="296" y="700" width="368" height="30" rx="10" fill="${shade(c, 0.1)}"/>`;
}

export function earrings(c: string): string {
  const one = (x: number) => `<path d="M${x} 330 Q${x} 270 ${x + 40} 290" fill="none" stroke="${shade(c, 0.2)}" stroke-width="8" stroke-linecap="round"/>
  <line x1="${x}" y1="330" x2="${x}" y2="470" stroke="${c}" stroke-width="8"/>
  <path d="M${x - 110} 480 A110 110 0 0 0 ${x + 110} 480 Z" fill="${c}"/>
  <path d="M${x - 70} 480 A70 70 0 0 0 ${x + 70} 480 Z" fill="${tint(c, 0.35)}"/>`;
  return one(340) + one(620);
}

export function wallet(c: string): string {
  const d = shade(c, 0.3);
  return `<rect x="370" y="420" width="300" height="190" rx="16" fill="#f6f2ea" transform="rotate(-8 520 515)"/>
  <rect x="290" y="500" width="380" height="260" rx="24" fill="${c}"/>
  <path d="M290 580 L670 580" stroke="${shade(c, 0.15)}" stroke-width="6"/>
  <rect x="306" y="516" width="348" height="228" rx="16" fill="none" stroke="${d}" stroke-width="3" stroke-dasharray="10 8"/>`;
}

export function beret(c: string): string {
  return `<ellipse cx="480" cy="640" rx="300" ry="150" fill="${c}"/>
  <path d="M200 660 Q480 560 760 660" fill="none" stroke="${shade(c, 0.15)}" stroke-width="8"/>
  <path d="M320 740 Q480 800 640 740 L630 790 Q480 840 330 790 Z" fill="${shade(c, 0.3)}"/>
  <path d="M480 495 Q486 460 500 450" fill="none" stroke="${shade(c, 0.25)}" stroke-width="10" stroke-linecap="round"/>
  <path d="M300 600 Q400 540 520 530" fill="none" stroke="${tint(c, 0.2)}" stroke-width="14" stroke-linecap="round"/>`;
}
