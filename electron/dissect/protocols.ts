// Importing a protocol file registers it in the dispatch tables. Add new protocols here.
import './ethernet';
import './linux-sll';
import './linux-sll2';
import './raw-ip';
import './bsd-loopback';
import './ppp';
import './pppoe';
import './cisco-hdlc';
import './mpls';
import './ipv4';
import './ipv6';
import './tcp';
import './udp';
import './icmp';
import './gre';
import './vxlan';
import './ip-in-ip';
