/**
 * The body-region model: which anatomical group a region word belongs to (for same-region
 * conflicts and CMT region counts) and which groups are paired limbs that need a side.
 * Source: DOMAIN.md 5.D item 24 (body-region model), 2.5 (97124/97140 regions), 2.13 (CMT).
 */
import type { Side } from './input.ts';

/** The five spinal regions CMT counts (98940 1-2, 98941 3-4, 98942 5). */
export const SPINAL_GROUPS = ['cervical', 'thoracic', 'lumbar', 'sacral', 'pelvic'] as const;
export type SpinalGroup = (typeof SPINAL_GROUPS)[number];

/** Limb groups: a condition or intervention there is unilateral and needs a side. */
const PAIRED_GROUPS = new Set([
  'shoulder', 'arm', 'elbow', 'forearm', 'wrist', 'hand', 'finger', 'thumb',
  'hip', 'thigh', 'knee', 'leg', 'ankle', 'foot', 'toe', 'tmj',
]);

/** Whole region words and multi-word names; checked before single tokens. */
const ALIASES: Record<string, string> = {
  neck: 'cervical', low_back: 'lumbar', lower_back: 'lumbar', mid_back: 'thoracic', upper_back: 'thoracic',
  quadratus_lumborum: 'lumbar', ql: 'lumbar', suboccipital: 'cervical', suboccipitals: 'cervical',
  upper_trapezius: 'cervical', upper_traps: 'cervical', levator_scapulae: 'cervical', levator: 'cervical',
  scalenes: 'cervical', sternocleidomastoid: 'cervical', rhomboids: 'thoracic', rhomboid: 'thoracic',
  sacroiliac: 'pelvic', si_joint: 'pelvic', sacroiliac_joint: 'pelvic', pelvis: 'pelvic', coccyx: 'sacral', sacrum: 'sacral',
  rotator_cuff: 'shoulder', infraspinatus: 'shoulder', supraspinatus: 'shoulder', teres_minor: 'shoulder',
  subscapularis: 'shoulder', deltoid: 'shoulder', glenohumeral: 'shoulder', scapula: 'shoulder', scapular: 'shoulder',
  biceps: 'arm', triceps: 'arm', humerus: 'arm', upper_arm: 'arm',
  palm: 'hand', carpal: 'hand', metacarpal: 'hand', a1_pulley: 'finger', radius: 'wrist', distal_radius: 'wrist',
  gluteal: 'hip', glute: 'hip', gluteus: 'hip', groin: 'hip',
  quadriceps: 'thigh', quad: 'thigh', hamstring: 'thigh', hamstrings: 'thigh', it_band: 'thigh', femur: 'thigh',
  patella: 'knee', calf: 'leg', shin: 'leg', gastrocnemius: 'leg', soleus: 'leg', tibia: 'leg', lower_leg: 'leg',
  heel: 'foot', midfoot: 'foot', forefoot: 'foot', plantar_fascia: 'foot', achilles: 'ankle',
  temporomandibular: 'tmj', jaw: 'tmj',
  // the anterior chest wall (seat-belt strain, S29.012A) is not the thoracic spine (DOMAIN.md 2.9)
  chest_wall: 'chest_wall', anterior_chest: 'chest_wall', anterior_chest_wall: 'chest_wall', pectoralis_major: 'chest_wall',
  pectoralis_minor: 'chest_wall', intercostal: 'chest_wall',
};

/** Single tokens that name a group, wherever they appear in a compound name. */
const TOKENS: Record<string, string> = {
  cervical: 'cervical', thoracic: 'thoracic', lumbar: 'lumbar', lumbosacral: 'lumbar', sacral: 'sacral', pelvic: 'pelvic',
  shoulder: 'shoulder', arm: 'arm', elbow: 'elbow', forearm: 'forearm', wrist: 'wrist', hand: 'hand',
  finger: 'finger', fingers: 'finger', thumb: 'thumb', hip: 'hip', thigh: 'thigh', knee: 'knee', leg: 'leg',
  ankle: 'ankle', foot: 'foot', feet: 'foot', toe: 'toe', toes: 'toe', tmj: 'tmj',
  rib: 'chest_wall', ribs: 'chest_wall', head: 'head', abdomen: 'abdomen', chest: 'chest_wall',
  pectoralis: 'chest_wall', pectorals: 'chest_wall', pecs: 'chest_wall', intercostals: 'chest_wall', sternum: 'chest_wall',
};

/** Canonical form of a region word: lowercase, underscores for spaces and hyphens. */
export function regionKey(region: string): string {
  return region.toLowerCase().trim().replace(/[\s-]+/g, '_');
}

/** The anatomical group of a region word ("upper_thoracic" -> "thoracic"), or the word itself. */
export function regionGroup(region: string): string {
  const key = regionKey(region);
  const alias = ALIASES[key];
  if (alias) return alias;
  for (const token of key.split('_')) {
    const group = TOKENS[token] ?? ALIASES[token];
    if (group) return group;
  }
  return key;
}

/** True when a single word names a body region this model knows. */
export function isRegionWord(word: string): boolean {
  const key = regionKey(word);
  return key in ALIASES || key in TOKENS;
}

/** True when the region is a paired limb structure that needs a side. */
export function isPairedRegion(region: string): boolean {
  return PAIRED_GROUPS.has(regionGroup(region));
}

/** The spinal CMT region of a region word, or null for an extraspinal one. */
export function spinalGroup(region: string): SpinalGroup | null {
  const group = regionGroup(region);
  return (SPINAL_GROUPS as readonly string[]).includes(group) ? (group as SpinalGroup) : null;
}

/** A region word resolved once: its group, whether it needs a side, and the side given. */
export interface RegionRef {
  region: string;
  group: string;
  paired: boolean;
  side: Side | null;
}

/** Resolve a region word with the side it was given. */
export function regionRef(region: string, side: Side | null): RegionRef {
  const group = regionGroup(region);
  return { region, group, paired: PAIRED_GROUPS.has(group), side };
}

/**
 * True when two region mentions may be the same structure: same group, and for paired groups
 * sides that could coincide (a missing side cannot prove a different side).
 */
export function sameStructure(a: RegionRef, b: RegionRef): boolean {
  if (a.group !== b.group) return false;
  if (!a.paired) return true;
  if (a.side === null || b.side === null || a.side === 'bilateral' || b.side === 'bilateral') return true;
  return a.side === b.side;
}
