/**
 * Above this many nodes a force layout costs more than a frame per step and the page would stall:
 * the graph switches to a circular layout, computed once, without animation or labels.
 */
export const FORCE_LAYOUT_LIMIT = 1500;
