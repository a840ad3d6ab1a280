import { shade, tint } from './palette.ts';

// Home and kitchen objects, standing on the floor line (about y = 940) of a 960x1200 canvas.

export function candle(c: string): string {
  return `<path d="M480 470 Q455 430 480 370 Q505 430 480 470 Z" fill="#f2a33a"/>
  <path d="M480 465 Q470 440 480 410 Q490 440 480 465 Z" fill="#fbe3a0"/>
  <line x1="480" y1="470" x2="480" y2="520" stroke="#3a3a3a" stroke-width="5"/>
  <rect x="330" y="520" width="300" height="420" rx="30" fill="${c}"/>
  <ellipse cx="480" cy="530" rx="150" ry="30" fill="${tint(c, 0.5)}"/>
  <ellipse cx="480" cy="534" rx="126" ry="22" fill="#f5eedd"/>
  <rect x="370" y="680" width="220" height="150" rx="10" fill="${tint(c, 0.7)}"/>`;
}

export function vase(c: string): string {
  const leaf = (x: number, y: number, r: number) => `<ellipse cx="${x}" cy="${y}" rx="36" ry="16" transform="rotate(${r} ${x} ${y})" fill="#8aa382"/>`;
  return `<path d="M480 420 Q470 300 400 200 M480 420 Q500 280 590 190" fill="none" stroke="#6d7f62" stroke-width="6"/>
  ${leaf(430, 250, -50)}${leaf(452, 320, 30)}${leaf(405, 220, 20)}${leaf(560, 220, -30)}${leaf(520, 300, 40)}${leaf(585, 260, 60)}
  <path d="M425 400 L535 400 L535 440 Q670 530 650 730 Q630 935 480 945 Q330 935 310 730 Q290 530 425 440 Z" fill="${c}"/>
  <ellipse cx="480" cy="402" rx="56" ry="12" fill="${shade(c, 0.3)}"/>
  <path d="M360 560 Q340 700 380 840" fill="none" stroke="${tint(c, 0.4)}" stroke-width="16" stroke-linecap="round"/>`;
}

export function cushion(c: string): string {
  return `<path d="M250 380 Q480 330 710 380 Q760 620 710 860 Q480 910 250 860 Q200 620 250 380 Z" fill="${c}"/>
  <path d="M250 380 Q480 430 710 380 M250 860 Q480 810 710 860" fill="none" stroke="${shade(c, 0.15)}" stroke-width="6"/>
  ${Array.from({ length: 8 }, (_, i) => `<line x1="${300 + i * 52}" y1="440" x2="${300 + i * 52}" y2="800" stroke="${shade(c, 0.07)}" stroke-width="6"/>`).join('')}`;
}

export function throwBlanket(c: string): string {
  const layer = (y: number, f: string) => `<rect x="230" y="${y}" width="500" height="150" rx="40" fill="${f}"/>
  ${[330, 480, 630].map((x) => `<line x1="${x}" y1="${y + 10}" x2="${x}" y2="${y + 140}" stroke="${shade(f, 0.15)}" stroke-width="8"/>`).join('')}`;
  const fringe = Array.from({ length: 24 }, (_, i) => `<line x1="${240 + i * 20}" y1="940" x2="${240 + i * 20}" y2="985" stroke="${shade(c, 0.2)}" stroke-width="5"/>`).join('');
  return layer(490, shade(c, 0.06)) + layer(630, c) + layer(790, tint(c, 0.08)) + fringe;
}

export function diffuser(c: string): string {
  const sticks = [-24, -12, 0, 12, 26].map((a) => `<line x1="480" y1="640" x2="${480 + Math.sin((a * Math.PI) / 180) * 520}" y2="${640 - Math.cos((a * Math.PI) / 180) * 520}" stroke="#6b4f33" stroke-width="7"/>`).join('');
  return `${sticks}
  <path d="M430 600 L530 600 L530 650 Q640 690 640 800 L640 900 Q640 940 600 940 L360 940 Q320 940 320 900 L320 800 Q320 690 430 650 Z" fill="${c}" opacity="0.9"/>
  <rect x="440" y="580" width="80" height="40" rx="6" fill="${shade(c, 0.35)}"/>
  <rect x="370" y="760" width="220" height="110" rx="8" fill="${tint(c, 0.75)}"/>`;
}

