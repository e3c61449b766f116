/**
 * Registers every terms-gate element under its default tag. This is the entry of the
 * self-contained CDN build (`dist/terms-gate.js`).
 */
import './terms-highlight/define.ts';
import './terms-viewer/define.ts';
import './terms-modal/define.ts';
import './terms-gate/define.ts';
import './terms-consents/define.ts';

export * from './index.ts';
