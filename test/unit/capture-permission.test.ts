import { describe, expect, it } from 'vitest';
import { captureProblem } from '../../electron/capture/live/capture-permission';

describe('capture permission advice', () => {
  const denied = "eth0: You don't have permission to capture on that device (socket: Operation not permitted)";
  it('says what to do on each platform, never a stack trace', () => {
    expect(captureProblem('eth0', denied, 'linux')).toMatch(/Run Flowsight as root, or .*setcap cap_net_raw,cap_net_admin=eip/);
    expect(captureProblem('en0', denied, 'darwin')).toMatch(/ChmodBPF/);
    expect(captureProblem('Ethernet', denied, 'win32')).toMatch(/Npcap/);
  });
  it('passes other problems through, naming the device', () => {
    expect(captureProblem('nosuch0', 'No such device exists')).toBe('cannot capture on nosuch0: No such device exists');
  });
});
