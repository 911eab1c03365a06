// Writes the seller app's new-order ring (packages/seller-app/assets/new-order.wav): two bright
// tones twice, then a pause, about a second that the app loops until someone answers. Generated
// here so the repository ships no downloaded sound: `node scripts/make-ring-sound.mjs`.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const rate = 22_050;
const tone = (hz, seconds) => ({ hz, seconds });
const pattern = [tone(988, 0.14), tone(1319, 0.14), tone(988, 0.14), tone(1319, 0.14), tone(0, 0.44)];
const fade = Math.round(rate * 0.008);

const samples = [];
for (const { hz, seconds } of pattern) {
  const count = Math.round(rate * seconds);
  for (let i = 0; i < count; i++) {
    const edge = Math.min(1, i / fade, (count - i) / fade);
    samples.push(hz === 0 ? 0 : Math.round(Math.sin((2 * Math.PI * hz * i) / rate) * edge * 0.9 * 32767));
  }
}

const data = Buffer.alloc(samples.length * 2);
for (const [i, sample] of samples.entries()) data.writeInt16LE(sample, i * 2);
const header = Buffer.alloc(44);
header.write('RIFF', 0);
header.writeUInt32LE(36 + data.length, 4);
header.write('WAVE', 8);
header.write('fmt ', 12);
header.writeUInt32LE(16, 16);
header.writeUInt16LE(1, 20); // PCM
header.writeUInt16LE(1, 22); // mono
header.writeUInt32LE(rate, 24);
header.writeUInt32LE(rate * 2, 28);
header.writeUInt16LE(2, 32);
header.writeUInt16LE(16, 34);
header.write('data', 36);
header.writeUInt32LE(data.length, 40);

const out = fileURLToPath(new URL('../packages/seller-app/assets/new-order.wav', import.meta.url));
writeFileSync(out, Buffer.concat([header, data]));
console.log(`wrote ${out} (${(44 + data.length) / 1000} kB)`);
