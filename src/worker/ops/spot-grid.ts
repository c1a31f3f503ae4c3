// The engine's spot centres are plain arrays, copied as they are: the op has nothing to encode.
export { spotGrid } from '../../engine/spot-grid.ts';