export function basket(c: string): string {
  const d = shade(c, 0.25);
  const rows = Array.from({ length: 8 }, (_, i) => `<path d="M${300 + i * 4} ${560 + i * 48} L${660 - i * 4} ${560 + i * 48}" stroke="${d}" stroke-width="5"/>`).join('');
  const cols = Array.from({ length: 11 }, (_, i) => `<line x1="${310 + i * 34}" y1="550" x2="${330 + i * 30}" y2="935" stroke="${shade(c, 0.12)}" stroke-width="4"/>`).join('');
  return `<path d="M360 540 Q480 260 600 540" fill="none" stroke="${d}" stroke-width="22"/>
  <path d="M280 540 L680 540 L630 940 L330 940 Z" fill="${c}"/>${rows}${cols}
  <rect x="270" y="525" width="420" height="36" rx="18" fill="${d}"/>`;
}

export function soap(c: string): string {
  return `<path d="M300 620 L560 560 L700 640 L440 710 Z" fill="${tint(c, 0.25)}"/>
  <path d="M300 620 L440 710 L440 900 L300 810 Z" fill="${shade(c, 0.12)}"/>
  <path d="M440 710 L700 640 L700 830 L440 900 Z" fill="${c}"/>
  <ellipse cx="500" cy="636" rx="70" ry="28" fill="none" stroke="${shade(c, 0.2)}" stroke-width="6"/>`;
}

export function poster(c: string): string {
  return `<rect x="250" y="230" width="460" height="640" fill="#3a3a3a"/>
  <rect x="270" y="250" width="420" height="600" fill="#f7f1e6"/>
  <rect x="310" y="290" width="340" height="450" fill="${tint(c, 0.7)}"/>
  <circle cx="560" cy="400" r="50" fill="#e9a23b"/>
  <path d="M310 600 Q400 560 480 600 T650 600 L650 740 L310 740 Z" fill="${c}"/>
  <path d="M310 650 Q400 610 480 650 T650 650 L650 740 L310 740 Z" fill="${shade(c, 0.25)}"/>
  <rect x="380" y="780" width="200" height="12" fill="#d8cfc0"/>`;
}

export function mirror(c: string): string {
  return `<path d="M400 300 L480 180 L560 300" fill="none" stroke="#6b4f33" stroke-width="8"/>
  <circle cx="480" cy="600" r="300" fill="${c}"/>
  ${Array.from({ length: 36 }, (_, i) => { const a = (i * Math.PI) / 18; return `<line x1="${480 + Math.cos(a) * 240}" y1="${600 + Math.sin(a) * 240}" x2="${480 + Math.cos(a) * 298}" y2="${600 + Math.sin(a) * 298}" stroke="${shade(c, 0.2)}" stroke-width="6"/>`; }).join('')}
  <circle cx="480" cy="600" r="230" fill="#dfe7ea"/>
  <path d="M360 520 L460 420 M380 600 L520 460" stroke="#ffffff" stroke-width="18" stroke-linecap="round" opacity="0.7"/>`;
}

export function mug(c: string): string {
  return `<path d="M600 600 Q730 600 730 700 Q730 800 600 800" fill="none" stroke="${c}" stroke-width="44"/>
  <path d="M320 520 L640 520 L630 880 Q630 930 580 930 L380 930 Q330 930 330 880 Z" fill="${c}"/>
  <ellipse cx="480" cy="520" rx="160" ry="36" fill="${shade(c, 0.3)}"/>
  <path d="M330 760 Q480 800 632 760 L630 880 Q630 930 580 930 L380 930 Q330 930 330 880 Z" fill="${tint(c, 0.25)}"/>`;
}

export function bowl(c: string): string {
  return `<path d="M240 620 Q250 900 480 900 Q710 900 720 620 Z" fill="${c}"/>
  <ellipse cx="480" cy="620" rx="240" ry="62" fill="${tint(c, 0.35)}"/>
  <ellipse cx="480" cy="630" rx="206" ry="46" fill="${shade(c, 0.12)}"/>
  <rect x="400" y="890" width="160" height="30" rx="8" fill="${shade(c, 0.2)}"/>`;
}

export function plate(c: string): string {
  return `<ellipse cx="480" cy="640" rx="320" ry="270" fill="${shade(c, 0.08)}"/>
  <ellipse cx="480" cy="630" rx="310" ry="260" fill="${c}"/>
  <ellipse cx="480" cy="630" rx="210" ry="176" fill="${tint(c, 0.2)}"/>
  <ellipse cx="480" cy="630" rx="210" ry="176" fill="none" stroke="${shade(c, 0.1)}" stroke-width="4"/>`;
}

