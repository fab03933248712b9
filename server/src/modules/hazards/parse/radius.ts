// First-guess radii for events known only by a point, so that an earthquake epicentre or a cyclone
// centre can be matched against where nationals are before an operator draws the real area.
// Earthquakes use a published intensity prediction equation; other hazards a table by alert level.
import type { HazardKind, HazardSeverity } from './types';

/**
 * Shaking intensity that sets the earthquake radius: MMI V ("moderate": felt by nearly everyone,
 * some dishes broken). Consular staff need the area where nationals are frightened and families
 * call, not only where buildings fail, and an area too large costs less than one too small.
 */
export const FELT_INTENSITY_MMI = 5;

/** Depth assumed when a source gives none: a typical shallow crustal event. */
export const DEFAULT_DEPTH_KM = 10;

const MIN_RADIUS_KM = 10;
const MAX_RADIUS_KM = 1500;

/**
 * Allen, Wald & Worden (2012), "Intensity attenuation for active crustal regions", J. Seismology 16,
 * 409–433: the hypocentral-distance form,
 *   MMI = c0 + c1·M + c2·ln√(R² + Rm²) [+ c4·ln(R/50) when R > 50 km],  Rm = m1 + m2·e^(M−5),
 * with c0 = 2.085, c1 = 1.428, c2 = −1.402, c4 = 0.078, m1 = −0.209, m2 = 2.042, R in km.
 */
export function predictedIntensity(magnitude: number, hypocentralKm: number): number {
  const rm = -0.209 + 2.042 * Math.exp(magnitude - 5);
  const r = Math.max(hypocentralKm, 1);
  const near = 2.085 + 1.428 * magnitude - 1.402 * Math.log(Math.sqrt(r * r + rm * rm));
  return r > 50 ? near + 0.078 * Math.log(r / 50) : near;
}

/**
 * Epicentral radius (km) inside which the predicted intensity reaches FELT_INTENSITY_MMI: the
 * hypocentral distance is found by bisection (intensity falls monotonically with distance) and the
 * depth taken off by Pythagoras. Bounded to 10–1500 km: below 10 km the epicentre's own uncertainty
 * dominates, and the equation was fitted on crustal events and is not trusted beyond continental
 * distances. Deep events (hundreds of km) come out at the minimum, as they are weakly felt.
 */
export function earthquakeRadiusKm(magnitude: number, depthKm: number = DEFAULT_DEPTH_KM): number {
  const depth = Number.isFinite(depthKm) ? Math.max(depthKm, 0) : DEFAULT_DEPTH_KM;
  let lo = Math.max(depth, 1);
  if (predictedIntensity(magnitude, lo) < FELT_INTENSITY_MMI) return MIN_RADIUS_KM;
  let hi = 20000;
  for (let i = 0; i < 60; i += 1) {
    const mid = (lo + hi) / 2;
    if (predictedIntensity(magnitude, mid) >= FELT_INTENSITY_MMI) lo = mid;
    else hi = mid;
  }
  const epicentral = Math.sqrt(Math.max(lo * lo - depth * depth, 0));
  return Math.round(Math.min(Math.max(epicentral, MIN_RADIUS_KM), MAX_RADIUS_KM));
}

export type AlertLevel = 'green' | 'orange' | 'red';

/**
 * Radii (km) by GDACS alert level [green, orange, red], judged from the usual footprint of each
 * hazard: a cyclone's damaging winds reach a few hundred km, a flood follows a river basin, a
 * volcano's exclusion and ash zones are tens of km, a drought covers a region.
 */
const LEVEL_RADII: Partial<Record<HazardKind, [number, number, number]>> = {
  tropical_cyclone: [100, 200, 300],
  flood: [25, 50, 100],
  volcano: [10, 25, 50],
  drought: [100, 250, 500],
  wildfire: [10, 25, 50],
  tsunami: [50, 200, 500],
  earthquake: [25, 50, 100],
};
const DEFAULT_RADII: [number, number, number] = [10, 25, 50];

export function levelRadiusKm(kind: HazardKind, level: AlertLevel | undefined): number {
  const radii = LEVEL_RADII[kind] ?? DEFAULT_RADII;
  return level === 'red' ? radii[2] : level === 'orange' ? radii[1] : radii[0];
}

/** The alert level a CAP severity stands for, to reuse the GDACS table for point-only CAP alerts. */
export function levelOfSeverity(severity: HazardSeverity): AlertLevel {
  if (severity === 'extreme' || severity === 'severe') return 'red';
  return severity === 'moderate' ? 'orange' : 'green';
}
