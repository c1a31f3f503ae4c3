import { installNodeKernels } from '../../src/cli/kernels.ts';
import { keepScratch } from '../../src/physics/scratch.ts';

// Every test file runs the engine on the WebAssembly kernels, as the app and the command line do, and lends its
// temporaries from kept arrays, as the app's worker does (physics/scratch.ts).
installNodeKernels();
keepScratch();
