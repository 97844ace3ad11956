import type { CaptureInterfaceInfo } from '../../../shared/domain/capture';

interface Props {
  interfaces: CaptureInterfaceInfo[];
  selected: string;
  disabled: boolean;
  onSelect: (name: string) => void;
}

/** The interfaces libpcap can open, one to pick: name (loopback marked), description, link type, addresses. */
export function InterfaceList({ interfaces, selected, disabled, onSelect }: Props) {
  return (
    <table className="mini-table iface-table" data-testid="capture-interfaces">
      <thead>
        <tr>
          <th />
          <th>Interface</th>
          <th>Description</th>
          <th>Link type</th>
          <th>Addresses</th>
        </tr>
      </thead>
      <tbody>
        {interfaces.map((i) => (
          <tr
            key={i.name}
            className={`${disabled ? '' : 'clickable'} ${i.name === selected ? 'selected' : ''}`}
            onClick={() => !disabled && onSelect(i.name)}
            data-testid={`iface-${i.name}`}
            aria-selected={i.name === selected}
          >
            <td>
              <input type="radio" name="capture-interface" checked={i.name === selected} disabled={disabled} onChange={() => onSelect(i.name)} aria-label={i.name} />
            </td>
            <th>
              <code>{i.name}</code>
              {i.loopback && <span className="iface-badge">loopback</span>}
            </th>
            <td>{i.description ?? <span className="muted">—</span>}</td>
            <td data-testid={`iface-link-${i.name}`} title={i.linkType ? `LINKTYPE ${i.linkType.linkType}` : 'known once the capture starts'}>
              {i.linkType ? i.linkType.name : <span className="muted">—</span>}
            </td>
            <td className="iface-addresses">{i.addresses.length ? i.addresses.join(', ') : <span className="muted">none</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
