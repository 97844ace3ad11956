// Importing a protocol file registers it in the dispatch tables. Add new protocols here.
import './ethernet';
import './ipv4';
import './ipv6';
import './tcp';
import './udp';
import './icmp';
import './gre';
import './vxlan';
import './ip-in-ip';
