/**
 * What to do when libpcap refuses to capture, in the words of the user's
 * platform, instead of libpcap's raw message.
 */
export function captureProblem(device: string, message: string, platform: NodeJS.Platform = process.platform): string {
  const denied = /permission|not permitted|access is denied|eperm|eacces/i.test(message);
  if (!denied) return `cannot capture on ${device}: ${message}`;
  switch (platform) {
    case 'linux':
      return `capturing on ${device} is not permitted (${message}). Run Flowsight as root, or allow it to capture without root: sudo setcap cap_net_raw,cap_net_admin=eip "$(readlink -f "$(command -v node)")" (for the desktop app, the Flowsight binary instead of node).`;
    case 'darwin':
      return `capturing on ${device} is not permitted (${message}). Install Wireshark's ChmodBPF (it gives the access_bpf group read access to /dev/bpf*) and add your user to that group, or run as root.`;
    case 'win32':
      return `capturing on ${device} is not permitted (${message}). Install Npcap (https://npcap.com) in WinPcap-compatible mode, and run Flowsight as administrator if Npcap was installed with "restrict to administrators".`;
    default:
      return `capturing on ${device} is not permitted (${message}). Run Flowsight with the privileges your system requires for packet capture.`;
  }
}
