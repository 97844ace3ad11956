/**
 * Corpus captures where Flowsight's flows deliberately differ from tshark's
 * conversation tables, each with the reason. `extra`: 5-tuples we have and
 * tshark has not; `missing`: the reverse; `counts`: 5-tuples whose totals differ.
 */
export interface ConversationDifference {
  why: string;
  extra: string[];
  missing: string[];
  counts: string[];
}

export const conversationDifferences: Record<string, ConversationDifference> = {};
