// Level of detail for big scenes (several plans at once, 全部规划): with thousands of nodes and
// tens of thousands of edges, Cytoscape's canvas renderer draws a frame in seconds, so while the
// planner drags or wheels the canvas the edges are left out and the last full frame is moved as
// one picture; the whole scene is drawn again once the camera rests. A plan of ordinary size
// (the seed: a few hundred nodes) is drawn in full at every frame, as before.
// Cytoscape reads these switches from its options only when it is made, and the canvas is made
// for the first plan drawn: they are set on its renderer instead, each time the scene changes.
import type { Core } from 'cytoscape';

/** From this many nodes on, a scene is big: below it every frame is drawn in full. */
export const BIG_SCENE_NODES = 2_000;

/** Cytoscape's level-of-detail switches, as its renderer names them. */
export interface SceneDetail {
  /** Edges are left out of the frames drawn while the camera is moved by hand. */
  hideEdgesOnViewport: boolean;
  /** While the camera is moved by hand, the last full frame is moved as one picture. */
  textureOnViewport: boolean;
}

export function isBigScene(nodes: number): boolean {
  return nodes >= BIG_SCENE_NODES;
}

/** The level of detail for a scene of this many nodes. */
export function sceneDetail(nodes: number): SceneDetail {
  const big = isBigScene(nodes);
  return { hideEdgesOnViewport: big, textureOnViewport: big };
}

/**
 * Sets the level of detail for a scene of this many nodes on the canvas; what was set, or null
 * where the renderer is not Cytoscape's as expected (then it draws every frame in full).
 */
export function applySceneDetail(cy: Core, nodes: number): SceneDetail | null {
  const renderer: unknown = (cy as unknown as { renderer?: () => unknown }).renderer?.();
  if (typeof renderer !== 'object' || renderer === null) return null;
  const switches = renderer as Partial<SceneDetail>;
  if (
    typeof switches.hideEdgesOnViewport !== 'boolean' ||
    typeof switches.textureOnViewport !== 'boolean'
  ) {
    return null;
  }
  const detail = sceneDetail(nodes);
  Object.assign(switches, detail);
  return detail;
}

/**
 * Which renderer draws: Cytoscape's canvas one (the default), its WebGL one, or auto — WebGL for
 * a big scene where the browser has WebGL2, the canvas otherwise. Auto is not the default yet:
 * on this machine's software WebGL (SwiftShader, no GPU) the 10k scene of `npm run bench:web`
 * (BENCH_FPS=scene) took WebGL 25 times less main-thread time a frame than the canvas, but moved
 * at 0.3 to 50 frames a second from run to run (the canvas with its level of detail: 0.3 to 55),
 * and was first drawn later (30–63 s against 23–41 s). It should be measured on a real GPU.
 */
export type RendererChoice = 'canvas' | 'webgl' | 'auto';

/** The choice an address asks for (`?renderer=webgl|auto`); anything else is the canvas. */
export function rendererChoice(param: string | null): RendererChoice {
  return param === 'webgl' || param === 'auto' ? param : 'canvas';
}

/** Whether a scene of this many nodes is drawn with WebGL; asks the browser only if it matters. */
export function drawsWithWebgl(
  choice: RendererChoice,
  nodes: number,
  hasWebgl2: () => boolean,
): boolean {
  if (choice !== 'auto') return choice === 'webgl';
  return isBigScene(nodes) && hasWebgl2();
}

/** Whether this browser can make a WebGL2 context (Cytoscape's WebGL renderer needs one). */
export function browserHasWebgl2(): boolean {
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
    return gl !== null;
  } catch {
    return false;
  }
}
