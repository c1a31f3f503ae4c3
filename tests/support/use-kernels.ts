import { installNodeKernels } from '../../src/cli/kernels.ts';

// Every test file runs the engine on the WebAssembly kernels, as the app and the command line do.
installNodeKernels();
