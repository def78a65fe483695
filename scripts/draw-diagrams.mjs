// Draws the bundled lectures' diagrams as SVG files in content/images. Run: node scripts/draw-diagrams.mjs
import { writeFileSync } from 'node:fs';

const font = 'font-family="Noto Sans, DejaVu Sans, Arial, sans-serif"';
const svg = (w, h, body) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}">\n` +
  `<rect width="${w}" height="${h}" fill="#f8fafc"/>\n${body}\n</svg>\n`;

function neuralNetwork() {
  const layers = [
    { x: 110, n: 3, label: 'Lớp đầu vào', color: '#3b82f6' },
    { x: 300, n: 4, label: 'Lớp ẩn', color: '#8b5cf6' },
    { x: 490, n: 2, label: 'Lớp đầu ra', color: '#10b981' },
  ];
  const ys = (n) => Array.from({ length: n }, (_, i) => 170 + (i - (n - 1) / 2) * 70);
  let edges = '';
  let nodes = '';
  layers.forEach((layer, li) => {
    const next = layers[li + 1];
    for (const y of ys(layer.n)) {
      if (next) for (const y2 of ys(next.n)) edges += `<line x1="${layer.x}" y1="${y}" x2="${next.x}" y2="${y2}" stroke="#94a3b8" stroke-width="1.5"/>\n`;
      nodes += `<circle cx="${layer.x}" cy="${y}" r="22" fill="${layer.color}" stroke="#1e293b" stroke-width="2"/>\n`;
    }
    nodes += `<text x="${layer.x}" y="330" text-anchor="middle" font-size="16" ${font} fill="#1e293b">${layer.label}</text>\n`;
  });
  return svg(
    600,
    360,
    `<text x="300" y="36" text-anchor="middle" font-size="20" font-weight="bold" ${font} fill="#0f172a">Mạng nơ-ron truyền thẳng</text>\n${edges}${nodes}`,
  );
}

function gradientDescent() {
  const f = (x) => 0.012 * (x - 300) ** 2;
  let curve = '';
  for (let x = 60; x <= 540; x += 6) curve += `${curve ? 'L' : 'M'}${x},${300 - f(x) * 0.6} `;
  const steps = [80, 150, 200, 236, 260, 276, 287];
  let path = '';
  steps.forEach((x, i) => {
    const y = 300 - f(x) * 0.6;
    path += `<circle cx="${x}" cy="${y}" r="7" fill="#ef4444"/>\n`;
    if (i > 0) {
      const px = steps[i - 1];
      path += `<line x1="${px}" y1="${300 - f(px) * 0.6}" x2="${x}" y2="${y}" stroke="#ef4444" stroke-width="2.5" marker-end="url(#arrow)"/>\n`;
    }
  });
  return svg(
    600,
    340,
    `<defs><marker id="arrow" markerWidth="8" markerHeight="8" refX="6" refY="4" orient="auto"><path d="M0,0 L8,4 L0,8 z" fill="#ef4444"/></marker></defs>\n` +
      `<text x="300" y="36" text-anchor="middle" font-size="20" font-weight="bold" ${font} fill="#0f172a">Gradient descent đi xuống dốc của L(θ)</text>\n` +
      `<line x1="50" y1="305" x2="560" y2="305" stroke="#334155" stroke-width="2"/>\n` +
      `<path d="${curve}" fill="none" stroke="#3b82f6" stroke-width="3"/>\n${path}` +
      `<text x="300" y="330" text-anchor="middle" font-size="15" ${font} fill="#334155">θ — mỗi bước: θ ← θ − η∇L(θ)</text>`,
  );
}

function ragPipeline() {
  const boxes = [
    { x: 20, label: ['Câu hỏi'], color: '#dbeafe' },
    { x: 175, label: ['Truy xuất', 'k đoạn liên quan'], color: '#ede9fe' },
    { x: 330, label: ['Prompt =', 'ngữ cảnh + câu hỏi'], color: '#fef3c7' },
    { x: 485, label: ['LLM sinh', 'câu trả lời có nguồn'], color: '#d1fae5' },
  ];
  let body = `<defs><marker id="arrow" markerWidth="10" markerHeight="10" refX="8" refY="5" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#334155"/></marker></defs>\n`;
  body += `<text x="320" y="36" text-anchor="middle" font-size="20" font-weight="bold" ${font} fill="#0f172a">Retrieval-Augmented Generation</text>\n`;
  boxes.forEach((box, i) => {
    body += `<rect x="${box.x}" y="80" width="135" height="90" rx="12" fill="${box.color}" stroke="#334155" stroke-width="2"/>\n`;
    box.label.forEach((line, j) => {
      body += `<text x="${box.x + 67.5}" y="${120 + j * 22 - (box.label.length - 1) * 8}" text-anchor="middle" font-size="14" ${font} fill="#0f172a">${line}</text>\n`;
    });
    if (i < boxes.length - 1)
      body += `<line x1="${box.x + 137}" y1="125" x2="${box.x + 153}" y2="125" stroke="#334155" stroke-width="2.5" marker-end="url(#arrow)"/>\n`;
  });
  body += `<rect x="175" y="215" width="135" height="60" rx="8" fill="#f1f5f9" stroke="#64748b" stroke-dasharray="6 4"/>\n`;
  body += `<text x="242" y="250" text-anchor="middle" font-size="14" ${font} fill="#334155">Kho tài liệu</text>\n`;
  body += `<line x1="242" y1="213" x2="242" y2="174" stroke="#64748b" stroke-width="2" marker-end="url(#arrow)"/>\n`;
  return svg(640, 300, body);
}

writeFileSync(new URL('../content/images/neural-network.svg', import.meta.url), neuralNetwork());
writeFileSync(new URL('../content/images/gradient-descent.svg', import.meta.url), gradientDescent());
writeFileSync(new URL('../content/images/rag-pipeline.svg', import.meta.url), ragPipeline());
