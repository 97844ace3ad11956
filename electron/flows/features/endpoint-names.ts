import type { FlowFeature } from '../flow-feature';
import { columnOf } from '../flow-row';
import type { NameMap } from '../name-map';

const SRC_IP = columnOf('src_ip');
const DST_IP = columnOf('dst_ip');
const SRC_NAME = columnOf('src_name');
const DST_NAME = columnOf('dst_name');

/**
 * Names the flow's endpoints from what the capture taught so far (DNS answers
 * usually precede the connection they resolve). Runs at emit time only.
 */
export function endpointNames(names: NameMap): FlowFeature<null> {
  return {
    name: 'endpoint-names',
    create: () => null,
    init() {},
    emit(_s, _f, row) {
      row[SRC_NAME] = names.get(row[SRC_IP] as string);
      row[DST_NAME] = names.get(row[DST_IP] as string);
    },
  };
}
