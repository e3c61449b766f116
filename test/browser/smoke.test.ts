import { expect, test } from 'vitest';
test('browser', () => { expect(document.createElement('dialog').showModal).toBeTypeOf('function'); });
