// The CPU slowdown for Lighthouse, calibrated to this machine as Lighthouse's throttling
// documentation asks (docs/throttling.md, "Calibrating the CPU slowdown"): the default
// 4× assumes a high-end desktop (benchmarkIndex 1500-2000) and turns it into a mid-tier
// phone; a slower or busier machine must be slowed less to emulate the same phone. The
// benchmark is Lighthouse's own (`computeBenchmarkIndex`, what every report records as
// "CPU/Memory Power"), run a few times in the Chromium Lighthouse uses; the multiplier is
// the formula of the calculator that document links (lighthouse-cpu-throttling-calculator).
import { pageFunctions } from 'lighthouse/core/lib/page-functions.js';
import { chromium } from 'playwright-core';
import { median } from './stats.mjs';

const SAMPLES = 5;

/** The calculator's multiplier for a benchmarkIndex, and the bracket it reasons from. */
export function multiplierFor(benchmarkIndex) {
  if (!Number.isFinite(benchmarkIndex) || benchmarkIndex < 150) {
    return { multiplier: 1, why: 'slower than a mid-tier phone already: no slowdown' };
  }
  if (benchmarkIndex >= 1300) {
    return {
      multiplier: 3 + (benchmarkIndex - 1300) / 233,
      why: 'desktop class (≥ 1300): 3× at 1300, one more per 233',
    };
  }
  if (benchmarkIndex >= 800) {
    return {
      multiplier: 2 + (benchmarkIndex - 800) / 500,
      why: 'low-end desktop or high-end phone (800-1300): 2× at 800 to 3× at 1300',
    };
  }
  return {
    multiplier: 1 + (benchmarkIndex - 150) / 650,
    why: 'between a mid-tier phone and a high-end one (150-800): 1× at 150 to 2× at 800',
  };
}

export async function calibrateCpu(launchOptions) {
  const browser = await chromium.launch(launchOptions);
  try {
    const page = await browser.newPage();
    const samples = [];
    for (let i = 0; i < SAMPLES; i++) {
      samples.push(await page.evaluate(`(${pageFunctions.computeBenchmarkIndex.toString()})()`));
    }
    const benchmarkIndex = Math.round(median(samples));
    const { multiplier, why } = multiplierFor(benchmarkIndex);
    return {
      benchmarkIndexSamples: samples.map(Math.round),
      benchmarkIndex,
      cpuSlowdownMultiplier: Number(multiplier.toFixed(1)),
      why: `benchmarkIndex ${benchmarkIndex} (median of ${SAMPLES}): ${why}`,
    };
  } finally {
    await browser.close();
  }
}
