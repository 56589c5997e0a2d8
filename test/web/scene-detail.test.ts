// Which scenes get the reduced level of detail while the camera moves: from BIG_SCENE_NODES
// nodes on, both of Cytoscape's switches; below it, neither (the seed is drawn as it always was).
// And which renderer draws: the canvas unless the address asks for WebGL, or for auto (WebGL
// for a big scene where the browser has WebGL2).
import { describe, expect, it } from 'vitest';
import {
  BIG_SCENE_NODES,
  drawsWithWebgl,
  rendererChoice,
  sceneDetail,
} from '../../web/src/graph/scene-detail.ts';

describe('sceneDetail', () => {
  it('draws a plan of ordinary size in full', () => {
    expect(BIG_SCENE_NODES).toBe(2_000);
    for (const nodes of [0, 1, 300, BIG_SCENE_NODES - 1]) {
      expect(sceneDetail(nodes)).toEqual({ hideEdgesOnViewport: false, textureOnViewport: false });
    }
  });

  it('leaves edges out and moves a picture for a big scene', () => {
    for (const nodes of [BIG_SCENE_NODES, 10_000]) {
      expect(sceneDetail(nodes)).toEqual({ hideEdgesOnViewport: true, textureOnViewport: true });
    }
  });
});

describe('the renderer', () => {
  it('reads the address: webgl or auto when asked for, the canvas otherwise', () => {
    expect(rendererChoice('webgl')).toBe('webgl');
    expect(rendererChoice('auto')).toBe('auto');
    expect(rendererChoice('canvas')).toBe('canvas');
    expect(rendererChoice(null)).toBe('canvas');
    expect(rendererChoice('WebGL')).toBe('canvas');
  });

  it('is WebGL for a big scene with WebGL2, the canvas otherwise', () => {
    const yes = () => true;
    const no = () => false;
    expect(drawsWithWebgl('auto', BIG_SCENE_NODES, yes)).toBe(true);
    expect(drawsWithWebgl('auto', BIG_SCENE_NODES, no)).toBe(false);
    expect(drawsWithWebgl('auto', BIG_SCENE_NODES - 1, yes)).toBe(false);
    expect(drawsWithWebgl('canvas', 10_000, yes)).toBe(false);
    expect(drawsWithWebgl('webgl', 10, no)).toBe(true);
  });

  it('asks the browser only for a big scene', () => {
    let asked = 0;
    const ask = () => {
      asked += 1;
      return true;
    };
    drawsWithWebgl('auto', 300, ask);
    drawsWithWebgl('canvas', 10_000, ask);
    expect(asked).toBe(0);
    drawsWithWebgl('auto', 10_000, ask);
    expect(asked).toBe(1);
  });
});
