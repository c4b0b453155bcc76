// Small SVG helpers for the demo pages (no framework: the pages are plain DOM).
const NS = 'http://www.w3.org/2000/svg';

/** An SVG element with attributes, appended to `parent` when given. */
export function svgEl<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
  parent?: Element,
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  parent?.appendChild(el);
  return el;
}

/** A linear map between a data box and an SVG box with equal scales on both axes. */
export interface Frame {
  toSvg(x: number, y: number): [number, number];
  toData(px: number, py: number): [number, number];
  /** pixels per data unit */
  scale: number;
}

/** Data [x0, x1] × [y0, y1] drawn `scale` pixels per unit, y upwards. */
export function frame(x0: number, y1: number, scale: number): Frame {
  return {
    scale,
    toSvg: (x, y) => [(x - x0) * scale, (y1 - y) * scale],
    toData: (px, py) => [x0 + px / scale, y1 - py / scale],
  };
}

/** Client (mouse) coordinates → SVG user coordinates of `svg`. */
export function clientToSvg(
  svg: SVGSVGElement,
  clientX: number,
  clientY: number,
): [number, number] {
  const ctm = svg.getScreenCTM();
  if (!ctm) return [clientX, clientY];
  const p = new DOMPoint(clientX, clientY).matrixTransform(ctm.inverse());
  return [p.x, p.y];
}

/** SVG user coordinates of `svg` → client (mouse) coordinates. */
export function svgToClient(svg: SVGSVGElement, x: number, y: number): [number, number] {
  const ctm = svg.getScreenCTM();
  if (!ctm) return [x, y];
  const p = new DOMPoint(x, y).matrixTransform(ctm);
  return [p.x, p.y];
}

/** Publish the page's state for the headless-browser test (and curious users: `window.demo`). */
export function publish(state: unknown): void {
  (window as unknown as { demo: unknown }).demo = state;
}
