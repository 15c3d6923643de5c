import { describe, expect, it } from 'vitest';
import { CALL_NAMES } from './channels';
import { contract, events } from './contract';

describe('the IPC contract', () => {
  it('declares exactly the calls named in channels.ts, each with request and response schemas', () => {
    expect(Object.keys(contract).sort()).toEqual([...CALL_NAMES].sort());
    for (const call of Object.values(contract)) {
      expect(typeof call.request.safeParse).toBe('function');
      expect(typeof call.response.safeParse).toBe('function');
    }
  });

  it('refuses requests that do not match a call’s schema', () => {
    expect(contract.setDocumentState.request.safeParse({ docId: 'a', name: 'x', dirty: true }).success).toBe(true);
    expect(contract.setDocumentState.request.safeParse({ docId: '', name: 'x', dirty: true }).success).toBe(false);
    expect(contract.openRecent.request.safeParse({}).success).toBe(false);
    expect(contract.newDocument.request.safeParse({ path: '/etc/passwd' }).success).toBe(false);
  });

  it('checks commands sent to the renderer', () => {
    expect(events.command.safeParse({ command: 'save' }).success).toBe(true);
    expect(events.command.safeParse({ command: 'format-disk' }).success).toBe(false);
  });
});
