// The float32 kernel suite (test/kernel-suite.ts) on the backends every machine has.
// headlessgl runs the same suite from test/headlessgl.test.ts, the browser from test/browser.test.ts.
import { kernelSuite } from '../test/kernel-suite.js';

kernelSuite('cpu');
kernelSuite('webasm');
