// A theme's box on the canvas: drawn by the stylesheet, stacked by the layered layout and kept
// apart by the force layout, so the three agree on its size. Wide enough for a theme's title
// on one line (the seed's longest is 13 characters) at the size a projector needs.

/** Width and height of a theme's box, in model pixels; its label is `font` pixels high. */
export const THEME_BOX = { width: 340, height: 76, font: 24 } as const;
