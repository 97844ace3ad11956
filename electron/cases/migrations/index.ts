import type { Migration } from './migration';
import { initial } from './0001-initial';
import { engineFields } from './0002-engine-fields';
import { packetsAndLabels } from './0003-packets-and-labels';
import { addressKeys } from './0004-address-keys';
import { labels } from './0005-labels';
import { findings } from './0006-findings';
import { anomalyModels } from './0007-anomaly-models';
import { sessionRecords } from './0008-session-records';
import { hostProfiles } from './0009-host-profiles';
import { models } from './0010-models';
import { labelCatalogueRulesImportFilter } from './0011-label-catalogue-rules-import-filter';
import { evidenceIntegrity } from './0012-evidence-integrity';
import { auditTrail } from './0013-audit-trail';
import { bookmarksAndNotes } from './0014-bookmarks-and-notes';
import { addressTextIndexes } from './0015-address-text-indexes';

/** Every shipped migration, in order. Never edit one that has shipped: add the next. */
export const migrations: readonly Migration[] = [initial, engineFields, packetsAndLabels, addressKeys, labels, findings, anomalyModels, sessionRecords, hostProfiles, models, labelCatalogueRulesImportFilter, evidenceIntegrity, auditTrail, bookmarksAndNotes, addressTextIndexes];

export const SCHEMA_VERSION = migrations[migrations.length - 1].version;
