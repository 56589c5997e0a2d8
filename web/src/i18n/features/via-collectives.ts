// The unit panel's line on what collectives hand down to a member unit (各区人民政府 on an item:
// each district carries it), as the member-load ranking counts it.
import { featureWords } from '../feature-words.ts';

const zh = {
  viaCollectives: '经集合单位另承担 {n} 项:{list}',
  viaCollectiveEntry: '{name} {n} 项',
  viaCollectivesHint:
    '它所属的集合单位(如各区人民政府、…成员单位)被列在这些事项上,未点名它本身;每项只计一次,不计入上面的牵头、配合数字',
} as const satisfies Record<string, string>;

const en: Record<keyof typeof zh, string> = {
  viaCollectives: 'Through collectives, {n} more items: {list}',
  viaCollectiveEntry: '{name} {n}',
  viaCollectivesHint:
    'Collectives it belongs to (各区人民政府, a …成员单位) are named on these items, not the unit itself; each item counted once, and not in the leads and supports above',
};

export type ViaCollectivesWord = keyof typeof zh;

/** A word of the feature, `{name}`s filled in. */
export const viaCollectivesWord = featureWords<ViaCollectivesWord>({ zh, en });
