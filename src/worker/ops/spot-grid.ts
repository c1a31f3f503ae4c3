// The engine's spot layout is plain arrays and numbers, copied as they are: the op has nothing to encode.
export { spotLayout } from '../../engine/spot-grid.ts';