export function towel(c: string): string {
  return `<path d="M450 250 Q480 190 510 250" fill="none" stroke="${c}" stroke-width="10"/>
  <rect x="320" y="250" width="320" height="680" rx="6" fill="#f4efe4"/>
  <rect x="340" y="250" width="24" height="680" fill="${c}"/><rect x="380" y="250" width="10" height="680" fill="${c}"/>
  <rect x="596" y="250" width="24" height="680" fill="${c}"/><rect x="570" y="250" width="10" height="680" fill="${c}"/>
  <rect x="320" y="250" width="320" height="680" rx="6" fill="none" stroke="${shade('#f4efe4', 0.1)}" stroke-width="6"/>`;
}

export function board(c: string): string {
  return `<path d="M430 240 Q430 200 480 200 Q530 200 530 240 L530 330 L620 330 Q660 330 660 370 L660 900 Q660 940 620 940 L340 940 Q300 940 300 900 L300 370 Q300 330 340 330 L430 330 Z" fill="${c}"/>
  <circle cx="480" cy="260" r="22" fill="#efe7da"/>
  ${[380, 440, 520, 590].map((x, i) => `<path d="M${x} 380 Q${x + (i % 2 ? 20 : -20)} 640 ${x} 900" fill="none" stroke="${shade(c, 0.15)}" stroke-width="4"/>`).join('')}`;
}

export function teapot(c: string): string {
  return `<path d="M640 660 Q760 560 780 500" fill="none" stroke="${c}" stroke-width="40" stroke-linecap="round"/>
  <path d="M320 620 Q180 640 220 760 Q250 830 320 820" fill="none" stroke="${c}" stroke-width="30"/>
  <ellipse cx="480" cy="740" rx="210" ry="190" fill="${c}"/>
  <ellipse cx="480" cy="560" rx="120" ry="28" fill="${shade(c, 0.2)}"/>
  <circle cx="480" cy="520" r="26" fill="${shade(c, 0.2)}"/>
  <path d="M300 760 Q480 820 660 760" fill="none" stroke="${tint(c, 0.35)}" stroke-width="10"/>`;
}

export function jar(c: string): string {
  return `<rect x="350" y="470" width="260" height="80" rx="12" fill="#b5332e"/>
  ${Array.from({ length: 6 }, (_, i) => `<rect x="${350 + i * 44}" y="470" width="22" height="80" fill="#f4efe4" opacity="0.6"/>`).join('')}
  <path d="M340 550 L620 550 L640 610 L640 900 Q640 940 600 940 L360 940 Q320 940 320 900 L320 610 Z" fill="#e6eef0" opacity="0.85"/>
  <path d="M335 620 L625 620 L625 900 Q625 925 600 925 L360 925 Q335 925 335 900 Z" fill="${c}"/>
  <rect x="370" y="700" width="220" height="140" rx="10" fill="#f6f1e4"/>
  <rect x="400" y="740" width="160" height="14" fill="${shade(c, 0.1)}"/>`;
}

export function tin(c: string): string {
  return `<rect x="340" y="420" width="280" height="520" rx="20" fill="${c}"/>
  <rect x="332" y="400" width="296" height="110" rx="16" fill="${shade(c, 0.2)}"/>
  <rect x="340" y="620" width="280" height="190" fill="${tint(c, 0.7)}"/>
  <circle cx="480" cy="715" r="55" fill="${tint(c, 0.2)}"/>`;
}

export function bottle(c: string): string {
  return `<rect x="448" y="200" width="64" height="70" rx="10" fill="#6b4f33"/>
  <path d="M450 270 L510 270 L510 420 Q600 470 600 560 L600 900 Q600 940 560 940 L400 940 Q360 940 360 900 L360 560 Q360 470 450 420 Z" fill="${c}"/>
  <rect x="380" y="640" width="200" height="190" rx="8" fill="#f3ecd9"/>
  <ellipse cx="480" cy="735" rx="50" ry="60" fill="${tint(c, 0.3)}"/>
  <path d="M390 520 L390 880" stroke="${tint(c, 0.4)}" stroke-width="14" stroke-linecap="round"/>`;
}

export function glass(c: string): string {
  const one = (x: number, h: number) => `<path d="M${x} ${940 - h} L${x + 220} ${940 - h} L${x + 200} 940 L${x + 20} 940 Z" fill="${tint(c, 0.55)}" opacity="0.75" stroke="${c}" stroke-width="6"/>
  <path d="M${x + 10} ${940 - h * 0.6} L${x + 210} ${940 - h * 0.6} L${x + 200} 940 L${x + 20} 940 Z" fill="${c}" opacity="0.35"/>`;
  return one(230, 400) + one(500, 460);
}
